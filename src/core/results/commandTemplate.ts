// The evaluation command template (`evaluation.command`): split ONCE into an argument vector with shell-like quoting
// rules that apply to the template's own text only, THEN each argument has its `${variables}` substituted. A value
// never goes through the splitter, so no candidate id, path or setting can add arguments or shell syntax.
import * as l10n from '@vscode/l10n';

/** The variables an evaluation command may use. */
export const TEMPLATE_VARIABLES = ['candidate', 'results', 'dataset', 'python', 'workspaceFolder'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Readonly<Partial<Record<TemplateVariable, string>>>;

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const VARIABLE = /\$\{([^}]*)\}/g;

/**
 * Splits a template into arguments. Whitespace separates arguments; `'…'` keeps its text literally; `"…"` keeps
 * its text with `\"` and `\\` as escapes; a backslash outside quotes keeps the next character. `${…}` is left as is.
 */
export function splitTemplate(template: string): Outcome<string[]> {
  const args: string[] = [];
  let current = '';
  let inArg = false;
  let i = 0;
  while (i < template.length) {
    const ch = template[i];
    if (/\s/.test(ch)) {
      if (inArg) args.push(current);
      current = '';
      inArg = false;
      i++;
    } else if (ch === "'") {
      const end = template.indexOf("'", i + 1);
      if (end < 0) return { ok: false, error: l10n.t("unterminated ' quote at character {0}", i + 1) };
      current += template.slice(i + 1, end);
      inArg = true;
      i = end + 1;
    } else if (ch === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= template.length) return { ok: false, error: l10n.t('unterminated " quote at character {0}', i + 1) };
        const c = template[j];
        if (c === '"') break;
        if (c === '\\' && (template[j + 1] === '"' || template[j + 1] === '\\')) {
          current += template[j + 1];
          j += 2;
        } else {
          current += c;
          j++;
        }
      }
      inArg = true;
      i = j + 1;
    } else if (ch === '\\' && i + 1 < template.length) {
      current += template[i + 1];
      inArg = true;
      i += 2;
    } else {
      current += ch;
      inArg = true;
      i++;
    }
  }
  if (inArg) args.push(current);
  if (args.length === 0) return { ok: false, error: l10n.t('the command is empty') };
  return { ok: true, value: args };
}

/** Variable names a text uses that are not known or have no value. */
export function missingVariables(text: string, values: TemplateValues): string[] {
  const missing: string[] = [];
  for (const m of text.matchAll(VARIABLE)) {
    const name = m[1];
    const known = (TEMPLATE_VARIABLES as readonly string[]).includes(name);
    if ((!known || values[name as TemplateVariable] === undefined) && !missing.includes(name)) missing.push(name);
  }
  return missing;
}

function describeMissing(missing: readonly string[], values: TemplateValues): string {
  return missing
    .map((name) =>
      (TEMPLATE_VARIABLES as readonly string[]).includes(name) && values[name as TemplateVariable] === undefined
        ? l10n.t('{0} has no value (set evaluation.{1} in the roadmap)', `\${${name}}`, name === 'candidate' ? 'command' : name)
        : l10n.t('unknown variable {0} (known: {1})', `\${${name}}`, TEMPLATE_VARIABLES.map((v) => `\${${v}}`).join(', ')),
    )
    .join('; ');
}

/** Replaces every `${name}` of one argument with its value, verbatim. */
function substitute(text: string, values: TemplateValues, quote: (v: string) => string = (v) => v): string {
  return text.replace(VARIABLE, (_, name: string) => quote(values[name as TemplateVariable] ?? ''));
}

/** The argument vector of a template: split first, then each argument substituted. */
export function buildArgv(template: string, values: TemplateValues): Outcome<string[]> {
  const missing = missingVariables(template, values);
  if (missing.length > 0) return { ok: false, error: describeMissing(missing, values) };
  const split = splitTemplate(template);
  if (!split.ok) return split;
  return { ok: true, value: split.value.map((arg) => substitute(arg, values)) };
}

/** POSIX shell quoting: the value as one word, whatever it holds. */
export function shellQuote(value: string): string {
  if (value !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A readable one-line form of an argument vector (each argument quoted only when it needs to be). */
export function joinArgv(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ');
}

/**
 * The command line for the `evaluation.shell: true` opt-in: the template's text is shell syntax (pipes,
 * redirections are the user's), and each substituted value is inserted as one quoted word.
 */
export function buildShellCommand(template: string, values: TemplateValues): Outcome<string> {
  const missing = missingVariables(template, values);
  if (missing.length > 0) return { ok: false, error: describeMissing(missing, values) };
  if (template.trim() === '') return { ok: false, error: l10n.t('the command is empty') };
  return { ok: true, value: substitute(template.trim(), values, shellQuote) };
}

/** The command as it runs, in one string: what results are stamped with and compared by. */
export function commandLine(template: string, values: TemplateValues, shell: boolean): Outcome<string> {
  if (shell) return buildShellCommand(template, values);
  const argv = buildArgv(template, values);
  return argv.ok ? { ok: true, value: joinArgv(argv.value) } : argv;
}

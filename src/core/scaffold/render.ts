// Rendering a template file: `{{name}}` placeholders replaced by variable values, escaped for the file.
//
//   {{name}}         Python files: a Python literal ("text" quoted and escaped, 42 as is);
//                    other files: the value as plain text.
//   {{name|py}}      a Python literal, in any file.
//   {{name|text}}    plain text; in Python files only for ids, integers and choices, whose values
//                    cannot break the code (for comments and docstrings).
//   {{name|shell}}   a POSIX shell word (quoted when needed), e.g. in README commands.
import * as l10n from '@vscode/l10n';
import { pythonLiteral, shellQuote } from './literals';
import type { RenderMode, TemplateVariable, VariableValue } from './manifest';

export const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|\s*([A-Za-z]+)\s*)?\}\}/g;
const FILTERS = ['py', 'text', 'shell'] as const;
type Filter = (typeof FILTERS)[number];
const SAFE_AS_TEXT_IN_PYTHON: readonly string[] = ['id', 'integer', 'choice'];

export class RenderError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(l10n.t('{0}:{1}: {2}', file, line, message));
    this.name = 'RenderError';
  }
}

/** Render one file's text. Throws RenderError on an unknown variable or filter, or an unsafe filter. */
export function renderFile(
  file: string,
  text: string,
  mode: RenderMode,
  variables: readonly TemplateVariable[],
  values: Readonly<Record<string, VariableValue>>,
): string {
  if (mode === 'copy') return text;
  const byName = new Map(variables.map((v) => [v.name, v]));
  return text.replace(PLACEHOLDER, (match: string, name: string, filterName: string | undefined, offset: number) => {
    const line = text.slice(0, offset).split('\n').length;
    const variable = byName.get(name);
    if (!variable) {
      const declared = [...byName.keys()].join(', ') || l10n.t({ message: 'none', comment: ['In place of the list of variables a template declares, when it declares none'] });
      throw new RenderError(file, line, l10n.t('{0} names no variable of the manifest (declared: {1})', match, declared));
    }
    const value = values[name];
    if (value === undefined) throw new RenderError(file, line, l10n.t('no value for {0}', match));
    const filter = (filterName ?? (mode === 'python' ? 'py' : 'text')) as Filter;
    if (!FILTERS.includes(filter)) throw new RenderError(file, line, l10n.t("unknown filter '{0}' in {1} (use {2})", String(filterName), match, FILTERS.join(', ')));
    if (mode === 'python' && filter === 'text' && !SAFE_AS_TEXT_IN_PYTHON.includes(variable.type)) {
      throw new RenderError(file, line, l10n.t('{0}: a {1} value as raw text could break the Python code; use {2}', match, variable.type, `{{${name}}}`));
    }
    switch (filter) {
      case 'py':
        return variable.type === 'integer' ? String(value) : pythonLiteral(String(value));
      case 'shell':
        return shellQuote(value);
      case 'text':
        return String(value);
    }
  });
}

// The template manifest (`template.json`): what a baseline template asks, which variables its
// files use, and which files it writes. Documented in docs/baselines.md.
import { CANDIDATE_ID_PATTERN } from './candidate-id';
import { TASKS, type Task } from './dataset';

export const MANIFEST_FILE = 'template.json';
export const MANIFEST_VERSION = 1;

export const VARIABLE_TYPES = ['id', 'string', 'path', 'integer', 'choice'] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

/** How a file's placeholders are rendered: Python literals, plain text, or copied untouched. */
export const RENDER_MODES = ['python', 'text', 'copy'] as const;
export type RenderMode = (typeof RENDER_MODES)[number];

export type VariableValue = string | number;

export interface TemplateVariable {
  readonly name: string;
  readonly type: VariableType;
  readonly description?: string;
  readonly default?: VariableValue;
  /** For `choice`: the allowed values. */
  readonly choices?: readonly string[];
}

export interface TemplateQuestion {
  readonly variable: string;
  readonly prompt: string;
}

export interface TemplateFile {
  /** Path inside the template folder, with `/` separators; also the path written in the target folder. */
  readonly path: string;
  readonly render: RenderMode;
}

export interface TemplateManifest {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** A dumb baseline: registered in the roadmap with `baseline: true`. */
  readonly baseline: boolean;
  readonly tasks: readonly Task[];
  /** The file to open after scaffolding; also the evaluation entry point. */
  readonly main: string;
  /** Suggested candidate id and title when registering in the roadmap. */
  readonly candidate: { readonly id?: string; readonly title?: string };
  readonly variables: readonly TemplateVariable[];
  readonly questions: readonly TemplateQuestion[];
  readonly files: readonly TemplateFile[];
}

export interface ManifestResult {
  readonly manifest?: TemplateManifest;
  readonly errors: readonly string[];
}

const VARIABLE_NAME = /^[a-z_][a-z0-9_]*$/;

/** The render mode a file gets when the manifest does not say: Python files get Python literals. */
export function defaultRenderMode(path: string): RenderMode {
  return /\.pyi?$/.test(path) ? 'python' : 'text';
}

/** A relative path that stays inside its folder: no absolute paths, no `..`, no backslashes. */
export function isSafeRelativePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.includes('\\')) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** Validate a parsed `template.json`; never throws. */
export function parseManifest(raw: unknown): ManifestResult {
  const errors: string[] = [];
  if (!isObject(raw)) return { errors: ['template.json must hold a JSON object'] };

  if (raw.manifest !== undefined && raw.manifest !== MANIFEST_VERSION) {
    errors.push(`"manifest" must be ${MANIFEST_VERSION} (found ${JSON.stringify(raw.manifest)})`);
  }
  const name = stringField(raw, 'name', errors, true);
  // Template names name folders and are typed in commands: the candidate ids' safe alphabet.
  if (name !== undefined && !CANDIDATE_ID_PATTERN.test(name)) {
    errors.push(`"name" must use lower-case letters, digits, '-' and '_' (found ${JSON.stringify(name)})`);
  }
  const title = stringField(raw, 'title', errors, false) ?? name ?? '';
  const description = stringField(raw, 'description', errors, false) ?? '';
  if (raw.baseline !== undefined && typeof raw.baseline !== 'boolean') errors.push('"baseline" must be true or false');

  let tasks: Task[] = [...TASKS];
  if (raw.tasks !== undefined) {
    if (!Array.isArray(raw.tasks) || raw.tasks.some((t) => !TASKS.includes(t as Task))) {
      errors.push('"tasks" must be a list of "classification" and "regression"');
    } else tasks = raw.tasks as Task[];
  }

  const variables = parseVariables(raw.variables, errors);
  const names = new Set(variables.map((v) => v.name));
  const questions = parseQuestions(raw.questions, names, errors);
  const files = parseFiles(raw.files, errors);

  const main = stringField(raw, 'main', errors, false) ?? files[0]?.path ?? '';
  if (files.length > 0 && !files.some((f) => f.path === main)) errors.push(`"main" (${main}) is not in "files"`);

  let candidate: { id?: string; title?: string } = {};
  if (raw.candidate !== undefined) {
    if (!isObject(raw.candidate)) errors.push('"candidate" must be an object { "id", "title" }');
    else candidate = { id: stringField(raw.candidate, 'id', errors, false), title: stringField(raw.candidate, 'title', errors, false) };
  }

  if (errors.length > 0 || name === undefined) return { errors };
  return {
    manifest: { name, title, description, baseline: raw.baseline === true, tasks, main, candidate, variables, questions, files },
    errors,
  };
}

function parseVariables(raw: unknown, errors: string[]): TemplateVariable[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    errors.push('"variables" must be a list');
    return [];
  }
  const out: TemplateVariable[] = [];
  const seen = new Set<string>();
  raw.forEach((v, i) => {
    const where = `variables[${i}]`;
    if (!isObject(v) || typeof v.name !== 'string' || !VARIABLE_NAME.test(v.name)) {
      errors.push(`${where} needs a "name" of lower-case letters, digits and '_'`);
      return;
    }
    if (seen.has(v.name)) errors.push(`${where}: variable "${v.name}" is declared twice`);
    seen.add(v.name);
    const type = v.type ?? 'string';
    if (!VARIABLE_TYPES.includes(type as VariableType)) {
      errors.push(`${where}: "type" must be one of ${VARIABLE_TYPES.join(', ')}`);
      return;
    }
    let choices: string[] | undefined;
    if (type === 'choice') {
      if (!Array.isArray(v.choices) || v.choices.length === 0 || v.choices.some((c) => typeof c !== 'string')) {
        errors.push(`${where}: a "choice" variable needs "choices", a list of strings`);
        return;
      }
      choices = v.choices as string[];
    }
    const def = v.default;
    if (def !== undefined && typeof def !== 'string' && typeof def !== 'number') {
      errors.push(`${where}: "default" must be a string or a number`);
      return;
    }
    out.push({
      name: v.name,
      type: type as VariableType,
      ...(typeof v.description === 'string' ? { description: v.description } : {}),
      ...(def !== undefined ? { default: def } : {}),
      ...(choices ? { choices } : {}),
    });
  });
  return out;
}

function parseQuestions(raw: unknown, variables: ReadonlySet<string>, errors: string[]): TemplateQuestion[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    errors.push('"questions" must be a list');
    return [];
  }
  const out: TemplateQuestion[] = [];
  raw.forEach((q, i) => {
    if (!isObject(q) || typeof q.variable !== 'string' || typeof q.prompt !== 'string') {
      errors.push(`questions[${i}] needs "variable" and "prompt" strings`);
    } else if (!variables.has(q.variable)) {
      errors.push(`questions[${i}] asks for "${q.variable}", which is not in "variables"`);
    } else out.push({ variable: q.variable, prompt: q.prompt });
  });
  return out;
}

function parseFiles(raw: unknown, errors: string[]): TemplateFile[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    errors.push('"files" must be a non-empty list of paths or { "path", "render" } objects');
    return [];
  }
  const out: TemplateFile[] = [];
  const seen = new Set<string>();
  raw.forEach((f, i) => {
    const path = typeof f === 'string' ? f : isObject(f) && typeof f.path === 'string' ? f.path : undefined;
    if (path === undefined) {
      errors.push(`files[${i}] must be a path or an object with a "path"`);
      return;
    }
    if (!isSafeRelativePath(path) || path === MANIFEST_FILE) {
      errors.push(`files[${i}]: "${path}" must be a relative path inside the template folder (with '/', no '..')`);
      return;
    }
    if (seen.has(path)) errors.push(`files[${i}]: "${path}" is listed twice`);
    seen.add(path);
    const render = isObject(f) && f.render !== undefined ? f.render : defaultRenderMode(path);
    if (!RENDER_MODES.includes(render as RenderMode)) {
      errors.push(`files[${i}]: "render" must be one of ${RENDER_MODES.join(', ')}`);
      return;
    }
    out.push({ path, render: render as RenderMode });
  });
  return out;
}

function stringField(obj: Record<string, unknown>, key: string, errors: string[], required: boolean): string | undefined {
  const v = obj[key];
  if (v === undefined) {
    if (required) errors.push(`"${key}" is required`);
    return undefined;
  }
  if (typeof v !== 'string') {
    errors.push(`"${key}" must be a string`);
    return undefined;
  }
  return v;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// Finding baseline templates: the built-in ones shipped with the extension and the team's own in
// `.mlroadmap/templates/<name>/` of a workspace folder. A team template with a built-in's name replaces it.
import * as l10n from '@vscode/l10n';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MANIFEST_FILE, parseManifest, type TemplateManifest } from './manifest';

export const WORKSPACE_TEMPLATES_DIR = '.mlroadmap/templates';

/** A folder next to the templates with files several of them list (no template.json: not a template itself). */
export const SHARED_DIR = '_shared';

/**
 * Where a file a template lists is read from: the template's own folder, else the `_shared` folder next to it
 * (so helpers several templates copy are kept once). Undefined when neither has it.
 */
export function templateFilePath(dir: string, file: string): string | undefined {
  const parts = file.split('/');
  const own = join(dir, ...parts);
  if (existsSync(own)) return own;
  const shared = join(dirname(dir), SHARED_DIR, ...parts);
  return existsSync(shared) ? shared : undefined;
}

export type TemplateSource = 'builtin' | 'workspace';

export interface TemplateInfo {
  readonly name: string;
  readonly source: TemplateSource;
  /** Absolute path of the template folder. */
  readonly dir: string;
  readonly manifest: TemplateManifest;
}

export interface TemplateProblem {
  readonly dir: string;
  readonly errors: readonly string[];
}

export interface TemplateListing {
  /** Built-in templates first, then the workspace's, each sorted by name. */
  readonly templates: readonly TemplateInfo[];
  /** Folders with a template.json that could not be used, and why. */
  readonly problems: readonly TemplateProblem[];
}

/** A loaded template: its manifest and the text of every file it lists. */
export interface LoadedTemplate {
  readonly info: TemplateInfo;
  readonly files: ReadonlyMap<string, string>;
}

/** Templates in `builtinDir` and in `<workspaceDir>/.mlroadmap/templates`; never throws. */
export function listTemplates(builtinDir: string | undefined, workspaceDir?: string): TemplateListing {
  const problems: TemplateProblem[] = [];
  const builtin = builtinDir ? scan(builtinDir, 'builtin', problems) : [];
  const workspace = workspaceDir ? scan(join(workspaceDir, WORKSPACE_TEMPLATES_DIR), 'workspace', problems) : [];
  const replaced = new Set(workspace.map((t) => t.name));
  return { templates: [...builtin.filter((t) => !replaced.has(t.name)), ...workspace], problems };
}

export function findTemplate(listing: TemplateListing, name: string): TemplateInfo | undefined {
  return listing.templates.find((t) => t.name === name);
}

/** Read a template's files. Throws with the template's name when a listed file is missing. */
export function loadTemplate(info: TemplateInfo): LoadedTemplate {
  const files = new Map<string, string>();
  for (const file of info.manifest.files) {
    const path = templateFilePath(info.dir, file.path) ?? join(info.dir, ...file.path.split('/'));
    try {
      files.set(file.path, readFileSync(path, 'utf8'));
    } catch (e) {
      throw new Error(l10n.t("template '{0}' lists {1}, which cannot be read: {2}", info.name, file.path, (e as Error).message), { cause: e });
    }
  }
  return { info, files };
}

function scan(root: string, source: TemplateSource, problems: TemplateProblem[]): TemplateInfo[] {
  let entries: string[];
  try {
    entries = readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
  const out: TemplateInfo[] = [];
  for (const entry of entries) {
    const dir = join(root, entry);
    const manifestPath = join(dir, MANIFEST_FILE);
    if (!existsSync(manifestPath)) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(manifestPath, 'utf8'));
    } catch (e) {
      problems.push({ dir, errors: [`${MANIFEST_FILE} is not valid JSON: ${(e as Error).message}`] });
      continue;
    }
    const { manifest, errors } = parseManifest(raw);
    const missing = manifest ? manifest.files.filter((f) => templateFilePath(dir, f.path) === undefined).map((f) => `${f.path} is listed but missing`) : [];
    if (!manifest || missing.length > 0) {
      problems.push({ dir, errors: [...errors, ...missing] });
      continue;
    }
    if (manifest.name !== entry) {
      problems.push({ dir, errors: [`"name" is "${manifest.name}" but the folder is "${entry}": they must match`] });
      continue;
    }
    out.push({ name: manifest.name, source, dir, manifest });
  }
  return out;
}

// Planning a scaffold: the files a template would write, as data. Nothing touches the disk here.
import { renderFile } from './render';
import type { LoadedTemplate } from './templates';
import type { VariableValue } from './manifest';

export interface PlannedFile {
  /** Path relative to the target folder, with `/` separators. */
  readonly path: string;
  readonly content: string;
  /** Replace the file when it exists already. Off unless the user said so for this file. */
  readonly overwrite: boolean;
}

/** Render every file of a template with checked values (see resolveValues). Throws RenderError. */
export function planScaffold(template: LoadedTemplate, values: Readonly<Record<string, VariableValue>>): PlannedFile[] {
  const { manifest } = template.info;
  return manifest.files.map((file) => {
    const text = template.files.get(file.path);
    if (text === undefined) throw new Error(`template '${manifest.name}' has no loaded text for ${file.path}`);
    return { path: file.path, content: renderFile(file.path, text, file.render, manifest.variables, values), overwrite: false };
  });
}

/** The same plan with `overwrite` set on the given paths (the user agreed to replace them). */
export function allowOverwrite(files: readonly PlannedFile[], paths: Iterable<string>): PlannedFile[] {
  const allowed = new Set(paths);
  return files.map((f) => (allowed.has(f.path) ? { ...f, overwrite: true } : f));
}

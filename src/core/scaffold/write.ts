// Writing a planned scaffold into a folder, never replacing a file unless that file says `overwrite`.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PlannedFile } from './plan';

export type WriteOutcome =
  | { readonly ok: true; readonly written: readonly string[] }
  /** Nothing was written: these files exist and are not marked `overwrite`. */
  | { readonly ok: false; readonly existing: readonly string[] };

/** Files of the plan that exist in `targetDir` and are not marked `overwrite`. */
export function conflictingFiles(targetDir: string, files: readonly PlannedFile[]): string[] {
  return files.filter((f) => !f.overwrite && existsSync(join(targetDir, ...f.path.split('/')))).map((f) => f.path);
}

/** Write every planned file, creating folders; all or nothing with respect to existing files. */
export function writePlannedFiles(targetDir: string, files: readonly PlannedFile[]): WriteOutcome {
  const existing = conflictingFiles(targetDir, files);
  if (existing.length > 0) return { ok: false, existing };
  const written: string[] = [];
  for (const file of files) {
    const path = join(targetDir, ...file.path.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    // `wx` makes the no-overwrite promise hold even if a file appeared since the check.
    writeFileSync(path, file.content, { encoding: 'utf8', flag: file.overwrite ? 'w' : 'wx' });
    written.push(file.path);
  }
  return { ok: true, written };
}

// Writing a planned scaffold into a folder, never replacing a file unless that file says `overwrite`.
import { existsSync, mkdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { PlannedFile } from './plan';

export type WriteOutcome =
  | { readonly ok: true; readonly written: readonly string[] }
  /** Nothing was written: these files exist and are not marked `overwrite`. */
  | { readonly ok: false; readonly existing: readonly string[] };

/** Files of the plan that exist in `targetDir` and are not marked `overwrite`. */
export function conflictingFiles(targetDir: string, files: readonly PlannedFile[]): string[] {
  return files.filter((f) => !f.overwrite && existsSync(join(targetDir, ...f.path.split('/')))).map((f) => f.path);
}

/**
 * Write every planned file, creating folders; all or nothing with respect to existing files: when a
 * file that is not marked `overwrite` appears while the others are written, the files and folders
 * this call created are removed again and it reports that file. Other errors also remove them, then throw.
 */
export function writePlannedFiles(targetDir: string, files: readonly PlannedFile[]): WriteOutcome {
  const existing = conflictingFiles(targetDir, files);
  if (existing.length > 0) return { ok: false, existing };
  const written: string[] = [];
  const createdFiles: string[] = [];
  const createdDirs: string[] = [];
  let current: PlannedFile | undefined;
  try {
    for (const file of files) {
      current = file;
      const path = join(targetDir, ...file.path.split('/'));
      const dir = mkdirSync(dirname(path), { recursive: true });
      if (dir !== undefined) createdDirs.push(dir);
      const isNew = !file.overwrite || !existsSync(path);
      // `wx` makes the no-overwrite promise hold even if a file appeared since the check.
      writeFileSync(path, file.content, { encoding: 'utf8', flag: file.overwrite ? 'w' : 'wx' });
      if (isNew) createdFiles.push(path);
      written.push(file.path);
    }
  } catch (e) {
    removeCreated(createdFiles, createdDirs);
    if ((e as NodeJS.ErrnoException).code === 'EEXIST' && current !== undefined && !current.overwrite) {
      return { ok: false, existing: [current.path] };
    }
    throw e;
  }
  return { ok: true, written };
}

/** Undo a partial write: the files, then the folders they made (deepest first, only when left empty). */
function removeCreated(files: readonly string[], createdDirs: readonly string[]): void {
  for (const file of files) rmSync(file, { force: true });
  // mkdirSync returns the topmost folder it created: the folders from there down to a file are new too.
  const isNew = (dir: string) => createdDirs.some((top) => dir === top || dir.startsWith(top + sep));
  const dirs = new Set<string>();
  for (const file of files) for (let dir = dirname(file); isNew(dir); dir = dirname(dir)) dirs.add(dir);
  for (const dir of [...dirs].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(dir);
    } catch {
      // Not empty: something else was put there meanwhile, leave it.
    }
  }
}

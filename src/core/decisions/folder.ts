// Reads every record of a decisions folder. Never throws: unreadable files become problems.
import * as l10n from '@vscode/l10n';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DecisionFolder, DecisionProblem, DecisionRecord, FolderError } from './model';
import { parseDecision } from './read';
import { numberPrefix, targetId, type RecordRef } from './status';

/** `NNNN-title.md`, but not templates. README.md, index.md and other un-numbered files are skipped. */
export function isRecordFileName(name: string): boolean {
  return /^\d+-.+\.md$/i.test(name) && !/template/i.test(name);
}

const DATE_SLUG = /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])-/;

/**
 * Numbers for the files of a folder: the `NNNN-` prefix, or for log4brains `YYYYMMDD-` files
 * (which have no numbers) their position in date order.
 */
export function numberFiles(names: readonly string[]): Map<string, number> {
  const sorted = [...names].sort();
  const numbers = new Map<string, number>();
  const allDates = sorted.length > 0 && sorted.every((n) => DATE_SLUG.test(n));
  sorted.forEach((n, i) => numbers.set(n, allDates ? i + 1 : (numberPrefix(n) ?? 0)));
  return numbers;
}

/**
 * The record file names of a folder. A missing folder (ENOENT) has none: no decision was recorded yet. Any other
 * failure (EACCES, ENOTDIR, an I/O error) is an error value, never "no records".
 */
function recordFileNames(folder: string): { readonly ok: true; readonly names: string[] } | { readonly ok: false; readonly error: FolderError } {
  try {
    const names = readdirSync(folder, { withFileTypes: true })
      .filter((d) => d.isFile() && isRecordFileName(d.name))
      .map((d) => d.name);
    return { ok: true, names };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return { ok: true, names: [] };
    return { ok: false, error: { folder, ...(err.code ? { code: err.code } : {}), message: l10n.t('cannot read the decisions folder {0}: {1}', folder, err.message) } };
  }
}

/** How a folder names its records, from the file names alone (no record is read). */
export interface FolderNaming {
  readonly ok: true;
  /** The numbers the record files take: what the next number continues. */
  readonly numbers: readonly number[];
  /** Every record is named `YYYYMMDD-slug.md` (log4brains): new records are named so too. */
  readonly dated: boolean;
}

/**
 * The naming of a decisions folder; a missing folder has no records and numbered names. A folder that cannot be
 * listed is an error: no number may be given from it (numbering would restart at 0001 over existing records).
 */
export function folderNaming(folder: string): FolderNaming | { readonly ok: false; readonly error: FolderError } {
  const listed = recordFileNames(folder);
  if (!listed.ok) return listed;
  const names = listed.names;
  return { ok: true, numbers: [...numberFiles(names).values()], dated: names.length > 0 && names.every((n) => DATE_SLUG.test(n)) };
}

/**
 * Reads the folder's records; `read` (by default from disk) may throw, which becomes a problem for that file.
 * A missing folder has no records and no problem; a folder that cannot be listed sets `error` (and an error problem).
 */
export function readDecisionFolder(folder: string, read: (path: string) => string = (path) => readFileSync(path, 'utf8')): DecisionFolder {
  const listed = recordFileNames(folder);
  if (!listed.ok) return { records: [], problems: [{ file: folder, severity: 'error', message: listed.error.message }], error: listed.error };
  return parseDecisionFiles(
    listed.names.map((name) => ({ name, path: join(folder, name) })),
    read,
  );
}

/** Parses the given record files; `read` may throw, which becomes a problem for that file. */
export function parseDecisionFiles(
  files: readonly { readonly name: string; readonly path: string }[],
  read: (path: string) => string,
): DecisionFolder {
  const numbers = numberFiles(files.map((f) => f.name));
  const byId = new Map<string, number>();
  for (const [name, n] of numbers) byId.set(name.replace(/\.md$/i, ''), n);
  const resolve = (ref: RecordRef): number | undefined => {
    if (ref.target !== undefined) return byId.get(targetId(ref.target)) ?? numberPrefix(targetId(ref.target));
    return ref.number;
  };
  const records: DecisionRecord[] = [];
  const problems: DecisionProblem[] = [];
  for (const f of [...files].sort((a, b) => (numbers.get(a.name)! - numbers.get(b.name)!) || a.name.localeCompare(b.name))) {
    let text: string;
    try {
      text = read(f.path);
    } catch (e) {
      problems.push({ file: f.path, severity: 'error', message: l10n.t('cannot read the file: {0}', (e as Error).message) });
      continue;
    }
    const parsed = parseDecision(text, { file: f.path, number: numbers.get(f.name), resolve });
    if (parsed.record) records.push(parsed.record);
    problems.push(...parsed.problems);
  }
  return { records, problems };
}

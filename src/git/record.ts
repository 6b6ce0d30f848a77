// Records a decision: writes the MADR file, applies the roadmap edits, commits exactly those files with
// `docs(decision): NNNN <title>`. On a git failure the files stay on disk and the failure is returned
// (with the paths and message, so the caller can retry `commitPaths` after `git init` or a confirmation).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { folderNaming } from '../core/decisions/folder';
import { renderMadr } from '../core/decisions/madr';
import type { DecisionDraft } from '../core/decisions/model';
import { padNumber } from '../core/decisions/model';
import { nextNumber, recordFileName } from '../core/decisions/numbering';
import { commitPaths } from './commit';
import type { GitEnv } from './client';
import { failure, type CommitResult } from './result';

export interface RecordRequest extends GitEnv {
  /** The workspace folder (a repository, or a folder inside one). */
  readonly repoDir: string;
  /** Decisions folder, relative to repoDir or absolute. */
  readonly decisionsDir: string;
  readonly draft: DecisionDraft;
  /** The roadmap to update with the decision (relative to repoDir or absolute). */
  readonly roadmapPath?: string;
  /** Text -> text edit of the roadmap (e.g. set the candidates' status and `decision: NNNN`); receives the number. */
  readonly roadmapEdits?: (text: string, decision: { readonly number: number; readonly padded: string }) => string;
  /** Commit even when the roadmap has staged changes of the user's. */
  readonly includeStagedChanges?: boolean;
  /** Use this number instead of the next one in sequence. */
  readonly number?: number;
}

export interface RecordedFiles {
  readonly number: number;
  readonly padded: string;
  /** Absolute path of the record written (absent when nothing was written). */
  readonly recordFile?: string;
  /** Absolute paths to commit: the record and, when given, the roadmap. */
  readonly paths: readonly string[];
  /** The commit message used. */
  readonly message: string;
}

export type RecordResult = CommitResult & RecordedFiles;

export async function recordAndCommit(req: RecordRequest): Promise<RecordResult> {
  const folder = resolve(req.repoDir, req.decisionsDir);
  const naming = folderNaming(folder);
  // A folder that cannot be listed gives no number: numbering must never restart at 0001 over existing records.
  if (!naming.ok) return { number: 0, padded: '', paths: [], ...failure('io-error', `Cannot read the decisions folder ${folder} (${naming.error.code ?? naming.error.message}); no number was given and nothing was written.`) };
  const number = req.number ?? nextNumber(naming.numbers.map((n) => ({ number: n })));
  const padded = padNumber(number);
  const title = req.draft.title.replace(/\s+/g, ' ').trim();
  const message = `docs(decision): ${padded} ${title}`;
  const recordFile = join(folder, recordFileName(number, title, naming.dated ? req.draft.date : undefined));
  const base = { number, padded, message };

  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(recordFile, renderMadr(req.draft), { encoding: 'utf8', flag: 'wx' });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EEXIST') return { ...failure('file-exists', `${recordFile} already exists; nothing was written.`), ...base, paths: [] };
    return { ...failure('io-error', `Cannot write ${recordFile}: ${err.message}`), ...base, paths: [] };
  }

  const paths = [recordFile];
  if (req.roadmapPath !== undefined) {
    const roadmap = resolve(req.repoDir, req.roadmapPath);
    try {
      const text = readFileSync(roadmap, 'utf8');
      const edited = req.roadmapEdits ? req.roadmapEdits(text, { number, padded }) : text;
      if (edited !== text) writeFileSync(roadmap, edited, 'utf8');
    } catch (e) {
      return { ...failure('io-error', `Cannot update ${roadmap}: ${(e as Error).message}. The record was written.`), ...base, recordFile, paths };
    }
    paths.push(roadmap);
  }
  const result = await commitPaths(req.repoDir, paths, message, { ...req, newPaths: [recordFile] });
  return { ...result, ...base, recordFile, paths };
}

// Records a decision: writes the MADR file, applies the decision's edit of the roadmap to the work tree, and
// commits the record and that edit alone with `docs(decision): NNNN <title>` (the edit is made on the
// committed roadmap, so the user's uncommitted changes to it stay uncommitted). On a git failure the files
// stay as written and the failure is returned with the changes, so the caller can retry `commitChanges`
// after `git init` or a confirmation.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { folderNaming } from '../core/decisions/folder';
import { renderMadr } from '../core/decisions/madr';
import type { DecisionDraft } from '../core/decisions/model';
import { padNumber } from '../core/decisions/model';
import { nextNumber, recordFileName } from '../core/decisions/numbering';
import { commitChanges, rebaseInProgress, rebaseMessage, type FileChange } from './commit';
import type { GitEnv } from './client';
import { failure, type CommitResult } from './result';
import * as l10n from '@vscode/l10n';

/** A text -> text edit; undefined when it cannot be made on that text. */
export type TextChange = (text: string) => string | undefined;

/** Applies an edit to a file in the work tree; a message when it could not. */
export type WorkTreeWriter = (file: string, change: TextChange) => Promise<string | undefined>;

export interface RecordRequest extends GitEnv {
  /** The workspace folder (a repository, or a folder inside one). */
  readonly repoDir: string;
  /** Decisions folder, relative to repoDir or absolute. */
  readonly decisionsDir: string;
  readonly draft: DecisionDraft;
  /** The roadmap to update with the decision (relative to repoDir or absolute). */
  readonly roadmapPath?: string;
  /** The decision's edit of the roadmap (e.g. the candidates' status and `decision: NNNN`); receives the number. */
  readonly roadmapEdits?: (text: string, decision: { readonly number: number; readonly padded: string }) => string | undefined;
  /** How the roadmap edit reaches the work tree: the extension applies it in the editor. Default: the file is rewritten. */
  readonly writeWorkTree?: WorkTreeWriter;
  /** Commit the roadmap as it is on disk when the decision's edit builds on uncommitted changes (the user said yes). */
  readonly includeUserChanges?: boolean;
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
  /** What to commit for each path (the record's text; the decision's edit of the committed roadmap). */
  readonly changes: readonly FileChange[];
  /** The commit message used (a failure's own `message` says what went wrong). */
  readonly commitMessage: string;
}

export type RecordResult = CommitResult & RecordedFiles;

/** Rewrites the file with the change applied (for callers without an editor: the CLI, tests, the bench). */
export const writeFileChange: WorkTreeWriter = async (file, change) => {
  try {
    const text = readFileSync(file, 'utf8');
    const edited = change(text);
    if (edited === undefined) return l10n.t`The decision's edit cannot be made on ${file}.`;
    if (edited !== text) writeFileSync(file, edited, 'utf8');
    return undefined;
  } catch (e) {
    return l10n.t`Cannot update ${file}: ${(e as Error).message}.`;
  }
};

export async function recordAndCommit(req: RecordRequest): Promise<RecordResult> {
  const folder = resolve(req.repoDir, req.decisionsDir);
  const naming = folderNaming(folder);
  // A folder that cannot be listed gives no number: numbering must never restart at 0001 over existing records.
  if (!naming.ok) return { number: 0, padded: '', paths: [], changes: [], commitMessage: '', ...failure('io-error', l10n.t`Cannot read the decisions folder ${folder} (${naming.error.code ?? naming.error.message}); no number was given and nothing was written.`) };
  // In the middle of a rebase a record would land on whichever commit is being replayed: refuse before writing anything.
  if (await rebaseInProgress(req.repoDir, req)) {
    return { number: 0, padded: '', paths: [], changes: [], commitMessage: '', ...failure('rebase-in-progress', l10n.t`${rebaseMessage()} Nothing was written.`) };
  }
  const number = req.number ?? nextNumber(naming.numbers.map((n) => ({ number: n })));
  const padded = padNumber(number);
  const title = req.draft.title.replace(/\s+/g, ' ').trim();
  const message = `docs(decision): ${padded} ${title}`;
  const recordFile = join(folder, recordFileName(number, title, naming.dated ? req.draft.date : undefined));
  const base = { number, padded, commitMessage: message };
  const text = renderMadr(req.draft);

  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(recordFile, text, { encoding: 'utf8', flag: 'wx' });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EEXIST') return { ...failure('file-exists', l10n.t`${recordFile} already exists; nothing was written.`), ...base, paths: [], changes: [] };
    return { ...failure('io-error', l10n.t`Cannot write ${recordFile}: ${err.message}`), ...base, paths: [], changes: [] };
  }

  const changes: FileChange[] = [{ path: recordFile, content: text }];
  if (req.roadmapPath !== undefined) {
    const roadmap = resolve(req.repoDir, req.roadmapPath);
    const edit = req.roadmapEdits;
    const change: TextChange = edit ? (t) => edit(t, { number, padded }) : (t) => t;
    const written = await (req.writeWorkTree ?? writeFileChange)(roadmap, change);
    if (written !== undefined) {
      return { ...failure('io-error', l10n.t`${written} The record was written.`), ...base, recordFile, paths: [recordFile], changes };
    }
    changes.push({ path: roadmap, content: (committed) => (committed === undefined ? undefined : change(committed)) });
  }
  const paths = changes.map((c) => c.path);
  const result = await commitChanges(req.repoDir, changes, message, req);
  return { ...result, ...base, recordFile, paths, changes };
}

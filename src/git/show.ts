// `git show --stat --patch <commit>`: the text of the read-only document a result's commit opens in (the Evaluation
// Review's chart points and runs link to the commit they were measured on).
import { realpathSync } from 'node:fs';
import { createGit, run, type GitEnv } from './client';
import { failure, type GitFailure } from './result';
import * as l10n from '@vscode/l10n';

/** A commit id as history records hold it: 4 to 64 hex digits (never an option or a revision expression). */
export const COMMIT_ID = /^[0-9a-f]{4,64}$/i;

/** The arguments of the one command run: the commit is checked first, and `--end-of-options` keeps it an argument. */
export function showArgs(commit: string): string[] {
  return ['show', '--stat', '--patch', '--no-color', '--no-ext-diff', '--no-textconv', '--end-of-options', commit];
}

/** The output of `git show --stat --patch <commit>` in `dir`'s repository, or why not. Never throws. */
export async function showCommit(dir: string, commit: string, options: GitEnv = {}): Promise<{ readonly ok: true; readonly text: string } | GitFailure> {
  if (!COMMIT_ID.test(commit)) return failure('git-error', l10n.t`'${commit}' is not a commit id.`);
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return failure('not-a-repo', l10n.t`${dir} does not exist.`);
  }
  const r = await run(createGit(real, options), showArgs(commit));
  if (r.ok) return { ok: true, text: r.out };
  if (/not a git repository/i.test(r.output)) return failure('not-a-repo', l10n.t`${dir} is not in a git repository.`, r.output);
  if (/unknown revision|bad object|bad revision|ambiguous argument/i.test(r.output)) {
    return failure('git-error', l10n.t`The commit ${commit} is not in the repository of ${dir} (not fetched, or rewritten).`, r.output);
  }
  return failure('git-error', l10n.t`git show failed: ${r.output.split('\n')[0]}`, r.output);
}

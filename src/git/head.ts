// The commit a result was measured on, and `git init` for folders that are not repositories yet.
import { realpathSync } from 'node:fs';
import { createGit, run, type GitEnv } from './client';
import { failure, type GitFailure } from './result';
import { parseStatus } from './status';
import * as l10n from '@vscode/l10n';

export interface HeadInfo {
  readonly ok: true;
  /** Full id of HEAD; undefined on a branch without commits. */
  readonly commit?: string;
  /** Tracked files differ from HEAD (staged or not). Untracked files do not count. */
  readonly dirty: boolean;
  /** Branch name; undefined when HEAD is detached. */
  readonly branch?: string;
}

export async function headInfo(dir: string, options: GitEnv = {}): Promise<HeadInfo | GitFailure> {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return failure('not-a-repo', l10n.t`${dir} does not exist.`);
  }
  // `--branch` headers make git always print (no simple-git wait) and carry the commit id.
  const r = await run(createGit(real, options), ['status', '--porcelain=v2', '-z', '--branch', '--untracked-files=no']);
  if (!r.ok) {
    return /not a git repository/i.test(r.output)
      ? failure('not-a-repo', l10n.t`${dir} is not in a git repository.`, r.output)
      : failure('git-error', l10n.t`git status failed: ${r.output.split('\n')[0]}`, r.output);
  }
  const status = parseStatus(r.out);
  const dirty = status.staged.length + status.changed.length + status.unmerged.length > 0;
  return { ok: true, commit: status.oid, dirty, branch: status.branch };
}

/** `git init` in `dir` (the UI offers it when a folder is not a repository). */
export async function initRepo(dir: string, options: GitEnv = {}): Promise<{ readonly ok: true } | GitFailure> {
  let r;
  try {
    r = await run(createGit(dir, options), ['init']);
  } catch (e) {
    return failure('io-error', l10n.t`git init failed: ${(e as Error).message}`);
  }
  return r.ok ? { ok: true } : failure('git-error', l10n.t`git init failed: ${r.output.split('\n')[0]}`, r.output);
}

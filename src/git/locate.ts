// Finds the repository of a folder and the state git would refuse a commit in, from the file system
// (no process spawned: these checks run before every commit).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

export interface RepoLocation {
  /** Real path of the work tree root. */
  readonly toplevel: string;
  /** The repository's git directory for this work tree. */
  readonly gitDir: string;
  /** The shared git directory (differs from gitDir in linked worktrees). */
  readonly commonDir: string;
}

export function findRepo(realDir: string): RepoLocation | undefined {
  let dir = realDir;
  for (;;) {
    const dotGit = join(dir, '.git');
    const gitDir = gitDirAt(dotGit);
    if (gitDir) {
      let commonDir = gitDir;
      try {
        const c = readFileSync(join(gitDir, 'commondir'), 'utf8').trim();
        commonDir = isAbsolute(c) ? c : resolve(gitDir, c);
      } catch {
        // Not a linked worktree.
      }
      return { toplevel: dir, gitDir, commonDir };
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function gitDirAt(dotGit: string): string | undefined {
  try {
    const st = statSync(dotGit);
    if (st.isDirectory()) return existsSync(join(dotGit, 'HEAD')) ? dotGit : undefined;
    const m = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'));
    if (!m) return undefined;
    const p = m[1].trim();
    return isAbsolute(p) ? p : resolve(dirname(dotGit), p);
  } catch {
    return undefined;
  }
}

export type BlockingState = 'rebase-in-progress' | 'merge-in-progress' | 'detached-head';

/** A state in which recording a decision commit would be wrong or refused. */
export function blockingState(gitDir: string): BlockingState | undefined {
  if (existsSync(join(gitDir, 'rebase-merge')) || existsSync(join(gitDir, 'rebase-apply'))) return 'rebase-in-progress';
  if (existsSync(join(gitDir, 'MERGE_HEAD')) || existsSync(join(gitDir, 'CHERRY_PICK_HEAD')) || existsSync(join(gitDir, 'REVERT_HEAD'))) {
    return 'merge-in-progress';
  }
  try {
    if (!readFileSync(join(gitDir, 'HEAD'), 'utf8').startsWith('ref:')) return 'detached-head';
  } catch {
    // Unreadable HEAD: let git report it.
  }
  return undefined;
}

/** True when a hook that runs on commit is installed (hooks folder or core.hooksPath). */
export function hasCommitHook(loc: RepoLocation, hooksPath?: string): boolean {
  const dirs = hooksPath ? [isAbsolute(hooksPath) ? hooksPath : join(loc.toplevel, hooksPath)] : [join(loc.commonDir, 'hooks')];
  return dirs.some((d) => ['pre-commit', 'prepare-commit-msg', 'commit-msg'].some((h) => existsSync(join(d, h))));
}

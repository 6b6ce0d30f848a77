// Commits exactly the given paths and nothing else: the user's other staged and unstaged changes stay as
// they were (`git commit --only`, which commits the work-tree content of just those paths).
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { SimpleGit } from 'simple-git';
import { createGit, literal, run, type GitEnv } from './client';
import { blockingState, findRepo, hasCommitHook, type RepoLocation } from './locate';
import { pathStates as readPathStates, type PathState } from './objects';
import { failure, type CommitResult, type GitFailure } from './result';
import { parseStatus } from './status';

export interface CommitOptions extends GitEnv {
  /** Commit even when a path has staged changes of the user's (they become part of the commit). */
  readonly includeStagedChanges?: boolean;
  /** Paths among `paths` that the caller has just created (the new record): added before the commit. */
  readonly newPaths?: readonly string[];
}

const STATE_MESSAGES = {
  'rebase-in-progress': 'A rebase is in progress. Finish it (git rebase --continue) or abort it, then record the decision again.',
  'merge-in-progress': 'A merge is in progress. Conclude it (commit the merge) or abort it, then commit the decision.',
  'detached-head': 'HEAD is detached (no branch is checked out). Check out a branch, then commit the decision.',
} as const;

/** Locates the repository of `dir` (a work tree or any folder inside one). */
export async function locateRepo(dir: string, options: GitEnv = {}): Promise<RepoLocation | GitFailure> {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return failure('not-a-repo', `${dir} does not exist.`);
  }
  const found = findRepo(real);
  if (found) return found;
  // GIT_DIR-style layouts the file-system walk does not see: ask git.
  const r = await run(createGit(real, options), ['rev-parse', '--show-toplevel', '--absolute-git-dir', '--git-common-dir']);
  if (!r.ok) return failure('not-a-repo', `${dir} is not in a git repository.`, r.output);
  const [toplevel, gitDir, common] = r.out.trim().split('\n');
  return { toplevel, gitDir, commonDir: isAbsolute(common) ? common : resolve(real, common) };
}

export async function commitPaths(
  repoDir: string,
  paths: readonly string[],
  message: string,
  options: CommitOptions = {},
): Promise<CommitResult> {
  const loc = await locateRepo(repoDir, options);
  if ('ok' in loc) return loc;
  const state = blockingState(loc.gitDir);
  if (state) return failure(state, STATE_MESSAGES[state]);

  const rel = toRepoPaths(repoDir, loc.toplevel, paths);
  if (typeof rel === 'string') return failure('io-error', rel);
  const git = createGit(loc.toplevel, options);
  const specs = rel.map(literal);

  const newRel = options.newPaths ? toRepoPaths(repoDir, loc.toplevel, options.newPaths) : [];
  if (typeof newRel === 'string') return failure('io-error', newRel);
  const isNew = new Set(newRel);

  // Which paths are untracked, unmerged or hold staged changes of the user's: read from the index and HEAD
  // in-process when the repository's layout allows, else from `git status`.
  // (A detached HEAD was refused above by blockingState.)
  const fast = readPathStates(loc, rel);
  const states: PathStates | GitFailure = fast ? { byPath: fast } : await statusStates(git, loc, rel, specs, newRel);
  if ('ok' in states) return states;
  const { byPath, anyChange } = states;
  const staged = rel.filter((p) => byPath.get(p) === 'staged' && !isNew.has(p));
  if (rel.some((p) => byPath.get(p) === 'unmerged')) return failure('merge-in-progress', STATE_MESSAGES['merge-in-progress']);
  if (staged.length > 0 && !options.includeStagedChanges) {
    return {
      ok: false,
      kind: 'needs-confirmation',
      message: `${staged.join(', ')} ${staged.length === 1 ? 'has' : 'have'} staged changes; committing would include them.`,
      stagedPaths: staged,
    };
  }
  const untracked = rel.filter((p) => byPath.get(p) === 'untracked' || isNew.has(p));
  if (untracked.length === 0 && anyChange === false) {
    return failure('nothing-to-commit', `Nothing to commit: ${rel.join(', ')} ${rel.length === 1 ? 'is' : 'are'} unchanged.`);
  }
  // Untracked paths are added first (`commit --only` takes tracked paths only); `--verbose` makes git print,
  // which spares simple-git's wait after silent commands. If the commit does not happen they are unstaged again.
  const addedPaths: string[] = [];
  const undoAdd = async () => {
    if (addedPaths.length > 0) await run(git, ['rm', '--cached', '--', ...addedPaths.map(literal)]);
  };
  if (untracked.length > 0) {
    const add = await run(git, ['add', '--verbose', '--', ...untracked.map(literal)]);
    if (!add.ok) return classify(add.output, loc, git);
    addedPaths.push(...untracked);
  }
  const commit = await run(git, ['commit', '--only', '-m', message, '--', ...specs]);
  if (!commit.ok) {
    // Leave the index as it was: the new files go back to untracked; the files stay on disk.
    await undoAdd();
    return classify(commit.output, loc, git);
  }
  const id = /\[[^\]]*?([0-9a-f]{7,40})\]/.exec(commit.out)?.[1] ?? '';
  return { ok: true, commit: id, paths: rel };
}

/** Paths relative to the repository root, with `/`; a string when a path is outside the repository. */
export function toRepoPaths(repoDir: string, toplevel: string, paths: readonly string[]): string[] | string {
  const out: string[] = [];
  for (const p of paths) {
    const abs = resolve(repoDir, p);
    let real = abs;
    try {
      real = existsSync(abs) ? realpathSync(abs) : resolve(realpathSync(dirname(abs)), basename(abs));
    } catch {
      // Keep the resolved path.
    }
    const r = relative(toplevel, real);
    if (r === '' || r.startsWith('..') || isAbsolute(r)) return `${p} is outside the repository ${toplevel}.`;
    out.push(r.split(sep).join('/'));
  }
  return out;
}

interface PathStates {
  readonly byPath: ReadonlyMap<string, PathState>;
  /**
   * Whether any of the paths differs from HEAD; undefined when not known (the in-process reader does not
   * compare the work tree: git then says "nothing to commit" itself).
   */
  readonly anyChange?: boolean;
}

/** The same answers as `pathStates`, from `git status` (for layouts the in-process reader does not follow). */
async function statusStates(
  git: SimpleGit,
  loc: RepoLocation,
  rel: readonly string[],
  specs: readonly string[],
  newRel: readonly string[],
): Promise<PathStates | GitFailure> {
  // `--branch` makes git always print; `--no-optional-locks` keeps status from writing the index.
  const st = await run(git, ['--no-optional-locks', 'status', '--porcelain=v2', '-z', '--branch', '--untracked-files=all', '--', ...specs]);
  if (!st.ok) return classify(st.output, loc, git);
  const status = parseStatus(st.out);
  const byPath = new Map<string, PathState>();
  for (const p of rel) byPath.set(p, 'clean');
  for (const p of status.untracked) byPath.set(p, 'untracked');
  for (const p of status.staged) byPath.set(p, 'staged');
  for (const p of status.unmerged) byPath.set(p, 'unmerged');
  const anyChange = newRel.length > 0 || status.untracked.length + status.changed.length + status.staged.length > 0;
  return { byPath, anyChange };
}

async function classify(output: string, loc: RepoLocation, git: SimpleGit): Promise<GitFailure> {
  if (/Author identity unknown|Please tell me who you are|unable to auto-detect email|empty ident name|no email was given|Committer identity unknown/i.test(output)) {
    return failure(
      'no-identity',
      'git does not know who you are: set user.name and user.email (git config --global user.name "Your Name"; git config --global user.email you@example.com).',
      output,
    );
  }
  if (/not a git repository/i.test(output)) return failure('not-a-repo', `${loc.toplevel} is not a git repository.`, output);
  if (/partial commit during a merge|not concluded your merge|MERGE_HEAD exists|unmerged files|cherry-pick/i.test(output)) {
    return failure('merge-in-progress', STATE_MESSAGES['merge-in-progress'], output);
  }
  if (/rebase/i.test(output) && blockingState(loc.gitDir) === 'rebase-in-progress') {
    return failure('rebase-in-progress', STATE_MESSAGES['rebase-in-progress'], output);
  }
  if (/nothing to commit|nothing added to commit|no changes added to commit/i.test(output)) {
    return failure('nothing-to-commit', 'Nothing to commit.', output);
  }
  const hooksPath = await run(git, ['config', '--get', 'core.hooksPath']);
  if (hasCommitHook(loc, hooksPath.ok ? hooksPath.out.trim() : undefined)) {
    return failure('hook-failed', 'A git hook refused the commit; the files are left on disk, uncommitted. Hook output:\n' + output.trim(), output);
  }
  return failure('git-error', `git failed: ${output.trim().split('\n')[0] ?? ''}`, output);
}

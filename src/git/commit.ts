// Commits exactly the given changes and nothing else. The commit is built in a temporary index: the
// repository's index with every staged change of the user's set back to HEAD, plus one blob per file whose
// content the change computes from the file's committed text. The user's uncommitted edits (staged or not)
// to the same files stay uncommitted; afterwards the repository's index takes the change for those paths
// only, so `git status` shows the user's own edits and nothing of the decision.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { SimpleGit } from 'simple-git';
import { createGit, run, runCatFile, type GitEnv, type GitProcess } from './client';
import { blockingState, findRepo, hasCommitHook, type RepoLocation } from './locate';
import { failure, type CommitResult, type GitFailure } from './result';
import { parseStatus, type StatusSummary } from './status';
import * as l10n from '@vscode/l10n';

/**
 * One file of a commit. `content` is the text to commit, or a function that makes it from the file's
 * committed text (HEAD's; undefined when HEAD has no such file). The function returns undefined when the
 * change cannot be made on the committed text (it builds on the user's uncommitted work): the commit then
 * needs the user's yes to take the file as it is on disk (`includeUserChanges`).
 */
export interface FileChange {
  /** Absolute, or relative to the folder given to `commitChanges`. */
  readonly path: string;
  readonly content: string | ((committed: string | undefined) => string | undefined);
}

export interface CommitOptions extends GitEnv {
  /** Commit the files whose change builds on uncommitted work as they are on disk (the user said yes). */
  readonly includeUserChanges?: boolean;
}

/** Said when a decision is refused because a rebase is in progress. */
export const rebaseMessage = (): string => l10n.t('A rebase is in progress. Finish it (git rebase --continue) or abort it, then record the decision again.');

const STATE_MESSAGES = {
  'rebase-in-progress': rebaseMessage,
  'merge-in-progress': () => l10n.t('A merge is in progress. Conclude it (commit the merge) or abort it, then commit the decision.'),
  'detached-head': () => l10n.t('HEAD is detached (no branch is checked out). Check out a branch, then commit the decision.'),
} as const;

const ABSENT = '0'.repeat(40);

/**
 * Whether a rebase is in progress in the repository of `dir`: a decision written or changed now would land on whichever
 * commit is being replayed, so the decision commands refuse before touching a file.
 */
export async function rebaseInProgress(dir: string, options: GitEnv = {}): Promise<boolean> {
  const loc = await locateRepo(dir, options);
  return !('ok' in loc) && blockingState(loc.gitDir) === 'rebase-in-progress';
}

/** Locates the repository of `dir` (a work tree or any folder inside one). */
export async function locateRepo(dir: string, options: GitEnv = {}): Promise<RepoLocation | GitFailure> {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return failure('not-a-repo', l10n.t`${dir} does not exist.`);
  }
  const found = findRepo(real);
  if (found) return found;
  // GIT_DIR-style layouts the file-system walk does not see: ask git.
  const r = await run(createGit(real, options), ['rev-parse', '--show-toplevel', '--absolute-git-dir', '--git-common-dir']);
  if (!r.ok) return failure('not-a-repo', l10n.t`${dir} is not in a git repository.`, r.output);
  const [toplevel, gitDir, common] = r.out.trim().split('\n');
  return { toplevel, gitDir, commonDir: isAbsolute(common) ? common : resolve(real, common) };
}

/** Commits the files as they are on disk (each change's content is the work-tree file). */
export function onDisk(paths: readonly string[], repoDir: string): FileChange[] {
  return paths.map((p) => ({ path: p, content: readFileSync(resolve(repoDir, p), 'utf8') }));
}

export async function commitChanges(repoDir: string, changes: readonly FileChange[], message: string, options: CommitOptions = {}): Promise<CommitResult> {
  const loc = await locateRepo(repoDir, options);
  if ('ok' in loc) return loc;
  const state = blockingState(loc.gitDir);
  if (state) return failure(state, STATE_MESSAGES[state]());
  const rel = toRepoPaths(repoDir, loc.toplevel, changes.map((c) => c.path));
  if (typeof rel === 'string') return failure('io-error', rel);
  const gitWith = (proc: GitProcess = {}) => createGit(loc.toplevel, options, proc);
  const git = gitWith();

  // Tracked files only: `--branch` makes git always print (no simple-git wait); untracked files are not needed.
  const st = await run(git, ['--no-optional-locks', 'status', '--porcelain=v2', '-z', '--branch', '--untracked-files=no']);
  if (!st.ok) return classify(st.output, loc, git);
  const status = parseStatus(st.out);
  if (status.detached) return failure('detached-head', STATE_MESSAGES['detached-head']());
  if (status.unmerged.length > 0) return failure('merge-in-progress', STATE_MESSAGES['merge-in-progress']());
  const staged = new Map(status.stagedEntries.map((e) => [e.path, e]));

  // The committed text of each path, and the staged text of those the user staged.
  const stagedOurs = rel.map((p) => staged.get(p)).filter((e): e is NonNullable<typeof e> => e !== undefined && e.indexOid !== ABSENT);
  const texts = await readObjects(gitWith, [...(status.oid ? rel.map((p) => `${status.oid}:${p}`) : []), ...stagedOurs.map((e) => e.indexOid)]);
  if ('ok' in texts) return classify(texts.output, loc, git);
  const committedOf = (p: string) => (status.oid ? texts.get(`${status.oid}:${p}`) : undefined);

  const blobs: Blob[] = [];
  const needsYes: string[] = [];
  changes.forEach((change, i) => {
    const path = rel[i];
    const committed = committedOf(path);
    const made = typeof change.content === 'string' ? change.content : change.content(committed);
    if (made === undefined && !options.includeUserChanges) return void needsYes.push(path);
    const text = made ?? readFileSync(resolve(repoDir, change.path), 'utf8');
    // A version the user staged takes the same change, so the index keeps their change and not a reversal of
    // ours (a change computed from the committed text only).
    const stagedEntry = staged.get(path);
    const edit = typeof change.content === 'function' && made !== undefined ? change.content : undefined;
    const stagedText = stagedEntry && edit ? (stagedEntry.indexOid === ABSENT ? null : (edit(texts.get(stagedEntry.indexOid)) ?? null)) : undefined;
    blobs.push({ path, mode: modeOf(path, status, loc.toplevel), text, unchanged: text === committed, ...(stagedText !== undefined ? { stagedText } : {}) });
  });
  if (needsYes.length > 0) {
    return {
      ok: false,
      kind: 'needs-confirmation',
      message:
        needsYes.length === 1
          ? l10n.t`${needsYes[0]} has changes of yours that are not committed, and the decision builds on them; committing would include them.`
          : l10n.t`${needsYes.join(', ')} have changes of yours that are not committed, and the decision builds on them; committing would include them.`,
      paths: needsYes,
    };
  }
  if (blobs.every((b) => b.unchanged)) {
    return failure('nothing-to-commit', rel.length === 1 ? l10n.t`Nothing to commit: ${rel[0]} is unchanged.` : l10n.t`Nothing to commit: ${rel.join(', ')} are unchanged.`);
  }

  const scratch = mkdtempSync(join(tmpdir(), 'mlroadmap-commit-'));
  const indexFile = join(loc.gitDir, `mlroadmap-index-${process.pid}-${Date.now()}`);
  try {
    const oids = await writeBlobs(gitWith, scratch, [...blobs.map((b) => b.text), ...blobs.flatMap((b) => (typeof b.stagedText === 'string' ? [b.stagedText] : []))]);
    if ('ok' in oids) return classify(oids.output, loc, git);
    let next = blobs.length;
    const entries = blobs.map((b, i) => ({ ...b, oid: oids[i], stagedOid: typeof b.stagedText === 'string' ? oids[next++] : undefined }));

    // The temporary index: the repository's index with the user's staged changes set back to HEAD, plus ours.
    const realIndex = join(loc.gitDir, 'index');
    if (existsSync(realIndex)) copyFileSync(realIndex, indexFile);
    const revert = status.stagedEntries.flatMap((e) => [
      ...(e.origPath !== undefined ? [`0 ${ABSENT}\t${e.path}`, `${e.headMode} ${e.headOid}\t${e.origPath}`] : []),
      ...(e.origPath === undefined ? [e.headMode === '000000' ? `0 ${ABSENT}\t${e.path}` : `${e.headMode} ${e.headOid}\t${e.path}`] : []),
    ]);
    const ours = entries.map((e) => `${e.mode} ${e.oid}\t${e.path}`);
    const temp = { indexFile };
    // `--verbose` makes git print the entries it adds (no simple-git wait after a silent command).
    const built = await run(gitWith({ ...temp, input: [...revert, ...ours].join('\0') + '\0' }), ['update-index', '--verbose', '-z', '--index-info']);
    if (!built.ok) return classify(built.output, loc, git);
    const commit = await run(gitWith(temp), ['commit', '-m', message]);
    if (!commit.ok) return classify(commit.output, loc, git);
    const id = /\[[^\]]*?([0-9a-f]{7,40})\]/.exec(commit.out)?.[1] ?? '';

    // The repository's index takes the change for these paths only; a staged version the change could not be
    // made on is left as the user staged it.
    const update = entries.flatMap((e) =>
      e.stagedText === undefined ? [`${e.mode} ${e.oid}\t${e.path}`] : e.stagedOid !== undefined ? [`${e.mode} ${e.stagedOid}\t${e.path}`] : [],
    );
    if (update.length > 0) {
      const idx = await run(gitWith({ input: update.join('\0') + '\0' }), ['update-index', '--verbose', '-z', '--index-info']);
      if (!idx.ok) {
        return { ok: true, commit: id, paths: rel, warning: l10n.t`Committed as ${id}, but git's index could not be updated for ${rel.join(', ')}: ${idx.output.trim().split('\n')[0] ?? ''}. Run "git reset -- ${rel.join(' ')}" to see your own changes alone.` };
      }
    }
    return { ok: true, commit: id, paths: rel };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    rmSync(indexFile, { force: true });
  }
}

interface Blob {
  readonly path: string;
  readonly mode: string;
  readonly text: string;
  readonly unchanged: boolean;
  /** For a path the user staged: the change made on their staged text, or null when it could not be made. */
  readonly stagedText?: string | null;
}

/** The mode the path keeps: its staged or changed entry's, else the work tree's executable bit (a clean file's mode is HEAD's). */
function modeOf(path: string, status: StatusSummary, toplevel: string): string {
  const staged = status.stagedEntries.find((e) => e.path === path);
  if (staged && staged.indexMode !== '000000') return staged.indexMode;
  const changed = status.modes.get(path);
  if (changed && changed !== '000000') return changed;
  try {
    return statSync(join(toplevel, path)).mode & 0o111 ? '100755' : '100644';
  } catch {
    return '100644';
  }
}

/** The text of each object named (`<commit>:<path>` or a blob id), read with one `cat-file --batch`; a missing one is absent. */
export async function readObjects(gitWith: (proc: GitProcess) => SimpleGit, names: readonly string[]): Promise<Map<string, string> | { ok: false; output: string }> {
  const out = new Map<string, string>();
  if (names.length === 0) return out;
  const r = await runCatFile(gitWith({ input: names.join('\n') + '\n' }), ['--batch']);
  if (!r.ok) return r;
  let at = 0;
  for (const name of names) {
    const eol = r.out.indexOf(0x0a, at);
    if (eol < 0) break;
    const header = r.out.subarray(at, eol).toString('utf8');
    at = eol + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) continue; // "<name> missing" (or ambiguous): no such object
    const size = Number(m[2]);
    if (m[1] === 'blob') out.set(name, r.out.subarray(at, at + size).toString('utf8'));
    at += size + 1;
  }
  return out;
}

/** Writes each text as a blob (as given: no filters), with one `hash-object --stdin-paths`; their ids in order. */
async function writeBlobs(gitWith: (proc: GitProcess) => SimpleGit, scratch: string, texts: readonly string[]): Promise<string[] | { ok: false; output: string }> {
  const files = texts.map((t, i) => {
    const f = join(scratch, String(i));
    writeFileSync(f, t, 'utf8');
    return f;
  });
  const r = await run(gitWith({ input: files.join('\n') + '\n' }), ['hash-object', '-w', '--no-filters', '--stdin-paths']);
  if (!r.ok) return r;
  const oids = r.out.trim().split('\n');
  return oids.length === texts.length ? oids : { ok: false, output: `git hash-object gave ${oids.length} ids for ${texts.length} files` };
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
    if (r === '' || r.startsWith('..') || isAbsolute(r)) return l10n.t`${p} is outside the repository ${toplevel}.`;
    out.push(r.split(sep).join('/'));
  }
  return out;
}

async function classify(output: string, loc: RepoLocation, git: SimpleGit): Promise<GitFailure> {
  if (/Author identity unknown|Please tell me who you are|unable to auto-detect email|empty ident name|no email was given|Committer identity unknown/i.test(output)) {
    return failure(
      'no-identity',
      l10n.t('git does not know who you are: set user.name and user.email (git config --global user.name "Your Name"; git config --global user.email you@example.com).'),
      output,
    );
  }
  if (/not a git repository/i.test(output)) return failure('not-a-repo', l10n.t`${loc.toplevel} is not a git repository.`, output);
  if (/partial commit during a merge|not concluded your merge|MERGE_HEAD exists|unmerged files|cherry-pick/i.test(output)) {
    return failure('merge-in-progress', STATE_MESSAGES['merge-in-progress'](), output);
  }
  if (/rebase/i.test(output) && blockingState(loc.gitDir) === 'rebase-in-progress') {
    return failure('rebase-in-progress', STATE_MESSAGES['rebase-in-progress'](), output);
  }
  if (/nothing to commit|nothing added to commit|no changes added to commit/i.test(output)) {
    return failure('nothing-to-commit', l10n.t('Nothing to commit.'), output);
  }
  const hooksPath = await run(git, ['config', '--get', 'core.hooksPath']);
  if (hasCommitHook(loc, hooksPath.ok ? hooksPath.out.trim() : undefined)) {
    return failure('hook-failed', l10n.t`A git hook refused the commit; the files are left on disk, uncommitted. Hook output:\n${output.trim()}`, output);
  }
  return failure('git-error', l10n.t`git failed: ${output.trim().split('\n')[0] ?? ''}`, output);
}

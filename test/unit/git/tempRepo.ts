// Real temporary git repositories for the git adapter tests, isolated from the machine's git config.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TempRepo {
  readonly dir: string;
  /** Environment for the adapter: an empty HOME, so no global identity or hooks leak in. */
  readonly env: Record<string, string>;
  git(...args: string[]): string;
  /** Like git(), but returns the output and exit status instead of throwing. */
  tryGit(...args: string[]): { status: number; output: string };
  write(path: string, text: string): void;
  cleanup(): void;
}

export function makeTempRepo(files: Record<string, string> = {}, init = true): TempRepo {
  const root = mkdtempSync(join(tmpdir(), 'mlroadmap-git-'));
  const dir = join(root, 'repo');
  const home = join(root, 'home');
  mkdirSync(dir);
  mkdirSync(home);
  const env: Record<string, string> = { HOME: home, XDG_CONFIG_HOME: home };
  const processEnv = { ...process.env, ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  const repo: TempRepo = {
    dir,
    env,
    git: (...args) => execFileSync('git', args, { cwd: dir, env: processEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
    tryGit: (...args) => {
      try {
        return { status: 0, output: repo.git(...args) };
      } catch (e) {
        const err = e as { status: number; stdout: string; stderr: string };
        return { status: err.status, output: `${err.stdout}${err.stderr}` };
      }
    },
    write: (path, text) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
  if (init) {
    repo.git('init', '-q', '-b', 'main');
    repo.git('config', 'user.name', 'Test Person');
    repo.git('config', 'user.email', 'test@example.com');
    repo.git('config', 'user.useConfigOnly', 'true');
    repo.git('config', 'commit.gpgsign', 'false');
    for (const [p, t] of Object.entries(files)) repo.write(p, t);
    if (Object.keys(files).length > 0) {
      repo.git('add', '--', ...Object.keys(files));
      repo.git('commit', '-q', '-m', 'initial');
    }
  } else {
    for (const [p, t] of Object.entries(files)) repo.write(p, t);
  }
  return repo;
}

/** Everything that describes the user's uncommitted work, to compare before and after. */
export function workState(repo: TempRepo, excluding: readonly string[] = []): { diff: string; cached: string; status: string } {
  const ex = excluding.map((p) => `:(exclude)${p}`);
  return {
    diff: repo.git('diff', '--', '.', ...ex),
    cached: repo.git('diff', '--cached', '--', '.', ...ex),
    status: repo.git('status', '--porcelain=v1', '--untracked-files=all', '--', '.', ...ex),
  };
}

/** A repository with `files` whose branches main and other both change conflict.txt (main checked out). */
export function conflictingBranches(files: Record<string, string> = {}): TempRepo {
  const r = makeTempRepo({ ...files, 'conflict.txt': 'base\n' });
  r.git('checkout', '-q', '-b', 'other');
  r.write('conflict.txt', 'other\n');
  r.git('commit', '-q', '-am', 'other');
  r.git('checkout', '-q', 'main');
  r.write('conflict.txt', 'main\n');
  r.git('commit', '-q', '-am', 'main');
  return r;
}

// simple-git, configured so that every non-zero exit is an error carrying all of git's output.
// simple-git waits 50 ms after a command that prints nothing: callers pick flags that make git print.
import { simpleGit, type SimpleGit } from 'simple-git';

export interface GitEnv {
  /**
   * Environment for the git processes (e.g. HOME, XDG_CONFIG_HOME), on top of PATH, locale and temp folders.
   * Absent: git inherits the process environment. GIT_* variables are not passed either way.
   */
  readonly env?: Readonly<Record<string, string>>;
}

/** Variables simple-git never passes on from the process (git's own, editors, pagers, askpass). */
const WITHHELD_ENV = /^(GIT.*|EDITOR|VISUAL|PAGER|PREFIX|SSH_ASKPASS)$/i;

const BASIC_ENV = /^(PATH|PATHEXT|SYSTEMROOT|COMSPEC|LANG|LANGUAGE|LC_[A-Z]+|TMPDIR|TMP|TEMP|USER|LOGNAME|USERPROFILE)$/i;

/** What a single git process needs beyond the repository's folder. */
export interface GitProcess {
  /** Written to git's standard input (e.g. `cat-file --batch`, `--stdin-paths`, `--index-info`). */
  readonly input?: string;
  /** GIT_INDEX_FILE: the index this process reads and writes instead of the repository's own. */
  readonly indexFile?: string;
}

export function createGit(baseDir: string, options: GitEnv = {}, proc: GitProcess = {}): SimpleGit {
  const git = simpleGit({
    baseDir,
    errors: (error, result) => (result.exitCode !== 0 ? Buffer.concat([...result.stdOut, ...result.stdErr]) : error),
    ...(proc.input !== undefined ? { input: () => proc.input } : {}),
    ...(proc.indexFile !== undefined ? { allowEnvironment: ['GIT_INDEX_FILE'] } : {}),
  });
  if (options.env || proc.indexFile !== undefined) {
    // simple-git refuses explicit environments that set editors, pagers and the like: pass only the basics.
    const env: Record<string, string> = {};
    // Without an environment of the caller's, git gets the process's, less what simple-git withholds anyway.
    const base = Object.entries(process.env).filter(([k]) => (options.env ? BASIC_ENV.test(k) : !WITHHELD_ENV.test(k)));
    for (const [k, v] of base) if (v !== undefined) env[k] = v;
    for (const [k, v] of Object.entries(options.env ?? {})) if (!/^git_/i.test(k)) env[k] = v;
    if (proc.indexFile !== undefined) env.GIT_INDEX_FILE = proc.indexFile;
    git.env(env);
  }
  return git;
}

export type RunResult = { readonly ok: true; readonly out: string } | { readonly ok: false; readonly output: string };

/** Runs `git <args>`; a failure returns git's output instead of throwing. */
export async function run(git: SimpleGit, args: readonly string[]): Promise<RunResult> {
  try {
    return { ok: true, out: await git.raw([...args]) };
  } catch (e) {
    return { ok: false, output: e instanceof Error ? e.message : String(e) };
  }
}

export type BinaryRunResult = { readonly ok: true; readonly out: Buffer } | { readonly ok: false; readonly output: string };

/** `git cat-file <args>` with its output as bytes (blob sizes in `--batch` output count bytes). */
export async function runCatFile(git: SimpleGit, args: readonly string[]): Promise<BinaryRunResult> {
  try {
    return { ok: true, out: await git.binaryCatFile([...args]) };
  } catch (e) {
    return { ok: false, output: e instanceof Error ? e.message : String(e) };
  }
}

/** A pathspec that matches the path literally (file names may hold `*`, `[` or `?`). */
export function literal(path: string): string {
  return `:(literal)${path}`;
}

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

const BASIC_ENV = /^(PATH|PATHEXT|SYSTEMROOT|COMSPEC|LANG|LANGUAGE|LC_[A-Z]+|TMPDIR|TMP|TEMP|USER|LOGNAME|USERPROFILE)$/i;

export function createGit(baseDir: string, options: GitEnv = {}): SimpleGit {
  const git = simpleGit({
    baseDir,
    errors: (error, result) => (result.exitCode !== 0 ? Buffer.concat([...result.stdOut, ...result.stdErr]) : error),
  });
  if (options.env) {
    // simple-git refuses explicit environments that set editors, pagers and the like: pass only the basics.
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && BASIC_ENV.test(k)) env[k] = v;
    for (const [k, v] of Object.entries(options.env)) if (!/^git_/i.test(k)) env[k] = v;
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

/** A pathspec that matches the path literally (file names may hold `*`, `[` or `?`). */
export function literal(path: string): string {
  return `:(literal)${path}`;
}

// Runs one evaluation step as a child process: the argument vector without a shell (or the opted-in shell command),
// output streamed to the caller, cancellable (the whole process group is terminated).
import { spawn } from 'node:child_process';

export interface ProcessOutcome {
  /** Null when the process was killed by a signal or could not start. */
  readonly exitCode: number | null;
  readonly signal?: string;
  /** Why the process could not start (e.g. the interpreter does not exist). */
  readonly startError?: string;
  readonly cancelled: boolean;
}

export interface ProcessRequest {
  readonly argv?: readonly string[];
  readonly shellCommand?: string;
  readonly cwd: string;
}

const KILL_AFTER_MS = 5000;

/** Spawns the step; `output` receives every chunk of stdout and stderr. `cancel()` on the handle stops it. */
export function startProcess(request: ProcessRequest, output: (text: string) => void): { readonly done: Promise<ProcessOutcome>; cancel(): void } {
  const env = { ...process.env, PYTHONUNBUFFERED: '1' };
  const detached = process.platform !== 'win32';
  const child =
    request.shellCommand !== undefined
      ? spawn(request.shellCommand, { cwd: request.cwd, env, shell: true, detached })
      : spawn(request.argv![0], request.argv!.slice(1), { cwd: request.cwd, env, shell: false, detached });
  let cancelled = false;
  let killTimer: NodeJS.Timeout | undefined;
  const signal = (sig: NodeJS.Signals) => {
    try {
      if (detached && child.pid !== undefined) process.kill(-child.pid, sig);
      else child.kill(sig);
    } catch {
      // Already gone.
    }
  };
  child.stdout.setEncoding('utf8').on('data', output);
  child.stderr.setEncoding('utf8').on('data', output);
  const done = new Promise<ProcessOutcome>((resolve) => {
    let startError: string | undefined;
    child.on('error', (e) => {
      startError = e.message;
    });
    child.on('close', (code, sig) => {
      if (killTimer) clearTimeout(killTimer);
      resolve({ exitCode: startError ? null : code, ...(sig ? { signal: sig } : {}), ...(startError ? { startError } : {}), cancelled });
    });
  });
  return {
    done,
    cancel() {
      if (cancelled || child.exitCode !== null) return;
      cancelled = true;
      signal('SIGTERM');
      killTimer = setTimeout(() => signal('SIGKILL'), KILL_AFTER_MS);
    },
  };
}

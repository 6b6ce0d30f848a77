// Waiting for a task's run without ever hanging: each wait ends on the task's own events (its run started, the task
// ended) or on a time limit that says which wait ran out. No `vscode` import: the unit tests drive it with a fake clock.
import { SYSTEM_TIMERS, type Timers } from '../core/debounce';

/** What the task system tells about one execution of the task. */
export interface TaskRunEvents<R> {
  /** Resolves once the execution started the run (the CustomExecution callback ran), with the run's outcome to come. */
  readonly started: Promise<{ readonly outcome: Promise<R> }>;
  /** Resolves when the task system ends the task (onDidEndTask), whether its run started or not. */
  readonly ended: Promise<void>;
}

export interface TaskRunLimits {
  /** How long the task may take to start its run. */
  readonly startMs: number;
  /** How long the run may take to report its outcome once the task has ended (a stopped task still cleans up). */
  readonly outcomeAfterEndMs: number;
}

export type TaskRunResult<R> =
  | { readonly ok: true; readonly outcome: R }
  /**
   * `not-started`: no start within `startMs` (the task may still start: stop it); `ended-before-start`: the task
   * ended without starting its run; `no-outcome`: the task ended and its run reported nothing within `outcomeAfterEndMs`.
   */
  | { readonly ok: false; readonly reason: 'not-started' | 'ended-before-start' | 'no-outcome' };

/** A promise of `value` after `ms`, and a way to clear its timer once it is no longer needed. */
function delay<T>(timers: Timers, ms: number, value: T): { readonly done: Promise<T>; clear(): void } {
  let handle: unknown;
  const done = new Promise<T>((resolve) => (handle = timers.set(() => resolve(value), ms)));
  return { done, clear: () => timers.clear(handle) };
}

/**
 * Waits for the run of a task: for it to start (at most `startMs`), then for its outcome, for as long as the task runs
 * and at most `outcomeAfterEndMs` after it ended. A long evaluation may run for hours; a run that will never report
 * does not keep the caller waiting.
 */
export async function awaitTaskRun<R>(events: TaskRunEvents<R>, limits: TaskRunLimits, timers: Timers = SYSTEM_TIMERS): Promise<TaskRunResult<R>> {
  const startLimit = delay(timers, limits.startMs, { kind: 'not-started' as const });
  const first = await Promise.race([
    events.started.then((run) => ({ kind: 'started' as const, outcome: run.outcome })),
    events.ended.then(() => ({ kind: 'ended' as const })),
    startLimit.done,
  ]).finally(() => startLimit.clear());
  if (first.kind === 'not-started') return { ok: false, reason: 'not-started' };
  if (first.kind === 'ended') return { ok: false, reason: 'ended-before-start' };

  let outcomeLimit: { done: Promise<{ kind: 'no-outcome' }>; clear(): void } | undefined;
  let settled = false;
  const afterEnd = events.ended.then(() => {
    // The outcome came first: the race is decided, no timer to set.
    if (settled) return new Promise<never>(() => {});
    outcomeLimit = delay(timers, limits.outcomeAfterEndMs, { kind: 'no-outcome' as const });
    return outcomeLimit.done;
  });
  const second = await Promise.race([first.outcome.then((outcome) => ({ kind: 'outcome' as const, outcome })), afterEnd]).finally(() => {
    settled = true;
    outcomeLimit?.clear();
  });
  return second.kind === 'outcome' ? { ok: true, outcome: second.outcome } : { ok: false, reason: 'no-outcome' };
}

/** `promise`'s value, or `undefined` once `ms` have passed without it; the timer is cleared either way. */
export async function within<T>(promise: Promise<T>, ms: number, timers: Timers = SYSTEM_TIMERS): Promise<T | undefined> {
  const limit = delay(timers, ms, undefined);
  return Promise.race([promise, limit.done]).finally(() => limit.clear());
}

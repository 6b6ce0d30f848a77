// How a job's record follows what the scheduler says, how often to ask, and how a job reads in one line.
//
// Transitions (applyObservation):
// - pending / running (active) + an observation → the observation's state, raw state and reason; `started` from the
//   observation, or now when it is first seen running; `ended` from the observation, or now, once it is over;
//   `exitCode` from the observation when it tells one.
// - active + no observation (the scheduler does not know the job any more) → `unknown`, "the scheduler no longer
//   knows this job".
// - unknown + an observation → as if it were active (accounting found it after all); unknown + none → unchanged.
// - completed, failed, cancelled, timeout → never change again.
import * as l10n from '@vscode/l10n';
import { isActive, type JobObservation, type JobRecord, type JobState } from './types';

export const NO_LONGER_KNOWN = 'the scheduler no longer knows this job';

/** A state no observation changes any more. */
export function isFinal(state: JobState): boolean {
  return state === 'completed' || state === 'failed' || state === 'cancelled' || state === 'timeout';
}

/** The fields an observation may change; a record differing in none of them is unchanged. */
const OBSERVED = ['state', 'rawState', 'reason', 'started', 'ended', 'exitCode'] as const;

/**
 * The record after one look at the scheduler (`seen` undefined: it does not know the job), with `updated` set to
 * now; undefined when nothing changed (then nothing is appended). An observation of another job id changes nothing.
 */
export function applyObservation(job: JobRecord, seen: JobObservation | undefined, now: Date): JobRecord | undefined {
  if (isFinal(job.state)) return undefined;
  let next: JobRecord;
  if (seen === undefined) {
    if (!isActive(job.state)) return undefined;
    next = { ...job, state: 'unknown', reason: NO_LONGER_KNOWN };
  } else {
    if (seen.id !== job.id) return undefined;
    const over = isFinal(seen.state);
    const started = seen.started ?? job.started ?? (seen.state === 'running' ? now.toISOString() : undefined);
    const ended = over ? (seen.ended ?? job.ended ?? now.toISOString()) : undefined;
    const exitCode = seen.exitCode !== undefined ? seen.exitCode : job.exitCode;
    // Rebuilt rather than spread so that a field the observation no longer tells (a pending reason) goes away.
    const { rawState: _r, reason: _why, started: _s, ended: _e, exitCode: _x, ...rest } = job;
    next = {
      ...rest,
      state: seen.state,
      rawState: seen.rawState,
      ...(seen.reason !== undefined ? { reason: seen.reason } : {}),
      ...(started !== undefined ? { started } : {}),
      ...(ended !== undefined ? { ended } : {}),
      ...(exitCode !== undefined ? { exitCode } : {}),
    };
  }
  if (OBSERVED.every((key) => next[key] === job[key])) return undefined;
  return { ...next, updated: now.toISOString() };
}

/** Whether a job is over and its results not handled yet. `unknown` counts as over: the scheduler lost it, and its results file, if written, is all there is. */
export function needsGathering(job: JobRecord): boolean {
  return !isActive(job.state) && job.gathered === undefined;
}

export const FIRST_POLL_MS = 1000;
export const MAX_POLL_MS = 30_000;

/**
 * How long to wait before the next look at the scheduler: 1 s, 2 s, 4 s … doubling, at most 30 s. `attempt` counts
 * the looks in a row that changed nothing: the watcher resets it to 0 whenever any job changed (a change tends to
 * come with others: a job starting, the next one leaving the queue), and stops polling when no job is active.
 */
export function pollDelayMs(attempt: number): number {
  if (!Number.isFinite(attempt) || attempt <= 0) return FIRST_POLL_MS;
  return Math.min(MAX_POLL_MS, FIRST_POLL_MS * 2 ** Math.min(attempt, 30));
}

export interface JobCounts {
  readonly pending: number;
  readonly running: number;
  /** pending + running: the jobs still watched. */
  readonly active: number;
}

export function summarize(jobs: Iterable<JobRecord>): JobCounts {
  let pending = 0;
  let running = 0;
  for (const job of jobs) {
    if (job.state === 'pending') pending++;
    else if (job.state === 'running') running++;
  }
  return { pending, running, active: pending + running };
}

/** A duration for people: `12s`, `3m 12s`, `1m 05s`, `2h 03m 12s`. Negative (clock skew) is `0s`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return l10n.t('{0}h {1}m {2}s', h, pad(m), pad(s));
  if (m > 0) return l10n.t('{0}m {1}s', m, pad(s));
  return l10n.t('{0}s', s);
}

function between(from: string | undefined, to: string | number | undefined): number | undefined {
  if (from === undefined || to === undefined) return undefined;
  const a = Date.parse(from);
  const b = typeof to === 'number' ? to : Date.parse(to);
  return Number.isNaN(a) || Number.isNaN(b) ? undefined : b - a;
}

/**
 * A job in one line, as a view shows it: `pending (Resources)`, `running 3m 12s`, `completed in 1m 05s`,
 * `failed (exit code 3)`, `failed (out of memory)`, `cancelled`, `timed out`, `unknown`.
 */
export function describeJob(job: JobRecord, now: Date): string {
  switch (job.state) {
    case 'pending':
      if (job.reason !== undefined && job.reason !== '' && job.reason !== 'None') return l10n.t('pending ({0})', job.reason);
      return l10n.t({ message: 'pending', comment: ['The state of a Slurm evaluation job, in the Jobs view'] });
    case 'running': {
      const elapsed = between(job.started, now.getTime());
      return elapsed === undefined ? l10n.t({ message: 'running', comment: ['The state of a Slurm evaluation job, in the Jobs view'] }) : l10n.t('running {0}', formatDuration(elapsed));
    }
    case 'completed': {
      const took = between(job.started, job.ended);
      return took === undefined ? l10n.t({ message: 'completed', comment: ['The state of a Slurm evaluation job, in the Jobs view'] }) : l10n.t('completed in {0}', formatDuration(took));
    }
    case 'failed': {
      // The scheduler's word when it says more than FAILED (OUT_OF_MEMORY, NODE_FAIL), then the exit code.
      const why: string[] = [];
      if (job.rawState !== undefined && job.rawState !== '' && job.rawState.toUpperCase() !== 'FAILED') why.push(job.rawState.toLowerCase().replace(/_/g, ' '));
      if (typeof job.exitCode === 'number' && job.exitCode !== 0) why.push(l10n.t('exit code {0}', job.exitCode));
      if (why.length === 0 && job.reason !== undefined && job.reason !== '' && job.reason !== 'None') why.push(job.reason);
      return why.length > 0 ? l10n.t('failed ({0})', why.join(', ')) : l10n.t({ message: 'failed', comment: ['The state of a Slurm evaluation job, in the Jobs view'] });
    }
    case 'cancelled':
      return l10n.t({ message: 'cancelled', comment: ['The state of a Slurm evaluation job, in the Jobs view'] });
    case 'timeout':
      return l10n.t({ message: 'timed out', comment: ['The state of a Slurm evaluation job, in the Jobs view'] });
    case 'unknown':
      return l10n.t({ message: 'unknown', comment: ['The state of a Slurm evaluation job the scheduler no longer knows, in the Jobs view'] });
  }
}

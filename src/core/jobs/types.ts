// Evaluation jobs run by an executor other than the editor's own process (today: Slurm). Pure data: the job record
// kept in `.mlroadmap/jobs.jsonl`, the states a job goes through, and what one look at the scheduler tells.
import type { DatasetFingerprint, GitStamp } from '../results/history';

/** `.mlroadmap/jobs.jsonl`, beside the history, relative to the roadmap's folder. */
export const JOBS_FILE = '.mlroadmap/jobs.jsonl';
/** Where job scripts and job logs are written, relative to the roadmap's folder. */
export const JOBS_FOLDER = '.mlroadmap/jobs';

/**
 * What the extension shows of a job. Slurm's many states map onto these: PENDING (and REQUEUED, SUSPENDED…)
 * → pending; CONFIGURING, RUNNING, COMPLETING → running; COMPLETED → completed; FAILED, NODE_FAIL, OUT_OF_MEMORY,
 * BOOT_FAIL, DEADLINE → failed; CANCELLED → cancelled; TIMEOUT → timeout. `unknown`: the scheduler no longer knows
 * the job (it ended long ago and there is no accounting).
 */
export type JobState = 'pending' | 'running' | 'completed' | 'failed' | 'cancelled' | 'timeout' | 'unknown';

export const JOB_STATES: readonly JobState[] = ['pending', 'running', 'completed', 'failed', 'cancelled', 'timeout', 'unknown'];

/** A job that may still change: it is watched. */
export function isActive(state: JobState): boolean {
  return state === 'pending' || state === 'running';
}

/**
 * One job, as one line of jobs.jsonl. The file is append-only: a job's line is appended again (whole) each time it
 * changes, and a reader keeps the last line of each id. Paths are relative to the roadmap's folder, with `/`.
 */
export interface JobRecord {
  /** The scheduler's job id (Slurm: the number `sbatch --parsable` printed). */
  readonly id: string;
  readonly executor: 'slurm';
  readonly candidate: string;
  readonly state: JobState;
  /** The scheduler's own state word (`PENDING`, `OUT_OF_MEMORY`…), as last seen. */
  readonly rawState?: string;
  /** Pending: why (Slurm's reason, `Resources`, `Priority`…); failed: what went wrong, when known. */
  readonly reason?: string;
  /** ISO 8601 times. */
  readonly submitted: string;
  readonly started?: string;
  readonly ended?: string;
  /** The command's exit code once the job ended; null when it was killed by a signal or is unknown. */
  readonly exitCode?: number | null;
  /** The job script submitted. */
  readonly script: string;
  /** The job's output (stdout and stderr). */
  readonly log: string;
  /** The results file the command must write. */
  readonly results: string;
  /** What the result is attributed to, fixed at submit time. */
  readonly command: string;
  readonly git: GitStamp | null;
  readonly dataset: DatasetFingerprint | null;
  /** Set once the job ended and its results were handled: `recorded` in the history, or why not. */
  readonly gathered?: { readonly recorded: boolean; readonly error?: string; readonly at: string };
  /** ISO 8601 time this line was written. */
  readonly updated: string;
}

/** What one look at the scheduler says of one job; fields it did not tell are absent. */
export interface JobObservation {
  readonly id: string;
  readonly state: JobState;
  readonly rawState: string;
  readonly reason?: string;
  readonly started?: string;
  readonly ended?: string;
  readonly exitCode?: number | null;
}

/**
 * What tells two jobs apart: the scheduler's id and the submit time (a scheduler whose state was wiped numbers its
 * jobs from 1 again, so an id alone may name an older job of the same file).
 */
export function jobKey(job: Pick<JobRecord, 'id' | 'submitted'>): string {
  return `${job.id}@${job.submitted}`;
}

// `.mlroadmap/jobs.jsonl`: one line per change of a job, the whole record each time; a reader keeps the last line of
// each job. Same reading rules as the history: streamed, a bad line is a problem with its number and is skipped.
import type { Readable } from 'node:stream';
import type { DatasetFingerprint, GitStamp } from '../results/history';
import { forEachJsonRecord } from '../results/lines';
import { isPlainObject } from '../results/rows';
import type { ResultProblem } from '../results/types';
import { JOB_STATES, jobKey, JOBS_FILE, type JobRecord, type JobState } from './types';

/** One line of jobs.jsonl (with its newline), keys always in the same order; absent optional fields are left out. */
export function serializeJobRecord(r: JobRecord): string {
  const ordered = {
    id: r.id,
    executor: r.executor,
    candidate: r.candidate,
    state: r.state,
    rawState: r.rawState,
    reason: r.reason,
    submitted: r.submitted,
    started: r.started,
    ended: r.ended,
    exitCode: r.exitCode,
    script: r.script,
    log: r.log,
    results: r.results,
    command: r.command,
    git: r.git,
    dataset: r.dataset,
    gathered: r.gathered === undefined ? undefined : { recorded: r.gathered.recorded, error: r.gathered.error, at: r.gathered.at },
    updated: r.updated,
  };
  // JSON.stringify leaves out keys whose value is undefined.
  return JSON.stringify(ordered) + '\n';
}

export interface JobsRead {
  /** The last line of each job, in order of submission. */
  readonly jobs: JobRecord[];
  readonly problems: ResultProblem[];
}

/**
 * Read jobs.jsonl, streamed. Never throws: a malformed line is reported with its line number and skipped, a missing
 * file is no jobs. A job is its id and its submission time: a line with a known id but another `submitted` is another
 * job (a scheduler whose state was wiped numbers jobs from 1 again). Jobs come back in order of `submitted`, ties in
 * file order.
 */
export async function readJobs(input: string | Readable, source = typeof input === 'string' ? input : JOBS_FILE): Promise<JobsRead> {
  const latest = new Map<string, { record: JobRecord; first: number }>();
  const problems = await forEachJsonRecord(input, source, toJobRecord, (record) => {
    const key = jobKey(record);
    latest.set(key, { record, first: latest.get(key)?.first ?? latest.size });
  });
  const jobs = [...latest.values()]
    .sort((a, b) => Date.parse(a.record.submitted) - Date.parse(b.record.submitted) || a.first - b.first)
    .map((e) => e.record);
  return { jobs, problems };
}

function isTime(v: unknown): v is string {
  return typeof v === 'string' && !Number.isNaN(Date.parse(v));
}

/** Validate one parsed line; a string is the reason it is not a job record. */
export function toJobRecord(v: unknown): JobRecord | string {
  if (!isPlainObject(v)) return 'expected a JSON object';
  if (typeof v.id !== 'string' || v.id === '') return '"id" must be a non-empty string';
  if (v.executor !== 'slurm') return `"executor" must be "slurm"`;
  if (typeof v.candidate !== 'string' || v.candidate === '') return '"candidate" must be a non-empty string';
  if (typeof v.state !== 'string' || !(JOB_STATES as readonly string[]).includes(v.state)) return `"state" must be one of ${JOB_STATES.join(', ')}`;
  if (!isTime(v.submitted)) return '"submitted" must be an ISO date-time';
  if (!isTime(v.updated)) return '"updated" must be an ISO date-time';
  for (const key of ['started', 'ended'] as const) if (v[key] !== undefined && !isTime(v[key])) return `"${key}" must be an ISO date-time`;
  for (const key of ['script', 'log', 'results', 'command'] as const) if (typeof v[key] !== 'string') return `"${key}" must be a string`;
  for (const key of ['rawState', 'reason'] as const) if (v[key] !== undefined && typeof v[key] !== 'string') return `"${key}" must be a string`;
  const exitCode = v.exitCode;
  if (exitCode !== undefined && exitCode !== null && !(typeof exitCode === 'number' && Number.isInteger(exitCode))) return '"exitCode" must be a whole number or null';
  const git = gitOf(v.git);
  if (typeof git === 'string') return git;
  const dataset = datasetOf(v.dataset);
  if (typeof dataset === 'string') return dataset;
  const g = v.gathered;
  if (g !== undefined && !(isPlainObject(g) && typeof g.recorded === 'boolean' && isTime(g.at) && (g.error === undefined || typeof g.error === 'string'))) {
    return '"gathered" must be { recorded: boolean, error?: string, at: ISO date-time }';
  }
  return {
    id: v.id,
    executor: 'slurm',
    candidate: v.candidate,
    state: v.state as JobState,
    ...(typeof v.rawState === 'string' ? { rawState: v.rawState } : {}),
    ...(typeof v.reason === 'string' ? { reason: v.reason } : {}),
    submitted: v.submitted,
    ...(typeof v.started === 'string' ? { started: v.started } : {}),
    ...(typeof v.ended === 'string' ? { ended: v.ended } : {}),
    ...(exitCode !== undefined ? { exitCode: exitCode as number | null } : {}),
    script: v.script as string,
    log: v.log as string,
    results: v.results as string,
    command: v.command as string,
    git,
    dataset,
    ...(isPlainObject(g) ? { gathered: { recorded: g.recorded as boolean, ...(typeof g.error === 'string' ? { error: g.error } : {}), at: g.at as string } } : {}),
    updated: v.updated,
  };
}

/** `git`: absent or null is none; otherwise it must be a stamp. */
function gitOf(v: unknown): GitStamp | null | string {
  if (v === undefined || v === null) return null;
  if (!isPlainObject(v) || typeof v.commit !== 'string' || typeof v.dirty !== 'boolean') return '"git" must be null or { commit: string, dirty: boolean }';
  return { commit: v.commit, dirty: v.dirty };
}

/** `dataset`: absent or null is none; otherwise it must be a fingerprint (size and mtime may be missing, as in the history). */
function datasetOf(v: unknown): DatasetFingerprint | null | string {
  if (v === undefined || v === null) return null;
  if (!isPlainObject(v) || typeof v.path !== 'string' || typeof v.sha256 !== 'string') return '"dataset" must be null or { path, sha256, size, mtimeMs }';
  return { path: v.path, sha256: v.sha256, size: typeof v.size === 'number' ? v.size : -1, mtimeMs: typeof v.mtimeMs === 'number' ? v.mtimeMs : -1 };
}

/** A candidate's most recently submitted job (on a tie, the later in the list), or undefined. */
export function latestJobOf(jobs: Iterable<JobRecord>, candidate: string): JobRecord | undefined {
  let latest: JobRecord | undefined;
  for (const job of jobs) {
    if (job.candidate !== candidate) continue;
    if (latest === undefined || Date.parse(job.submitted) >= Date.parse(latest.submitted)) latest = job;
  }
  return latest;
}

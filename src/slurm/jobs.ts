// One roadmap's Slurm jobs: submitting an evaluation (job script, submit-time stamps, a line in jobs.jsonl),
// watching the active jobs (polling that backs off and stops when nothing is active) and gathering what a finished
// job wrote into the history, once, whichever window or terminal sees it end first. Free of `vscode`.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { buildJobScript, jobLogName, jobScriptName } from '../core/jobs/script';
import { applyObservation, needsGathering, pollDelayMs } from '../core/jobs/state';
import { readJobs, serializeJobRecord } from '../core/jobs/store';
import { isActive, jobKey, JOBS_FILE, JOBS_FOLDER, type JobRecord } from '../core/jobs/types';
import type { SlurmSettings } from '../core/jobs/execution';
import type { FingerprintCache } from '../core/results';
import type { PlannedEvaluation } from '../core/results/plan';
import type { Roadmap } from '../core/roadmap/model';
import { portableRelative } from '../core/scaffold/registration';
import { appendLine, ingestResult, takeStamps } from '../evaluation/ingest';
import type { SlurmClient } from './client';

/** The jobs file of one roadmap: read whole (last line per job wins), appended one line per change. */
export class JobBook {
  readonly file: string;
  constructor(readonly root: string) {
    this.file = path.join(root, JOBS_FILE);
  }

  async read(): Promise<JobRecord[]> {
    return (await readJobs(this.file)).jobs;
  }

  append(job: JobRecord): Promise<void> {
    return appendLine(this.file, serializeJobRecord(job));
  }

  /** A path of a job (script, log, results) as an absolute path. */
  absolute(relative: string): string {
    return path.resolve(this.root, relative);
  }
}

export interface SubmitRequest {
  readonly book: JobBook;
  readonly client: SlurmClient;
  readonly step: PlannedEvaluation;
  readonly slurm: SlurmSettings;
  readonly datasetFile?: string;
  readonly cache: FingerprintCache;
  readonly now?: Date;
}

export type SubmitOutcome = { readonly ok: true; readonly job: JobRecord } | { readonly ok: false; readonly candidate: string; readonly error: string };

/**
 * Writes the candidate's job script under `.mlroadmap/jobs/`, takes the commit and dataset stamps now (the job is
 * attributed to what was submitted, whatever the work tree holds when it runs), submits it and records the job.
 */
export async function submitEvaluation(req: SubmitRequest): Promise<SubmitOutcome> {
  const { book, step } = req;
  const stamps = await takeStamps(book.root, req.datasetFile, req.cache);
  await fsp.mkdir(book.absolute(JOBS_FOLDER), { recursive: true });
  // Names carry the second of submission: a second submission of the candidate in the same second takes the next.
  let at = req.now ?? new Date();
  let script: string;
  let log: string;
  for (let attempt = 0; ; attempt++) {
    script = `${JOBS_FOLDER}/${jobScriptName(step.candidate, at)}`;
    log = `${JOBS_FOLDER}/${jobLogName(step.candidate, at)}`;
    const text = buildJobScript({
      candidate: step.candidate,
      cwd: book.root,
      log: book.absolute(log),
      slurm: req.slurm,
      command: step.command,
      ...(step.argv ? { argv: step.argv } : {}),
      ...(step.shellCommand !== undefined ? { shellCommand: step.shellCommand } : {}),
    });
    if (!text.ok) return { ok: false, candidate: step.candidate, error: text.error };
    try {
      await fsp.writeFile(book.absolute(script), text.text, { encoding: 'utf8', mode: 0o755, flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 60) throw e;
      at = new Date(at.getTime() + 1000);
    }
  }
  const submitted = await req.client.submit(book.absolute(script), book.root);
  if (!submitted.ok) return { ok: false, candidate: step.candidate, error: submitted.error };
  const job: JobRecord = {
    id: submitted.id,
    executor: 'slurm',
    candidate: step.candidate,
    state: 'pending',
    submitted: at.toISOString(),
    script,
    log,
    results: portableRelative(book.root, step.resultsFile),
    command: step.command,
    git: stamps.git,
    dataset: stamps.dataset,
    updated: new Date().toISOString(),
  };
  await book.append(job);
  return { ok: true, job };
}

export interface GatherContext {
  /** The roadmap as it is now: the goals of its metrics decide how the results are read. */
  roadmap(): Roadmap | undefined;
  readonly maxWholeFileBytes: () => number;
  readonly cache: FingerprintCache;
}

/**
 * Takes the right to gather a job: the first window or terminal to create its marker file gathers it, the others
 * see the `gathered` line it appends.
 */
async function claim(book: JobBook, job: JobRecord): Promise<boolean> {
  try {
    const marker = `${job.id}-${job.submitted.replace(/[^0-9A-Za-z]/g, '')}.gathered`;
    await fsp.mkdir(book.absolute(JOBS_FOLDER), { recursive: true });
    const handle = await fsp.open(book.absolute(`${JOBS_FOLDER}/${marker}`), 'wx');
    await handle.close();
    return true;
  } catch {
    return false;
  }
}

/** Records a completed job's results in the history (with its submit-time stamps); says why not otherwise. */
export async function gatherJob(book: JobBook, job: JobRecord, context: GatherContext): Promise<JobRecord> {
  const at = new Date().toISOString();
  let gathered: NonNullable<JobRecord['gathered']>;
  const roadmap = context.roadmap();
  // A job the scheduler forgot may still have run to the end: its results file says so.
  if ((job.state === 'completed' || job.state === 'unknown') && roadmap) {
    const ingested = await ingestResult({
      root: book.root,
      roadmap,
      candidate: job.candidate,
      resultsFile: book.absolute(job.results),
      command: job.command,
      startedAt: Date.parse(job.started ?? job.submitted),
      maxWholeFileBytes: context.maxWholeFileBytes(),
      cache: context.cache,
      stamps: { git: job.git, dataset: job.dataset },
    });
    gathered = ingested.ok ? { recorded: true, at } : { recorded: false, error: ingested.error, at };
  } else {
    gathered = { recorded: false, error: roadmap ? `the job ended ${job.state}` : 'the roadmap cannot be read', at };
  }
  const next: JobRecord = { ...job, gathered, updated: at };
  await book.append(next);
  return next;
}

export interface PollOutcome {
  /** Jobs whose line changed in this look. */
  readonly changed: readonly JobRecord[];
  /** Jobs still pending or running. */
  readonly active: number;
  /** Of those, the running ones. */
  readonly running: number;
}

/**
 * While a job runs it may end any moment: the delay between looks stays short (a running job's end is what the
 * user waits for). Jobs that only wait in the queue are looked at less and less often, up to `pollDelayMs`'s cap.
 */
export const RUNNING_POLL_MAX_MS = 2000;
/** How long `settled` waits before looking again at a job another window has claimed and not gathered yet. */
const SETTLE_RETRY_MS = 200;

/** One look: asks the scheduler about every active job, records what changed, gathers the jobs that ended. */
export async function pollJobs(book: JobBook, client: SlurmClient, context: GatherContext): Promise<PollOutcome> {
  const jobs = await book.read();
  const watched = jobs.filter((j) => isActive(j.state));
  const seen = await client.observe(watched.map((j) => j.id));
  const changed: JobRecord[] = [];
  const now = new Date();
  for (const job of watched) {
    const next = applyObservation(job, seen.get(job.id), now);
    if (next) {
      await book.append(next);
      changed.push(next);
    }
  }
  const latest = new Map(jobs.map((j) => [jobKey(j), j]));
  for (const c of changed) latest.set(jobKey(c), c);
  for (const job of latest.values()) {
    if (!needsGathering(job) || !(await claim(book, job))) continue;
    changed.push(await gatherJob(book, job, context));
  }
  const all = [...latest.values()];
  return { changed, active: all.filter((j) => isActive(j.state)).length, running: all.filter((j) => j.state === 'running').length };
}

/**
 * Polls while any job is active: at once, then backing off (`pollDelayMs`, at most RUNNING_POLL_MAX_MS while a job
 * runs) while nothing changes, back to the shortest delay after a change; stops when nothing is active. `kick()` starts it again (a job submitted, the
 * jobs file changed in another window).
 */
export class JobWatcher {
  private timer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private running: Promise<void> | undefined;
  private again = false;
  private disposed = false;
  private error: string | undefined;

  constructor(
    private readonly book: JobBook,
    private readonly client: SlurmClient,
    private readonly context: GatherContext,
    private readonly onChange: (outcome: PollOutcome) => void,
    private readonly onError: (e: unknown) => void = () => undefined,
  ) {}

  /** Looks now (and keeps looking while jobs are active). */
  kick(): void {
    if (this.disposed) return;
    this.attempt = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => (this.running = undefined));
  }

  /** Why the last look at the scheduler failed (Slurm out of reach); undefined once a look succeeds. */
  get lastError(): string | undefined {
    return this.error;
  }

  /** True while a look is under way or the next one is scheduled. */
  get watching(): boolean {
    return this.running !== undefined || this.timer !== undefined;
  }

  private async loop(): Promise<void> {
    let outcome: PollOutcome;
    const failedBefore = this.error !== undefined;
    try {
      outcome = await pollJobs(this.book, this.client, this.context);
      this.error = undefined;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      this.onError(e);
      outcome = { changed: [], active: 1, running: 0 };
    }
    if (this.disposed) return;
    if (outcome.changed.length > 0 || (failedBefore && this.error === undefined)) {
      if (outcome.changed.length > 0) this.attempt = 0;
      else this.attempt++;
      this.onChange(outcome);
    } else this.attempt++;
    if (this.again) {
      this.again = false;
      this.attempt = 0;
      this.timer = setTimeout(() => this.tick(), 0);
    } else if (outcome.active > 0) {
      const delay = outcome.running > 0 ? Math.min(pollDelayMs(this.attempt), RUNNING_POLL_MAX_MS) : pollDelayMs(this.attempt);
      this.timer = setTimeout(() => this.tick(), delay);
    }
  }

  private tick(): void {
    this.timer = undefined;
    this.running = this.loop().finally(() => (this.running = undefined));
  }

  /** Resolves when no job is active any more (or the watcher is disposed). */
  async idle(): Promise<void> {
    while (!this.disposed && this.watching) {
      await (this.running ?? new Promise((ok) => setTimeout(ok, 50)));
    }
  }

  /**
   * Looks until every job `ours` accepts has ended and been gathered (here, or by another window or terminal that
   * claimed it); resolves with those jobs. Throws after `timeoutMs`.
   */
  async settled(ours: (job: JobRecord) => boolean = () => true, timeoutMs = Number.POSITIVE_INFINITY): Promise<JobRecord[]> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      this.kick();
      await this.idle();
      const jobs = (await this.book.read()).filter(ours);
      if (jobs.every((j) => !isActive(j.state) && j.gathered !== undefined)) return jobs;
      if (Date.now() > until) throw new Error(`jobs still active after ${timeoutMs} ms: ${jobs.filter((j) => isActive(j.state)).map((j) => j.id).join(', ')}`);
      await new Promise((ok) => setTimeout(ok, SETTLE_RETRY_MS));
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

// `mlroadmap evaluate [candidate…|--all] [--executor local|slurm] [--wait] [--json]` and `mlroadmap jobs [--json]`:
// the extension's evaluations from a terminal or CI. Local candidates run as child processes (up to
// `evaluation.parallel` at once); Slurm candidates are submitted as jobs and, with --wait, watched until they end.
// Results go to the same history through the same code as the extension's.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describeJob } from '../core/jobs/state';
import { executionOf, parallelOf } from '../core/jobs/execution';
import { isActive, jobKey, type JobRecord } from '../core/jobs/types';
import { MAX_RESULT_FILE_BYTES } from '../core/process/on-disk';
import { runWithLimit } from '../core/concurrency';
import type { FingerprintCache } from '../core/results';
import { datasetFileOf, planEvaluations, type PlannedEvaluation } from '../core/results/plan';
import { parseRoadmap } from '../core/roadmap/parse';
import { EXECUTORS, ROADMAP_FILE_NAME, type Executor, type Roadmap } from '../core/roadmap/model';
import { runAndRecord } from '../evaluation/ingest';
import { noSbatchMessage, SlurmClient } from '../slurm/client';
import { JobBook, JobWatcher, pollJobs, submitEvaluation, type GatherContext } from '../slurm/jobs';
import type { CliIo } from './io';

const USAGE = `Usage: mlroadmap evaluate [candidate…|--all] [--executor local|slurm] [--wait] [--json]
                         [--roadmap <mlroadmap.yaml>] [--python <interpreter>]
       mlroadmap jobs [--json] [--roadmap <mlroadmap.yaml>]

evaluate runs the roadmap's evaluation.command for the candidates named (--all: every candidate), each where the
roadmap says (evaluation.executor, or the candidate's own executor; --executor overrides both). Local evaluations run
here, up to evaluation.parallel at once; Slurm evaluations are submitted with sbatch (--wait: watched until they end).
Every result is recorded in .mlroadmap/history.jsonl. \${python} is --python, else $MLROADMAP_PYTHON, else python3.
jobs lists the roadmap's Slurm jobs (from .mlroadmap/jobs.jsonl, their states refreshed when sbatch is here).
Exit status: 0 every evaluation succeeded (or was submitted, without --wait), 1 one failed, 2 usage error or unreadable roadmap.`;

interface EvaluateArgs {
  readonly candidates: string[];
  readonly all: boolean;
  readonly executor?: Executor;
  readonly wait: boolean;
  readonly json: boolean;
  readonly roadmap: string;
  readonly python: string;
}

function usageError(io: CliIo, command: string, message: string): number {
  io.err(`mlroadmap ${command}: ${message}\n\n${USAGE}`);
  return 2;
}

function parseArgs(command: 'evaluate' | 'jobs', args: readonly string[], io: CliIo): EvaluateArgs | number {
  const candidates: string[] = [];
  let all = false;
  let wait = false;
  let json = false;
  let executor: string | undefined;
  let roadmap = ROADMAP_FILE_NAME;
  let python = process.env.MLROADMAP_PYTHON || 'python3';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (name: string): string | undefined => (a === name ? args[++i] : a.startsWith(`${name}=`) ? a.slice(name.length + 1) : undefined);
    if (a === '--help' || a === '-h') {
      io.out(USAGE);
      return 0;
    } else if (a === '--json') json = true;
    else if (command === 'evaluate' && a === '--all') all = true;
    else if (command === 'evaluate' && a === '--wait') wait = true;
    else if (command === 'evaluate' && (a === '--executor' || a.startsWith('--executor='))) executor = value('--executor') ?? '';
    else if (command === 'evaluate' && (a === '--python' || a.startsWith('--python='))) python = value('--python') ?? '';
    else if (a === '--roadmap' || a.startsWith('--roadmap=')) roadmap = value('--roadmap') ?? '';
    else if (a.startsWith('-')) return usageError(io, command, `unknown option '${a}'`);
    else if (command === 'evaluate') candidates.push(a);
    else return usageError(io, command, `unexpected argument '${a}'`);
  }
  if (executor !== undefined && !(EXECUTORS as readonly string[]).includes(executor)) return usageError(io, command, `unknown executor '${executor}': use local or slurm`);
  if (roadmap === '' || python === '') return usageError(io, command, 'an option is missing its value');
  if (command === 'evaluate' && all === (candidates.length > 0)) return usageError(io, command, all ? 'give candidates or --all, not both' : 'name the candidates to evaluate, or --all');
  return { candidates, all, wait, json, roadmap, python, ...(executor ? { executor: executor as Executor } : {}) };
}

interface Loaded {
  readonly roadmap: Roadmap;
  readonly root: string;
}

function loadRoadmap(io: CliIo, command: string, file: string): Loaded | number {
  let absolute = resolve(io.cwd, file);
  let text: string;
  try {
    if (statSync(absolute).isDirectory()) absolute = join(absolute, ROADMAP_FILE_NAME);
    text = readFileSync(absolute, 'utf8');
  } catch (e) {
    io.err(`mlroadmap ${command}: cannot read ${file}: ${(e as Error).message}`);
    return 2;
  }
  const parsed = parseRoadmap(text);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (!parsed.roadmap || errors.length > 0) {
    const first = errors[0];
    io.err(`mlroadmap ${command}: ${file} has errors${first ? ` (line ${first.range.start.line + 1}: ${first.message})` : ''}: run mlroadmap check`);
    return 2;
  }
  return { roadmap: parsed.roadmap, root: dirname(absolute) };
}

/** What one candidate's evaluation came to, as printed and returned with --json. */
interface EvaluationLine {
  readonly candidate: string;
  readonly executor: Executor;
  readonly ok: boolean;
  readonly exitCode?: number | null;
  readonly job?: string;
  readonly state?: string;
  readonly recorded: boolean;
  readonly metrics?: Readonly<Record<string, number>>;
  readonly error?: string;
}

function gatherContext(roadmap: Roadmap, cache: FingerprintCache): GatherContext {
  return { roadmap: () => roadmap, maxWholeFileBytes: () => MAX_RESULT_FILE_BYTES, cache };
}

async function runLocal(loaded: Loaded, step: PlannedEvaluation, io: CliIo, json: boolean, cache: FingerprintCache): Promise<EvaluationLine> {
  const base = { candidate: step.candidate, executor: 'local' as const };
  if (!json) io.err(`> ${step.command}`);
  const datasetFile = datasetFileOf(loaded.root, loaded.roadmap);
  // The command's own output goes to stderr: stdout is the summary (or the JSON).
  const run = await runAndRecord({ cwd: loaded.root, roadmap: loaded.roadmap, ...(datasetFile ? { datasetFile } : {}) }, step, (text) => io.err(text), {
    maxWholeFileBytes: MAX_RESULT_FILE_BYTES,
    cache,
  });
  if (run.startError) return { ...base, ok: false, exitCode: null, recorded: false, error: `the command could not start: ${run.startError}` };
  if (!run.ingested) return { ...base, ok: false, exitCode: run.exitCode, recorded: false, error: `exit code ${run.exitCode ?? run.signal}` };
  const ingested = run.ingested;
  return ingested.ok ? { ...base, ok: true, exitCode: 0, recorded: true, metrics: ingested.record.metrics } : { ...base, ok: false, exitCode: 0, recorded: false, error: ingested.error };
}

function jobLine(job: JobRecord): EvaluationLine {
  const ended = !isActive(job.state);
  const recorded = job.gathered?.recorded === true;
  const error = job.gathered?.error ?? (job.state === 'failed' || job.state === 'timeout' || job.state === 'cancelled' ? describeJob(job, new Date()) : undefined);
  return {
    candidate: job.candidate,
    executor: 'slurm',
    job: job.id,
    state: job.state,
    ok: ended ? recorded : true,
    ...(job.exitCode !== undefined ? { exitCode: job.exitCode } : {}),
    recorded,
    ...(error ? { error } : {}),
  };
}

export async function runEvaluate(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs('evaluate', args, io);
  if (typeof parsed === 'number') return parsed;
  const loaded = loadRoadmap(io, 'evaluate', parsed.roadmap);
  if (typeof loaded === 'number') return loaded;
  const { roadmap, root } = loaded;
  const ids = parsed.all ? roadmap.candidates.map((c) => c.id) : parsed.candidates;
  const plan = planEvaluations({ roadmap, root, workspaceFolder: root, python: parsed.python, candidates: ids });
  if (!plan.ok) {
    io.err(`mlroadmap evaluate: ${plan.error}`);
    return 2;
  }
  const cache: FingerprintCache = new Map();
  const where = (c: string): Executor => parsed.executor ?? executionOf(roadmap, c).executor;
  const local = plan.value.filter((s) => where(s.candidate) === 'local');
  const remote = plan.value.filter((s) => where(s.candidate) === 'slurm');
  const lines = new Map<string, EvaluationLine>();

  const client = new SlurmClient();
  const book = new JobBook(root);
  const submitted: JobRecord[] = [];
  if (remote.length > 0) {
    if (!(await client.available())) {
      io.err(`mlroadmap evaluate: ${noSbatchMessage()}`);
      for (const s of remote) lines.set(s.candidate, { candidate: s.candidate, executor: 'slurm', ok: false, recorded: false, error: 'sbatch not found' });
    } else {
      const datasetFile = datasetFileOf(root, roadmap);
      for (const step of remote) {
        const out = await submitEvaluation({ book, client, step, slurm: executionOf(roadmap, step.candidate).slurm, cache, ...(datasetFile ? { datasetFile } : {}) });
        if (out.ok) {
          submitted.push(out.job);
          if (!parsed.json) io.err(`submitted ${step.candidate}: job ${out.job.id} (log ${out.job.log})`);
          lines.set(step.candidate, jobLine(out.job));
        } else lines.set(step.candidate, { candidate: step.candidate, executor: 'slurm', ok: false, recorded: false, error: out.error });
      }
    }
  }
  const localRuns = runWithLimit(local, parallelOf(roadmap), async (step) => lines.set(step.candidate, await runLocal(loaded, step, io, parsed.json, cache)));
  if (parsed.wait && submitted.length > 0) {
    const ids = new Set(submitted.map(jobKey));
    const watcher = new JobWatcher(book, client, gatherContext(roadmap, cache), (outcome) => {
      for (const job of outcome.changed) {
        if (!ids.has(jobKey(job))) continue;
        lines.set(job.candidate, jobLine(job));
        if (!parsed.json) io.err(`job ${job.id} (${job.candidate}): ${describeJob(job, new Date())}${job.gathered?.recorded ? ', recorded' : ''}`);
      }
    });
    // The watcher stops when no job is active; settled() also waits for the ended jobs to be gathered.
    const watched = watcher.settled((j) => ids.has(jobKey(j))).then((jobs) => {
      for (const j of jobs) lines.set(j.candidate, jobLine(j));
    });
    await Promise.all([localRuns, watched]);
    watcher.dispose();
  } else await localRuns;

  const ordered = plan.value.map((s) => lines.get(s.candidate)!).filter(Boolean);
  if (parsed.json) io.out(JSON.stringify({ roadmap: parsed.roadmap, evaluations: ordered }, null, 2));
  else for (const l of ordered) io.out(formatLine(l));
  return ordered.every((l) => l.ok) ? 0 : 1;
}

function formatLine(l: EvaluationLine): string {
  const where = l.executor === 'slurm' ? `slurm${l.job ? ` job ${l.job}` : ''}${l.state ? ` ${l.state}` : ''}` : 'local';
  const metrics = l.metrics ? Object.entries(l.metrics).map(([k, v]) => `${k} ${v}`).join(', ') : '';
  const what = l.recorded ? `recorded${metrics ? `: ${metrics}` : ''}` : l.ok ? 'submitted' : `failed: ${l.error ?? 'unknown error'}`;
  return `${l.candidate}  ${where}  ${what}`;
}

export async function runJobs(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs('jobs', args, io);
  if (typeof parsed === 'number') return parsed;
  const loaded = loadRoadmap(io, 'jobs', parsed.roadmap);
  if (typeof loaded === 'number') return loaded;
  const book = new JobBook(loaded.root);
  const client = new SlurmClient();
  if ((await book.read()).some((j) => isActive(j.state) || !j.gathered) && (await client.available())) {
    // One look: refresh the states, gather what ended.
    await pollJobs(book, client, gatherContext(loaded.roadmap, new Map()));
  }
  const jobs = await book.read();
  const now = new Date();
  if (parsed.json) io.out(JSON.stringify({ jobs }, null, 2));
  else if (jobs.length === 0) io.out('No jobs: set evaluation.executor: slurm and run mlroadmap evaluate.');
  else for (const j of jobs) io.out(`${j.id}  ${j.candidate}  ${describeJob(j, now)}  ${j.log}`);
  return 0;
}

// After a successful run: read the candidate's results file, stamp it with the git commit, the dataset fingerprint
// and the command, and append it to the roadmap's `.mlroadmap/history.jsonl`. Free of `vscode`: the extension's
// tasks, the Slurm job watcher and `mlroadmap evaluate` all record through it.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import {
  allProblems,
  fingerprintFile,
  goalOfFromRoadmap,
  historyRecordFromRun,
  readResults,
  serializeHistoryRecord,
  type DatasetFingerprint,
  type FingerprintCache,
  type GitStamp,
  type HistoryRecord,
  HISTORY_FILE,
} from '../core/results';
import type { Roadmap } from '../core/roadmap/model';
import { portableRelative } from '../core/scaffold/registration';
import { headInfo } from '../git';
import type { PlannedEvaluation } from '../core/results/plan';
import { startProcess, type ProcessOutcome } from './process';
import * as l10n from '@vscode/l10n';

/** File systems keep modification times coarser than the clock: a file written during the run may look this much older. */
const MTIME_SLACK_MS = 2000;

export type Ingested = { readonly ok: true; readonly record: HistoryRecord } | { readonly ok: false; readonly error: string };

/** What a result is attributed to: the commit it ran on (and whether the work tree had changes), the dataset's hash. */
export interface Stamps {
  readonly git: GitStamp | null;
  readonly dataset: DatasetFingerprint | null;
}

export interface IngestRequest {
  /** The roadmap's folder: the history lives under it and paths are written relative to it. */
  readonly root: string;
  readonly roadmap: Roadmap;
  readonly datasetFile?: string;
  readonly candidate: string;
  readonly resultsFile: string;
  readonly command: string;
  /** When the command started (ms): a results file older than that was not written by it. */
  readonly startedAt: number;
  /** The most bytes a results file read whole may have. */
  readonly maxWholeFileBytes: number;
  readonly cache: FingerprintCache;
  /** Stamps taken earlier (when a job was submitted): used instead of looking at git and the dataset now. */
  readonly stamps?: Stamps;
}

async function gitStamp(dir: string): Promise<GitStamp | null> {
  const head = await headInfo(dir);
  return head.ok && head.commit ? { commit: head.commit, dirty: head.dirty } : null;
}

async function datasetStamp(root: string, datasetFile: string | undefined, cache: FingerprintCache): Promise<DatasetFingerprint | null> {
  if (!datasetFile) return null;
  const outcome = await fingerprintFile(datasetFile, cache);
  if (!outcome.ok) return null;
  return { ...outcome.fingerprint, path: portableRelative(root, datasetFile) };
}

/** The commit and dataset an evaluation that starts now runs on. */
export async function takeStamps(root: string, datasetFile: string | undefined, cache: FingerprintCache): Promise<Stamps> {
  const [git, dataset] = await Promise.all([gitStamp(root), datasetStamp(root, datasetFile, cache)]);
  return { git, dataset };
}

/** Appends to a file one write at a time per file in this process (O_APPEND keeps other processes' lines whole). */
const appendQueues = new Map<string, Promise<void>>();
export function appendLine(file: string, line: string): Promise<void> {
  const previous = appendQueues.get(file) ?? Promise.resolve();
  const next = previous.then(async () => {
    await fsp.mkdir(path.dirname(file), { recursive: true });
    await fsp.appendFile(file, line, 'utf8');
  });
  const settled = next.catch(() => undefined);
  appendQueues.set(file, settled);
  void settled.then(() => {
    if (appendQueues.get(file) === settled) appendQueues.delete(file);
  });
  return next;
}

/** Reads what a finished evaluation wrote and appends it to the history; nothing is appended when it cannot be read. */
export async function ingestResult(req: IngestRequest): Promise<Ingested> {
  const relative = portableRelative(req.root, req.resultsFile);
  let mtimeMs: number;
  try {
    mtimeMs = (await fsp.stat(req.resultsFile)).mtimeMs;
  } catch {
    return { ok: false, error: l10n.t`the command did not write ${relative}` };
  }
  if (mtimeMs < req.startedAt - MTIME_SLACK_MS) return { ok: false, error: l10n.t`the command did not update ${relative} (the file is older than the run)` };
  const out = await readResults([req.resultsFile], { candidate: req.candidate, goalOf: goalOfFromRoadmap(req.roadmap), maxWholeFileBytes: req.maxWholeFileBytes });
  const run = out.runs.find((r) => r.candidate === req.candidate);
  // A problem's line (a file cut off mid-write breaks off there) is part of what the user needs to see.
  const errors = allProblems(out)
    .filter((p) => p.severity === 'error')
    .map((p) => ({ message: p.line !== undefined ? l10n.t`line ${p.line}: ${p.message}` : p.message }));
  if (!run) {
    const other = out.runs.find((r) => r.candidate !== undefined)?.candidate;
    const why = other !== undefined ? l10n.t`it holds the results of '${other}'` : errors.map((e) => e.message).join('; ') || l10n.t('no run in it');
    return { ok: false, error: l10n.t`${relative} cannot be read as the results of '${req.candidate}': ${why}` };
  }
  if (Object.keys(run.metrics).length === 0) {
    const why = errors.map((e) => e.message).join('; ');
    return { ok: false, error: why ? l10n.t`${relative} holds no metric values (${why})` : l10n.t`${relative} holds no metric values` };
  }
  const { git, dataset } = req.stamps ?? (await takeStamps(req.root, req.datasetFile, req.cache));
  const record = historyRecordFromRun(run, { source: relative, git, dataset, command: req.command, recordedAt: new Date().toISOString() }, req.candidate);
  if (!record) return { ok: false, error: l10n.t`${relative} names no candidate` };
  await appendLine(path.join(req.root, HISTORY_FILE), serializeHistoryRecord(record));
  return { ok: true, record };
}

export interface StepRun extends ProcessOutcome {
  /** What was recorded, or why not; absent when the command did not exit 0. */
  readonly ingested?: Ingested;
}

/**
 * Runs one planned evaluation here (its output to `out`, `onStart` given the way to cancel it) and, when it exits 0,
 * records its results: the one path of a local evaluation, for the extension's tasks and `mlroadmap evaluate`.
 */
export async function runAndRecord(
  plan: { readonly cwd: string; readonly roadmap: Roadmap; readonly datasetFile?: string },
  step: PlannedEvaluation,
  out: (text: string) => void,
  options: { readonly maxWholeFileBytes: number; readonly cache: FingerprintCache; readonly onStart?: (cancel: () => void) => void },
): Promise<StepRun> {
  const startedAt = Date.now();
  const handle = startProcess({ cwd: plan.cwd, ...(step.argv ? { argv: step.argv } : {}), ...(step.shellCommand !== undefined ? { shellCommand: step.shellCommand } : {}) }, out);
  options.onStart?.(() => handle.cancel());
  const done = await handle.done;
  if (done.startError || done.exitCode !== 0) return done;
  const ingested = await ingestResult({
    root: plan.cwd,
    roadmap: plan.roadmap,
    ...(plan.datasetFile ? { datasetFile: plan.datasetFile } : {}),
    candidate: step.candidate,
    resultsFile: step.resultsFile,
    command: step.command,
    startedAt,
    maxWholeFileBytes: options.maxWholeFileBytes,
    cache: options.cache,
  });
  return { ...done, ingested };
}

// After a successful run: read the candidate's results file, stamp it with the git commit, the dataset fingerprint
// and the command, and append it to the roadmap's `.mlroadmap/history.jsonl`.
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
} from '../core/results';
import { portableRelative } from '../core/scaffold/registration';
import { headInfo } from '../git';
import type { EvaluationPlan, EvaluationStep } from './plan';
import { historyPathOf, maxResultFileBytes } from './resultsIndex';

/** File systems keep modification times coarser than the clock: a file written during the run may look this much older. */
const MTIME_SLACK_MS = 2000;

export type Ingested = { readonly ok: true; readonly record: HistoryRecord } | { readonly ok: false; readonly error: string };

async function gitStamp(dir: string): Promise<GitStamp | null> {
  const head = await headInfo(dir);
  return head.ok && head.commit ? { commit: head.commit, dirty: head.dirty } : null;
}

async function datasetStamp(plan: EvaluationPlan, cache: FingerprintCache): Promise<DatasetFingerprint | null> {
  if (!plan.datasetFile) return null;
  const outcome = await fingerprintFile(plan.datasetFile, cache);
  if (!outcome.ok) return null;
  return { ...outcome.fingerprint, path: portableRelative(plan.cwd, plan.datasetFile) };
}

/** Reads what a finished step wrote and appends it to the history; nothing is appended when it cannot be read. */
export async function ingestStep(plan: EvaluationPlan, step: EvaluationStep, startedAt: number, cache: FingerprintCache): Promise<Ingested> {
  const relative = portableRelative(plan.cwd, step.resultsFile);
  let mtimeMs: number;
  try {
    mtimeMs = (await fsp.stat(step.resultsFile)).mtimeMs;
  } catch {
    return { ok: false, error: `the command did not write ${relative}` };
  }
  if (mtimeMs < startedAt - MTIME_SLACK_MS) return { ok: false, error: `the command did not update ${relative} (the file is older than the run)` };
  // Read with the same size limit as the results index, which shows the file.
  const out = await readResults([step.resultsFile], { candidate: step.candidate, goalOf: goalOfFromRoadmap(plan.roadmap), maxWholeFileBytes: maxResultFileBytes() });
  const run = out.runs.find((r) => r.candidate === step.candidate);
  const errors = allProblems(out).filter((p) => p.severity === 'error');
  if (!run) {
    const other = out.runs.find((r) => r.candidate !== undefined)?.candidate;
    const why = other !== undefined ? `it holds the results of '${other}'` : errors.map((e) => e.message).join('; ') || 'no run in it';
    return { ok: false, error: `${relative} cannot be read as the results of '${step.candidate}': ${why}` };
  }
  if (Object.keys(run.metrics).length === 0) {
    const why = errors.map((e) => e.message).join('; ');
    return { ok: false, error: `${relative} holds no metric values${why ? ` (${why})` : ''}` };
  }
  const [git, dataset] = await Promise.all([gitStamp(plan.cwd), datasetStamp(plan, cache)]);
  const record = historyRecordFromRun(run, { source: relative, git, dataset, command: step.command, recordedAt: new Date().toISOString() }, step.candidate);
  if (!record) return { ok: false, error: `${relative} names no candidate` };
  const history = historyPathOf(plan.entry);
  await fsp.mkdir(path.dirname(history), { recursive: true });
  await fsp.appendFile(history, serializeHistoryRecord(record), 'utf8');
  return { ok: true, record };
}

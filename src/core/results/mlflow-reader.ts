// MLflow file store: `mlruns/<experiment>/<run>/metrics/<key>` files of `timestamp value step` lines,
// the run name in `tags/mlflow.runName`.
import * as l10n from '@vscode/l10n';
import { promises as fsp } from 'node:fs';
import { basename, join } from 'node:path';
import { describeFsError, readWholeText } from './file-access';
import { forEachLine } from './lines';
import { RunBuilder } from './run-builder';
import { DEFAULT_MAX_LINE_BYTES, type ReadOptions, type RunResult } from './types';

/** Tag that names the roadmap candidate of an MLflow run (set it with `mlflow.set_tag("mlroadmap.candidate", ...)`). */
export const MLFLOW_CANDIDATE_TAG = 'mlroadmap.candidate';
const MAX_TAG_BYTES = 64 * 1024;
/** Metric keys may contain `/`, stored as sub-folders; this bounds how deep they are followed. */
const MAX_KEY_DEPTH = 8;

/** True when `dir` looks like an MLflow run folder (has `meta.yaml` and a `metrics` folder). */
export async function isMlflowRunDir(dir: string): Promise<boolean> {
  try {
    const [meta, metrics] = await Promise.all([fsp.stat(join(dir, 'meta.yaml')), fsp.stat(join(dir, 'metrics'))]);
    return meta.isFile() && metrics.isDirectory();
  } catch {
    return false;
  }
}

/** Read one MLflow run folder. Values are taken in file order (MLflow appends). */
export async function readMlflowRun(runDir: string, opts: ReadOptions = {}): Promise<RunResult> {
  const run = new RunBuilder(runDir, 'mlflow', opts);
  run.runName = (await readTag(runDir, 'mlflow.runName')) ?? basename(runDir);
  const candidate = await readTag(runDir, MLFLOW_CANDIDATE_TAG);
  if (candidate !== undefined && run.candidate === undefined) run.candidate = candidate;
  let keys: string[];
  try {
    keys = await metricKeys(join(runDir, 'metrics'), '', 0);
  } catch (e) {
    run.problems.error(l10n.t('metrics folder: {0}', describeFsError(e)));
    return run.build();
  }
  for (const key of keys) await readMetricFile(run, key, join(runDir, 'metrics', ...key.split('/')), opts);
  return run.build();
}

async function readTag(runDir: string, tag: string): Promise<string | undefined> {
  const read = await readWholeText(join(runDir, 'tags', tag), MAX_TAG_BYTES);
  if (!read.ok) return undefined;
  const v = read.text.trim();
  return v === '' ? undefined : v;
}

async function metricKeys(dir: string, prefix: string, depth: number): Promise<string[]> {
  const entries = await fsp.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    const key = prefix + e.name;
    if (e.isFile()) out.push(key);
    else if (e.isDirectory() && depth < MAX_KEY_DEPTH) out.push(...(await metricKeys(join(dir, e.name), key + '/', depth + 1)));
  }
  return out;
}

async function readMetricFile(run: RunBuilder, key: string, path: string, opts: ReadOptions): Promise<void> {
  const outcome = await forEachLine(path, opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES, {
    line(text, lineNo) {
      if (text.trim() === '') return;
      const parts = text.trim().split(/\s+/);
      const value = parts.length >= 2 ? parseValue(parts[1]) : undefined;
      const step = parts.length >= 3 ? Number(parts[2]) : undefined;
      if (parts.length < 2 || parts.length > 3 || value === undefined || (step !== undefined && !Number.isFinite(step))) {
        run.problems.error(l10n.t('metrics/{0}: expected "timestamp value step", got {1}', key, JSON.stringify(text.slice(0, 60))), lineNo, path);
        return;
      }
      run.metrics.add(key, value, step);
    },
    tooLong(lineNo, limit) {
      run.problems.error(l10n.t('metrics/{0}: line longer than {1}; skipped', key, limit), lineNo, path);
    },
  });
  if (!outcome.ok) run.problems.error(l10n.t('metrics/{0}: {1}', key, outcome.message), undefined, path);
}

function parseValue(token: string): number | undefined {
  const n = Number(token);
  if (!Number.isNaN(n)) return n;
  const t = token.toLowerCase();
  if (t === 'nan') return NaN;
  if (t === 'inf' || t === 'infinity') return Infinity;
  if (t === '-inf' || t === '-infinity') return -Infinity;
  return undefined;
}

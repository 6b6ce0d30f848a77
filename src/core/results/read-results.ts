// The entry point: read every result file in the given files and folders, whatever the format.
import * as l10n from '@vscode/l10n';
import { promises as fsp } from 'node:fs';
import { resolve } from 'node:path';
import { readCsv } from './csv-reader';
import { detectFormat } from './detect';
import { discoverResults, type DiscoverOptions, type ResultTarget } from './discover';
import { readDvcMetricsFile, readDvcProject } from './dvc-reader';
import { readHuggingFace, readMetricsJson, readOwnResultFile, readWandbSummary } from './json-readers';
import { readJsonLines } from './jsonl-reader';
import { readMlflowRun } from './mlflow-reader';
import type { ReadOptions, ReadResultsOutput, ResultFormat, ResultProblem, RunResult } from './types';

export type ReadResultsOptions = ReadOptions & DiscoverOptions;

/** Read one file (or MLflow run folder) in a known format. */
export async function readResultFile(path: string, format: ResultFormat, opts: ReadOptions = {}): Promise<RunResult[]> {
  switch (format) {
    case 'mlroadmap':
      return [await readOwnResultFile(path, opts)];
    case 'jsonl':
      return [await readJsonLines(path, opts)];
    case 'csv':
      return [await readCsv(path, opts)];
    case 'json':
      return [await readMetricsJson(path, opts)];
    case 'dvc':
      return path.toLowerCase().endsWith('dvc.yaml') ? (await readDvcProject(path, opts)).runs : [await readDvcMetricsFile(path, opts)];
    case 'mlflow':
      return [await readMlflowRun(path, opts)];
    case 'huggingface':
      return [await readHuggingFace([path], opts)];
    case 'wandb':
      return [await readWandbSummary(path, opts)];
  }
}

/**
 * Read every result in `paths` (files are read whatever their name; folders are searched). Never throws: missing
 * paths, unknown files and unreadable data come back as problems. Files a `dvc.yaml` declares are read once, as DVC.
 */
export async function readResults(paths: readonly string[], opts: ReadResultsOptions = {}): Promise<ReadResultsOutput> {
  const runs: RunResult[] = [];
  const problems: ResultProblem[] = [];
  const targets: ResultTarget[] = [];
  for (const p of paths) {
    const path = resolve(p);
    let isDir: boolean;
    try {
      isDir = (await fsp.stat(path)).isDirectory();
    } catch {
      problems.push({ source: p, message: l10n.t('no such file or folder'), severity: 'error' });
      continue;
    }
    if (isDir) {
      const found = await discoverResults(path, opts);
      if (found.truncated !== undefined) problems.push({ source: p, message: found.truncated, severity: 'warning' });
      if (found.targets.length === 0) problems.push({ source: p, message: l10n.t('no result files found in this folder'), severity: 'error' });
      // A folder that is an MLflow run is found by the search itself.
      targets.push(...found.targets);
      continue;
    }
    const format = await detectFormat(path);
    if (format === undefined) problems.push({ source: p, message: l10n.t('not a results file this tool reads (by name or content)'), severity: 'error' });
    else targets.push({ format, paths: [path] });
  }

  const done = new Set<string>();
  for (const t of targets.filter((x) => x.format === 'dvc' && x.paths[0].toLowerCase().endsWith('dvc.yaml'))) {
    if (done.has(t.paths[0])) continue;
    done.add(t.paths[0]);
    const dvc = await readDvcProject(t.paths[0], opts);
    problems.push(...dvc.problems);
    for (const d of dvc.declared) done.add(d);
    runs.push(...dvc.runs);
  }
  for (const t of targets) {
    if (t.paths.every((p) => done.has(p))) continue;
    const fresh = t.paths.filter((p) => !done.has(p));
    for (const p of fresh) done.add(p);
    if (t.format === 'huggingface') runs.push(await readHuggingFace(fresh, opts));
    else runs.push(...(await readResultFile(fresh[0], t.format, opts)));
  }
  return { runs, problems };
}

/** Every problem of a read: file-level ones and those of each run. */
export function allProblems(out: ReadResultsOutput): ResultProblem[] {
  return [...out.problems, ...out.runs.flatMap((r) => r.problems)];
}

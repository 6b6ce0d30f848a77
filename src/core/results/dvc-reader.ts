// DVC: the metrics files a `dvc.yaml` declares (top-level `metrics:` and per-stage `metrics:`), JSON or YAML.
import * as l10n from '@vscode/l10n';
import { dirname, extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readWholeText } from './file-access';
import { folderRunName } from './jsonl-reader';
import { readMetricsJson } from './json-readers';
import { addRow, isPlainObject } from './rows';
import { RunBuilder } from './run-builder';
import { DEFAULT_MAX_WHOLE_FILE_BYTES, type ReadOptions, type ResultProblem, type RunResult } from './types';

export interface DvcRead {
  readonly runs: RunResult[];
  /** Problems with `dvc.yaml` itself. */
  readonly problems: ResultProblem[];
  /** Absolute paths of the metrics files declared (so a folder search does not read them twice). */
  readonly declared: string[];
}

/** Metrics file paths declared in a parsed `dvc.yaml`, as written (relative to its folder). */
export function declaredMetricsFiles(doc: unknown): string[] {
  const out: string[] = [];
  const addList = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const entry of list) {
      if (typeof entry === 'string') out.push(entry);
      else if (isPlainObject(entry)) out.push(...Object.keys(entry));
    }
  };
  if (!isPlainObject(doc)) return out;
  addList(doc.metrics);
  if (isPlainObject(doc.stages)) {
    for (const stage of Object.values(doc.stages)) if (isPlainObject(stage)) addList(stage.metrics);
  }
  return [...new Set(out)];
}

/** Read every metrics file declared in a `dvc.yaml`; one run per file, format `dvc`. */
export async function readDvcProject(dvcYamlPath: string, opts: ReadOptions = {}): Promise<DvcRead> {
  const problems: ResultProblem[] = [];
  const fail = (message: string, line?: number): DvcRead => ({
    runs: [],
    problems: [{ source: dvcYamlPath, message, severity: 'error', ...(line !== undefined ? { line } : {}) }],
    declared: [],
  });
  const read = await readWholeText(dvcYamlPath, opts.maxWholeFileBytes ?? DEFAULT_MAX_WHOLE_FILE_BYTES);
  if (!read.ok) return fail(read.message);
  let doc: unknown;
  try {
    doc = parseYaml(read.text, { logLevel: 'error' });
  } catch (e) {
    const linePos = (e as { linePos?: { line: number }[] }).linePos;
    return fail(l10n.t('not valid YAML: {0}', (e as Error).message.split('\n')[0]), linePos?.[0]?.line);
  }
  const files = declaredMetricsFiles(doc);
  if (files.length === 0) problems.push({ source: dvcYamlPath, message: l10n.t('declares no metrics files'), severity: 'warning' });
  const base = dirname(dvcYamlPath);
  const declared = files.map((f) => resolve(base, f));
  const runs: RunResult[] = [];
  for (const path of declared) runs.push(await readDvcMetricsFile(path, opts, folderRunName(dvcYamlPath)));
  return { runs, problems, declared };
}

/** One DVC metrics file: JSON or YAML, nested keys flattened as `a.b.c`. */
export async function readDvcMetricsFile(path: string, opts: ReadOptions = {}, runName?: string): Promise<RunResult> {
  const ext = extname(path).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return readYamlMetrics(path, opts, runName);
  const run = ext === '.json' ? await readMetricsJson(path, opts, 'dvc') : unsupported(path, opts, ext);
  return runName !== undefined ? { ...run, runName } : run;
}

function unsupported(path: string, opts: ReadOptions, ext: string): RunResult {
  const run = new RunBuilder(path, 'dvc', opts);
  run.problems.error(l10n.t("metrics files of type '{0}' are not read; use JSON or YAML", ext || l10n.t('(none)')));
  return run.build();
}

async function readYamlMetrics(path: string, opts: ReadOptions, runName: string | undefined): Promise<RunResult> {
  const run = new RunBuilder(path, 'dvc', opts);
  run.runName = runName ?? folderRunName(path);
  const read = await readWholeText(path, opts.maxWholeFileBytes ?? DEFAULT_MAX_WHOLE_FILE_BYTES);
  if (!read.ok) {
    run.problems.error(read.message);
    return run.build();
  }
  try {
    const doc: unknown = parseYaml(read.text, { logLevel: 'error' });
    if (isPlainObject(doc)) addRow(run.metrics, doc);
    else run.problems.error(l10n.t('expected a mapping of metric name -> value'));
  } catch (e) {
    run.problems.error(l10n.t('not valid YAML: {0}', (e as Error).message.split('\n')[0]));
  }
  return run.build();
}

// Formats that are one JSON object read whole (size-limited): the own format, DVC-style metrics files,
// Hugging Face `*_results.json` / `trainer_state.json`, W&B `wandb-summary.json`.
import * as l10n from '@vscode/l10n';
import { basename, dirname } from 'node:path';
import { readWholeText } from './file-access';
import { folderRunName } from './jsonl-reader';
import { lineOfOffset, parseJsonLenient } from './lenient-json';
import { validateOwnResult } from './own-format';
import { capPerClass, classificationReport } from './per-class';
import { addRow, isPlainObject } from './rows';
import { RunBuilder } from './run-builder';
import { DEFAULT_MAX_WHOLE_FILE_BYTES, type ReadOptions, type ResultFormat, type RunResult } from './types';

type Parsed = { ok: true; value: Record<string, unknown> } | { ok: false };

/**
 * Read and parse a file holding one JSON object; problems go to `run`, after `file` (the file's name) when the run is
 * read from several files.
 */
export async function readJsonObject(path: string, run: RunBuilder, opts: ReadOptions, file?: string): Promise<Parsed> {
  const within = (message: string): string => (file === undefined ? message : l10n.t('{0}: {1}', file, message));
  const read = await readWholeText(path, opts.maxWholeFileBytes ?? DEFAULT_MAX_WHOLE_FILE_BYTES);
  if (!read.ok) {
    run.problems.error(within(read.message));
    return { ok: false };
  }
  const parsed = parseJsonLenient(read.text);
  if (!parsed.ok) {
    run.problems.error(within(l10n.t('not valid JSON: {0}', parsed.message)), parsed.position !== undefined ? lineOfOffset(read.text, parsed.position) : undefined);
    return { ok: false };
  }
  if (!isPlainObject(parsed.value)) {
    run.problems.error(within(l10n.t('expected a JSON object of metric name -> value')));
    return { ok: false };
  }
  return { ok: true, value: parsed.value };
}

/** A file in the extension's own format, `mlroadmap-result/1`. */
export async function readOwnResultFile(path: string, opts: ReadOptions = {}): Promise<RunResult> {
  const run = new RunBuilder(path, 'mlroadmap', opts);
  const parsed = await readJsonObject(path, run, opts);
  if (!parsed.ok) return run.build();
  const check = validateOwnResult(parsed.value);
  for (const e of check.errors) run.problems.error(e);
  for (const w of check.warnings) run.problems.warning(w);
  if (check.result === undefined) return run.build();
  run.candidate = check.result.candidate;
  run.runName = check.result.candidate;
  for (const [name, v] of Object.entries(check.result.metrics)) run.metrics.add(name, v);
  if (check.result.per_class !== undefined) run.perClass = capPerClass(check.result.per_class);
  return { ...run.build(), record: check.result };
}

/** Any JSON object of metrics (DVC `metrics.json`, `scores.json`); nested objects become `a.b.c`. */
export async function readMetricsJson(path: string, opts: ReadOptions = {}, format: ResultFormat = 'json'): Promise<RunResult> {
  const run = new RunBuilder(path, format, opts);
  run.runName = folderRunName(path);
  const parsed = await readJsonObject(path, run, opts);
  if (parsed.ok) {
    // scikit-learn's classification report: accuracy and the averages are metrics, each class's row goes to the table.
    const report = classificationReport(parsed.value);
    if (report) {
      addRow(run.metrics, report.metrics);
      run.perClass = capPerClass(report.perClass);
    } else addRow(run.metrics, parsed.value);
    if (run.metrics.size === 0) run.problems.warning(l10n.t('no numeric values found'));
  }
  return run.build();
}

/** W&B offline `wandb-summary.json`: the last value of each logged key. `_step` is the step; other `_` keys and media are skipped. */
export async function readWandbSummary(path: string, opts: ReadOptions = {}): Promise<RunResult> {
  const run = new RunBuilder(path, 'wandb', opts);
  run.runName = wandbRunName(path);
  const parsed = await readJsonObject(path, run, opts);
  if (parsed.ok) addRow(run.metrics, parsed.value);
  return run.build();
}

/** `wandb/run-20230329_015319-r8mtbfdx/files/wandb-summary.json` -> `r8mtbfdx`. */
function wandbRunName(path: string): string | undefined {
  let dir = dirname(path);
  if (basename(dir) === 'files') dir = dirname(dir);
  const m = /^(?:offline-)?run-\d{8}_\d{6}-(.+)$/.exec(basename(dir));
  return m ? m[1] : folderRunName(path);
}

/** Hugging Face Trainer output files whose values are a run's final figures, most complete first. */
export const HF_RESULT_FILES = ['all_results.json', 'eval_results.json', 'test_results.json', 'train_results.json', 'predict_results.json'];
export const HF_TRAINER_STATE = 'trainer_state.json';

/**
 * One Hugging Face run from the files of one output folder: `trainer_state.json`'s `log_history` gives every logged
 * value (so best and count), then `all_results.json` (or the per-split `*_results.json`) gives the final values.
 */
export async function readHuggingFace(paths: readonly string[], opts: ReadOptions = {}): Promise<RunResult> {
  const names = paths.map((p) => basename(p));
  const state = paths[names.indexOf(HF_TRAINER_STATE)];
  const all = paths[names.indexOf('all_results.json')];
  const finals = all !== undefined ? [all] : paths.filter((p) => HF_RESULT_FILES.includes(basename(p)));
  const source = paths.length === 1 ? paths[0] : dirname(paths[0]);
  const run = new RunBuilder(source, 'huggingface', opts);
  run.runName = paths.length === 1 ? folderRunName(paths[0]) : basename(source);
  if (state !== undefined) {
    const parsed = await readJsonObject(state, run, opts, paths.length > 1 ? HF_TRAINER_STATE : undefined);
    if (parsed.ok) {
      const history = parsed.value.log_history;
      if (!Array.isArray(history)) run.problems.warning(l10n.t('{0}: no "log_history" list', HF_TRAINER_STATE));
      else for (const row of history) if (isPlainObject(row)) addRow(run.metrics, row);
    }
  }
  for (const p of finals) {
    const parsed = await readJsonObject(p, run, opts, paths.length > 1 ? basename(p) : undefined);
    if (!parsed.ok) continue;
    // Final files restate the last logged evaluation: a value equal to the last one logged is not counted twice.
    const fresh = Object.fromEntries(Object.entries(parsed.value).filter(([k, v]) => run.metrics.lastOf(k) !== v));
    addRow(run.metrics, fresh);
  }
  return run.build();
}

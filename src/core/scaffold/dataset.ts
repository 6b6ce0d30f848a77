// What the scaffold needs to know about a CSV: its header, and whether the target looks like
// classes or a continuous value. Reads at most the first SAMPLE_BYTES of the file.
import * as l10n from '@vscode/l10n';
import { closeSync, openSync, readSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export type Task = 'classification' | 'regression';
export const TASKS: readonly Task[] = ['classification', 'regression'];

const SAMPLE_BYTES = 2 * 1024 * 1024;
/** A numeric target with more distinct values than this is taken for regression. */
export const MAX_CLASSES_FOR_AUTO = 20;
const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '?']);

export interface CsvSample {
  readonly header: readonly string[];
  /** Data rows of the sample (all of them when the file is smaller than the sample size). */
  readonly rows: readonly (readonly string[])[];
  /** False when the file is larger than the sample. */
  readonly complete: boolean;
}

/** Read the header and the first rows of a CSV file. Throws with a readable message when it cannot. */
export function readCsvSample(path: string): CsvSample {
  const fd = openSync(path, 'r');
  let text: string;
  let complete: boolean;
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES + 1);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    complete = n <= SAMPLE_BYTES;
    text = buffer.subarray(0, Math.min(n, SAMPLE_BYTES)).toString('utf8');
  } finally {
    closeSync(fd);
  }
  if (!complete) text = text.slice(0, text.lastIndexOf('\n') + 1);
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (e) {
    throw new Error(l10n.t('{0} is not a readable CSV: {1}', path, (e as Error).message), { cause: e });
  }
  if (records.length === 0) throw new Error(l10n.t('{0} is empty: expected a header row', path));
  const [header, ...rows] = records;
  return { header, rows, complete };
}

/** The values of one column in the sample, without missing ones. */
export function columnValues(sample: CsvSample, column: string): string[] {
  const at = sample.header.indexOf(column);
  if (at < 0) return [];
  return sample.rows.map((r) => (r[at] ?? '').trim()).filter((v) => !MISSING.has(v.toLowerCase()));
}

/** Regression when every value is a number and there are more than MAX_CLASSES_FOR_AUTO distinct ones; else classification. */
export function detectTask(values: readonly string[]): Task {
  const numeric = values.length > 0 && values.every((v) => v !== '' && Number.isFinite(Number(v)));
  return numeric && new Set(values.map(Number)).size > MAX_CLASSES_FOR_AUTO ? 'regression' : 'classification';
}

/** Why the target column cannot be used for `task`, or undefined when it can. */
export function targetProblem(sample: CsvSample, column: string, task: Task): string | undefined {
  if (!sample.header.includes(column)) {
    return l10n.t("column '{0}' is not in the header; columns: {1}", column, sample.header.join(', '));
  }
  const values = columnValues(sample, column);
  if (values.length < 2) return l10n.t("column '{0}' has fewer than 2 values", column);
  if (task === 'regression') {
    const bad = values.find((v) => !Number.isFinite(Number(v)));
    if (bad !== undefined) return l10n.t("column '{0}' holds '{1}', not a number: regression needs a numeric target", column, bad);
  }
  return undefined;
}

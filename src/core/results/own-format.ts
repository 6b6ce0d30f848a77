// The extension's own result format, `mlroadmap-result/1`: one JSON object per evaluation (see docs/evaluation.md).
import * as l10n from '@vscode/l10n';
import { promises as fsp } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { isPlainObject } from './rows';

export const OWN_FORMAT_ID = 'mlroadmap-result/1';
const OWN_FORMAT_PREFIX = 'mlroadmap-result/';

export type MetricValues = Readonly<Record<string, number>>;

export interface OwnResult {
  readonly format: typeof OWN_FORMAT_ID;
  /** Roadmap candidate id the evaluation was for. */
  readonly candidate: string;
  /** Metric id -> value, on the whole evaluation set. */
  readonly metrics: MetricValues;
  /** Class name -> metric id -> value. */
  readonly per_class?: Readonly<Record<string, MetricValues>>;
  /** Slice name (a subgroup of the data, e.g. `night`, `lang=ja`) -> metric id -> value. */
  readonly slices?: Readonly<Record<string, MetricValues>>;
  readonly dataset?: { readonly path: string; readonly sha256: string; readonly rows?: number };
  /** The command line that produced the result. */
  readonly command?: string;
  readonly git?: { readonly commit: string; readonly dirty: boolean };
  /** ISO 8601 timestamps. */
  readonly started?: string;
  readonly finished?: string;
}

export interface OwnValidation {
  /** The result, as far as it could be read; absent when `format`, `candidate` or `metrics` is unusable. */
  readonly result?: OwnResult;
  /** Errors: a field was wrong and left out. */
  readonly errors: readonly string[];
  /** Warnings: unknown fields, kept out of the result. */
  readonly warnings: readonly string[];
}

const KNOWN_KEYS = new Set(['format', 'candidate', 'metrics', 'per_class', 'slices', 'dataset', 'command', 'git', 'started', 'finished']);
const SHA256 = /^[0-9a-f]{64}$/;
const GIT_COMMIT = /^[0-9a-f]{7,64}$/;

/** True when a parsed JSON value declares itself as the own format (any version). */
export function declaresOwnFormat(value: unknown): boolean {
  return isPlainObject(value) && typeof value.format === 'string' && value.format.startsWith(OWN_FORMAT_PREFIX);
}

/** Check a parsed JSON value against `mlroadmap-result/1`; bad fields are reported and left out. */
export function validateOwnResult(value: unknown): OwnValidation {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (!isPlainObject(value)) return { errors: [l10n.t('expected a JSON object')], warnings };
  if (value.format !== OWN_FORMAT_ID) {
    errors.push(
      typeof value.format === 'string' && value.format.startsWith(OWN_FORMAT_PREFIX)
        ? l10n.t("format '{0}' is not supported; this version reads '{1}'", value.format, OWN_FORMAT_ID)
        : l10n.t('"format" must be "{0}"', OWN_FORMAT_ID),
    );
    return { errors, warnings };
  }
  const candidate = value.candidate;
  if (typeof candidate !== 'string' || candidate.trim() === '') errors.push(l10n.t('"candidate" must be a non-empty string (the roadmap candidate id)'));
  const metrics = metricValues(value.metrics, 'metrics', errors);
  if (metrics === undefined) errors.push(l10n.t('"metrics" must be an object of metric name -> number'));
  for (const k of Object.keys(value)) if (!KNOWN_KEYS.has(k)) warnings.push(l10n.t('unknown field "{0}" ignored', k));
  if (typeof candidate !== 'string' || candidate.trim() === '' || metrics === undefined) return { errors, warnings };

  const out: { -readonly [K in keyof OwnResult]: OwnResult[K] } = { format: OWN_FORMAT_ID, candidate, metrics };
  for (const field of ['per_class', 'slices'] as const) {
    if (value[field] === undefined) continue;
    const groups = groupedValues(value[field], field, errors);
    if (groups !== undefined) out[field] = groups;
  }
  if (value.dataset !== undefined) {
    const d = value.dataset;
    if (!isPlainObject(d)) errors.push(l10n.t('"dataset" must be an object {path, sha256, rows?}'));
    else if (typeof d.path !== 'string' || d.path === '') errors.push(l10n.t('"dataset.path" must be a non-empty string'));
    else if (typeof d.sha256 !== 'string' || !SHA256.test(d.sha256)) errors.push(l10n.t('"dataset.sha256" must be 64 lower-case hex digits'));
    else if (d.rows !== undefined && !(Number.isInteger(d.rows) && (d.rows as number) >= 0)) errors.push(l10n.t('"dataset.rows" must be a non-negative integer'));
    else out.dataset = { path: d.path, sha256: d.sha256, ...(d.rows !== undefined ? { rows: d.rows as number } : {}) };
  }
  if (value.command !== undefined) {
    if (typeof value.command === 'string') out.command = value.command;
    else errors.push(l10n.t('"command" must be a string'));
  }
  if (value.git !== undefined) {
    const g = value.git;
    if (!isPlainObject(g) || typeof g.commit !== 'string' || !GIT_COMMIT.test(g.commit) || typeof g.dirty !== 'boolean') {
      errors.push(l10n.t('"git" must be {"commit": "<hex sha>", "dirty": true|false}'));
    } else out.git = { commit: g.commit, dirty: g.dirty };
  }
  for (const field of ['started', 'finished'] as const) {
    const t = value[field];
    if (t === undefined) continue;
    if (typeof t !== 'string' || Number.isNaN(Date.parse(t))) errors.push(l10n.t('"{0}" must be an ISO 8601 date-time string', field));
    else out[field] = t;
  }
  if (out.started !== undefined && out.finished !== undefined && Date.parse(out.finished) < Date.parse(out.started)) {
    errors.push(l10n.t('"finished" is before "started"'));
  }
  return { result: out, errors, warnings };
}

function metricValues(v: unknown, path: string, errors: string[]): Record<string, number> | undefined {
  if (!isPlainObject(v)) return undefined;
  const out: Record<string, number> = {};
  for (const [k, x] of Object.entries(v)) {
    if (typeof x === 'number' && Number.isFinite(x)) out[k] = x;
    else errors.push(l10n.t('"{0}" must be a finite number, got {1}', `${path}.${k}`, describe(x)));
  }
  return out;
}

function groupedValues(v: unknown, field: string, errors: string[]): Record<string, MetricValues> | undefined {
  if (!isPlainObject(v)) {
    errors.push(l10n.t('"{0}" must be an object of name -> {metric: number}', field));
    return undefined;
  }
  const out: Record<string, MetricValues> = {};
  for (const [k, x] of Object.entries(v)) {
    const m = metricValues(x, `${field}.${k}`, errors);
    if (m === undefined) errors.push(l10n.t('"{0}" must be an object of metric name -> number', `${field}.${k}`));
    else out[k] = m;
  }
  return out;
}

function describe(x: unknown): string {
  if (typeof x === 'number') return String(x);
  if (x === null) return 'null';
  if (Array.isArray(x)) return l10n.t('an array');
  return typeof x === 'string' ? l10n.t('the string {0}', JSON.stringify(x.length > 40 ? x.slice(0, 40) + '…' : x)) : l10n.t('a value of type {0}', typeof x);
}

/** The text of a result file: pretty-printed JSON with a final newline. */
export function serializeOwnResult(result: OwnResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}

/** Write a result file atomically (temporary file, then rename), creating its folder. */
export async function writeOwnResult(path: string, result: OwnResult): Promise<void> {
  const check = validateOwnResult(result);
  if (check.errors.length > 0) throw new Error(`not a valid ${OWN_FORMAT_ID} result: ${check.errors.join('; ')}`);
  await fsp.mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await fsp.writeFile(tmp, serializeOwnResult(result), 'utf8');
  await fsp.rename(tmp, path);
}

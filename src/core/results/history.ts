// `.mlroadmap/history.jsonl`: one line per ingested result, stamped with git commit, dataset fingerprint and command.
import * as l10n from '@vscode/l10n';
import type { Readable } from 'node:stream';
import { forEachJsonRecord } from './lines';
import { capPerClass, MAX_HISTORY_PER_CLASS_VALUES, perClassSize, type PerClass } from './per-class';
import { isPlainObject } from './rows';
import { type ResultFormat, type ResultProblem, type RunResult } from './types';

export const HISTORY_FILE = '.mlroadmap/history.jsonl';

export interface GitStamp {
  readonly commit: string;
  readonly dirty: boolean;
}

/** A dataset's content fingerprint; `size` and `mtimeMs` let a cache skip re-hashing an unchanged file. */
export interface DatasetFingerprint {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export interface HistoryRecord {
  readonly candidate: string;
  /** Metric name -> value (the run's last value of each metric). */
  readonly metrics: Readonly<Record<string, number>>;
  /** The results file it was read from, relative to the workspace folder when inside it. */
  readonly source: string;
  readonly format: ResultFormat;
  /** Null when the workspace is not a git repository. */
  readonly git: GitStamp | null;
  /** Null when the roadmap names no dataset or it could not be read. */
  readonly dataset: DatasetFingerprint | null;
  /** The evaluation command, null when unknown (a file ingested by hand). */
  readonly command: string | null;
  /** ISO 8601 time of ingestion. */
  readonly recordedAt: string;
  /** Per-class values of the run, when its results file carried them (capped; older records have none). */
  readonly perClass?: PerClass;
}

export interface HistoryStamps {
  readonly source: string;
  readonly git: GitStamp | null;
  readonly dataset: DatasetFingerprint | null;
  readonly command: string | null;
  readonly recordedAt: string;
}

/** A history record for a run: the run's last values, its candidate, and the stamps. Undefined when the run has no candidate. */
export function historyRecordFromRun(run: RunResult, stamps: HistoryStamps, candidate = run.candidate): HistoryRecord | undefined {
  if (candidate === undefined) return undefined;
  const metrics: Record<string, number> = {};
  for (const [name, m] of Object.entries(run.metrics)) metrics[name] = m.last;
  return { candidate, metrics, format: run.format, ...stamps, ...(run.perClass !== undefined ? { perClass: run.perClass } : {}) };
}

/** One line of history.jsonl (with its newline), ready to append. */
export function serializeHistoryRecord(record: HistoryRecord): string {
  const { candidate, metrics, source, format, git, dataset, command, recordedAt, perClass } = record;
  return JSON.stringify({ candidate, metrics, source, format, git, dataset, command, recordedAt, ...(perClass !== undefined ? { perClass } : {}) }) + '\n';
}

export interface HistoryRead {
  readonly records: HistoryRecord[];
  readonly problems: ResultProblem[];
}

/**
 * Read history.jsonl, streamed; malformed lines are reported with their line number and skipped. A missing file is an
 * empty history. Per-class values are kept for the latest records up to `maxPerClassValues` values in all; older
 * records beyond that keep only the count (`perClass.elided`), so memory stays bounded however many classes are logged.
 */
export async function readHistory(
  input: string | Readable,
  source = typeof input === 'string' ? input : HISTORY_FILE,
  maxPerClassValues = MAX_HISTORY_PER_CLASS_VALUES,
): Promise<HistoryRead> {
  const records: HistoryRecord[] = [];
  // Records holding per-class values, oldest first, and how many values they hold in all.
  const holding: { index: number; size: number }[] = [];
  let first = 0;
  let held = 0;
  const keep = (rec: HistoryRecord): void => {
    records.push(rec);
    const size = perClassSize(rec.perClass);
    if (size === 0) return;
    holding.push({ index: records.length - 1, size });
    held += size;
    while (held > maxPerClassValues && first < holding.length) {
      const old = holding[first++]!;
      const r = records[old.index]!;
      records[old.index] = { ...r, perClass: { classes: {}, ...(r.perClass?.cut ? { cut: r.perClass.cut } : {}), elided: old.size } };
      held -= old.size;
    }
  };
  const problems = await forEachJsonRecord(input, source, toHistoryRecord, keep);
  return { records, problems };
}

/** Validate one parsed line; a string is the reason it is not a record. */
export function toHistoryRecord(v: unknown): HistoryRecord | string {
  if (!isPlainObject(v)) return l10n.t('expected a JSON object');
  if (typeof v.candidate !== 'string' || v.candidate === '') return l10n.t('"candidate" must be a non-empty string');
  if (!isPlainObject(v.metrics)) return l10n.t('"metrics" must be an object');
  const metrics: Record<string, number> = {};
  for (const [k, x] of Object.entries(v.metrics)) if (typeof x === 'number') metrics[k] = x;
  if (typeof v.recordedAt !== 'string' || Number.isNaN(Date.parse(v.recordedAt))) return l10n.t('"recordedAt" must be an ISO date-time');
  const git = isPlainObject(v.git) && typeof v.git.commit === 'string' ? { commit: v.git.commit, dirty: v.git.dirty === true } : null;
  const d = v.dataset;
  const dataset =
    isPlainObject(d) && typeof d.path === 'string' && typeof d.sha256 === 'string'
      ? { path: d.path, sha256: d.sha256, size: typeof d.size === 'number' ? d.size : -1, mtimeMs: typeof d.mtimeMs === 'number' ? d.mtimeMs : -1 }
      : null;
  return {
    candidate: v.candidate,
    metrics,
    source: typeof v.source === 'string' ? v.source : '',
    format: (typeof v.format === 'string' ? v.format : 'mlroadmap') as ResultFormat,
    git,
    dataset,
    command: typeof v.command === 'string' ? v.command : null,
    recordedAt: v.recordedAt,
    ...(() => {
      const perClass = perClassOf(v.perClass);
      return perClass !== undefined ? { perClass } : {};
    })(),
  };
}

/** A record's `perClass`, validated and capped again (a hand-written line may hold anything); undefined when unusable. */
function perClassOf(v: unknown): PerClass | undefined {
  if (!isPlainObject(v) || !isPlainObject(v.classes)) return undefined;
  const capped = capPerClass(v.classes);
  if (!capped) return undefined;
  const count = (x: unknown) => (typeof x === 'number' && Number.isInteger(x) && x > 0 ? x : 0);
  const before = isPlainObject(v.cut) ? { classes: count(v.cut.classes), metrics: count(v.cut.metrics) } : { classes: 0, metrics: 0 };
  const classes = before.classes + (capped.cut?.classes ?? 0);
  const metrics = before.metrics + (capped.cut?.metrics ?? 0);
  return classes > 0 || metrics > 0 ? { classes: capped.classes, cut: { classes, metrics } } : { classes: capped.classes };
}

/** The latest record of each candidate (by `recordedAt`; on a tie, the later line wins). */
export function latestByCandidate(records: Iterable<HistoryRecord>): Map<string, HistoryRecord> {
  const out = new Map<string, HistoryRecord>();
  for (const r of records) {
    const prev = out.get(r.candidate);
    if (prev === undefined || Date.parse(r.recordedAt) >= Date.parse(prev.recordedAt)) out.set(r.candidate, r);
  }
  return out;
}

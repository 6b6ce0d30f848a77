// The Evaluation Review's view model: per roadmap metric, each candidate against the baseline (or a pinned run) and
// the target; every run of the history (no cap) with its stamps and metrics; last vs best per metric; and the run
// table as CSV. Built by the host from the results index (the history it read, the results each candidate shows
// under the one rule of `mergeResults`), with the comparison code the report and the views use.
import * as l10n from '@vscode/l10n';
import { stringify } from 'csv-stringify/sync';
import type { Roadmap } from '../roadmap/model';
import { metricValue } from '../results/compare';
import { comparisonRows } from '../results/comparisonReport';
import type { HistoryRecord } from '../results/history';
import { findMetricName } from '../results/metric-names';
import { describeCut } from '../results/per-class';
import { baselineId } from '../results/staleness';
import { deltasAgainst, differingColumns, shownColumns, shownRuns, type ReviewChartColumns, type ReviewFailure, type ReviewLastBest, type ReviewModel, type ReviewRun, type ReviewRunDetail, type ReviewRunsPage, type ReviewSnapshot, type ReviewSummaryRow, type ReviewView } from './review-model';

export * from './review-model';

/** What a candidate shows now (the index's latest result). */
export interface ShownValues {
  readonly metrics: Readonly<Record<string, number>>;
  readonly notFromPipeline?: boolean;
}

export interface ReviewInputs {
  /** Every record of the roadmap's history, in file order. */
  readonly history: readonly HistoryRecord[];
  /** What each candidate shows now. */
  readonly shown: (candidateId: string) => ShownValues | undefined;
  /** The run pinned as the baseline of the view, by id. */
  readonly pinned?: string;
  readonly failures?: readonly ReviewFailure[];
  readonly readOnly: boolean;
}

/** The id of the history record at `index`. */
export function runId(index: number): string {
  return `run-${index}`;
}

/** The index of the history record a run id names; undefined when the id names none of `history`. */
export function runIndex(history: readonly unknown[], id: string): number | undefined {
  const m = /^run-(\d{1,9})$/.exec(id);
  if (!m) return undefined;
  const i = Number(m[1]);
  return i < history.length ? i : undefined;
}

/** A run's detail for the Review: its stamps and its per-class table (class × metric), or why there is none. */
export function runDetail(history: readonly HistoryRecord[], id: string): ReviewRunDetail {
  const i = runIndex(history, id);
  if (i === undefined) return { runId: id, note: l10n.t('There is no run {0} in the history.', id) };
  const r = history[i]!;
  const stamps = { runId: id, candidate: r.candidate, at: r.recordedAt, ...(r.git ? { commit: r.git.commit } : {}) };
  const classes = r.perClass?.classes;
  if (r.perClass?.elided !== undefined) {
    return {
      ...stamps,
      note: l10n.t(
        "{0} ({1}) has {2} per-class values, not kept in memory: the history holds more per-class values than the Review keeps (the latest runs' are kept).",
        id,
        r.candidate,
        r.perClass.elided,
      ),
    };
  }
  if (!classes || Object.keys(classes).length === 0) {
    const source = r.source || l10n.t({ message: 'unknown', comment: ['In place of the name of a results file that is not known'] });
    return { ...stamps, note: l10n.t('{0} ({1}) has no per-class values: its results file ({2}) carries none.', id, r.candidate, source) };
  }
  const metrics: string[] = [];
  for (const row of Object.values(classes)) for (const name of Object.keys(row)) if (!metrics.includes(name)) metrics.push(name);
  const rows = Object.entries(classes).map(([label, row]) => ({ label, values: metrics.map((m) => row[m] ?? null) }));
  const cut = describeCut(r.perClass?.cut);
  return { ...stamps, perClass: { metrics, rows, ...(cut !== undefined ? { cut } : {}) } };
}

/** The history records as runs, oldest first (a tie keeps file order); deltas against the pinned run when it is one of them. */
export function reviewRuns(history: readonly HistoryRecord[], pinned?: string): ReviewRun[] {
  const runs: ReviewRun[] = history.map((r, i) => ({
    id: runId(i),
    candidate: r.candidate,
    at: r.recordedAt,
    ...(r.git ? { commit: r.git.commit, dirty: r.git.dirty } : {}),
    ...(r.dataset ? { dataset: r.dataset.sha256 } : {}),
    ...(r.command !== null ? { command: r.command } : {}),
    source: r.source,
    metrics: r.metrics,
    ...(r.perClass !== undefined ? { perClass: true as const } : {}),
  }));
  const order = runs.map((r, i) => ({ r, i, t: Date.parse(r.at) }));
  order.sort((a, b) => a.t - b.t || a.i - b.i);
  const sorted = order.map((o) => o.r);
  return pinRun(sorted, pinned);
}

/** The runs with their deltas against the pinned run (none when `pinned` names no run). */
export function pinRun(runs: readonly ReviewRun[], pinned: string | undefined): ReviewRun[] {
  const base = pinned === undefined ? undefined : runs.find((r) => r.id === pinned);
  return runs.map(({ deltas: _old, ...r }) => (base ? { ...r, deltas: deltasAgainst(r, base) } : r));
}

/** Every metric name of the runs: those matching roadmap metrics in the roadmap's order, then the others by name. */
export function reviewColumns(roadmap: Pick<Roadmap, 'metrics'>, runs: readonly ReviewRun[]): string[] {
  const names = new Set<string>();
  for (const r of runs) for (const n of Object.keys(r.metrics)) names.add(n);
  const all = [...names];
  const first: string[] = [];
  for (const m of roadmap.metrics) {
    for (const n of all) if (!first.includes(n) && findMetricName([n], m) === n) first.push(n);
  }
  return [...first, ...all.filter((n) => !first.includes(n)).sort()];
}

/** Per candidate and roadmap metric: the value of its latest run and the best value over its runs (by the metric's goal). */
export function lastAndBest(roadmap: Pick<Roadmap, 'metrics'>, candidates: readonly string[], runs: readonly ReviewRun[]): ReviewLastBest[] {
  const out: ReviewLastBest[] = [];
  for (const candidate of candidates) {
    const own = runs.filter((r) => r.candidate === candidate);
    if (own.length === 0) continue;
    for (const m of roadmap.metrics) {
      let last: { value: number; run: string } | undefined;
      let best: { value: number; run: string } | undefined;
      for (const r of own) {
        const value = metricValue(r.metrics, m);
        if (value === undefined || Number.isNaN(value)) continue;
        last = { value, run: r.id };
        if (!best || (m.goal === 'maximize' ? value > best.value : value < best.value)) best = { value, run: r.id };
      }
      if (!last || !best) continue;
      out.push({ candidate, metric: m.id, last: last.value, lastRun: last.run, best: best.value, bestRun: best.run });
    }
  }
  return out;
}

export function reviewModel(roadmap: Roadmap | undefined, inputs: ReviewInputs): ReviewModel {
  const failures = inputs.failures ?? [];
  if (!roadmap) {
    return {
      project: '',
      summary: [],
      lastBest: [],
      runs: [],
      columns: [],
      candidates: [],
      failures,
      readOnly: inputs.readOnly,
      problem: l10n.t('The roadmap cannot be read: fix the errors in mlroadmap.yaml (see Problems).'),
    };
  }
  const runs = reviewRuns(inputs.history, inputs.pinned);
  const pinnedRun = inputs.pinned === undefined ? undefined : runs.find((r) => r.id === inputs.pinned);
  const ids = roadmap.candidates.map((c) => c.id);
  const candidates = [...ids, ...[...new Set(runs.map((r) => r.candidate))].filter((c) => !ids.includes(c))];
  const baseId = baselineId(roadmap);
  const baseValues = pinnedRun ? pinnedRun.metrics : baseId !== undefined ? inputs.shown(baseId)?.metrics : undefined;
  const shown = new Map(ids.map((id) => [id, inputs.shown(id)] as const));
  const summary: ReviewSummaryRow[] = roadmap.metrics.map((m) => ({
    metric: m.id,
    goal: m.goal,
    ...(m.target !== undefined ? { target: m.target } : {}),
    ...(() => {
      const b = metricValue(baseValues, m);
      return b !== undefined ? { baseline: b } : {};
    })(),
    cells: ids.map((candidate) => {
      const s = shown.get(candidate);
      // The one comparison the report and the views make, on this metric only.
      const row = comparisonRows([m], s?.metrics ?? {}, baseValues)[0];
      return {
        candidate,
        ...(row?.value !== undefined ? { value: row.value } : {}),
        ...(row?.delta !== undefined ? { delta: row.delta } : {}),
        ...(row?.improved !== undefined ? { improved: row.improved } : {}),
        ...(row?.targetMet !== undefined ? { targetMet: row.targetMet } : {}),
        ...(s?.notFromPipeline ? { notFromPipeline: true } : {}),
      };
    }),
  }));
  return {
    project: roadmap.project.name ?? '',
    ...(pinnedRun ? { baseline: { kind: 'run' as const, id: pinnedRun.id, candidate: pinnedRun.candidate } } : baseId !== undefined ? { baseline: { kind: 'candidate' as const, id: baseId } } : {}),
    summary,
    lastBest: lastAndBest(roadmap, candidates, runs),
    runs,
    columns: reviewColumns(roadmap, runs),
    candidates,
    ...(pinnedRun ? { pinned: pinnedRun.id } : {}),
    failures,
    readOnly: inputs.readOnly,
  };
}

/** How many runs the first snapshot carries: a screenful of the table (17 rows) with the virtualiser's overscan, and more. */
export const FIRST_RUNS = 50;
/** How many runs a `runs` page carries. */
export const RUNS_PAGE = 2500;

/** The chart's columns over every run (see `ReviewChartColumns`). */
export function chartColumns(runs: readonly ReviewRun[], columns: readonly string[], candidates: readonly string[]): ReviewChartColumns {
  const n = runs.length;
  const place = new Map(candidates.map((c, i) => [c, i] as const));
  const at = new Float64Array(n);
  const candidate = new Uint32Array(n);
  const record = new Uint32Array(n);
  const values = columns.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const r = runs[i]!;
    at[i] = Date.parse(r.at) / 1000;
    candidate[i] = place.get(r.candidate) ?? 0;
    record[i] = Number(r.id.slice('run-'.length));
    for (let k = 0; k < columns.length; k++) {
      const v = r.metrics[columns[k]!];
      values[k]![i] = v !== undefined && Number.isFinite(v) ? v : NaN;
    }
  }
  return { at, candidate, record, values };
}

/** The diff-only columns over every run, and over each candidate's runs (what the table shows for each filter). */
export function differingByCandidate(runs: readonly ReviewRun[], columns: readonly string[], candidates: readonly string[]): ReviewSnapshot['differing'] {
  const own = new Map<string, ReviewRun[]>(candidates.map((c) => [c, []]));
  for (const r of runs) own.get(r.candidate)?.push(r);
  return { all: differingColumns(runs, columns), byCandidate: Object.fromEntries(candidates.map((c) => [c, differingColumns(own.get(c)!, columns)])) };
}

/**
 * The Review's first message from the full model: everything but the run table's rows beyond the first `first`
 * (the chart's columns and the diff-only columns are over every run). The rest follows in `runsPage`s.
 */
export function reviewSnapshot(model: ReviewModel, version: number, first = FIRST_RUNS): ReviewSnapshot {
  const { runs, ...rest } = model;
  const pinnedAt = model.pinned === undefined ? undefined : runs.find((r) => r.id === model.pinned)?.at;
  return {
    ...rest,
    version,
    runs: runs.slice(0, first),
    runCount: runs.length,
    chart: chartColumns(runs, model.columns, model.candidates),
    differing: differingByCandidate(runs, model.columns, model.candidates),
    ...(pinnedAt !== undefined ? { pinnedAt } : {}),
  };
}

/** The runs of the table from `offset` on, at most `size` of them. */
export function runsPage(model: Pick<ReviewModel, 'runs'>, version: number, offset: number, size = RUNS_PAGE): ReviewRunsPage {
  return { version, offset, runs: model.runs.slice(offset, offset + size) };
}

/**
 * The run table of a view as CSV (RFC 4180, quoted where needed by csv-stringify): one row per shown run with its
 * stamps and the shown metric columns at full precision, and a `Δ <metric>` column per metric when a run is pinned.
 * A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) is prefixed with `'`.
 */
export function reviewCsv(model: Pick<ReviewModel, 'runs' | 'columns' | 'pinned'>, view: ReviewView): string {
  const runs = shownRuns(model.runs, view);
  const columns = shownColumns(model.runs, model.columns, view);
  const pinned = model.pinned !== undefined;
  const text = (s: string | undefined) => (s === undefined ? '' : /^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
  const num = (n: number | undefined) => (n === undefined ? '' : String(n));
  const header = ['run', 'candidate', 'recorded_at', 'commit', 'dirty', 'dataset_sha256', 'source', 'command', ...columns.map(text), ...(pinned ? columns.map((c) => text(`Δ ${c}`)) : [])];
  const rows = runs.map((r) => [
    r.id,
    text(r.candidate),
    text(r.at),
    text(r.commit),
    r.dirty === undefined ? '' : String(r.dirty),
    text(r.dataset),
    text(r.source),
    text(r.command),
    ...columns.map((c) => num(r.metrics[c])),
    ...(pinned ? columns.map((c) => num(r.deltas?.[c])) : []),
  ]);
  return stringify([header, ...rows], { record_delimiter: 'windows', quoted_match: /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/ });
}

// The Evaluation Review's view model as the webview receives it, and the pure helpers the webview applies to what it
// shows (which runs, which metric columns differ): types and functions with no dependency beyond the roadmap's own
// types, so the browser bundle can import them.
import type { Goal } from '../roadmap/model';

/** One record of `.mlroadmap/history.jsonl`: one evaluation run the pipeline recorded. */
export interface ReviewRun {
  /** `run-<n>`: the record's place in the history (0-based), stable while the history only grows. */
  readonly id: string;
  readonly candidate: string;
  /** ISO time the run was recorded. */
  readonly at: string;
  readonly commit?: string;
  readonly dirty?: boolean;
  /** The dataset's sha256 when the run was recorded. */
  readonly dataset?: string;
  readonly command?: string;
  /** The results file it was read from. */
  readonly source: string;
  /** Every metric of the run, by its name in the results. */
  readonly metrics: Readonly<Record<string, number>>;
  /** Against the pinned run, per metric both have (value − pinned value); absent when no run is pinned. */
  readonly deltas?: Readonly<Record<string, number>>;
  /** The run carries per-class values (asked for with `showRunDetail`, never sent in the snapshot). */
  readonly perClass?: true;
}

/** One run's per-class table, as the host sends it on demand (`runDetail`): class × metric. */
export interface ReviewPerClassTable {
  /** Metric names, in the order the results gave them. */
  readonly metrics: readonly string[];
  /** One row per class: its label and a value per metric (null when the class has none). */
  readonly rows: readonly { readonly label: string; readonly values: readonly (number | null)[] }[];
  /** What the cap left out, in words. */
  readonly cut?: string;
}

/** What the host answers to `showRunDetail`: the run's stamps and per-class table, or why there is none. */
export interface ReviewRunDetail {
  readonly runId: string;
  readonly candidate?: string;
  readonly at?: string;
  readonly commit?: string;
  readonly perClass?: ReviewPerClassTable;
  /** Why there is no table: the run has no per-class values, or there is no such run. */
  readonly note?: string;
}

/** How the per-class table is sorted: by the class label, or by a metric column. */
export interface PerClassSort {
  /** -1 for the class label, else the metric's column. */
  readonly column: number;
  readonly descending: boolean;
}

/** The rows sorted (a copy); missing values sort last either way, labels compare numerically when they are numbers. */
export function sortPerClassRows(rows: ReviewPerClassTable['rows'], sort: PerClassSort): ReviewPerClassTable['rows'] {
  const sign = sort.descending ? -1 : 1;
  const collator = new Intl.Collator(undefined, { numeric: true });
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => {
      if (sort.column < 0) return sign * collator.compare(a.row.label, b.row.label) || a.i - b.i;
      const x = a.row.values[sort.column] ?? null;
      const y = b.row.values[sort.column] ?? null;
      if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || a.i - b.i;
      return sign * (x - y) || a.i - b.i;
    })
    .map((x) => x.row);
}

/** An evaluation that failed in this session: it recorded nothing, so it is not in the history; its log is. */
export interface ReviewFailure {
  readonly id: string;
  readonly candidate: string;
  readonly exitCode: number;
  readonly message: string;
  readonly hasLog: boolean;
}

/** One candidate on one metric of the summary, against the baseline (or the pinned run) and the target. */
export interface ReviewCell {
  readonly candidate: string;
  readonly value?: number;
  readonly delta?: number;
  /** The delta goes the metric's way. */
  readonly improved?: boolean;
  /** Pass/fail against the target; absent when there is no target or no value. */
  readonly targetMet?: boolean;
  /** The candidate's shown result is a file no history record holds: it counts for nothing. */
  readonly notFromPipeline?: boolean;
}

export interface ReviewSummaryRow {
  /** The roadmap metric id. */
  readonly metric: string;
  readonly goal: Goal;
  readonly target?: number;
  /** The baseline's value (or the pinned run's). */
  readonly baseline?: number;
  readonly cells: readonly ReviewCell[];
}

/** A candidate's last and best value of a roadmap metric over its history. */
export interface ReviewLastBest {
  readonly candidate: string;
  readonly metric: string;
  readonly last?: number;
  readonly lastRun?: string;
  readonly best?: number;
  readonly bestRun?: string;
}

export interface ReviewModel {
  readonly project: string;
  /** What the summary compares with: the roadmap's baseline candidate, or the pinned run. */
  readonly baseline?: { readonly kind: 'candidate'; readonly id: string } | { readonly kind: 'run'; readonly id: string; readonly candidate: string };
  readonly summary: readonly ReviewSummaryRow[];
  readonly lastBest: readonly ReviewLastBest[];
  /** Every history record, oldest first, with no cap. */
  readonly runs: readonly ReviewRun[];
  /** Every metric name of the runs: those of roadmap metrics in the roadmap's order, then the others by name. */
  readonly columns: readonly string[];
  /** The candidates of the roadmap, in its order, then any other the history names. */
  readonly candidates: readonly string[];
  readonly pinned?: string;
  readonly failures: readonly ReviewFailure[];
  /** Restricted Mode: nothing runs from the panel. */
  readonly readOnly: boolean;
  /** Why the review cannot show the roadmap; the tables are then empty. */
  readonly problem?: string;
}

/**
 * The chart's data over every run, as compact columns in the run table's order (typed arrays: VS Code's webview
 * messaging passes them as binary buffers, not as JSON).
 */
export interface ReviewChartColumns {
  /** Each run's recorded time, in seconds since the epoch. */
  readonly at: Float64Array;
  /** Each run's candidate, as its index in the snapshot's `candidates`. */
  readonly candidate: Uint32Array;
  /** Each run's place in the history: its id is `run-<record>`. */
  readonly record: Uint32Array;
  /** Per metric column (in `columns` order), each run's value; NaN when the run has none (or it is not finite). */
  readonly values: readonly Float64Array[];
}

/**
 * The first message of the Review: what its first screen shows. The summary, last vs best and the chart's columns
 * over every run, the diff-only columns over every run, and only the first `runs` of the run table; the rest of the
 * table is asked for after the first paint (`loadRuns` with this `version` -> `runs` pages).
 */
export interface ReviewSnapshot extends Omit<ReviewModel, 'runs'> {
  /** Names this snapshot: the pages of its runs carry it, a page of an older one is dropped. */
  readonly version: number;
  /** The first runs of the table, oldest first (all of them when there are few). */
  readonly runs: readonly ReviewRun[];
  /** How many runs the table has in all. */
  readonly runCount: number;
  readonly chart: ReviewChartColumns;
  /** The metric columns whose values differ among every run, and among each candidate's runs. */
  readonly differing: { readonly all: readonly string[]; readonly byCandidate: Readonly<Record<string, readonly string[]>> };
  /** The pinned run's recorded time (the pinned run may be in a page not sent yet). */
  readonly pinnedAt?: string;
}

/** A page of the run table, the host's answer to `loadRuns`: the runs from `offset` on, in the table's order. */
export interface ReviewRunsPage {
  readonly version: number;
  readonly offset: number;
  readonly runs: readonly ReviewRun[];
}

/** Whether `id` names a run of a table of `count` runs (run ids are `run-<place in the history>`). */
export function isRunOf(count: number, id: string): boolean {
  const m = /^run-(\d{1,9})$/.exec(id);
  return m !== null && Number(m[1]) < count;
}

/** What the webview shows of the runs: every run, or one candidate's. */
export interface ReviewView {
  readonly candidate?: string;
  /** Hide the metric columns whose values are the same in every shown run. */
  readonly diffOnly: boolean;
}

export function shownRuns(runs: readonly ReviewRun[], view: Pick<ReviewView, 'candidate'>): readonly ReviewRun[] {
  return view.candidate === undefined ? runs : runs.filter((r) => r.candidate === view.candidate);
}

/**
 * The metric columns whose values differ among `runs` (a value missing in one run and present in another differs);
 * with one run or none, no column differs.
 */
export function differingColumns(runs: readonly ReviewRun[], columns: readonly string[]): string[] {
  return columns.filter((c) => {
    const first = runs[0]?.metrics[c];
    return runs.some((r) => !Object.is(r.metrics[c], first));
  });
}

/** The columns the table shows for a view. */
export function shownColumns(runs: readonly ReviewRun[], columns: readonly string[], view: ReviewView): readonly string[] {
  return view.diffOnly ? differingColumns(shownRuns(runs, view), columns) : columns;
}

/** The columns the table shows for a view, from a snapshot's diff-only columns (computed over every run by the host). */
export function snapshotColumns(snapshot: Pick<ReviewSnapshot, 'columns' | 'differing'>, view: ReviewView): readonly string[] {
  if (!view.diffOnly) return snapshot.columns;
  const { all, byCandidate } = snapshot.differing;
  return view.candidate === undefined ? all : Object.hasOwn(byCandidate, view.candidate) ? byCandidate[view.candidate]! : [];
}

/** Each metric's value minus the pinned run's, for the metrics both have. */
export function deltasAgainst(run: Pick<ReviewRun, 'metrics'>, pinned: Pick<ReviewRun, 'metrics'>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(run.metrics)) {
    const base = pinned.metrics[name];
    if (base !== undefined) out[name] = value - base;
  }
  return out;
}

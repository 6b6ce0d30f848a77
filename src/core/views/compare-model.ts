// Compare Candidates' view model as the webview receives it, and the table's sorting, filtering and columns: types
// and pure helpers with no dependency beyond the roadmap's own types and @vscode/l10n, so the browser bundle can import
// them. The numbers arrive computed and formatted by the host (src/core/views/compare.ts); the browser only orders and
// hides.
import * as l10n from '@vscode/l10n';
import { CANDIDATE_STATUSES, LEVELS, type CandidateStatus, type Goal, type Level } from '../roadmap/model';

/** A number as the table shows it (formatted by the core's one formatter) and as it sorts (raw). */
export interface ShownNumber {
  readonly value: number;
  readonly text: string;
}

/** One roadmap metric of one candidate. */
export interface CompareMetricCell {
  readonly metric: string;
  /** `benefit.expected` of the metric. */
  readonly expected?: ShownNumber;
  /** The latest measured value (see `CompareResult` for where it comes from). */
  readonly value?: ShownNumber;
  /** value − baseline's latest value, signed. */
  readonly delta?: ShownNumber;
  /** Whether the delta goes the metric's way. */
  readonly improved?: boolean;
  /** Whether the latest value meets the metric's target; absent without a target or a value. */
  readonly targetMet?: boolean;
}

/** Where a candidate's latest numbers come from. */
export interface CompareResult {
  /** True when no history record holds them: a results file the pipeline did not produce; they count for nothing. */
  readonly notFromPipeline: boolean;
  readonly at?: string;
  readonly commit?: string;
  readonly stale?: string;
}

export interface CompareLink {
  readonly id: string;
  readonly title: string;
  /** Only http(s) URLs are kept; others are shown as text. */
  readonly url?: string;
}

export interface CompareRow {
  readonly id: string;
  readonly title: string;
  readonly status: CandidateStatus;
  /** Marked `baseline: true` or named by `evaluation.baseline`. */
  readonly baseline: boolean;
  readonly effortDays?: ShownNumber;
  readonly computeHours?: ShownNumber;
  readonly risk?: Level;
  readonly confidence?: Level;
  /** The candidate's place in the cost/benefit ranking, with the formula filled in. */
  readonly rank?: { readonly position: number; readonly score: ShownNumber; readonly formula: string };
  /** One cell per roadmap metric, in roadmap order. */
  readonly metrics: readonly CompareMetricCell[];
  readonly result?: CompareResult;
  readonly literature: readonly CompareLink[];
  /** The decision record number as written, and its title when the record is found. */
  readonly decision?: { readonly number: string; readonly title?: string };
}

export interface CompareMetric {
  readonly id: string;
  readonly goal: Goal;
  readonly target?: ShownNumber;
}

/** A point of the cost-versus-benefit scatter. */
export interface ScatterPoint {
  readonly candidate: string;
  /** The cost axis: effort days + compute hours ÷ 8 (as the ranking counts them, before the risk factor). */
  readonly cost: number;
  /** Expected benefit on the primary metric, when the candidate states one. */
  readonly expected?: number;
  /** Latest measured value of the primary metric, when there is one. */
  readonly measured?: number;
  /**
   * What the Pareto front counts as the candidate's benefit: the measured value when the evaluation pipeline recorded
   * it (a history record), else the expected benefit; absent when neither (a result not from the pipeline counts for
   * nothing, as everywhere).
   */
  readonly benefit?: { readonly value: number; readonly basis: 'measured' | 'expected' };
}

export interface CompareScatter {
  /** The primary (first) metric, the scatter's benefit axis. */
  readonly metric?: CompareMetric;
  readonly points: readonly ScatterPoint[];
  /**
   * The candidates on the Pareto front (cheapest first) of cost versus each point's `benefit` (measured by the
   * pipeline, else expected): no other is at most as costly and better.
   */
  readonly front: readonly string[];
}

export interface CompareModel {
  readonly project: string;
  readonly metrics: readonly CompareMetric[];
  readonly rows: readonly CompareRow[];
  readonly statuses: readonly CandidateStatus[];
  readonly scatter: CompareScatter;
  readonly baselineId?: string;
  /** How the rank is computed. */
  readonly rankFormula: string;
  /** Restricted Mode: nothing can be evaluated or recorded. */
  readonly readOnly: boolean;
  /** Why the table cannot show the roadmap. */
  readonly problem?: string;
}

/** A column of the table: fixed ones, and four per metric (`expected:<id>`, `value:<id>`, `delta:<id>`, `met:<id>`). */
export interface CompareColumn {
  readonly key: string;
  readonly title: string;
  /** Whether it is shown when the user has chosen nothing yet. */
  readonly byDefault: boolean;
}

/** Every column of the table for these metrics, in order. The primary metric's columns are shown by default. */
export function compareColumns(metrics: readonly Pick<CompareMetric, 'id'>[]): CompareColumn[] {
  const fixed: CompareColumn[] = [
    { key: 'title', title: l10n.t('Candidate'), byDefault: true },
    { key: 'status', title: l10n.t('Status'), byDefault: true },
    { key: 'effort', title: l10n.t('Effort (days)'), byDefault: true },
    { key: 'compute', title: l10n.t('Compute (h)'), byDefault: true },
    { key: 'risk', title: l10n.t('Risk'), byDefault: true },
    { key: 'confidence', title: l10n.t('Confidence'), byDefault: true },
    { key: 'rank', title: l10n.t('Rank'), byDefault: true },
  ];
  const perMetric = metrics.flatMap((m, i) => [
    { key: `expected:${m.id}`, title: l10n.t('{0} expected', m.id), byDefault: i === 0 },
    { key: `value:${m.id}`, title: `${m.id}`, byDefault: true },
    { key: `delta:${m.id}`, title: l10n.t('{0} Δ baseline', m.id), byDefault: i === 0 },
    { key: `met:${m.id}`, title: l10n.t('{0} target met', m.id), byDefault: true },
  ]);
  const trailing: CompareColumn[] = [
    { key: 'literature', title: l10n.t('Literature'), byDefault: false },
    { key: 'decision', title: l10n.t('Decision'), byDefault: true },
  ];
  return [...fixed, ...perMetric, ...trailing];
}

/** The columns shown: the chosen keys that exist, in table order; the defaults when nothing is chosen. */
export function shownColumns(all: readonly CompareColumn[], chosen: readonly string[] | undefined): CompareColumn[] {
  if (chosen === undefined) return all.filter((c) => c.byDefault);
  const keys = new Set(chosen);
  return all.filter((c) => keys.has(c.key));
}

type SortValue = number | string | undefined;

function cellOf(row: CompareRow, metric: string): CompareMetricCell | undefined {
  return row.metrics.find((m) => m.metric === metric);
}

/** What a row sorts by in a column: raw numbers, statuses and levels in their workflow order, text otherwise. */
export function sortValue(row: CompareRow, key: string): SortValue {
  const colon = key.indexOf(':');
  if (colon > 0) {
    const cell = cellOf(row, key.slice(colon + 1));
    switch (key.slice(0, colon)) {
      case 'expected':
        return cell?.expected?.value;
      case 'value':
        return cell?.value?.value;
      case 'delta':
        return cell?.delta?.value;
      case 'met':
        return cell?.targetMet === undefined ? undefined : cell.targetMet ? 1 : 0;
      default:
        return undefined;
    }
  }
  switch (key) {
    case 'id':
      return row.id;
    case 'title':
      return row.title;
    case 'status':
      return CANDIDATE_STATUSES.indexOf(row.status);
    case 'effort':
      return row.effortDays?.value;
    case 'compute':
      return row.computeHours?.value;
    case 'risk':
      return row.risk === undefined ? undefined : LEVELS.indexOf(row.risk);
    case 'confidence':
      return row.confidence === undefined ? undefined : LEVELS.indexOf(row.confidence);
    case 'rank':
      return row.rank?.position;
    case 'literature':
      return row.literature.length;
    case 'decision':
      return row.decision?.number;
    default:
      return undefined;
  }
}

export type SortDirection = 'ascending' | 'descending';

export interface CompareSort {
  readonly key: string;
  readonly direction: SortDirection;
}

/** The rows ordered by a column; rows without a value come last either way, ties keep the file's order. */
export function sortRows(rows: readonly CompareRow[], sort: CompareSort | undefined): CompareRow[] {
  if (!sort) return [...rows];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: sortValue(row, sort.key) }))
    .sort((a, b) => {
      if (a.value === undefined || b.value === undefined) {
        return a.value === b.value ? a.index - b.index : a.value === undefined ? 1 : -1;
      }
      const order = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : String(a.value).localeCompare(String(b.value));
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map((x) => x.row);
}

export interface CompareFilter {
  /** The statuses kept; all when absent or empty. */
  readonly statuses?: readonly CandidateStatus[];
  /** Kept when the id, title, literature or decision contains it (case-insensitive). */
  readonly text?: string;
}

export function rowVisible(row: CompareRow, filter: CompareFilter): boolean {
  if (filter.statuses && filter.statuses.length > 0 && !filter.statuses.includes(row.status)) return false;
  const text = filter.text?.trim().toLowerCase();
  if (!text) return true;
  const haystack = [row.id, row.title, ...row.literature.flatMap((l) => [l.id, l.title]), row.decision?.number ?? '', row.decision?.title ?? ''];
  return haystack.some((h) => h.toLowerCase().includes(text));
}

export function filterRows(rows: readonly CompareRow[], filter: CompareFilter): CompareRow[] {
  return rows.filter((r) => rowVisible(r, filter));
}

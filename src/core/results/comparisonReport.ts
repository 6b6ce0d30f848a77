// A candidate's latest result against the baseline's and the roadmap's targets, as a Markdown document: every
// metric with both values, the delta and whether the target is met, then where each result comes from.
import * as l10n from '@vscode/l10n';
import type { Metric } from '../roadmap/model';
import { compareToBaseline, type Comparison } from './compare';
import { findMetricName } from './metric-names';
import { formatNumber, formatSigned } from './numbers';
import type { MetricValues } from './own-format';

/** One side of the comparison: the latest result of a candidate. */
export interface ReportSide {
  readonly metrics: MetricValues;
  /** ISO time the result was produced or recorded. */
  readonly at?: string;
  readonly commit?: string;
  readonly dirty?: boolean;
  readonly datasetSha256?: string;
  readonly command?: string;
  readonly source?: string;
  readonly stale?: string;
  /** True when no history record holds these numbers (see `mergeResults`): they do not count as evaluated. */
  readonly notFromPipeline?: boolean;
}

export interface ReportInput {
  readonly metrics: readonly Pick<Metric, 'id' | 'goal' | 'target'>[];
  readonly candidate: string;
  readonly result?: ReportSide;
  readonly baselineId?: string;
  readonly baseline?: ReportSide;
  readonly now: Date;
  /** Leave out the rows where the candidate and the baseline agree. */
  readonly onlyDifferences?: boolean;
}

/** How long ago an ISO time was: `just now`, `5 min ago`, `2 h ago`, `3 d ago`. */
export function formatAge(iso: string | undefined, now: Date): string {
  if (iso === undefined) return '—';
  const ms = now.getTime() - Date.parse(iso);
  if (Number.isNaN(ms)) return '—';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return l10n.t('just now');
  if (minutes < 60) return l10n.t('{0} min ago', minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return l10n.t('{0} h ago', hours);
  return l10n.t('{0} d ago', Math.floor(hours / 24));
}

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function code(text: string | undefined): string {
  if (text === undefined) return '—';
  const ticks = text.includes('`') ? '`` ' : '`';
  return `${ticks}${cell(text)}${ticks === '`` ' ? ' ``' : '`'}`;
}

function commitOf(side: ReportSide | undefined): string | undefined {
  if (side?.commit === undefined) return undefined;
  return side.dirty ? l10n.t('{0} (uncommitted changes)', side.commit.slice(0, 12)) : side.commit.slice(0, 12);
}

/** One row of a comparison: a roadmap metric (found under a tool's name for it too), or a metric the roadmap does not name. */
export interface ComparisonRow extends Omit<Comparison, 'metric'> {
  /** The roadmap metric id, or the metric's name as written in the results. */
  readonly name: string;
  /** The roadmap metric of the row; absent for the other metrics. */
  readonly metric?: Pick<Metric, 'id' | 'goal' | 'target'>;
}

/**
 * The rows of a comparison: every roadmap metric in roadmap order, then every other metric of either side, by its
 * name in the results. A name matched to a roadmap metric (`eval_accuracy` for `accuracy`) is not a row of its own.
 */
export function comparisonRows(
  metrics: readonly Pick<Metric, 'id' | 'goal' | 'target'>[],
  result: MetricValues | undefined,
  baseline: MetricValues | undefined,
): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  const matched = new Set<string>();
  for (const metric of metrics) {
    const { metric: _id, ...c } = compareToBaseline(result, baseline, metric);
    for (const values of [result, baseline]) {
      const name = values && findMetricName(Object.keys(values), metric);
      if (name) matched.add(name);
    }
    rows.push({ name: metric.id, metric, ...c });
  }
  const others = [...new Set([...Object.keys(result ?? {}), ...Object.keys(baseline ?? {})])].filter((n) => !matched.has(n));
  for (const name of others) {
    const value = result?.[name];
    const b = baseline?.[name];
    rows.push({ name, ...(value !== undefined ? { value } : {}), ...(b !== undefined ? { baseline: b } : {}), ...(value !== undefined && b !== undefined ? { delta: value - b } : {}) });
  }
  return rows;
}

/** The Markdown comparison of a candidate with the baseline. */
export function comparisonReport(input: ReportInput): string {
  const { candidate, result, baseline, baselineId } = input;
  const isBaseline = baselineId === candidate;
  const against = baselineId !== undefined && !isBaseline ? baselineId : undefined;
  const lines: string[] = [];
  const title = against ? l10n.t('{0} vs baseline {1}', cell(candidate), cell(against)) : isBaseline ? l10n.t('{0} (the baseline)', cell(candidate)) : cell(candidate);
  lines.push(`# ${title}`, '');
  if (!result) {
    lines.push(l10n.t('No result for `{0}` yet: run **ML Roadmap: Evaluate Candidate…**.', cell(candidate)), '');
    return lines.join('\n');
  }
  if (input.onlyDifferences) lines.push(`_${l10n.t('Only the rows where the candidate and the baseline differ.')}_`, '');
  const base = against ? baseline : undefined;
  const header = [l10n.t('metric'), l10n.t('goal'), l10n.t('target'), cell(candidate), ...(against ? [cell(against), 'Δ'] : []), l10n.t('target met')];
  lines.push(`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i < 3 ? ' --- ' : ' ---: ')).join('|')}|`);
  for (const row of comparisonRows(input.metrics, result.metrics, base?.metrics)) {
    if (input.onlyDifferences && against && row.value === row.baseline) continue;
    const metric = row.metric;
    const delta = row.delta === undefined ? '—' : `${formatSigned(row.delta)}${!metric ? '' : row.improved ? ' ▲' : row.delta !== 0 ? ' ▼' : ''}`;
    const met = row.targetMet === undefined ? '—' : row.targetMet ? '✓' : '✗';
    const values = [formatNumber(row.value), ...(against ? [formatNumber(row.baseline), delta] : [])];
    const cells = metric ? [cell(row.name), metric.goal, formatNumber(metric.target), ...values, met] : [cell(row.name), '—', '—', ...values, '—'];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  lines.push('', `## ${l10n.t('Where the results come from')}`, '');
  const sides = against ? [result, base] : [result];
  lines.push(`| | ${cell(candidate)}${against ? ` | ${cell(against)}` : ''} |`, `| --- | --- |${against ? ' --- |' : ''}`);
  const rows: [string, string, (s: ReportSide | undefined) => string][] = [
    ['measured', l10n.t('measured'), (s) => (s?.at ? `${formatAge(s.at, input.now)} (${s.at})` : '—')],
    ['commit', l10n.t('commit'), (s) => code(commitOf(s))],
    ['dataset', l10n.t('dataset sha256'), (s) => code(s?.datasetSha256?.slice(0, 16))],
    ['command', l10n.t('command'), (s) => code(s?.command)],
    ['file', l10n.t('file'), (s) => code(s?.source)],
  ];
  for (const [key, name, show] of rows) {
    const values = sides.map(show);
    if (input.onlyDifferences && against && key !== 'measured' && values[0] === values[1]) continue;
    lines.push(`| ${name} | ${values.join(' | ')} |`);
  }
  if (against && !base) lines.push('', l10n.t('The baseline `{0}` has no result yet: evaluate it to see deltas.', cell(against)));
  if (against && base?.datasetSha256 && result.datasetSha256 && base.datasetSha256 !== result.datasetSha256) {
    lines.push('', l10n.t('**Warning:** `{0}` and `{1}` were evaluated on different data; the deltas mean nothing.', cell(candidate), cell(against)));
  }
  for (const [id, s] of [[candidate, result], [against, base]] as const) {
    if (id !== undefined && s?.notFromPipeline) {
      lines.push(
        '',
        l10n.t('**Not from the pipeline:** no evaluation run recorded the result of `{0}`, so it does not count as evaluated: run **ML Roadmap: Evaluate Candidate…** for it.', cell(id)),
      );
    }
  }
  for (const s of [result.stale, base?.stale]) if (s) lines.push('', l10n.t('**Stale:** {0}', cell(s)));
  return lines.join('\n') + '\n';
}

// Figures for views: a candidate's value of a metric, the baseline's, the delta, and whether the target is met.
import type { Metric } from '../roadmap/model';
import { findMetricName, type MetricNaming } from './metric-names';
import type { MetricValues } from './own-format';

export interface Comparison {
  readonly metric: string;
  readonly value?: number;
  readonly baseline?: number;
  /** value - baseline, when both are known. */
  readonly delta?: number;
  /** True when the delta goes the metric's way (higher for maximize, lower for minimize); absent when no delta. */
  readonly improved?: boolean;
  /** Whether the value meets the metric's target (>= for maximize, <= for minimize); absent when no target or no value. */
  readonly targetMet?: boolean;
}

/** The value of a roadmap metric in a set of values: its logged name, its id or tool names like `eval_<id>`, `val/<id>`. */
export function metricValue(values: MetricValues | undefined, metric: MetricNaming): number | undefined {
  if (values === undefined) return undefined;
  const key = findMetricName(Object.keys(values), metric);
  return key === undefined ? undefined : values[key];
}

/** Compare a result to the baseline's on one roadmap metric. */
export function compareToBaseline(
  result: MetricValues | undefined,
  baselineResult: MetricValues | undefined,
  metric: Pick<Metric, 'id' | 'goal' | 'target' | 'logged_as'>,
): Comparison {
  const value = metricValue(result, metric);
  const baseline = metricValue(baselineResult, metric);
  const out: { -readonly [K in keyof Comparison]: Comparison[K] } = { metric: metric.id };
  if (value !== undefined) out.value = value;
  if (baseline !== undefined) out.baseline = baseline;
  if (value !== undefined && baseline !== undefined) {
    out.delta = value - baseline;
    out.improved = metric.goal === 'maximize' ? value > baseline : value < baseline;
  }
  if (value !== undefined && metric.target !== undefined) {
    out.targetMet = metric.goal === 'maximize' ? value >= metric.target : value <= metric.target;
  }
  return out;
}

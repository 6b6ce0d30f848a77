// Metric names as tools write them (`eval_wer`, `metrics/mAP50(B)`, `val.accuracy`) against roadmap metric ids (`wer`).
import type { Goal, Metric, Roadmap } from '../roadmap/model';
import type { GoalOf } from './types';

/** Tokens (after splitting a name on anything not a letter or digit) that mean "smaller is better": errors, false positives/negatives, time. */
const MINIMIZE_TOKENS = new Set(['time', 'seconds', 'eta', 'runtime', 'duration', 'false', 'rmse', 'mae', 'mse', 'mape', 'wer', 'cer', 'ter', 'perplexity', 'ppl', 'latency', 'fpr', 'fnr', 'eer', 'nll']);
/** Substrings of a token that mean "smaller is better". */
const MINIMIZE_PARTS = ['loss', 'error'];

/** Split-prefixes that only say which split a metric was measured on. */
const SPLIT_PREFIXES = ['eval', 'val', 'valid', 'validation', 'test', 'train', 'metrics'];

function tokens(name: string): string[] {
  return name.toLowerCase().split(/[^a-z0-9]+/).filter((t) => t.length > 0);
}

/** Name heuristic: losses, errors, rmse/mae/mse, wer/cer, perplexity, latency are minimised; everything else maximised. */
export function defaultGoalOf(name: string): Goal {
  for (const t of tokens(name)) {
    if (MINIMIZE_TOKENS.has(t) || MINIMIZE_PARTS.some((p) => t.includes(p))) return 'minimize';
  }
  return 'maximize';
}

/** Namespace separators: `/` always, `.` only before a letter (`mAP_0.5` is one name). */
const SEPARATOR = /\/|\.(?=[a-z_])/i;

/**
 * The name without split prefixes, split suffixes or namespaces, lower-cased: `eval_wer` -> `wer`,
 * `metrics/mAP50(B)` -> `map50(b)`, `val/accuracy` and `accuracy.test` -> `accuracy`, `test_acc_epoch` -> `acc_epoch`.
 */
export function baseMetricName(name: string): string {
  const segments = name.toLowerCase().split(SEPARATOR).filter((s) => s !== '' && !SPLIT_PREFIXES.includes(s));
  let n = segments.length > 0 ? segments[segments.length - 1] : name.toLowerCase();
  for (const p of SPLIT_PREFIXES) {
    if (n.startsWith(p + '_') && n.length > p.length + 1) {
      n = n.slice(p.length + 1);
      break;
    }
  }
  return n;
}

/** Preference when several names in a run match one roadmap metric: held-out splits first. */
const SPLIT_PREFERENCE = ['test', 'eval', 'validation', 'valid', 'val', '', 'train'];

function splitOf(name: string): string {
  const segments = name.toLowerCase().split(SEPARATOR);
  for (const seg of segments) {
    for (const p of SPLIT_PREFIXES) {
      if (p !== 'metrics' && (seg === p || seg.startsWith(p + '_'))) return p;
    }
  }
  return '';
}

/** A roadmap metric as results are matched to it: its id, or the metric with the name it is logged under. */
export type MetricNaming = string | Pick<Metric, 'id' | 'logged_as'>;

/**
 * The key in `names` that stands for a roadmap metric: its `logged_as` name if present, else its exact id, else a name
 * whose base name equals the id (preferring test, then eval, then validation splits over train).
 */
export function findMetricName(names: Iterable<string>, metric: MetricNaming): string | undefined {
  const { id, logged_as: loggedAs } = typeof metric === 'string' ? { id: metric, logged_as: undefined } : metric;
  const all = [...names];
  if (loggedAs !== undefined && all.includes(loggedAs)) return loggedAs;
  const want = id.toLowerCase();
  const matches: string[] = [];
  for (const n of all) {
    if (n === id) return n;
    if (n.toLowerCase() === want || baseMetricName(n) === want) matches.push(n);
  }
  if (matches.length === 0) return undefined;
  const rank = (n: string): number => {
    const i = SPLIT_PREFERENCE.indexOf(splitOf(n));
    return i < 0 ? SPLIT_PREFERENCE.length : i;
  };
  return matches.sort((a, b) => rank(a) - rank(b))[0];
}

/** Goals decided by the roadmap's metrics (exact id, logged name or base name), else by the name heuristic. */
export function goalOfFromMetrics(metrics: readonly Pick<Metric, 'id' | 'goal' | 'logged_as'>[]): GoalOf {
  const byId = new Map<string, Goal>();
  for (const m of metrics) {
    byId.set(m.id.toLowerCase(), m.goal);
    if (m.logged_as !== undefined) byId.set(m.logged_as.toLowerCase(), m.goal);
  }
  return (name) => byId.get(name.toLowerCase()) ?? byId.get(baseMetricName(name)) ?? defaultGoalOf(name);
}

/** `goalOfFromMetrics` for a whole roadmap. */
export function goalOfFromRoadmap(roadmap: Pick<Roadmap, 'metrics'>): GoalOf {
  return goalOfFromMetrics(roadmap.metrics);
}

/** The primary metric of a roadmap: its first metric. */
export function primaryMetric(roadmap: Pick<Roadmap, 'metrics'>): Metric | undefined {
  return roadmap.metrics[0];
}

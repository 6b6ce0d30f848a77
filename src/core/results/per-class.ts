// Per-class metrics (class label -> metric name -> value): read from scikit-learn's
// `classification_report(output_dict=True)` JSON and from the own format's `per_class`, kept apart from the run's
// flat metrics (a class's precision is not a roadmap metric), carried on the history record, and capped.
import * as l10n from '@vscode/l10n';
import { isPlainObject } from './rows';

/** Class label -> metric name -> value, classes and metrics in the order the file gave them. */
export type PerClassValues = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** Per-class values as kept on a run and a history record: the table, and what the cap left out (absent when nothing was). */
export interface PerClass {
  readonly classes: PerClassValues;
  /** How many classes and metric names were left out by the cap. */
  readonly cut?: { readonly classes: number; readonly metrics: number };
  /**
   * Set when a history read let go of this record's values to stay within its memory budget (`classes` is then
   * empty): how many values the record held. The latest records keep theirs.
   */
  readonly elided?: number;
}

/** How many values per-class tables hold in all (a bound on memory, whatever the classes). */
export function perClassSize(p: PerClass | undefined): number {
  if (!p) return 0;
  let n = 0;
  for (const row of Object.values(p.classes)) n += Object.keys(row).length;
  return n;
}

/** The most per-class values a history read keeps in memory, over all its records (about 100 MB at worst). */
export const MAX_HISTORY_PER_CLASS_VALUES = 2_000_000;

/** The most classes and metric names per class kept for one run. */
export const MAX_PER_CLASS_CLASSES = 1000;
export const MAX_PER_CLASS_METRICS = 50;

/**
 * Keeps at most `maxClasses` classes (the first ones) and, across them, at most `maxMetrics` metric names (the first
 * seen); non-finite and non-number values are dropped. Undefined when nothing is left.
 */
export function capPerClass(values: Readonly<Record<string, unknown>>, maxClasses = MAX_PER_CLASS_CLASSES, maxMetrics = MAX_PER_CLASS_METRICS): PerClass | undefined {
  const classes: Record<string, Record<string, number>> = {};
  const metrics = new Set<string>();
  const droppedMetrics = new Set<string>();
  let kept = 0;
  let droppedClasses = 0;
  for (const [label, row] of Object.entries(values)) {
    if (!isPlainObject(row)) continue;
    if (kept >= maxClasses) {
      droppedClasses++;
      continue;
    }
    const out: Record<string, number> = {};
    for (const [name, v] of Object.entries(row)) {
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      if (!metrics.has(name)) {
        if (metrics.size >= maxMetrics) {
          droppedMetrics.add(name);
          continue;
        }
        metrics.add(name);
      }
      out[name] = v;
    }
    if (Object.keys(out).length === 0) continue;
    classes[label] = out;
    kept++;
  }
  if (kept === 0) return undefined;
  const cut = droppedClasses > 0 || droppedMetrics.size > 0 ? { classes: droppedClasses, metrics: droppedMetrics.size } : undefined;
  return cut ? { classes, cut } : { classes };
}

/** What the cap left out, in words; undefined when nothing was. */
export function describeCut(cut: PerClass['cut']): string | undefined {
  if (!cut || (cut.classes === 0 && cut.metrics === 0)) return undefined;
  const classes = cut.classes === 1 ? l10n.t('1 more class') : l10n.t('{0} more classes', cut.classes);
  const metrics = cut.metrics === 1 ? l10n.t('1 more metric name') : l10n.t('{0} more metric names', cut.metrics);
  const left = cut.classes > 0 && cut.metrics > 0 ? l10n.t('{0} and {1}', classes, metrics) : cut.classes > 0 ? classes : metrics;
  return l10n.t('per-class values cut to {0} classes × {1} metrics: {2} left out', MAX_PER_CLASS_CLASSES, MAX_PER_CLASS_METRICS, left);
}

/** The per-class keys of a scikit-learn classification report. */
const REPORT_KEYS: ReadonlySet<string> = new Set(['precision', 'recall', 'f1-score', 'support']);
/** Rows of a classification report that are averages over the classes, not classes. */
const REPORT_AVERAGES: ReadonlySet<string> = new Set(['macro avg', 'weighted avg', 'micro avg', 'samples avg']);

/** The flat metrics and the per-class table of a scikit-learn classification report. */
export interface ClassificationReport {
  /** `accuracy` and the averages (`macro avg.f1-score`, …): the run's metrics, named as the flattening of the JSON names them. */
  readonly metrics: Readonly<Record<string, number>>;
  /** Class label -> {precision, recall, f1-score, support}. */
  readonly perClass: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/**
 * The object as a scikit-learn `classification_report(..., output_dict=True)` when it is one: every entry is either
 * `accuracy` (a number) or an object whose keys are among precision, recall, f1-score and support, and at least one
 * average row (`macro avg`, `weighted avg`) and one class are present. Undefined for anything else.
 */
export function classificationReport(value: Readonly<Record<string, unknown>>): ClassificationReport | undefined {
  let averages = 0;
  const metrics: Record<string, number> = {};
  const perClass: Record<string, Record<string, number>> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'accuracy' && typeof v === 'number') {
      metrics[key] = v;
      continue;
    }
    if (!isPlainObject(v)) return undefined;
    const entries = Object.entries(v);
    if (entries.length === 0 || !entries.every(([k, x]) => REPORT_KEYS.has(k) && typeof x === 'number')) return undefined;
    if (REPORT_AVERAGES.has(key)) {
      averages++;
      for (const [k, x] of entries) metrics[`${key}.${k}`] = x as number;
    } else perClass[key] = Object.fromEntries(entries) as Record<string, number>;
  }
  return averages > 0 && Object.keys(perClass).length > 0 ? { metrics, perClass } : undefined;
}

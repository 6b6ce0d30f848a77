// Turning one logged row (`{"step": 3, "loss": 0.2, "val": {"acc": 0.9}}`) into metric values.
import type { MetricAccumulator } from './accumulator';

/** Keys that say where in training a row was logged, in the order they are preferred as "the step". */
export const STEP_KEYS = ['step', 'global_step', '_step', 'trainer/global_step', 'iteration', 'iter', 'epoch'] as const;
const STEP_KEY_SET: ReadonlySet<string> = new Set(STEP_KEYS);

/** Nested objects deeper than this are ignored (metrics files are shallow; deeper means media or config). */
const MAX_DEPTH = 6;

/** True for keys that are bookkeeping, not metrics: step counters and `_`-prefixed keys (W&B internals). */
export function isBookkeepingKey(key: string): boolean {
  return STEP_KEY_SET.has(key) || key.charCodeAt(0) === 95; /* '_' */
}

/** The step of a row: the first step key holding a finite number. */
export function stepOf(row: Readonly<Record<string, unknown>>): number | undefined {
  for (const k of STEP_KEYS) {
    const v = row[k];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return undefined;
}

/**
 * Add every numeric value of a row. Nested objects are flattened as `a.b.c`; objects with a `_type` key
 * (W&B media, tables, histograms) are skipped, as are strings, booleans, nulls and arrays.
 */
export function addRow(acc: MetricAccumulator, row: Readonly<Record<string, unknown>>, step = stepOf(row)): void {
  for (const key in row) {
    const v = row[key];
    if (typeof v === 'number') {
      if (!isBookkeepingKey(key)) acc.add(key, v, step);
    } else if (typeof v === 'object' && v !== null && !Array.isArray(v) && !isBookkeepingKey(key)) {
      addNested(acc, key, v as Record<string, unknown>, step, 1);
    }
  }
}

function addNested(acc: MetricAccumulator, prefix: string, obj: Record<string, unknown>, step: number | undefined, depth: number): void {
  if (depth > MAX_DEPTH || '_type' in obj) return;
  for (const key in obj) {
    const v = obj[key];
    const name = `${prefix}.${key}`;
    if (typeof v === 'number') acc.add(name, v, step);
    else if (typeof v === 'object' && v !== null && !Array.isArray(v)) addNested(acc, name, v as Record<string, unknown>, step, depth + 1);
  }
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

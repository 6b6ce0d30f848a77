// Running last/best/count per metric, fed one value at a time so readers never keep rows in memory.
import type { Goal } from '../roadmap/model';
import type { GoalOf, MetricSummary } from './types';

interface Slot {
  last: number;
  best: number;
  count: number;
  maximize: boolean;
  step: number | undefined;
  bestStep: number | undefined;
}

export class MetricAccumulator {
  private readonly slots = new Map<string, Slot>();
  private nonFinite = new Map<string, number>();

  constructor(private readonly goalOf: GoalOf) {}

  /** Record one value. Non-finite numbers (NaN, Infinity) are counted apart and do not become last or best. */
  add(name: string, value: number, step?: number): void {
    if (!Number.isFinite(value)) {
      this.nonFinite.set(name, (this.nonFinite.get(name) ?? 0) + 1);
      return;
    }
    const slot = this.slots.get(name);
    if (slot === undefined) {
      const goal: Goal = this.goalOf(name);
      this.slots.set(name, { last: value, best: value, count: 1, maximize: goal === 'maximize', step, bestStep: step });
      return;
    }
    slot.last = value;
    slot.step = step;
    slot.count++;
    if (slot.maximize ? value > slot.best : value < slot.best) {
      slot.best = value;
      slot.bestStep = step;
    }
  }

  /** The last value recorded for a metric, if any. */
  lastOf(name: string): number | undefined {
    return this.slots.get(name)?.last;
  }

  get size(): number {
    return this.slots.size;
  }

  /** Metric names that had NaN or Infinity values, with how many. */
  nonFiniteCounts(): ReadonlyMap<string, number> {
    return this.nonFinite;
  }

  summaries(): Record<string, MetricSummary> {
    const out: Record<string, MetricSummary> = {};
    for (const [name, s] of this.slots) {
      out[name] = {
        last: s.last,
        best: s.best,
        count: s.count,
        goal: s.maximize ? 'maximize' : 'minimize',
        ...(s.step !== undefined ? { step: s.step } : {}),
        ...(s.bestStep !== undefined ? { bestStep: s.bestStep } : {}),
      };
    }
    return out;
  }
}

/** The spans of the extension's own code on the way from `activate()` to the Roadmap view's first items. */
export type SpanName = 'activate' | 'read' | 'parse' | 'notify' | 'analysis' | 'getChildren';
/** Waits on that path (for the disk): timed for context, not extension code, so not in the total. */
export type WaitName = 'readWait';

/**
 * Adds up how long the extension's own code runs on the path to the first view, span by span, with
 * `performance.measure` (entries named `mlroadmap:<span>`, cleared once read). Spans may nest (the analysis runs
 * inside the store's change notification): the total counts the outermost spans only, so no time counts twice.
 * Once the first items are shown (`finish`), spans are no longer measured and cost nothing.
 */
export class ActivationSpans {
  private readonly totals = new Map<SpanName | WaitName, number>();
  private depth = 0;
  private outermost = 0;
  private open = true;

  /** `activationStarted`: `performance.now()` when `activate` began. */
  constructor(readonly activationStarted: number) {}

  /** Runs `fn` as the span `name`. */
  time<T>(name: SpanName, fn: () => T): T {
    if (!this.open) return fn();
    const end = this.begin(name);
    try {
      return fn();
    } finally {
      end();
    }
  }

  /**
   * Begins the span `name` (at `start`, a `performance.now()`, or now) and returns what ends it: for a span that
   * is not one call. Spans begun inside it, until it ends, are counted as parts of it.
   */
  begin(name: SpanName, start = performance.now()): () => void {
    if (!this.open) return () => undefined;
    this.depth++;
    return () => {
      this.depth--;
      this.add(name, start);
    };
  }

  /** Awaits `promise` as the wait `name`: timed, but not counted in the total (the host runs other work meanwhile). */
  async wait<T>(name: WaitName, promise: PromiseLike<T>): Promise<T> {
    if (!this.open) return promise;
    const start = performance.now();
    try {
      return await promise;
    } finally {
      this.add(name, start, false);
    }
  }

  private add(name: SpanName | WaitName, start: number, counted = true): void {
    if (!this.open) return;
    const measure = performance.measure(`mlroadmap:${name}`, { start });
    performance.clearMeasures(measure.name);
    this.totals.set(name, (this.totals.get(name) ?? 0) + measure.duration);
    if (counted && this.depth === 0) this.outermost += measure.duration;
  }

  /** Stops measuring; returns the total of the outermost spans and each span's own total, in ms. */
  finish(): { total: number; spans: ReadonlyMap<SpanName | WaitName, number> } {
    this.open = false;
    return { total: this.outermost, spans: this.totals };
  }
}

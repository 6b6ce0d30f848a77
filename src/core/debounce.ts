// A debounce per key: within its delay, the last action scheduled for a key replaces the one before. The timer
// functions are passed in, so tests drive it with a fake clock instead of waiting.

/** Sets and clears one-shot timers: the global `setTimeout` by default, a fake clock in tests. */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const SYSTEM_TIMERS: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class KeyedDebouncer<K = string> {
  private readonly pending = new Map<K, unknown>();

  constructor(private readonly timers: Timers = SYSTEM_TIMERS) {}

  /** Runs `action` once `ms` have passed without another `schedule` (or a `cancel`) for the same key. */
  schedule(key: K, ms: number, action: () => void): void {
    this.cancel(key);
    const handle = this.timers.set(() => {
      // Forgotten before it runs: an action may schedule its key again.
      if (this.pending.get(key) === handle) this.pending.delete(key);
      action();
    }, Math.max(0, ms));
    this.pending.set(key, handle);
  }

  /** Drops the action waiting for `key`; true when there was one. */
  cancel(key: K): boolean {
    if (!this.pending.has(key)) return false;
    this.timers.clear(this.pending.get(key));
    this.pending.delete(key);
    return true;
  }

  /** Whether an action waits for `key`. */
  isPending(key: K): boolean {
    return this.pending.has(key);
  }

  /** Drops every waiting action. */
  dispose(): void {
    for (const handle of this.pending.values()) this.timers.clear(handle);
    this.pending.clear();
  }
}

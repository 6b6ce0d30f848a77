// Running asynchronous work over a list with a bound on how much runs at once.

/**
 * Calls `work` on every item, at most `limit` at a time, starting them in list order; resolves when all have settled
 * with their results in list order. A rejection is kept in its slot (`Promise.allSettled` form) so one failure never
 * stops the others.
 */
export async function runWithLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = { status: 'fulfilled', value: await work(items[i], i) };
      } catch (reason) {
        results[i] = { status: 'rejected', reason };
      }
    }
  };
  const lanes = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  return results;
}

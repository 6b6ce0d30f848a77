// runWithLimit, driven by promises settled by hand: how many calls run at once, the order they start in, the results
// in item order, and a rejection kept in its slot while the other calls go on.
import assert from 'node:assert/strict';
import { runWithLimit } from '../../../src/core/concurrency';

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => ((resolve = ok), (reject = fail)));
  return { promise, resolve, reject };
}

/** Lets every promise callback that can run now run. */
const settle = () => new Promise<void>((ok) => setImmediate(ok));

/** Calls that wait until the test settles them, with the ones started and the most running at once. */
function controlled<R>() {
  const calls = new Map<string, Deferred<R>>();
  const started: string[] = [];
  let running = 0;
  let most = 0;
  const fn = async (item: string): Promise<R> => {
    started.push(item);
    most = Math.max(most, ++running);
    const call = deferred<R>();
    calls.set(item, call);
    try {
      return await call.promise;
    } finally {
      running--;
    }
  };
  return { fn, calls, started, most: () => most };
}

const values = <R>(results: readonly PromiseSettledResult<R>[]) => results.map((r) => (r.status === 'fulfilled' ? r.value : `rejected: ${String(r.reason)}`));

describe('runWithLimit', () => {
  it('runs at most `limit` calls at once, starts them in item order and gives the results in item order', async () => {
    const c = controlled<string>();
    let done: PromiseSettledResult<string>[] | undefined;
    void runWithLimit(['a', 'b', 'c', 'd'], 2, c.fn).then((r) => (done = r));
    await settle();
    assert.deepEqual(c.started, ['a', 'b']);
    c.calls.get('b')!.resolve('B');
    await settle();
    assert.deepEqual(c.started, ['a', 'b', 'c'], 'a freed slot takes the next item');
    c.calls.get('c')!.resolve('C');
    await settle();
    assert.deepEqual(c.started, ['a', 'b', 'c', 'd']);
    c.calls.get('d')!.resolve('D');
    await settle();
    assert.equal(done, undefined, 'waits for every call');
    c.calls.get('a')!.resolve('A');
    await settle();
    assert.deepEqual(values(done!), ['A', 'B', 'C', 'D']);
    assert.equal(c.most(), 2);
  });

  it('a limit of 1 runs the items one after the other; a limit below 1 or not a number counts as 1', async () => {
    for (const limit of [1, 0, -3, Number.NaN]) {
      const order: string[] = [];
      const results = await runWithLimit(['a', 'b', 'c'], limit, async (item) => {
        order.push(`start ${item}`);
        await settle();
        order.push(`end ${item}`);
        return item.toUpperCase();
      });
      assert.deepEqual(order, ['start a', 'end a', 'start b', 'end b', 'start c', 'end c'], `limit ${limit}`);
      assert.deepEqual(values(results), ['A', 'B', 'C']);
    }
  });

  it('a limit above the number of items starts them all; no items resolve at once', async () => {
    const c = controlled<number>();
    const all = runWithLimit(['a', 'b'], 8, c.fn);
    await settle();
    assert.deepEqual(c.started, ['a', 'b']);
    c.calls.get('a')!.resolve(1);
    c.calls.get('b')!.resolve(2);
    assert.deepEqual(values(await all), [1, 2]);
    assert.deepEqual(await runWithLimit([], 2, async () => 1), []);
  });

  it('a call that rejects keeps its slot as rejected; the others still start and run to their end', async () => {
    const c = controlled<string>();
    const all = runWithLimit(['a', 'b', 'c'], 2, c.fn);
    await settle();
    c.calls.get('a')!.reject(new Error('boom'));
    await settle();
    assert.deepEqual(c.started, ['a', 'b', 'c']);
    c.calls.get('b')!.resolve('B');
    c.calls.get('c')!.resolve('C');
    assert.deepEqual(values(await all), ['rejected: Error: boom', 'B', 'C']);
  });
});

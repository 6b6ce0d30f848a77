// Waiting for a task's run ends in every case: on the task's events, or on a limit that names what did not happen.
import assert from 'node:assert/strict';
import { awaitTaskRun, type TaskRunResult } from '../../../src/evaluation/taskWait';
import { FakeClock } from '../support/fakeClock';

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((ok) => (resolve = ok));
  return { promise, resolve };
}

/** Lets every promise callback that can run now run. */
const settle = () => new Promise<void>((ok) => setImmediate(ok));

const LIMITS = { startMs: 30_000, outcomeAfterEndMs: 30_000 };
const HOUR = 3_600_000;

describe('awaitTaskRun', () => {
  let clock: FakeClock;
  let started: Deferred<{ readonly outcome: Promise<string> }>;
  let ended: Deferred<void>;
  let outcome: Deferred<string>;
  let result: TaskRunResult<string> | undefined;

  beforeEach(() => {
    clock = new FakeClock();
    started = deferred();
    ended = deferred();
    outcome = deferred();
    result = undefined;
    void awaitTaskRun({ started: started.promise, ended: ended.promise }, LIMITS, clock).then((r) => (result = r));
  });

  it('resolves with the outcome of a run that started, reported and ended, and leaves no timer behind', async () => {
    started.resolve({ outcome: outcome.promise });
    await settle();
    outcome.resolve('exit 0');
    ended.resolve();
    await settle();
    assert.deepEqual(result, { ok: true, outcome: 'exit 0' });
    assert.equal(clock.waiting, 0);
  });

  it('waits for a long run as long as its task runs', async () => {
    started.resolve({ outcome: outcome.promise });
    await settle();
    clock.advance(10 * HOUR);
    await settle();
    assert.equal(result, undefined, 'a run that is still running has no time limit');
    outcome.resolve('exit 1');
    await settle();
    assert.deepEqual(result, { ok: true, outcome: 'exit 1' });
  });

  it('says the task ended before it started when it ends without starting its run', async () => {
    ended.resolve();
    await settle();
    assert.deepEqual(result, { ok: false, reason: 'ended-before-start' });
    assert.equal(clock.waiting, 0);
  });

  it('says the task did not start when neither a start nor an end comes within the limit', async () => {
    clock.advance(LIMITS.startMs - 1);
    await settle();
    assert.equal(result, undefined);
    clock.advance(1);
    await settle();
    assert.deepEqual(result, { ok: false, reason: 'not-started' });
  });

  it('says the run reported nothing when its task ended and no outcome came within the limit', async () => {
    started.resolve({ outcome: outcome.promise });
    await settle();
    ended.resolve();
    await settle();
    clock.advance(LIMITS.outcomeAfterEndMs - 1);
    await settle();
    assert.equal(result, undefined, 'a stopped run may still be cleaning up');
    clock.advance(1);
    await settle();
    assert.deepEqual(result, { ok: false, reason: 'no-outcome' });
  });

  it('takes an outcome that comes shortly after the task ended (a stopped run cleaning up)', async () => {
    started.resolve({ outcome: outcome.promise });
    ended.resolve();
    await settle();
    clock.advance(5_000);
    outcome.resolve('cancelled');
    await settle();
    assert.deepEqual(result, { ok: true, outcome: 'cancelled' });
    assert.equal(clock.waiting, 0, 'the limit after the end was cleared');
  });

  it('prefers the start over the end when both are already known', async () => {
    outcome.resolve('exit 0');
    started.resolve({ outcome: outcome.promise });
    ended.resolve();
    await settle();
    assert.deepEqual(result, { ok: true, outcome: 'exit 0' });
  });
});

import assert from 'node:assert/strict';
import { applyObservation, describeJob, formatDuration, isFinal, needsGathering, NO_LONGER_KNOWN, pollDelayMs, summarize } from '../../../src/core/jobs/state';
import type { JobObservation, JobState } from '../../../src/core/jobs/types';
import { job } from './helpers';

const NOW = new Date('2026-12-07T12:10:00.000Z');
const T = NOW.toISOString();
const seen = (state: JobState, rawState: string, more: Partial<JobObservation> = {}): JobObservation => ({ id: '41', state, rawState, ...more });

describe('job state machine', () => {
  it('pending → pending with a new reason; the same look again changes nothing', () => {
    const next = applyObservation(job(), seen('pending', 'PENDING', { reason: 'Resources' }), NOW);
    assert.deepEqual(next, job({ rawState: 'PENDING', reason: 'Resources', updated: T }));
    assert.equal(applyObservation(next!, seen('pending', 'PENDING', { reason: 'Resources' }), NOW), undefined);
  });

  it('pending → running: the reason goes, started comes from the scheduler or is now', () => {
    const pending = job({ rawState: 'PENDING', reason: 'Priority' });
    assert.deepEqual(applyObservation(pending, seen('running', 'RUNNING', { started: '2026-12-07T12:09:00.000Z' }), NOW), job({ state: 'running', rawState: 'RUNNING', started: '2026-12-07T12:09:00.000Z', updated: T }));
    assert.deepEqual(applyObservation(pending, seen('running', 'RUNNING'), NOW), job({ state: 'running', rawState: 'RUNNING', started: T, updated: T }));
    // Seen running again later: started stays.
    const running = job({ state: 'running', rawState: 'RUNNING', started: '2026-12-07T12:01:00.000Z' });
    assert.equal(applyObservation(running, seen('running', 'RUNNING'), NOW), undefined);
  });

  it('running → completed: ended from the scheduler or now, the exit code kept', () => {
    const running = job({ state: 'running', rawState: 'RUNNING', started: '2026-12-07T12:01:00.000Z' });
    assert.deepEqual(
      applyObservation(running, seen('completed', 'COMPLETED', { ended: '2026-12-07T12:09:30.000Z', exitCode: 0 }), NOW),
      job({ state: 'completed', rawState: 'COMPLETED', started: '2026-12-07T12:01:00.000Z', ended: '2026-12-07T12:09:30.000Z', exitCode: 0, updated: T }),
    );
    assert.deepEqual(applyObservation(running, seen('completed', 'COMPLETED'), NOW)?.ended, T);
  });

  it('running → failed, cancelled, timeout; pending → cancelled never started', () => {
    const running = job({ state: 'running', rawState: 'RUNNING', started: '2026-12-07T12:01:00.000Z' });
    const failed = applyObservation(running, seen('failed', 'FAILED', { exitCode: 3, reason: 'NonZeroExitCode' }), NOW);
    assert.deepEqual([failed?.state, failed?.exitCode, failed?.reason, failed?.ended], ['failed', 3, 'NonZeroExitCode', T]);
    assert.equal(applyObservation(running, seen('failed', 'OUT_OF_MEMORY', { exitCode: null }), NOW)?.exitCode, null);
    assert.equal(applyObservation(running, seen('timeout', 'TIMEOUT'), NOW)?.state, 'timeout');
    const cancelled = applyObservation(job(), seen('cancelled', 'CANCELLED'), NOW);
    assert.deepEqual([cancelled?.state, cancelled?.started, cancelled?.ended], ['cancelled', undefined, T]);
  });

  it('a job seen pending straight to completed keeps the scheduler’s start when told', () => {
    const done = applyObservation(job(), seen('completed', 'COMPLETED', { started: '2026-12-07T12:02:00.000Z', ended: '2026-12-07T12:03:00.000Z', exitCode: 0 }), NOW);
    assert.deepEqual([done?.started, done?.ended], ['2026-12-07T12:02:00.000Z', '2026-12-07T12:03:00.000Z']);
  });

  it('running → pending again (requeued): ended and started as the scheduler says', () => {
    const running = job({ state: 'running', rawState: 'RUNNING', started: '2026-12-07T12:01:00.000Z' });
    const requeued = applyObservation(running, seen('pending', 'REQUEUED', { reason: 'BeginTime' }), NOW);
    assert.deepEqual([requeued?.state, requeued?.reason, requeued?.ended], ['pending', 'BeginTime', undefined]);
  });

  it('terminal states never change again', () => {
    for (const state of ['completed', 'failed', 'cancelled', 'timeout'] as const) {
      const over = job({ state, ended: '2026-12-07T12:05:00.000Z' });
      assert.equal(isFinal(state), true);
      assert.equal(applyObservation(over, seen('running', 'RUNNING'), NOW), undefined, state);
      assert.equal(applyObservation(over, undefined, NOW), undefined, state);
    }
    assert.equal(isFinal('unknown'), false);
  });

  it('an active job the scheduler no longer knows becomes unknown; unknown stays until the scheduler finds it', () => {
    const running = job({ state: 'running', rawState: 'RUNNING', started: '2026-12-07T12:01:00.000Z' });
    const lost = applyObservation(running, undefined, NOW);
    assert.deepEqual(lost, job({ state: 'unknown', rawState: 'RUNNING', reason: NO_LONGER_KNOWN, started: '2026-12-07T12:01:00.000Z', updated: T }));
    assert.equal(applyObservation(lost!, undefined, NOW), undefined);
    const found = applyObservation(lost!, seen('completed', 'COMPLETED', { ended: '2026-12-07T12:04:00.000Z', exitCode: 0 }), NOW);
    assert.deepEqual(found, job({ state: 'completed', rawState: 'COMPLETED', started: '2026-12-07T12:01:00.000Z', ended: '2026-12-07T12:04:00.000Z', exitCode: 0, updated: T }));
    assert.equal(applyObservation(job(), undefined, NOW)?.state, 'unknown');
  });

  it('an observation of another job changes nothing', () => {
    assert.equal(applyObservation(job(), { ...seen('running', 'RUNNING'), id: '99' }, NOW), undefined);
  });

  it('needsGathering: over (or lost) and not gathered yet', () => {
    assert.equal(needsGathering(job()), false);
    assert.equal(needsGathering(job({ state: 'running' })), false);
    for (const state of ['completed', 'failed', 'cancelled', 'timeout', 'unknown'] as const) assert.equal(needsGathering(job({ state })), true, state);
    assert.equal(needsGathering(job({ state: 'completed', gathered: { recorded: true, at: T } })), false);
  });

  it('polls after 1 s, 2 s, 4 s … and never waits more than 30 s', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 100].map(pollDelayMs), [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    assert.equal(pollDelayMs(-1), 1000);
    assert.equal(pollDelayMs(Number.NaN), 1000);
    assert.equal(pollDelayMs(Infinity), 1000);
  });

  it('counts pending and running jobs', () => {
    const jobs = [job(), job({ state: 'pending' }), job({ state: 'running' }), job({ state: 'completed' }), job({ state: 'unknown' })];
    assert.deepEqual(summarize(jobs), { pending: 2, running: 1, active: 3 });
    assert.deepEqual(summarize([]), { pending: 0, running: 0, active: 0 });
  });

  it('describes a job in one line', () => {
    assert.equal(describeJob(job({ reason: 'Resources' }), NOW), 'pending (Resources)');
    assert.equal(describeJob(job({ reason: 'None' }), NOW), 'pending');
    assert.equal(describeJob(job({ state: 'running', started: '2026-12-07T12:06:48.000Z' }), NOW), 'running 3m 12s');
    assert.equal(describeJob(job({ state: 'running' }), NOW), 'running');
    assert.equal(describeJob(job({ state: 'completed', started: '2026-12-07T12:00:00.000Z', ended: '2026-12-07T12:01:05.500Z' }), NOW), 'completed in 1m 05s');
    assert.equal(describeJob(job({ state: 'completed' }), NOW), 'completed');
    assert.equal(describeJob(job({ state: 'failed', rawState: 'FAILED', exitCode: 3 }), NOW), 'failed (exit code 3)');
    assert.equal(describeJob(job({ state: 'failed', rawState: 'OUT_OF_MEMORY', exitCode: null }), NOW), 'failed (out of memory)');
    assert.equal(describeJob(job({ state: 'failed', rawState: 'NODE_FAIL', exitCode: 1 }), NOW), 'failed (node fail, exit code 1)');
    assert.equal(describeJob(job({ state: 'failed', rawState: 'FAILED', reason: 'launch failed' }), NOW), 'failed (launch failed)');
    assert.equal(describeJob(job({ state: 'failed' }), NOW), 'failed');
    assert.equal(describeJob(job({ state: 'cancelled' }), NOW), 'cancelled');
    assert.equal(describeJob(job({ state: 'timeout' }), NOW), 'timed out');
    assert.equal(describeJob(job({ state: 'unknown', reason: NO_LONGER_KNOWN }), NOW), 'unknown');
  });

  it('formats durations', () => {
    assert.deepEqual([0, 999, 12_000, 65_000, 192_000, 3_792_000, -5000].map(formatDuration), ['0s', '0s', '12s', '1m 05s', '3m 12s', '1h 03m 12s', '0s']);
  });
});

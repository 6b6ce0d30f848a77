// Evaluate All with `parallel: N`, its candidates' runs faked: at most N at once, the already running candidates not
// run again, a cancel starts no further candidate, and the one outcome gathered as the sequential run gives it.
import assert from 'node:assert/strict';
import type { EvaluateResult } from '../../../src/evaluation/commands';
import type { StepOutcome } from '../../../src/evaluation/evaluations';
import { evaluateInParallel, type ParallelEvaluation } from '../../../src/evaluation/parallel';

const ROADMAP = 'file:///w/mlroadmap.yaml';

const messages: ParallelEvaluation['messages'] = {
  alreadyRunning: (id) => `The evaluation of ${id} is already running.`,
  notRun: (notRun, total) => `Evaluation of all candidates was cancelled: ${notRun} of ${total} candidate(s) were not evaluated.`,
};

function step(candidate: string, exitCode: number | null, extra: Partial<StepOutcome> = {}): StepOutcome {
  return { candidate, command: `run ${candidate}`, exitCode, cancelled: false, ...extra };
}

/** A candidate's run as Evaluations gives it: ok when its one step exited 0 and recorded. */
function ran(s: StepOutcome, message?: string): EvaluateResult {
  const ok = s.exitCode === 0 && s.error === undefined && !s.cancelled;
  return {
    roadmap: ROADMAP,
    candidate: s.candidate,
    ok,
    exitCode: ok ? 0 : (s.exitCode ?? 1),
    cancelled: s.cancelled,
    steps: [s],
    logFile: `/logs/${s.candidate}.log`,
    ...(message ? { message } : {}),
    done: ok,
  };
}

const settle = () => new Promise<void>((ok) => setImmediate(ok));

/** Runs that the test ends by hand, recording which started and the most at once. */
function fakeRuns(results: Record<string, EvaluateResult>) {
  const ends = new Map<string, () => void>();
  const started: string[] = [];
  let running = 0;
  let most = 0;
  const run = async (id: string): Promise<EvaluateResult> => {
    started.push(id);
    most = Math.max(most, ++running);
    await new Promise<void>((ok) => ends.set(id, ok));
    running--;
    return results[id];
  };
  return { run, started, end: (id: string) => ends.get(id)!(), most: () => most };
}

describe('Evaluate All in parallel (evaluateInParallel)', () => {
  it('runs at most N candidates at once, in roadmap order, and gathers one ok outcome with every step in order', async () => {
    const ids = ['a', 'b', 'c'];
    const fake = fakeRuns(Object.fromEntries(ids.map((id) => [id, ran(step(id, 0))])));
    const all = evaluateInParallel({ roadmap: ROADMAP, candidates: ids, parallel: 2, isRunning: () => false, run: fake.run, messages });
    await settle();
    assert.deepEqual(fake.started, ['a', 'b']);
    fake.end('b');
    await settle();
    assert.deepEqual(fake.started, ['a', 'b', 'c']);
    fake.end('c');
    fake.end('a');
    const outcome = await all;
    assert.equal(fake.most(), 2);
    assert.deepEqual(
      { ...outcome, steps: outcome.steps.map((s) => s.candidate) },
      { roadmap: ROADMAP, candidate: '*', ok: true, exitCode: 0, cancelled: false, steps: ['a', 'b', 'c'], done: true },
    );
  });

  it('a failure: not ok, the first non-zero exit code in roadmap order, the failures joined, the first failed log', async () => {
    const results = {
      a: ran(step('a', 0, { error: 'results/a.json holds no metric values' }), 'Evaluation of a failed: results/a.json holds no metric values; nothing was recorded.'),
      b: ran(step('b', 0)),
      c: ran(step('c', 3), 'Evaluation of c failed (exit code 3).'),
      d: ran(step('d', 2), 'Evaluation of d failed (exit code 2).'),
    };
    const fake = fakeRuns(results);
    const all = evaluateInParallel({ roadmap: ROADMAP, candidates: ['a', 'b', 'c', 'd'], parallel: 2, isRunning: () => false, run: fake.run, messages });
    // They end in another order than they started: the outcome keeps the roadmap's.
    for (const id of ['b', 'a', 'd', 'c']) {
      await settle();
      fake.end(id);
    }
    const outcome = await all;
    assert.deepEqual([outcome.ok, outcome.done, outcome.exitCode, outcome.cancelled], [false, false, 3, false]);
    assert.deepEqual(outcome.steps.map((s) => s.candidate), ['a', 'b', 'c', 'd']);
    assert.equal(
      outcome.message,
      'Evaluation of a failed: results/a.json holds no metric values; nothing was recorded. Evaluation of c failed (exit code 3). Evaluation of d failed (exit code 2).',
    );
    assert.equal(outcome.logFile, '/logs/a.log');
  });

  it('a cancelled candidate starts no further one; the one running keeps its record; the rest are said not evaluated', async () => {
    const results = {
      a: ran(step('a', null, { cancelled: true }), 'Evaluation of a was cancelled; nothing was recorded.'),
      b: ran(step('b', 0)),
      c: ran(step('c', 0)),
      d: ran(step('d', 0)),
    };
    const fake = fakeRuns(results);
    const all = evaluateInParallel({ roadmap: ROADMAP, candidates: ['a', 'b', 'c', 'd'], parallel: 2, isRunning: () => false, run: fake.run, messages });
    await settle();
    fake.end('a');
    await settle();
    assert.deepEqual(fake.started, ['a', 'b'], 'nothing new starts after the cancel');
    fake.end('b');
    const outcome = await all;
    assert.deepEqual([outcome.ok, outcome.cancelled, outcome.exitCode], [false, true, 1]);
    assert.deepEqual(
      outcome.steps.map((s) => [s.candidate, s.exitCode]),
      [
        ['a', null],
        ['b', 0],
      ],
    );
    assert.equal(outcome.message, 'Evaluation of a was cancelled; nothing was recorded. Evaluation of all candidates was cancelled: 2 of 4 candidate(s) were not evaluated.');
  });

  it('a candidate already running is not run again and is said so; a task that did not start counts as a failure', async () => {
    const results: Record<string, EvaluateResult> = {
      a: ran(step('a', 0)),
      c: { done: false, reason: 'failed', message: 'The task "evaluate c" ended before its evaluation started.' },
    };
    const fake = fakeRuns(results);
    const all = evaluateInParallel({ roadmap: ROADMAP, candidates: ['a', 'b', 'c'], parallel: 2, isRunning: (id) => id === 'b', run: fake.run, messages });
    await settle();
    assert.deepEqual(fake.started, ['a', 'c']);
    fake.end('c');
    fake.end('a');
    const outcome = await all;
    assert.deepEqual([outcome.ok, outcome.exitCode, outcome.cancelled], [false, 1, false]);
    assert.deepEqual(outcome.steps.map((s) => s.candidate), ['a']);
    assert.equal(outcome.message, 'The evaluation of b is already running. The task "evaluate c" ended before its evaluation started.');
    assert.equal(outcome.logFile, undefined);
  });

  it('a run that throws is a failure of its candidate; the others still run', async () => {
    const outcome = await evaluateInParallel({
      roadmap: ROADMAP,
      candidates: ['a', 'b'],
      parallel: 2,
      isRunning: () => false,
      run: async (id) => {
        if (id === 'a') throw new Error('no terminal');
        return ran(step(id, 0));
      },
      messages,
    });
    assert.deepEqual([outcome.ok, outcome.exitCode, outcome.message], [false, 1, 'no terminal']);
    assert.deepEqual(outcome.steps.map((s) => s.candidate), ['b']);
  });
});

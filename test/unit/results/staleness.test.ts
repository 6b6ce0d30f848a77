import assert from 'node:assert/strict';
import type { Candidate, Roadmap } from '../../../src/core/roadmap/model';
import { compareToBaseline, metricValue } from '../../../src/core/results/compare';
import type { HistoryRecord } from '../../../src/core/results/history';
import { baselineId, findStaleResults } from '../../../src/core/results/staleness';

const R = (line: number) => ({ start: { line, character: 2 }, end: { line, character: 20 } });
function candidate(id: string, line: number, baseline = false): Candidate {
  return { id, baseline, status: 'evaluated', range: R(line) };
}
const roadmap: Pick<Roadmap, 'evaluation' | 'candidates'> = {
  candidates: [candidate('dumb', 10, true), candidate('cnn', 14), candidate('vit', 18), candidate('never-run', 22)],
  evaluation: { range: R(30), command: 'python eval.py --candidate ${candidate}', dataset: 'data/test.csv' },
};
const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);
function rec(candidate: string, sha: string | null, command: string | null): HistoryRecord {
  return {
    candidate,
    metrics: { accuracy: 0.5 },
    source: `results/${candidate}.json`,
    format: 'mlroadmap',
    git: null,
    dataset: sha === null ? null : { path: 'data/test.csv', sha256: sha, size: 1, mtimeMs: 1 },
    command,
    recordedAt: '2025-03-01T00:00:00Z',
  };
}
const commandFor = (c: string): string => `python eval.py --candidate ${c}`;

describe('stale results (pitfall/faulty-evaluation)', () => {
  it('isolates a right-to-left control in an id or a command, so it cannot reorder the message after it', () => {
    const id = 'evil\u202Eexe';
    const hostile: Pick<Roadmap, 'evaluation' | 'candidates'> = { ...roadmap, candidates: [candidate(id, 10, true)] };
    const latest = new Map([[id, rec(id, SHA_B, 'run \u2069\u202Eit')]]);
    const messages = findStaleResults(hostile, latest, { sha256: SHA_A }, commandFor).map((f) => f.message);
    assert.equal(messages.length, 2);
    for (const m of messages) assert.ok(m.startsWith("The latest result of '\u2068evil\u202Eexe\u2069'"), m);
    assert.ok(messages[1].includes('(`\u2068run \u202Eit\u2069`, now `\u2068python eval.py --candidate evil\u202Eexe\u2069`)'), messages[1]);
  });

  it('finds nothing when data and command match', () => {
    const latest = new Map([['dumb', rec('dumb', SHA_A, commandFor('dumb'))], ['cnn', rec('cnn', SHA_A, commandFor('cnn'))]]);
    assert.deepEqual(findStaleResults(roadmap, latest, { sha256: SHA_A }, commandFor), []);
  });

  it('flags results on another dataset, by another command, and against a baseline on different data', () => {
    const latest = new Map([
      ['dumb', rec('dumb', SHA_A, commandFor('dumb'))],
      ['cnn', rec('cnn', SHA_B, commandFor('cnn'))],
      ['vit', rec('vit', SHA_A, 'python old_eval.py --candidate vit')],
    ]);
    const found = findStaleResults(roadmap, latest, { sha256: SHA_A }, commandFor);
    assert.deepEqual(found.map((f) => [f.candidate, f.kind, f.code, f.severity, f.range.start.line, f.path]), [
      ['cnn', 'dataset-changed', 'pitfall/faulty-evaluation', 'warning', 14, ['candidates', 1]],
      ['cnn', 'baseline-different-data', 'pitfall/faulty-evaluation', 'warning', 14, ['candidates', 1]],
      ['vit', 'command-changed', 'pitfall/faulty-evaluation', 'warning', 18, ['candidates', 2]],
    ]);
    assert.match(found[0].message, /another version of the dataset \(sha256 bbbbbbbbbbbb, now aaaaaaaaaaaa\)/);
    assert.match(found[1].message, /compared against baseline 'dumb'.*different data/);
    assert.match(found[2].message, /`python old_eval.py --candidate vit`, now `python eval.py --candidate vit`/);
  });

  it('makes no check it cannot: unknown current fingerprint or command, unstamped records', () => {
    const latest = new Map([['dumb', rec('dumb', null, null)], ['cnn', rec('cnn', SHA_B, null)]]);
    assert.deepEqual(findStaleResults(roadmap, latest, undefined, undefined), []);
    assert.deepEqual(findStaleResults(roadmap, latest, { sha256: SHA_B }, 'python eval.py'), []);
  });

  it('takes evaluation.baseline over the baseline flag', () => {
    assert.equal(baselineId(roadmap), 'dumb');
    assert.equal(baselineId({ ...roadmap, evaluation: { range: R(0), baseline: 'cnn' } }), 'cnn');
    assert.equal(baselineId({ candidates: [candidate('x', 1)] }), undefined);
  });

  it('falls back to the baseline flag when evaluation.baseline names no candidate, as the views do', () => {
    const typo = { ...roadmap, evaluation: { ...roadmap.evaluation!, baseline: 'dumbb' } };
    assert.equal(baselineId(typo), 'dumb');
    const latest = new Map([['dumb', rec('dumb', SHA_A, null)], ['cnn', rec('cnn', SHA_B, null)]]);
    assert.deepEqual(
      findStaleResults(typo, latest, undefined, undefined).map((f) => [f.candidate, f.kind]),
      [['cnn', 'baseline-different-data']],
    );
  });
});

describe('comparison against the baseline', () => {
  it('gives value, baseline, delta, improvement and target for a maximised metric', () => {
    const c = compareToBaseline({ test_accuracy: 0.91, train_accuracy: 0.99 }, { accuracy: 0.85 }, { id: 'accuracy', goal: 'maximize', target: 0.9 });
    assert.equal(c.value, 0.91);
    assert.equal(c.baseline, 0.85);
    assert.ok(Math.abs((c.delta ?? 0) - 0.06) < 1e-12);
    assert.equal(c.improved, true);
    assert.equal(c.targetMet, true);
  });

  it('follows the goal for a minimised metric and leaves unknowns out', () => {
    assert.deepEqual(compareToBaseline({ eval_wer: 0.3 }, { eval_wer: 0.25 }, { id: 'wer', goal: 'minimize', target: 0.2 }), {
      metric: 'wer',
      value: 0.3,
      baseline: 0.25,
      delta: 0.04999999999999999,
      improved: false,
      targetMet: false,
    });
    assert.deepEqual(compareToBaseline({ f1: 0.7 }, undefined, { id: 'f1', goal: 'maximize' }), { metric: 'f1', value: 0.7 });
    assert.deepEqual(compareToBaseline(undefined, { f1: 0.7 }, { id: 'f1', goal: 'maximize', target: 0.5 }), { metric: 'f1', baseline: 0.7 });
    assert.equal(metricValue({ 'metrics/mAP50(B)': 0.8 }, 'mAP50(B)'), 0.8);
  });
});

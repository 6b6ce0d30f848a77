import assert from 'node:assert/strict';
import { comparisonReport, comparisonRows, formatAge } from '../../../src/core/results/comparisonReport';

const metrics = [
  { id: 'accuracy', goal: 'maximize' as const, target: 0.97 },
  { id: 'latency_ms', goal: 'minimize' as const, target: 50 },
];
const now = new Date('2025-03-01T12:00:00Z');
const cnn = {
  metrics: { test_accuracy: 0.962, latency_ms: 14.2, f1: 0.9 },
  at: '2025-03-01T10:00:00Z',
  commit: '3f2a9c1d7e0b8a6f',
  dirty: true,
  datasetSha256: 'a'.repeat(64),
  command: 'python eval.py --candidate cnn | tee x',
  source: 'results/cnn.json',
};
const majority = { metrics: { accuracy: 0.1, latency_ms: 14.2, f1: 0.9 }, at: '2025-02-27T12:00:00Z', commit: '1111111111111111', dirty: false, datasetSha256: 'a'.repeat(64) };

describe('comparison report', () => {
  it('formats ages', () => {
    assert.deepEqual(
      ['2025-03-01T11:59:30Z', '2025-03-01T11:55:00Z', '2025-03-01T10:00:00Z', '2025-02-25T12:00:00Z', undefined].map((t) => formatAge(t, now)),
      ['just now', '5 min ago', '2 h ago', '4 d ago', '—'],
    );
  });

  it('every roadmap metric against the baseline and the target, tool names matched, other metrics after', () => {
    const text = comparisonReport({ metrics, candidate: 'cnn', result: cnn, baselineId: 'majority', baseline: majority, now });
    const lines = text.split('\n');
    assert.equal(lines[0], '# cnn vs baseline majority');
    assert.ok(lines.includes('| accuracy | maximize | 0.97 | 0.962 | 0.1 | +0.862 ▲ | ✗ |'), text);
    assert.ok(lines.includes('| latency_ms | minimize | 50 | 14.2 | 14.2 | ±0 | ✓ |'), text);
    assert.ok(lines.includes('| f1 | — | — | 0.9 | 0.9 | ±0 | — |'), text);
    assert.ok(lines.includes('| measured | 2 h ago (2025-03-01T10:00:00Z) | 2 d ago (2025-02-27T12:00:00Z) |'), text);
    assert.ok(lines.includes('| commit | `3f2a9c1d7e0b (uncommitted changes)` | `111111111111` |'), text);
    assert.ok(lines.includes('| command | `python eval.py --candidate cnn \\| tee x` | — |'), 'pipes in cells are escaped');
  });

  it('only differences leaves out the rows where both sides agree', () => {
    const text = comparisonReport({ metrics, candidate: 'cnn', result: cnn, baselineId: 'majority', baseline: majority, now, onlyDifferences: true });
    assert.match(text, /\| accuracy \|/);
    assert.doesNotMatch(text, /\| latency_ms \|/);
    assert.doesNotMatch(text, /\| f1 \|/);
    assert.doesNotMatch(text, /\| dataset sha256 \|/);
    assert.match(text, /\| measured \|/);
  });

  it('says when there is no result, no baseline result, or different data', () => {
    assert.match(comparisonReport({ metrics, candidate: 'cnn', baselineId: 'majority', now }), /No result for `cnn` yet/);
    assert.match(comparisonReport({ metrics, candidate: 'cnn', result: cnn, baselineId: 'majority', now }), /The baseline `majority` has no result yet/);
    const other = comparisonReport({ metrics, candidate: 'cnn', result: cnn, baselineId: 'majority', baseline: { ...majority, datasetSha256: 'b'.repeat(64) }, now });
    assert.match(other, /evaluated on different data; the deltas mean nothing/);
    const itself = comparisonReport({ metrics, candidate: 'majority', result: majority, baselineId: 'majority', baseline: majority, now });
    assert.match(itself, /^# majority \(the baseline\)/);
    assert.match(itself, /\| accuracy \| maximize \| 0\.97 \| 0\.1 \| ✗ \|/);
  });

  it('says which side is not from the pipeline', () => {
    const byHand = comparisonReport({ metrics, candidate: 'cnn', result: cnn, baselineId: 'majority', baseline: { ...majority, notFromPipeline: true }, now });
    assert.match(byHand, /\*\*Not from the pipeline:\*\* no evaluation run recorded the result of `majority`/);
    assert.doesNotMatch(byHand, /result of `cnn`/);
    assert.doesNotMatch(comparisonReport({ metrics, candidate: 'cnn', result: cnn, baselineId: 'majority', baseline: majority, now }), /Not from the pipeline/);
  });

  it('writes a 0.0004 difference as such', () => {
    const close = comparisonReport({ metrics, candidate: 'cnn', result: { ...cnn, metrics: { accuracy: 0.9124 } }, baselineId: 'majority', baseline: { ...majority, metrics: { accuracy: 0.912 } }, now });
    assert.match(close, /\| accuracy \| maximize \| 0\.97 \| 0\.9124 \| 0\.912 \| \+0\.0004 ▲ \| ✗ \|/);
  });

  it('rows: roadmap metrics in order (found under tool names), then the other metrics of either side once', () => {
    const rows = comparisonRows(metrics, cnn.metrics, { ...majority.metrics, loss: 2 });
    assert.deepEqual(
      rows.map((r) => [r.name, r.metric?.id, r.value, r.baseline, r.delta === undefined ? undefined : Number(r.delta.toFixed(3))]),
      [
        ['accuracy', 'accuracy', 0.962, 0.1, 0.862],
        ['latency_ms', 'latency_ms', 14.2, 14.2, 0],
        ['f1', undefined, 0.9, 0.9, 0],
        ['loss', undefined, undefined, 2, undefined],
      ],
    );
  });
});

// Ranking and decision snapshots match a roadmap metric under a tool's name for it (`eval_accuracy`), as the views do.
import assert from 'node:assert/strict';
import { snapshotOf } from '../../../src/core/decisions/fromRoadmap';
import { baselineValue } from '../../../src/core/pitfalls/ranking';
import { compareToBaseline } from '../../../src/core/results/compare';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import type { Roadmap } from '../../../src/core/roadmap/model';

const YAML = `version: 1
project: { name: Digits, problem: Forms are typed by hand., business_goal: Route 80% of forms., phase: discovery }
metrics:
  - { id: accuracy, kind: offline, goal: maximize, target: 0.97 }
candidates:
  - { id: majority, baseline: true, status: evaluated, benefit: { expected: { accuracy: 0.5 } } }
  - { id: cnn, status: evaluated }
evaluation: { command: run, baseline: majority }
`;

function roadmap(): Roadmap {
  const r = parseRoadmap(YAML).roadmap;
  assert.ok(r);
  return r;
}

const RESULTS: Record<string, { metrics: Record<string, number> }> = {
  majority: { metrics: { eval_loss: 2, eval_accuracy: 0.1 } },
  cnn: { metrics: { eval_loss: 0.1, eval_accuracy: 0.985 } },
};

describe('roadmap metrics under tool names (eval_accuracy) in ranking and snapshots', () => {
  it('the views compare eval_accuracy as accuracy', () => {
    const c = compareToBaseline(RESULTS.cnn.metrics, RESULTS.majority.metrics, roadmap().metrics[0]);
    assert.equal(c.baseline, 0.1);
  });

  it('the ranking takes the measured baseline value written as eval_accuracy', () => {
    assert.deepEqual(baselineValue(roadmap(), 'accuracy', { baselineMetrics: RESULTS.majority.metrics }), { value: 0.1, source: 'measured baseline' });
  });

  it('a decision snapshot reports the roadmap metric, against the baseline, when the result writes eval_accuracy', () => {
    const snap = snapshotOf(roadmap(), 'cnn', (id) => RESULTS[id]);
    assert.deepEqual(snap, { metric: 'accuracy', value: 0.985, baseline: 0.1, delta: 0.885 });
  });
});

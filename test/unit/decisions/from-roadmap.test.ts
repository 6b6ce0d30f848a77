import assert from 'node:assert/strict';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import type { Roadmap } from '../../../src/core/roadmap/model';
import {
  defaultContext,
  defaultTitle,
  driverOf,
  optionsFrom,
  peopleOf,
  snapshotOf,
  type LatestResult,
} from '../../../src/core/decisions/fromRoadmap';
import { renderMadr } from '../../../src/core/decisions/madr';

const YAML = `version: 1
project: { name: Digits, problem: Forms are typed by hand., business_goal: Route 80% of forms., phase: discovery }
roles:
  business_owners: [Dana]
  ml_engineers: [Ari, Lee, Dana]
  data_engineers: [Sam]
  software_engineers: [Kim]
metrics:
  - { id: accuracy, kind: offline, goal: maximize, target: 0.97, why: Below that every form is checked again. }
  - { id: latency_ms, goal: minimize }
candidates:
  - { id: majority, baseline: true, status: evaluated }
  - id: cnn
    title: Small CNN
    based_on: [lecun98]
    cost: { effort_days: 5, compute_hours: 4, risk: high }
    benefit: { expected: { accuracy: 0.99 }, confidence: medium }
    status: shortlisted
  - { id: knn, status: idea }
literature:
  - { id: lecun98, title: LeNet }
evaluation: { command: run, baseline: majority }
`;

function roadmap(): Roadmap {
  const r = parseRoadmap(YAML).roadmap;
  assert.ok(r);
  return r;
}

const RESULTS: Record<string, LatestResult> = {
  majority: { metrics: { accuracy: 0.1, loss: 2 } },
  cnn: { metrics: { loss: 0.1, accuracy: 0.985 }, commit: 'abcdef0123456789abcd', dirty: true, datasetSha256: 'ff00', at: '2026-11-01T10:00:00Z' },
};
const latest = (id: string) => RESULTS[id];

describe('decision drafts from the roadmap', () => {
  it('decision makers are business owners and ML engineers, once each; the other roles are the rest', () => {
    assert.deepEqual(peopleOf(roadmap()), { makers: ['Dana', 'Ari', 'Lee'], others: ['Sam', 'Kim'] });
  });

  it('snapshots the first roadmap metric the result has, against the baseline candidate', () => {
    assert.deepEqual(snapshotOf(roadmap(), 'cnn', latest), {
      metric: 'accuracy',
      value: 0.985,
      baseline: 0.1,
      delta: 0.885,
      commit: 'abcdef012345',
      dirty: true,
      datasetSha256: 'ff00',
      at: '2026-11-01T10:00:00Z',
    });
    assert.deepEqual(snapshotOf(roadmap(), 'majority', latest), { metric: 'accuracy', value: 0.1 });
    assert.equal(snapshotOf(roadmap(), 'knn', latest), undefined);
  });

  it('compares against the candidate marked baseline when evaluation.baseline names no candidate, as the views do', () => {
    const dangling = parseRoadmap(YAML.replace('baseline: majority }', 'baseline: retired }')).roadmap;
    assert.ok(dangling);
    assert.equal(snapshotOf(dangling, 'cnn', latest)?.baseline, 0.1);
  });

  it('options carry cost, benefit, evaluation and pros and cons from the candidate', () => {
    const [cnn, knn, other] = optionsFrom(roadmap(), ['cnn', 'knn', 'gone'], latest);
    assert.equal(cnn.title, 'Small CNN');
    assert.deepEqual(cnn.cost, { effort_days: 5, compute_hours: 4, risk: 'high' });
    assert.deepEqual(cnn.benefit, { expected: { accuracy: 0.99 }, confidence: 'medium' });
    assert.equal(cnn.evaluation?.value, 0.985);
    assert.deepEqual(cnn.pros, ['it builds on published work (lecun98)']);
    assert.deepEqual(cnn.cons, ['its risk is high']);
    assert.deepEqual(knn, { id: 'knn', title: 'knn', pros: [], cons: [] });
    assert.deepEqual(other, { id: 'gone', title: 'gone', pros: [], cons: [] });
    const text = renderMadr({
      title: 'Choose Small CNN', kind: 'choose-candidate', status: 'accepted', date: '2026-11-02',
      decisionMakers: ['Dana'], consulted: [], informed: ['Sam'], context: 'c', drivers: [],
      options: [cnn, knn], outcome: { option: 'cnn', reason: 'it is best' }, consequences: [], candidates: ['cnn'],
    });
    assert.match(text, /\* Evaluation: accuracy 0\.985 \(baseline 0\.1, delta \+0\.885\), commit `abcdef012345` with uncommitted changes, dataset sha256 `ff00`, measured 2026-11-01T10:00:00Z/);
  });

  it('drivers name the metric, its kind, goal, target and why', () => {
    const [accuracy, latency] = roadmap().metrics.map(driverOf);
    assert.equal(accuracy, 'accuracy (offline): maximize, target 0.97. Below that every form is checked again.');
    assert.equal(latency, 'latency_ms: minimize');
  });

  it('default titles and contexts say what is decided', () => {
    const r = roadmap();
    assert.equal(defaultTitle(r, { kind: 'choose-candidate', chosen: 'cnn' }), 'Choose Small CNN');
    assert.equal(defaultTitle(r, { kind: 'reject-candidates', rejected: ['cnn', 'knn', 'majority'] }), 'Reject Small CNN, knn and majority');
    assert.equal(defaultTitle(r, { kind: 'change-metric', metric: 'accuracy' }), 'Change the accuracy metric');
    assert.equal(defaultTitle(r, { kind: 'override-gate', from: 'discovery', to: 'production' }), 'Advance from discovery to production before the gate is met');
    assert.equal(defaultTitle(r, { kind: 'free' }), 'Architecture decision');
    assert.equal(
      defaultContext(r, { kind: 'choose-candidate' }),
      'Forms are typed by hand. Goal: Route 80% of forms.\n\nWhich of the 2 architecture candidates should Digits go on with?',
    );
    assert.match(defaultContext(r, { kind: 'override-gate', from: 'discovery', to: 'production', overrideReason: 'the demo is due' }), /not met, and the project moves on anyway: the demo is due\.$/);
  });
});

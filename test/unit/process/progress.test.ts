import * as assert from 'node:assert/strict';
import { discoveryProgress, phaseProgress, phaseSteps, phaseSummary, productionProgress, stepsProgress } from '../../../src/core/process/progress';
import { healthyRoadmap, stage, step, track } from '../pitfalls/builder';

describe('progress', () => {
  it('counts done and skipped steps as done', () => {
    assert.deepEqual(stepsProgress([step('a', 'done'), step('b', 'skipped'), step('c', 'doing'), step('d', 'blocked'), step('e', 'todo')]), { done: 2, total: 5 });
    assert.deepEqual(stepsProgress([]), { done: 0, total: 0 });
  });

  it('lists the steps of a phase in order: stages in Design-Thinking order, tracks in file order, none once shipped', () => {
    const r = healthyRoadmap({
      discovery: [stage('test', [step('demo')]), stage('understand', [step('a', 'done')]), stage('understand', [step('b', 'skipped'), step('c')])],
      production: [track('serving', [step('api')]), track('training', [step('pipe'), step('sched')])],
    });
    const names = (phase?: 'discovery' | 'production' | 'shipped') => phaseSteps(r, phase).map((p) => `${p.group}/${p.step.id}`);
    assert.deepEqual(names(), ['understand/a', 'understand/b', 'understand/c', 'test/demo']);
    assert.deepEqual(names('production'), ['serving/api', 'training/pipe', 'training/sched']);
    assert.deepEqual(names('shipped'), []);
  });

  it('gives Discovery per stage in Design-Thinking order, merging a stage listed twice', () => {
    const r = healthyRoadmap({
      discovery: [stage('test', [step('demo')]), stage('understand', [step('a', 'done')]), stage('understand', [step('b', 'skipped'), step('c')])],
    });
    const p = discoveryProgress(r);
    assert.deepEqual(p.groups, [
      { id: 'understand', done: 2, total: 3 },
      { id: 'test', done: 0, total: 1 },
    ]);
    assert.equal(p.done, 2);
    assert.equal(p.total, 4);
  });

  it('gives Production per track in file order', () => {
    const r = healthyRoadmap({ production: [track('serving', [step('api', 'done'), step('b')]), track('monitoring', [])] });
    assert.deepEqual(productionProgress(r).groups, [
      { id: 'serving', done: 1, total: 2 },
      { id: 'monitoring', done: 0, total: 0 },
    ]);
  });

  it('summarises the current phase for the status bar', () => {
    const r = healthyRoadmap();
    assert.equal(phaseSummary(r), 'Discovery 5/7');
    assert.equal(phaseSummary({ ...r, project: { ...r.project, phase: 'production' } }), 'Production 0/2');
    assert.equal(phaseSummary({ ...r, project: { ...r.project, phase: 'shipped' } }), 'Shipped');
    assert.equal(phaseSummary(r, { phase: 'discovery', groups: [], done: 1, total: 2 }), 'Discovery 1/2', 'the progress the caller has');
    assert.equal(phaseProgress({ ...r, project: { ...r.project, phase: 'shipped' } }), undefined);
    assert.equal(phaseProgress(r, 'production')?.total, 2);
  });
});

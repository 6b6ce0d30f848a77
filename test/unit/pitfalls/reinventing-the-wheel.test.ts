import * as assert from 'node:assert/strict';
import { checkReinventingTheWheel } from '../../../src/core/pitfalls/reinventing-the-wheel';
import { at, healthyRoadmap, healthyWith, okContext } from './builder';

describe('pitfall/reinventing-the-wheel', () => {
  it('is silent with literature and every candidate past idea based on it', () => {
    assert.deepEqual(checkReinventingTheWheel(healthyRoadmap(), okContext()), []);
  });

  it('reports empty literature on the literature key when the caller can locate it', () => {
    const keyRange = (key: string) => (key === 'literature' ? at(20) : undefined);
    const [f, ...rest] = checkReinventingTheWheel(healthyRoadmap({ literature: [] }), okContext({ keyRange }));
    assert.equal(rest.length, 0);
    assert.equal(f.code, 'pitfall/reinventing-the-wheel');
    assert.deepEqual(f.range, at(20));
    assert.equal(f.fix, 'add-literature');
    assert.equal(f.target, undefined);
  });

  it('falls back to the first line of project when the literature key is absent', () => {
    const [f] = checkReinventingTheWheel(healthyRoadmap({ literature: [] }), okContext());
    assert.deepEqual(f.range, { start: { line: 1, character: 2 }, end: { line: 2, character: 0 } });
  });

  it('reports a shortlisted candidate with neither based_on nor novel_because, on the candidate', () => {
    const roadmap = healthyWith('forest', { based_on: undefined, range: at(30, 34) });
    const [f, ...rest] = checkReinventingTheWheel(roadmap, okContext());
    assert.equal(rest.length, 0);
    assert.equal(f.target, 'forest');
    assert.deepEqual(f.range, at(30, 34));
    assert.match(f.message, /'forest' is shortlisted/);
  });

  it('accepts novel_because instead of based_on, but not a blank one', () => {
    assert.deepEqual(checkReinventingTheWheel(healthyWith('forest', { based_on: undefined, novel_because: 'No paper on our scans.' }), okContext()), []);
    assert.equal(checkReinventingTheWheel(healthyWith('forest', { based_on: [], novel_because: '  ' }), okContext()).length, 1);
  });

  it('leaves ideas, rejected candidates and baselines alone', () => {
    for (const status of ['idea', 'rejected'] as const) {
      assert.deepEqual(checkReinventingTheWheel(healthyWith('forest', { based_on: undefined, status }), okContext()), []);
    }
    assert.deepEqual(checkReinventingTheWheel(healthyWith('majority', { based_on: undefined, status: 'chosen' }), okContext()), []);
  });

  for (const status of ['shortlisted', 'prototyping', 'evaluated', 'chosen'] as const) {
    it(`checks a candidate that is ${status}`, () => {
      assert.equal(checkReinventingTheWheel(healthyWith('logreg', { status }), okContext()).length, 1);
    });
  }
});

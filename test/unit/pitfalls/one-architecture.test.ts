import * as assert from 'node:assert/strict';
import { checkOneArchitecture } from '../../../src/core/pitfalls/one-architecture';
import { at, baseline, candidate, healthyRoadmap, okContext } from './builder';

describe('pitfall/one-architecture', () => {
  it('is silent with three non-baseline candidates and one prototyping', () => {
    assert.deepEqual(checkOneArchitecture(healthyRoadmap(), okContext()), []);
  });

  it('reports two non-baseline candidates while one is prototyping, on that candidate', () => {
    const roadmap = healthyRoadmap({
      candidates: [baseline(), candidate('cnn', { status: 'prototyping', range: at(12, 15) }), candidate('forest')],
    });
    const [f, ...rest] = checkOneArchitecture(roadmap, okContext());
    assert.equal(rest.length, 0);
    assert.equal(f.code, 'pitfall/one-architecture');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range, at(12, 15));
    assert.equal(f.target, 'cnn');
    assert.equal(f.fix, 'add-candidate');
    assert.deepEqual(f.path, ['candidates', 1]);
    assert.match(f.message, /one of only 2 candidates/);
    assert.match(f.message, /at least 3/);
  });

  for (const status of ['prototyping', 'evaluated', 'chosen'] as const) {
    it(`triggers when the only candidate is ${status}`, () => {
      const roadmap = healthyRoadmap({ candidates: [baseline(), candidate('cnn', { status })] });
      assert.equal(checkOneArchitecture(roadmap, okContext()).length, 1);
    });
  }

  for (const status of ['idea', 'shortlisted', 'rejected'] as const) {
    it(`does not trigger while nothing is committed (only candidate ${status})`, () => {
      const roadmap = healthyRoadmap({ candidates: [baseline(), candidate('cnn', { status })] });
      assert.deepEqual(checkOneArchitecture(roadmap, okContext()), []);
    });
  }

  it('counts rejected candidates as considered', () => {
    const roadmap = healthyRoadmap({
      candidates: [baseline(), candidate('cnn', { status: 'chosen' }), candidate('a', { status: 'rejected' }), candidate('b', { status: 'rejected' })],
    });
    assert.deepEqual(checkOneArchitecture(roadmap, okContext()), []);
  });

  it('does not count baselines, and a baseline being evaluated does not trigger it', () => {
    const onlyBaselines = healthyRoadmap({ candidates: [baseline('majority'), baseline('logreg')] });
    assert.deepEqual(checkOneArchitecture(onlyBaselines, okContext()), []);
    const baselinesAndOne = healthyRoadmap({
      candidates: [baseline('majority'), baseline('logreg'), baseline('tree'), candidate('cnn', { status: 'prototyping' })],
    });
    assert.equal(checkOneArchitecture(baselinesAndOne, okContext()).length, 1);
  });

  it('treats the candidate named by evaluation.baseline as a baseline', () => {
    const roadmap = healthyRoadmap({
      candidates: [candidate('majority', { status: 'evaluated' }), candidate('cnn', { status: 'prototyping' }), candidate('a')],
    });
    const findings = checkOneArchitecture(roadmap, okContext());
    assert.deepEqual(findings.map((f) => f.target), ['cnn']);
    assert.match(findings[0].message, /one of only 2 candidates/);
  });

  it('follows settings.min_candidates on both sides of the line', () => {
    const two = healthyRoadmap({ candidates: [baseline(), candidate('cnn', { status: 'prototyping' }), candidate('forest')] });
    assert.deepEqual(checkOneArchitecture({ ...two, settings: { min_candidates: 2, range: at(0) } }, okContext()), []);
    assert.equal(checkOneArchitecture({ ...two, settings: { min_candidates: 3, range: at(0) } }, okContext()).length, 1);
    const one = { ...two, candidates: two.candidates.slice(0, 2), settings: { min_candidates: 1, range: at(0) } };
    assert.deepEqual(checkOneArchitecture(one, okContext()), []);
  });
});

import * as assert from 'node:assert/strict';
import { baselineCandidate, resultsPathFor } from '../../../src/core/pitfalls/candidates';
import { candidate, healthyRoadmap, healthyWith } from './builder';

describe('candidate helpers', () => {
  it('resultsPathFor substitutes ${candidate} in evaluation.results, and prefers the candidate\'s own path', () => {
    assert.equal(resultsPathFor(healthyRoadmap(), 'cnn'), 'results/cnn.json');
    const own = healthyWith('cnn', { results: 'runs/${candidate}/${candidate}.jsonl' });
    assert.equal(resultsPathFor(own, 'cnn'), 'runs/cnn/cnn.jsonl');
    assert.equal(resultsPathFor(healthyRoadmap({ evaluation: undefined }), 'cnn'), undefined);
  });

  it('baselineCandidate prefers evaluation.baseline over the first marked candidate', () => {
    const r = healthyRoadmap({ candidates: [candidate('a', { baseline: true }), candidate('majority')] });
    assert.equal(baselineCandidate(r)?.id, 'majority');
    assert.equal(baselineCandidate({ ...r, evaluation: undefined })?.id, 'a');
  });
});

import * as assert from 'node:assert/strict';
import { checkTooIncremental, ranksClearlyHigher } from '../../../src/core/pitfalls/too-incremental';
import { rankEach, type Rank } from '../../../src/core/pitfalls/ranking';
import { at, healthyRoadmap, healthyWith, okContext } from './builder';

function rank(score: number): Rank {
  return { candidateId: 'x', score, gain: 0, weight: 0, cost: 1, formula: '' };
}

describe('pitfall/too-incremental', () => {
  it('is silent when every candidate past idea has cost and benefit and the prototyped one ranks best', () => {
    assert.deepEqual(checkTooIncremental(healthyRoadmap(), okContext()), []);
  });

  it('reports a shortlisted candidate without cost', () => {
    const [f, ...rest] = checkTooIncremental(healthyWith('forest', { cost: undefined, range: at(8) }), okContext());
    assert.equal(rest.length, 0);
    assert.equal(f.code, 'pitfall/too-incremental');
    assert.equal(f.target, 'forest');
    assert.equal(f.fix, 'set-cost-benefit');
    assert.deepEqual(f.range, at(8));
    assert.match(f.message, /without `cost`:/);
  });

  it('reports a prototyping candidate without benefit, and one with an empty cost and no expected values', () => {
    assert.match(checkTooIncremental(healthyWith('cnn', { benefit: { confidence: 'high' } }), okContext())[0].message, /without `benefit`/);
    const both = checkTooIncremental(healthyWith('cnn', { cost: { risk: 'low' }, benefit: { expected: {} } }), okContext());
    assert.equal(both.length, 1);
    assert.match(both[0].message, /without `cost` and `benefit`/);
  });

  it('does not ask ideas, rejected candidates or baselines for estimates', () => {
    assert.deepEqual(checkTooIncremental(healthyWith('logreg', { cost: undefined, benefit: undefined }), okContext()), []);
    assert.deepEqual(checkTooIncremental(healthyWith('forest', { cost: undefined, status: 'rejected' }), okContext()), []);
    assert.deepEqual(checkTooIncremental(healthyWith('majority', { cost: undefined, benefit: undefined }), okContext()), []);
  });

  describe('a clearly better candidate passed over', () => {
    // cnn (prototyping): 0.95 × 0.8 ÷ 2 = 0.38. forest: 0.9 × 0.5 ÷ 3 = 0.15. logreg: 0.8 × 0.25 ÷ 1 = 0.2.
    it('reports a shortlisted candidate at 1.5x or more of the prototyped score, on that candidate', () => {
      // 1.5 × 0.38 = 0.57. forest in 0.8 days: 0.9 × 0.5 ÷ 0.8 = 0.5625 (below); in 0.75 days: 0.6 (above).
      const below = healthyWith('forest', { cost: { effort_days: 0.8 } });
      assert.deepEqual(checkTooIncremental(below, okContext()), []);
      const above = healthyWith('forest', { cost: { effort_days: 0.75 }, range: at(40) });
      const [f, ...rest] = checkTooIncremental(above, okContext());
      assert.equal(rest.length, 0);
      assert.equal(f.target, 'forest');
      assert.equal(f.fix, 'set-skip-reason');
      assert.deepEqual(f.range, at(40));
      assert.match(f.message, /'forest' \(score 0\.6\) ranks clearly higher .* than 'cnn' \(score 0\.38\)/);
    });

    it('uses the ranking the caller computed once, when given', () => {
      const above = healthyWith('forest', { cost: { effort_days: 0.75 } });
      assert.deepEqual(checkTooIncremental(above, { ...okContext(), ranking: rankEach(above) }).map((f) => f.target), ['forest']);
      assert.deepEqual(checkTooIncremental(above, { ...okContext(), ranking: new Map() }), [], 'the given ranking, not a new one');
    });

    it('also reports an idea, and is quieted by skip_reason', () => {
      const idea = healthyWith('logreg', { benefit: { expected: { accuracy: 0.8 }, confidence: 'high' } });
      // logreg: 0.8 × 0.8 ÷ 1 = 0.64 ≥ 0.57
      assert.deepEqual(checkTooIncremental(idea, okContext()).map((f) => f.target), ['logreg']);
      const skipped = healthyWith('logreg', { benefit: { expected: { accuracy: 0.8 }, confidence: 'high' }, skip_reason: 'Too slow to serve.' });
      assert.deepEqual(checkTooIncremental(skipped, okContext()), []);
    });

    it('ignores better candidates that are already past shortlisted', () => {
      for (const status of ['prototyping', 'evaluated', 'rejected', 'chosen'] as const) {
        const r = healthyWith('forest', { cost: { effort_days: 0.5 }, status });
        assert.deepEqual(checkTooIncremental(r, okContext()).filter((f) => f.target === 'forest'), [], status);
      }
    });

    it('needs both scores: an unrankable prototype or an unrankable other stays silent', () => {
      const noOtherScore = healthyWith('logreg', { benefit: { expected: { latency: 3 }, confidence: 'high' } });
      assert.deepEqual(checkTooIncremental(noOtherScore, okContext()), []);
      const noProtoScore = healthyWith('forest', { cost: { effort_days: 0.1 } }, { candidates: healthyRoadmap().candidates.map((c) => (c.id === 'cnn' ? { ...c, benefit: { expected: { latency: 3 } } } : c)) });
      assert.deepEqual(checkTooIncremental(noProtoScore, okContext()), []);
    });

    it('says nothing when nothing is prototyped', () => {
      const r = healthyWith('cnn', { status: 'evaluated' }, {});
      const cheap = { ...r, candidates: r.candidates.map((c) => (c.id === 'forest' ? { ...c, cost: { effort_days: 0.1 } } : c)) };
      assert.deepEqual(checkTooIncremental(cheap, okContext()), []);
    });

    it('uses the measured baseline from the context', () => {
      // With a measured baseline of 0.85: cnn gain 0.1 → 0.04; logreg gain -0.05 → negative; forest 0.05 × 0.5 ÷ 3 = 0.0083.
      assert.deepEqual(checkTooIncremental(healthyRoadmap(), okContext({ baselineMetrics: { accuracy: 0.85 } })), []);
      // Measured 0.94: cnn 0.01 × 0.8 ÷ 2 = 0.004; forest expecting 0.99: 0.05 × 0.5 ÷ 3 ≈ 0.0083 ≥ 1.5 × 0.004.
      const r = healthyWith('forest', { benefit: { expected: { accuracy: 0.99 }, confidence: 'medium' } });
      assert.deepEqual(checkTooIncremental(r, okContext({ baselineMetrics: { accuracy: 0.94 } })).map((f) => f.target), ['forest']);
    });
  });

  it('defines "clearly higher" as positive and at least 1.5 times', () => {
    assert.equal(ranksClearlyHigher(rank(0.75), rank(0.5)), true);
    assert.equal(ranksClearlyHigher(rank(0.74), rank(0.5)), false);
    assert.equal(ranksClearlyHigher(rank(0.1), rank(-0.2)), true);
    assert.equal(ranksClearlyHigher(rank(0), rank(-0.2)), false);
    assert.equal(ranksClearlyHigher(rank(-0.1), rank(-0.2)), false);
  });
});

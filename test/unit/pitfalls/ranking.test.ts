import * as assert from 'node:assert/strict';
import { baselineValue, isRanked, rankCandidate, rankCandidates, rankEach, rankingFormula, type Rank } from '../../../src/core/pitfalls/ranking';
import { baseline, candidate, healthyRoadmap, metric } from './builder';

function ranked(outcome: ReturnType<typeof rankCandidate>): Rank {
  assert.ok(isRanked(outcome), JSON.stringify(outcome));
  return outcome;
}

describe('ranking', () => {
  it('scores gain × confidence weight ÷ cost with a zero baseline value when nothing is known', () => {
    const r = healthyRoadmap();
    const cnn = ranked(rankCandidate(r, r.candidates[1]));
    assert.equal(cnn.gain, 0.95);
    assert.equal(cnn.weight, 0.8);
    assert.equal(cnn.cost, 2);
    assert.equal(cnn.score, 0.38);
    assert.match(cnn.formula, /^0\.38 = \(0\.95 − 0\) accuracy gain × 0\.8 \(high confidence\) ÷ \(\(2 days \+ 0 h ÷ 8\) × 1 low risk = 2\); baseline: no baseline value$/);
  });

  it('takes the baseline value from the measured metrics first, then the baseline\'s expected value', () => {
    const r = healthyRoadmap({ candidates: [baseline('majority', { benefit: { expected: { accuracy: 0.5 } } }), ...healthyRoadmap().candidates.slice(1)] });
    assert.deepEqual(baselineValue(r, 'accuracy'), { value: 0.5, source: "expected of baseline 'majority'" });
    assert.deepEqual(baselineValue(r, 'accuracy', { baselineMetrics: { accuracy: 0.6 } }), { value: 0.6, source: 'measured baseline' });
    assert.equal(ranked(rankCandidate(r, r.candidates[1])).gain, 0.95 - 0.5);
    assert.equal(ranked(rankCandidate(r, r.candidates[1], { baselineMetrics: { accuracy: 0.6 } })).gain, 0.95 - 0.6);
  });

  it('reverses the gain for a minimized primary metric', () => {
    const r = healthyRoadmap({ metrics: [metric('error', { goal: 'minimize' })] });
    const c = candidate('c', { cost: { effort_days: 1 }, benefit: { expected: { error: 0.1 }, confidence: 'medium' } });
    const out = ranked(rankCandidate(r, c, { baselineMetrics: { error: 0.3 } }));
    assert.ok(Math.abs(out.gain - 0.2) < 1e-12);
    assert.ok(Math.abs(out.score - 0.1) < 1e-12);
    assert.match(out.formula, /\(0\.3 − 0\.1\) error gain/);
  });

  it('adds compute hours as eighths of a day and multiplies by the risk factor', () => {
    const r = healthyRoadmap();
    const c = candidate('c', { cost: { effort_days: 3, compute_hours: 16, risk: 'high' }, benefit: { expected: { accuracy: 0.5 }, confidence: 'low' } });
    const out = ranked(rankCandidate(r, c));
    assert.equal(out.cost, (3 + 2) * 1.5);
    assert.equal(out.weight, 0.25);
    const medium = ranked(rankCandidate(r, { ...c, cost: { compute_hours: 8, risk: 'medium' } }));
    assert.equal(medium.cost, 1.25);
  });

  it('counts a missing confidence as low and a missing risk as low, and says so', () => {
    const c = candidate('c', { cost: { effort_days: 1 }, benefit: { expected: { accuracy: 0.4 } } });
    const out = ranked(rankCandidate(healthyRoadmap(), c));
    assert.equal(out.weight, 0.25);
    assert.equal(out.cost, 1);
    assert.match(out.formula, /low \(not given\) confidence/);
  });

  it('gives a reason when the score cannot be computed', () => {
    const r = healthyRoadmap();
    const reasonOf = (o: ReturnType<typeof rankCandidate>) => ('reason' in o ? o.reason : 'ranked');
    assert.equal(reasonOf(rankCandidate({ ...r, metrics: [] }, r.candidates[1])), 'the roadmap defines no metric');
    assert.equal(reasonOf(rankCandidate(r, candidate('c', { cost: { effort_days: 1 } }))), "no expected value for the primary metric 'accuracy'");
    assert.equal(reasonOf(rankCandidate(r, candidate('c', { benefit: { expected: { accuracy: 1 } } }))), 'no cost (effort_days or compute_hours)');
    assert.equal(reasonOf(rankCandidate(r, candidate('c', { cost: { effort_days: 0, compute_hours: 0 }, benefit: { expected: { accuracy: 1 } } }))), 'the cost is zero');
    assert.equal(reasonOf(rankCandidate(r, candidate('c', { cost: { effort_days: 5e-324 }, benefit: { expected: { accuracy: 1 } } }))), 'the cost is too small to divide by');
  });

  it('ranks non-baseline candidates by score, unranked ones last in file order', () => {
    const r = healthyRoadmap({ candidates: [...healthyRoadmap().candidates, candidate('z'), candidate('y')] });
    const order = rankCandidates(r).map((o) => o.candidateId);
    assert.deepEqual(order, ['cnn', 'logreg', 'forest', 'z', 'y']);
  });

  it('gives each non-baseline candidate, in file order, the outcome rankCandidate gives it', () => {
    const r = healthyRoadmap();
    const options = { baselineMetrics: { accuracy: 0.5 } };
    const each = rankEach(r, options);
    assert.deepEqual([...each.keys()], r.candidates.filter((c) => !c.baseline));
    for (const [c, outcome] of each) assert.deepEqual(outcome, rankCandidate(r, c, options));
  });

  it('documents the formula with its weights and factors', () => {
    for (const part of ['primary (first) metric', 'low 0.25 / medium 0.5 / high 0.8', 'compute_hours ÷ 8', 'low 1, medium 1.25, high 1.5']) {
      assert.ok(rankingFormula().includes(part), part);
    }
  });
});

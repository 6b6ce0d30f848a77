// Invariants of checkPitfalls over generated roadmaps: never throws, only pitfall codes, and acknowledgements or
// `off` severities silence exactly what they name.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkPitfalls } from '../../../src/core/pitfalls/check';
import { isRanked, rankCandidates } from '../../../src/core/pitfalls/ranking';
import { PITFALL_CODES } from '../../../src/core/pitfalls/types';
import { CANDIDATE_STATUSES, LEVELS, METRIC_KINDS, type Candidate, type Metric, type Roadmap } from '../../../src/core/roadmap/model';
import { candidate, healthyRoadmap, literature, metric, realityCheck, ZERO } from './builder';

const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'majority');
const level = fc.option(fc.constantFrom(...LEVELS), { nil: undefined });
const amount = fc.option(fc.double({ min: 0, max: 50, noNaN: true }), { nil: undefined });

const arbCandidate: fc.Arbitrary<Candidate> = fc
  .record({
    id: ids,
    baseline: fc.boolean(),
    status: fc.constantFrom(...CANDIDATE_STATUSES),
    based: fc.boolean(),
    effort: amount,
    compute: amount,
    risk: level,
    expected: fc.option(fc.double({ min: -1, max: 2, noNaN: true }), { nil: undefined }),
    confidence: level,
    skip: fc.boolean(),
  })
  .map((r) =>
    candidate(r.id, {
      baseline: r.baseline,
      status: r.status,
      ...(r.based ? { based_on: ['lit'] } : {}),
      ...(r.effort !== undefined || r.compute !== undefined || r.risk ? { cost: { effort_days: r.effort, compute_hours: r.compute, risk: r.risk } } : {}),
      ...(r.expected !== undefined ? { benefit: { expected: { m0: r.expected }, confidence: r.confidence } } : {}),
      ...(r.skip ? { skip_reason: 'Because.' } : {}),
    }),
  );

const arbMetric: fc.Arbitrary<Metric> = fc
  .record({ kind: fc.constantFrom(...METRIC_KINDS), goal: fc.constantFrom('maximize' as const, 'minimize' as const), target: fc.option(fc.double({ noNaN: true }), { nil: undefined }) })
  .map((r) => metric('m0', { kind: r.kind, goal: r.goal, target: r.target }));

const arbRoadmap: fc.Arbitrary<Roadmap> = fc
  .record({
    candidates: fc.array(arbCandidate, { maxLength: 6 }),
    metrics: fc.array(arbMetric, { maxLength: 2 }),
    withLiterature: fc.boolean(),
    withRealityCheck: fc.boolean(),
    withEvaluation: fc.boolean(),
    minCandidates: fc.integer({ min: 0, max: 5 }),
  })
  .map((r) =>
    healthyRoadmap({
      candidates: r.candidates,
      metrics: r.metrics,
      literature: r.withLiterature ? [literature('lit')] : [],
      reality_checks: r.withRealityCheck ? [realityCheck('rc')] : [],
      ...(r.withEvaluation ? {} : { evaluation: undefined }),
      settings: { min_candidates: r.minCandidates, range: ZERO },
    }),
  );

const fileExists = fc.func(fc.boolean());

describe('checkPitfalls properties', () => {
  it('reports only pitfall codes, each with a range and a message', () => {
    fc.assert(
      fc.property(arbRoadmap, fileExists, (roadmap, exists) => {
        for (const f of checkPitfalls(roadmap, { fileExists: exists })) {
          assert.ok((PITFALL_CODES as readonly string[]).includes(f.code));
          assert.ok(f.message.length > 20);
          assert.ok(f.range.start.line >= 0);
        }
      }),
    );
  });

  it('reports nothing once each finding is acknowledged by code and target', () => {
    fc.assert(
      fc.property(arbRoadmap, fileExists, (roadmap, exists) => {
        const context = { fileExists: exists };
        const acknowledged = checkPitfalls(roadmap, context).map((f) => ({ code: f.code, reason: 'ok', range: ZERO, ...(f.target ? { target: f.target } : {}) }));
        assert.deepEqual(checkPitfalls({ ...roadmap, acknowledged }, context), []);
      }),
    );
  });

  it('drops exactly the codes set off', () => {
    fc.assert(
      fc.property(arbRoadmap, fc.subarray([...PITFALL_CODES]), (roadmap, off) => {
        const context = { fileExists: () => false };
        const severities = Object.fromEntries(off.map((c) => [c, 'off' as const]));
        const expected = checkPitfalls(roadmap, context).filter((f) => !off.includes(f.code));
        assert.deepEqual(checkPitfalls(roadmap, { ...context, severities }), expected);
      }),
    );
  });

  it('ranks scores in descending order, every score finite', () => {
    let compared = 0;
    fc.assert(
      fc.property(arbRoadmap, (roadmap) => {
        const scores = rankCandidates(roadmap).filter(isRanked).map((r) => r.score);
        assert.ok(scores.every(Number.isFinite), `scores: ${scores.join(', ')}`);
        assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
        compared += scores.length > 1 ? 1 : 0;
      }),
      // About one generated roadmap in ten ranks two candidates or more: 500 runs make the count below far from 10.
      { numRuns: 500 },
    );
    assert.ok(compared > 10, `only ${compared} generated roadmaps ranked two candidates or more`);
  });
});

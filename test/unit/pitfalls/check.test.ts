import * as assert from 'node:assert/strict';
import { checkPitfalls } from '../../../src/core/pitfalls/check';
import type { Acknowledgement } from '../../../src/core/roadmap/model';
import { PITFALL_CODES } from '../../../src/core/pitfalls/types';
import { at, baseline, candidate, healthyRoadmap, okContext, ZERO } from './builder';

function ack(code: string, target: string | undefined, reason = 'Accepted.'): Acknowledgement {
  return { code, reason, range: ZERO, ...(target !== undefined ? { target } : {}) };
}

/** A roadmap that trips all five checks. */
function unhealthy() {
  return healthyRoadmap({
    literature: [],
    metrics: [],
    evaluation: undefined,
    reality_checks: [],
    candidates: [candidate('cnn', { status: 'evaluated' }), candidate('rnn', { status: 'shortlisted', based_on: ['x'] })],
  });
}

describe('checkPitfalls', () => {
  it('finds nothing in a healthy roadmap', () => {
    assert.deepEqual(checkPitfalls(healthyRoadmap(), okContext()), []);
  });

  it('runs all five checks, in code order', () => {
    const codes = [...new Set(checkPitfalls(unhealthy(), okContext()).map((f) => f.code))];
    assert.deepEqual(codes, [...PITFALL_CODES]);
  });

  it('silences findings acknowledged for their target only', () => {
    const r = { ...unhealthy(), acknowledged: [ack('pitfall/reinventing-the-wheel', 'cnn')] };
    const reinventing = checkPitfalls(r, okContext()).filter((f) => f.code === 'pitfall/reinventing-the-wheel');
    assert.deepEqual(reinventing.map((f) => f.target), [undefined]);
  });

  it('silences every finding of a code acknowledged without target', () => {
    const r = { ...unhealthy(), acknowledged: [ack('pitfall/faulty-evaluation', undefined)] };
    const findings = checkPitfalls(r, okContext());
    assert.equal(findings.some((f) => f.code === 'pitfall/faulty-evaluation'), false);
    assert.equal(findings.some((f) => f.code === 'pitfall/metric-misalignment'), true);
  });

  it('does not let an acknowledgement of another target or code silence a finding', () => {
    const r = healthyRoadmap({ literature: [], acknowledged: [ack('pitfall/reinventing-the-wheel', 'cnn'), ack('pitfall/one-architecture', undefined)] });
    assert.deepEqual(checkPitfalls(r, okContext()).map((f) => f.code), ['pitfall/reinventing-the-wheel']);
  });

  it('applies severity settings per code and drops codes set off', () => {
    const findings = checkPitfalls(unhealthy(), okContext({
      severities: { 'pitfall/faulty-evaluation': 'warning', 'pitfall/one-architecture': 'off', 'pitfall/metric-misalignment': 'error' },
    }));
    assert.equal(findings.some((f) => f.code === 'pitfall/one-architecture'), false);
    for (const f of findings) {
      const expected = f.code === 'pitfall/metric-misalignment' ? 'error' : 'warning';
      assert.equal(f.severity, expected, f.code);
    }
  });

  it('merges stale-result findings with their candidate as target, and acknowledgements apply to them', () => {
    const stale = { code: 'pitfall/faulty-evaluation', severity: 'warning' as const, message: 'Stale.', range: at(3), candidate: 'majority', kind: 'dataset-changed' };
    const other = { code: 'results/unreadable', severity: 'error' as const, message: 'Not a pitfall.', range: at(4) };
    const findings = checkPitfalls(healthyRoadmap(), okContext({ staleFindings: [stale, other] }));
    assert.equal(findings.length, 1);
    assert.equal(findings[0].target, 'majority');
    assert.equal(findings[0].fix, 'evaluate');
    assert.deepEqual(findings[0].range, at(3));
    const acked = healthyRoadmap({ acknowledged: [ack('pitfall/faulty-evaluation', 'majority')] });
    assert.deepEqual(checkPitfalls(acked, okContext({ staleFindings: [stale] })), []);
  });

  it('finds nothing while only the baseline is evaluated and no candidate is planned yet', () => {
    const r = healthyRoadmap({ candidates: [baseline()] });
    assert.deepEqual(checkPitfalls(r, okContext()), []);
  });
});

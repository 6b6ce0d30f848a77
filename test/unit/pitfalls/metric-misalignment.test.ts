import * as assert from 'node:assert/strict';
import { checkMetricMisalignment } from '../../../src/core/pitfalls/metric-misalignment';
import { at, healthyRoadmap, healthyWith, metric, okContext } from './builder';

describe('pitfall/metric-misalignment', () => {
  it('is silent with a business metric, targets on offline metrics and a reality check', () => {
    assert.deepEqual(checkMetricMisalignment(healthyRoadmap(), okContext()), []);
  });

  it('reports when no metric is online or business, on the metrics key', () => {
    const keyRange = (key: string) => (key === 'metrics' ? at(9) : undefined);
    const [f, ...rest] = checkMetricMisalignment(healthyRoadmap({ metrics: [metric('accuracy')] }), okContext({ keyRange }));
    assert.equal(rest.length, 0);
    assert.equal(f.code, 'pitfall/metric-misalignment');
    assert.equal(f.fix, 'add-metric');
    assert.deepEqual(f.range, at(9));
  });

  it('accepts an online metric as well as a business one', () => {
    assert.deepEqual(checkMetricMisalignment(healthyRoadmap({ metrics: [metric('accuracy'), metric('latency', { kind: 'online', goal: 'minimize' })] }), okContext()), []);
  });

  it('reports an offline metric without target on that metric, and not one of another kind', () => {
    const roadmap = healthyRoadmap({ metrics: [metric('accuracy', { target: undefined, range: at(11) }), metric('routed', { kind: 'business', target: undefined })] });
    const [f, ...rest] = checkMetricMisalignment(roadmap, okContext());
    assert.equal(rest.length, 0);
    assert.equal(f.target, 'accuracy');
    assert.equal(f.fix, 'set-metric-target');
    assert.deepEqual(f.range, at(11));
  });

  it('treats a target of 0 as set', () => {
    const roadmap = healthyRoadmap({ metrics: [metric('errors', { goal: 'minimize', target: 0 }), metric('routed', { kind: 'business' })] });
    assert.deepEqual(checkMetricMisalignment(roadmap, okContext()), []);
  });

  it('reports evaluated and chosen candidates when no reality check is logged', () => {
    const roadmap = healthyWith('cnn', { status: 'chosen', range: at(14) }, { reality_checks: [] });
    const withEvaluated = { ...roadmap, candidates: roadmap.candidates.map((c) => (c.id === 'forest' ? { ...c, status: 'evaluated' as const } : c)) };
    const findings = checkMetricMisalignment(withEvaluated, okContext());
    assert.deepEqual(findings.map((f) => [f.target, f.fix]), [
      ['cnn', 'log-reality-check'],
      ['forest', 'log-reality-check'],
    ]);
    assert.deepEqual(findings[0].range, at(14));
  });

  it('is silent once any reality check exists, even a planned one about another candidate', () => {
    assert.deepEqual(checkMetricMisalignment(healthyWith('cnn', { status: 'chosen' }), okContext()), []);
  });

  it('does not ask for a reality check while only the baseline is evaluated or others are prototyping', () => {
    assert.deepEqual(checkMetricMisalignment(healthyRoadmap({ reality_checks: [] }), okContext()), []);
  });
});

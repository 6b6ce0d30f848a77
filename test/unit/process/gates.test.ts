import * as assert from 'node:assert/strict';
import { checkGate, gateOutOf, nextPhase, previousPhase, type GateContext } from '../../../src/core/process/gates';
import type { Roadmap } from '../../../src/core/roadmap/model';
import { candidate, healthyRoadmap, healthyWith, okContext as pitfallContext, realityCheck, step, track } from '../pitfalls/builder';

/** Every results file exists and every candidate has a history record: it went through the pipeline. */
function okContext(overrides: Partial<GateContext> = {}): GateContext {
  return { ...pitfallContext(), hasHistoryRecord: () => true, ...overrides };
}

/** The healthy roadmap at the end of Discovery: cnn chosen, its demo passed. */
function readyForProduction(overrides: Partial<Roadmap> = {}): Roadmap {
  return healthyWith('cnn', { status: 'chosen' }, { reality_checks: [realityCheck('ops-demo', { candidate: 'cnn', verdict: 'passed' })], ...overrides });
}

function unmetIds(r: Roadmap, context: GateContext = okContext()) {
  return checkGate(r, 'production', context).unmet.map((u) => u.id);
}

describe('phase gates', () => {
  it('nextPhase, previousPhase and gateOutOf follow discovery → production → shipped', () => {
    assert.equal(nextPhase('discovery'), 'production');
    assert.equal(nextPhase('shipped'), undefined);
    assert.equal(previousPhase('production'), 'discovery');
    assert.equal(previousPhase('discovery'), undefined);
    assert.equal(gateOutOf('discovery'), 'production');
    assert.equal(gateOutOf('production'), 'shipped');
    assert.equal(gateOutOf('shipped'), undefined);
  });

  describe('Discovery → Production', () => {
    it('passes when every condition holds', () => {
      assert.deepEqual(checkGate(readyForProduction(), 'production', okContext()), { target: 'production', passed: true, unmet: [] });
    });

    it('lists each unmet condition of a fresh roadmap', () => {
      const fresh = healthyRoadmap({ candidates: [candidate('majority', { baseline: true })], reality_checks: [] });
      const gate = checkGate(fresh, 'production', okContext({ fileExists: () => false, hasHistoryRecord: () => false }));
      assert.equal(gate.passed, false);
      assert.deepEqual(gate.unmet.map((u) => u.id), ['baseline-evaluated', 'candidates-estimated', 'candidate-chosen', 'reality-check']);
      assert.match(gate.unmet[0].message, /Baseline 'majority' is not evaluated .*\(no evaluation run is recorded for it\)/);
      assert.match(gate.unmet[1].message, /Only 0 candidates .* at least 3 needed/);
    });

    it('counts the baseline as evaluated only with a history record: its results file alone is not from the pipeline', () => {
      const byHand = okContext({ fileExists: () => true, findings: [], hasHistoryRecord: () => false });
      const gate = checkGate(readyForProduction(), 'production', byHand);
      assert.deepEqual(gate.unmet.map((u) => u.id), ['baseline-evaluated']);
      assert.match(gate.unmet[0].message, /'results\/majority\.json' is not from the pipeline/);
      const noFile = okContext({ fileExists: () => false, findings: [] });
      assert.deepEqual(unmetIds(readyForProduction(), { ...noFile, hasHistoryRecord: (id) => id === 'majority' }), []);
      assert.deepEqual(unmetIds(readyForProduction(), { ...noFile, hasHistoryRecord: (id) => id === 'cnn' }), ['baseline-evaluated']);
    });

    it('needs a baseline at all', () => {
      const r = readyForProduction();
      const ids = unmetIds({ ...r, candidates: r.candidates.filter((c) => !c.baseline) });
      assert.ok(ids.includes('baseline-evaluated'));
    });

    it('counts candidates with cost and benefit against settings.min_candidates', () => {
      const r = healthyWith('forest', { cost: undefined }, { reality_checks: [realityCheck('d', { verdict: 'promising' })] });
      const chosen = { ...r, candidates: r.candidates.map((c) => (c.id === 'cnn' ? { ...c, status: 'chosen' as const } : c)) };
      assert.deepEqual(unmetIds(chosen, okContext({ findings: [] })), ['candidates-estimated']);
      assert.deepEqual(unmetIds({ ...chosen, settings: { ...chosen.settings, min_candidates: 2 } }, okContext({ findings: [] })), []);
    });

    it('accepts a promising reality check but not a planned or failed one', () => {
      for (const [verdict, ok] of [['promising', true], ['passed', true], ['planned', false], ['failed', false]] as const) {
        const r = readyForProduction({ reality_checks: [realityCheck('d', { verdict })] });
        assert.equal(unmetIds(r).includes('reality-check'), !ok, verdict);
      }
    });

    it('is blocked by open pitfall errors, computed or given, but not by warnings', () => {
      const broken = readyForProduction({ evaluation: { ...healthyRoadmap().evaluation!, dataset: undefined } });
      const gate = checkGate(broken, 'production', okContext());
      assert.deepEqual(gate.unmet.map((u) => u.id), ['no-pitfall-errors']);
      assert.match(gate.unmet[0].message, /1 open pitfall error \(pitfall\/faulty-evaluation\)/);
      assert.equal(checkGate(broken, 'production', okContext({ severities: { 'pitfall/faulty-evaluation': 'warning' } })).passed, true);
      const warning = { code: 'pitfall/too-incremental', severity: 'warning' as const, message: 'w', range: broken.project.range };
      assert.equal(checkGate(broken, 'production', okContext({ findings: [warning] })).passed, true);
    });
  });

  describe('Production → shipped', () => {
    it('passes when every production step is done or skipped', () => {
      const r = healthyRoadmap({ production: [track('serving', [step('api', 'done'), step('canary', 'skipped')]), track('monitoring', [step('alerts', 'done')])] });
      assert.deepEqual(checkGate(r, 'shipped', okContext()), { target: 'shipped', passed: true, unmet: [] });
    });

    it('lists the open steps', () => {
      const r = healthyRoadmap({ production: [track('serving', [step('api', 'done'), step('canary', 'blocked')]), track('monitoring', [step('alerts', 'doing')])] });
      const gate = checkGate(r, 'shipped', okContext());
      assert.equal(gate.passed, false);
      assert.deepEqual(gate.unmet.map((u) => u.message), ['2 production steps are not done or skipped: serving/canary (blocked), monitoring/alerts (doing).']);
    });

    it('does not pass with no production steps at all', () => {
      assert.equal(checkGate(healthyRoadmap({ production: [] }), 'shipped', okContext()).passed, false);
    });
  });
});

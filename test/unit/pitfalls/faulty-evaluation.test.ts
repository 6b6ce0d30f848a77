import * as assert from 'node:assert/strict';
import { checkFaultyEvaluation } from '../../../src/core/pitfalls/faulty-evaluation';
import { at, candidate, healthyRoadmap, healthyWith, okContext } from './builder';

describe('pitfall/faulty-evaluation', () => {
  it('is silent with command, dataset, a baseline and results for every evaluated candidate', () => {
    assert.deepEqual(checkFaultyEvaluation(healthyRoadmap(), okContext()), []);
  });

  it('reports a missing command and a missing dataset on the first line of the evaluation block', () => {
    const r = healthyRoadmap();
    const evaluation = { ...r.evaluation!, command: undefined, dataset: ' ', range: at(40, 44) };
    const findings = checkFaultyEvaluation({ ...r, evaluation }, okContext());
    assert.equal(findings.length, 2);
    assert.match(findings[0].message, /No `evaluation.command`/);
    assert.match(findings[1].message, /No `evaluation.dataset`/);
    for (const f of findings) {
      assert.equal(f.severity, 'error');
      assert.equal(f.fix, 'configure-evaluation');
      assert.deepEqual(f.range, { start: { line: 40, character: 2 }, end: { line: 41, character: 0 } });
    }
  });

  it('reports an absent evaluation block on the evaluation key, else on project', () => {
    const r = healthyRoadmap({ evaluation: undefined, candidates: healthyRoadmap().candidates.map((c) => (c.baseline ? { ...c, status: 'idea' as const } : c)) });
    const located = checkFaultyEvaluation(r, okContext({ keyRange: (k) => (k === 'evaluation' ? at(50) : undefined) }));
    assert.deepEqual(located.map((f) => f.range), [at(50), at(50)]);
    const unlocated = checkFaultyEvaluation(r, okContext());
    assert.equal(unlocated[0].range.start.line, 1);
  });

  it('reports no baseline candidate, and accepts evaluation.baseline naming an unmarked candidate', () => {
    const noBaseline = healthyRoadmap({ candidates: healthyRoadmap().candidates.filter((c) => !c.baseline) });
    const [f, ...rest] = checkFaultyEvaluation(noBaseline, okContext());
    assert.equal(rest.length, 0);
    assert.match(f.message, /No baseline candidate/);
    assert.equal(f.fix, 'add-candidate');
    const named = healthyRoadmap({ candidates: [candidate('majority'), ...noBaseline.candidates] });
    assert.deepEqual(checkFaultyEvaluation(named, okContext()), []);
    const marked = healthyRoadmap({ evaluation: { ...healthyRoadmap().evaluation!, baseline: undefined } });
    assert.deepEqual(checkFaultyEvaluation(marked, okContext()), []);
  });

  it('reports an evaluated candidate whose results file is missing, asking with the substituted path', () => {
    const asked: string[] = [];
    const fileExists = (p: string) => {
      asked.push(p);
      return p !== 'results/forest.json';
    };
    const r = healthyWith('forest', { status: 'evaluated', range: at(22) });
    const [f, ...rest] = checkFaultyEvaluation(r, okContext({ fileExists }));
    assert.equal(rest.length, 0);
    assert.deepEqual(asked.sort(), ['results/forest.json', 'results/majority.json']);
    assert.equal(f.target, 'forest');
    assert.equal(f.fix, 'evaluate');
    assert.deepEqual(f.range, at(22));
    assert.match(f.message, /no results file at 'results\/forest.json'/);
  });

  it('uses the candidate\'s own results path over evaluation.results', () => {
    const r = healthyWith('forest', { status: 'evaluated', results: 'mlruns/forest/metrics.json' });
    const fileExists = (p: string) => p === 'mlruns/forest/metrics.json' || p === 'results/majority.json';
    assert.deepEqual(checkFaultyEvaluation(r, okContext({ fileExists })), []);
  });

  it('reports an evaluated candidate when no results path is configured at all', () => {
    const r = healthyRoadmap({ evaluation: { ...healthyRoadmap().evaluation!, results: undefined } });
    const [f] = checkFaultyEvaluation(r, okContext());
    assert.equal(f.target, 'majority');
    assert.match(f.message, /has no results path/);
  });

  it('does not look for results of candidates not marked evaluated', () => {
    const r = healthyWith('forest', { status: 'chosen' });
    assert.deepEqual(checkFaultyEvaluation(r, okContext({ fileExists: (p) => p === 'results/majority.json' })), []);
  });
});

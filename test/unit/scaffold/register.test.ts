import assert from 'node:assert/strict';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import { registerBaselineInRoadmap } from '../../../src/core/scaffold/register';

const COMMAND = '${python} baselines/${candidate}/evaluate.py --dataset ${dataset} --out ${results}';
const candidate = { id: 'majority', title: 'Majority class / mean predictor', baseline: true, status: 'prototyping' as const };
const evaluation = { command: COMMAND, dataset: 'data/train.csv', results: 'results/${candidate}.json', baseline: 'majority' };

/** What Initialize Roadmap writes in a folder where it found a data file and nothing else. */
const STARTED = `version: 1
project:
  name: day
  problem: Route forms
  phase: discovery
candidates:
  - id: dumb-baseline
    title: Dumb baseline (majority class or mean prediction)
    baseline: true
    status: idea

# The automated end-to-end evaluation: one command scores any candidate.
evaluation:
  # command: python3 evaluate.py --candidate \${candidate} --out \${results}
  # results: results/\${candidate}.json
  baseline: dumb-baseline
  dataset: data/digits.csv
`;

describe('scaffold: registering a baseline in the roadmap text', () => {
  it('gives an evaluation block without a command (as Initialize Roadmap writes it) the command that runs the baseline', () => {
    const registered = registerBaselineInRoadmap(STARTED, candidate, evaluation);
    assert.ok(registered.ok);
    assert.equal(registered.evaluationAdded, true);
    assert.equal(registered.candidateAdded, true);
    const e = parseRoadmap(registered.text).roadmap!.evaluation;
    assert.deepEqual(
      { command: e?.command, dataset: e?.dataset, results: e?.results, baseline: e?.baseline },
      { command: COMMAND, dataset: 'data/digits.csv', results: 'results/${candidate}.json', baseline: 'majority' },
      'the dataset named is kept; the scaffolded baseline becomes the baseline the command can run',
    );
    assert.match(registered.text, /# command: python3 evaluate.py/, 'the comments stay');
    assert.deepEqual(
      parseRoadmap(registered.text).roadmap!.candidates.map((c) => c.id),
      ['majority'],
      "the starter's proposed dumb-baseline, never scaffolded, is replaced by the scaffolded baseline",
    );
  });

  it('keeps the named baseline when the scaffolded template is not a baseline', () => {
    const registered = registerBaselineInRoadmap(STARTED, { ...candidate, id: 'logreg', baseline: false }, { ...evaluation, baseline: undefined });
    assert.ok(registered.ok);
    assert.equal(parseRoadmap(registered.text).roadmap!.evaluation?.baseline, 'dumb-baseline');
    assert.equal(parseRoadmap(registered.text).roadmap!.evaluation?.command, COMMAND);
    assert.ok(parseRoadmap(registered.text).roadmap!.candidates.some((c) => c.id === 'dumb-baseline'), 'the proposed baseline stays');
  });

  it('leaves an evaluation block that has a command as it is', () => {
    const text = STARTED.replace('  baseline: dumb-baseline', '  command: python3 evaluate.py --out ${results}\n  baseline: dumb-baseline');
    const registered = registerBaselineInRoadmap(text, candidate, evaluation);
    assert.ok(registered.ok);
    assert.equal(registered.evaluationAdded, false);
    assert.equal(parseRoadmap(registered.text).roadmap!.evaluation?.command, 'python3 evaluate.py --out ${results}');
    assert.equal(parseRoadmap(registered.text).roadmap!.evaluation?.baseline, 'dumb-baseline');
  });
});

import assert from 'node:assert/strict';
import { commandRunsScript, defaultBaselineFolder, defaultCandidateId, newCandidateIdProblem, suggestedCandidateId, uniqueCandidateId } from '../../../src/core/scaffold/defaults';
import { findTemplate, listTemplates } from '../../../src/core/scaffold/templates';
import { BUILTIN_TEMPLATES } from './helpers';

const manifest = (name: string) => findTemplate(listTemplates(BUILTIN_TEMPLATES), name)!.manifest;

describe('scaffold: defaults of the Scaffold Baseline command', () => {
  it('suggests the template id, numbered when the roadmap has it already', () => {
    assert.equal(suggestedCandidateId(manifest('dumb'), []), 'majority');
    assert.equal(suggestedCandidateId(manifest('sklearn'), ['logreg', 'logreg-2']), 'logreg-3');
    assert.equal(suggestedCandidateId(manifest('pytorch'), ['majority']), 'mlp');
    assert.equal(uniqueCandidateId('x', ['x', 'x-3']), 'x-2');
  });

  it('names the candidate after its folder when that is a free id, else after the template', () => {
    assert.equal(defaultCandidateId(manifest('sklearn'), 'Mon Modèle', []), 'mon-modele');
    assert.equal(defaultCandidateId(manifest('sklearn'), 'linear', ['linear']), 'logreg');
    assert.equal(defaultCandidateId(manifest('dumb'), '---', ['majority']), 'majority-2');
    assert.equal(defaultCandidateId(manifest('dumb'), undefined, []), 'majority');
  });

  it('puts the baseline in baselines/<id>', () => {
    assert.equal(defaultBaselineFolder('majority'), 'baselines/majority');
  });

  it('refuses ids that are invalid or taken', () => {
    assert.equal(newCandidateIdProblem('fresh', ['majority']), undefined);
    assert.match(newCandidateIdProblem('majority', ['majority']) ?? '', /already has a candidate 'majority'/);
    assert.match(newCandidateIdProblem('Bad Id', []) ?? '', /not a valid candidate id/);
    assert.match(newCandidateIdProblem('', []) ?? '', /empty/);
  });

  it('tells whether the evaluation command runs a scaffolded entry point', () => {
    const perCandidate = '${python} baselines/${candidate}/evaluate.py --dataset ${dataset} --out ${results}';
    assert.equal(commandRunsScript(perCandidate, 'dumb', 'baselines/dumb/evaluate.py'), true);
    assert.equal(commandRunsScript(perCandidate, 'dumb', 'models/dumb/evaluate.py'), false);
    assert.equal(commandRunsScript('${python} ./baselines/x/evaluate.py --out ${results}', 'x', 'baselines/x/evaluate.py'), true);
    assert.equal(commandRunsScript('${python} "my baselines/x/evaluate.py" --out ${results}', 'x', 'my baselines/x/evaluate.py'), true);
    assert.equal(commandRunsScript('${python} other/baselines/x/evaluate.py', 'x', 'baselines/x/evaluate.py'), false);
    assert.equal(commandRunsScript('${python} evaluate.py --candidate ${candidate} --out ${results}', 'dumb', 'baselines/dumb/evaluate.py'), false);
  });
});

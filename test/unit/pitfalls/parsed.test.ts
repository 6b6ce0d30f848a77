// The checks on roadmaps read by parseRoadmap: ranges land on the right lines of the text.
import * as assert from 'node:assert/strict';
import { checkPitfalls } from '../../../src/core/pitfalls/check';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import { DEMO_ROADMAP, healthyRoadmap, withoutSection } from '../support/roadmaps';

function findings(text: string) {
  const { roadmap, keys } = parseRoadmap(text);
  assert.ok(roadmap);
  return checkPitfalls(roadmap, { fileExists: () => true, keyRange: (key) => keys.get(key) });
}

function lineOf(text: string, line: number): string {
  return text.split('\n')[line];
}

describe('pitfall checks on parsed roadmaps', () => {
  it('finds on the shared demo roadmap that the cheaper forest ranks clearly above the prototyped CNN', () => {
    const [f, ...rest] = findings(DEMO_ROADMAP);
    assert.equal(rest.length, 0);
    assert.equal(f.code, 'pitfall/too-incremental');
    assert.equal(f.target, 'forest');
    assert.equal(lineOf(DEMO_ROADMAP, f.range.start.line).trim(), '- id: forest');
  });

  it('finds nothing once the passed-over candidate says why', () => {
    const text = healthyRoadmap([['    status: shortlisted\n', '    status: shortlisted\n    skip_reason: Too slow to serve at 50 ms.\n']]);
    assert.deepEqual(findings(text), []);
  });

  it('puts a missing-literature finding on the literature key, and a missing evaluation on project', () => {
    const text = healthyRoadmap([
      [/literature:\n( {2}.*\n)+?candidates:/, 'literature: []\ncandidates:'],
      ['    based_on: [breiman01]\n', ''],
      ['    based_on: [breiman01]\n', ''],
      ['    based_on: [lecun98]\n', ''],
    ]);
    const lit = findings(text).filter((f) => f.code === 'pitfall/reinventing-the-wheel' && f.target === undefined);
    assert.equal(lit.length, 1);
    assert.equal(lineOf(text, lit[0].range.start.line), 'literature: []');
    const noEvaluation = withoutSection(DEMO_ROADMAP, 'evaluation');
    const faulty = findings(noEvaluation).filter((f) => f.code === 'pitfall/faulty-evaluation');
    // No command and no dataset on project; the evaluated candidates have no results path any more.
    assert.deepEqual(
      faulty.map((f) => lineOf(noEvaluation, f.range.start.line).trim()),
      ['name: Digit recognizer', 'name: Digit recognizer', '- id: majority', '- id: logreg'],
    );
  });
});

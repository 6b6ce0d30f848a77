import assert from 'node:assert/strict';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import { STAGES } from '../../../src/core/roadmap/model';
import { STARTER_DISCOVERY, starterRoadmap } from '../../../src/core/process/starter';
import { STAGE_DESCRIPTIONS, USUAL_TRACKS } from '../../../src/core/process/stages';

const TODAY = '2026-05-04';

describe('starterRoadmap', () => {
  it('parses with no errors or warnings and holds the whole process', () => {
    const text = starterRoadmap({ name: 'Digit recognizer', problem: 'Staff type every digit.', businessGoal: 'Route 80% of forms.', today: TODAY });
    const r = parseRoadmap(text);
    assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning'), []);
    const m = r.roadmap;
    assert.ok(m);
    assert.deepEqual([m.project.name, m.project.problem, m.project.business_goal, m.project.phase], [
      'Digit recognizer',
      'Staff type every digit.',
      'Route 80% of forms.',
      'discovery',
    ]);
    assert.deepEqual(m.discovery.map((s) => s.stage), [...STAGES]);
    for (const stage of m.discovery) {
      assert.deepEqual(stage.steps.map((s) => s.id), STARTER_DISCOVERY[stage.stage].map((s) => s.id));
      assert.ok(stage.steps.length >= 2);
      assert.ok(stage.steps.every((s) => s.status === 'todo' && (s.title ?? '').length > 10));
    }
    assert.deepEqual(m.production.map((t) => [t.track, t.role]), USUAL_TRACKS.map((t) => [t.id, t.role]));
    assert.ok(m.production.every((t) => t.steps.length > 0));
    assert.deepEqual(m.candidates.map((c) => [c.id, c.baseline]), [['dumb-baseline', true]]);
    assert.equal(m.evaluation?.baseline, 'dumb-baseline');
    assert.equal(m.decisions, 'docs/decisions');
    assert.ok(text.includes('Started 2026-05-04'));
  });

  it('covers the key Discovery activities', () => {
    const ids = Object.values(STARTER_DISCOVERY).flat().map((s) => s.id);
    for (const id of ['business-problem', 'explore-data', 'review-existing-work', 'define-metrics', 'evaluation-dataset', 'dumb-baseline', 'evaluation-pipeline', 'brainstorm-candidates', 'rank-candidates', 'prototype-top', 'reality-check', 'record-decision']) {
      assert.ok(ids.includes(id), id);
    }
  });

  it('escapes names and problems with quotes, colons, hashes and line breaks', () => {
    const tricky = [
      `Dana's "smart" router: v2`,
      '# not a comment',
      '- dash first',
      '{ flow: looking }',
      'yes',
      '0002',
      '${candidate} & *alias',
      'two\nlines',
      "  spaces  ",
    ];
    for (const name of tricky) {
      const r = parseRoadmap(starterRoadmap({ name, problem: `Problem: ${name}`, businessGoal: name, today: TODAY }));
      assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning'), [], name);
      const expected = name.replace(/\s+/g, ' ').trim();
      assert.equal(r.roadmap?.project.name, expected);
      assert.equal(r.roadmap?.project.problem, `Problem: ${expected}`);
      assert.equal(r.roadmap?.project.business_goal, expected);
    }
  });

  it('leaves optional fields as comments when not given', () => {
    const text = starterRoadmap({ name: 'X', problem: '', today: 'not a date' });
    const r = parseRoadmap(text);
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.roadmap?.project.business_goal, undefined);
    assert.ok(!text.includes('Started'));
  });

  it('describes every stage', () => {
    for (const stage of STAGES) {
      const d = STAGE_DESCRIPTIONS[stage];
      assert.equal(d.id, stage);
      assert.ok(d.purpose.length > 20);
      assert.equal(d.diamond, stage === 'understand' || stage === 'define' ? 'problem' : 'solution');
    }
  });
});

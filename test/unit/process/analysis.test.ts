import * as assert from 'node:assert/strict';
import { analyseRoadmap, hasSyntaxErrors } from '../../../src/core/process/analysis';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import { DEMO_ROADMAP, minimalRoadmap } from '../support/roadmaps';

const noFiles = { fileExists: () => false };

describe('analyseRoadmap', () => {
  it('lists the parse diagnostics then the findings, checks the gate out of the phase, ranks the candidates', () => {
    const parse = parseRoadmap(DEMO_ROADMAP);
    const a = analyseRoadmap(DEMO_ROADMAP, parse, { fileExists: () => true });
    assert.deepEqual(a.diagnostics, [...parse.diagnostics, ...a.findings]);
    assert.equal(a.gate?.target, 'production');
    assert.deepEqual(a.gate?.unmet.map((u) => u.id), ['candidate-chosen', 'reality-check']);
    assert.deepEqual([...a.ranks.keys()], ['logreg', 'forest', 'cnn']);
    assert.deepEqual([a.progress?.done, a.progress?.total], [7, 9]);
    assert.deepEqual(a.blockers, [], 'an unmet gate is work ahead while the phase has open steps');
  });

  it('checks the gate asked for instead of the one out of the current phase', () => {
    const a = analyseRoadmap(DEMO_ROADMAP, parseRoadmap(DEMO_ROADMAP), { fileExists: () => true, gate: 'shipped' });
    assert.equal(a.gate?.target, 'shipped');
  });

  it('analyses a roadmap read past syntax errors, or holds it until the syntax is fixed', () => {
    const text = minimalRoadmap('foo: "bar\n');
    const parse = parseRoadmap(text);
    assert.ok(parse.roadmap && hasSyntaxErrors(parse));
    const analysed = analyseRoadmap(text, parse, noFiles);
    assert.ok(analysed.findings.length > 0);
    assert.ok(analysed.gate);
    const held = analyseRoadmap(text, parse, { ...noFiles, partialRoadmap: 'hold' });
    assert.deepEqual([held.findings, held.gate, held.diagnostics], [[], undefined, parse.diagnostics]);
    assert.deepEqual(held.blockers, ['Missing closing "quote']);
  });

  it('feeds the baseline\'s latest metrics to the ranking', () => {
    const parse = parseRoadmap(DEMO_ROADMAP);
    const asked: string[] = [];
    analyseRoadmap(DEMO_ROADMAP, parse, { fileExists: () => true, latestMetrics: (id) => (asked.push(id), undefined) });
    assert.deepEqual(asked, ['majority']);
  });
});

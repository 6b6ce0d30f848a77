import * as assert from 'node:assert/strict';
import { analyseRoadmap, blockers, hasSyntaxErrors } from '../../../src/core/process/analysis';
import type { HistoryRecord } from '../../../src/core/results/history';
import { mergeResults } from '../../../src/core/results/evaluated';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import { DEMO_ROADMAP, minimalRoadmap } from '../support/roadmaps';

const noFiles = { fileExists: () => false };

describe('analyseRoadmap', () => {
  it('lists the parse diagnostics then the findings, checks the gate out of the phase, ranks the candidates', () => {
    const parse = parseRoadmap(DEMO_ROADMAP);
    const a = analyseRoadmap(DEMO_ROADMAP, parse, { fileExists: () => true });
    assert.deepEqual(a.diagnostics, [...parse.diagnostics, ...a.findings]);
    assert.equal(a.gate?.target, 'production');
    assert.deepEqual(a.gate?.unmet.map((u) => u.id), ['baseline-evaluated', 'candidate-chosen', 'reality-check'], 'no result is recorded');
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

  it('feeds the baseline\'s evaluated metrics to the ranking, and only those', () => {
    const parse = parseRoadmap(DEMO_ROADMAP);
    const record = (metrics: Record<string, number>): HistoryRecord => ({ candidate: 'majority', metrics, source: 'results/majority.json', format: 'mlroadmap', git: null, dataset: null, command: null, recordedAt: '2026-01-01T00:00:00.000Z' });
    const rankOf = (results?: ReturnType<typeof mergeResults>) => analyseRoadmap(DEMO_ROADMAP, parse, { fileExists: () => true, ...(results ? { results } : {}) }).ranks.get('logreg')?.formula;
    const roadmap = parse.roadmap!;
    const fromPipeline = mergeResults(roadmap, { history: [record({ accuracy: 0.5 })], files: new Map() });
    const byHand = mergeResults(roadmap, { history: [], files: new Map([['majority', record({ accuracy: 0.5 })]]) });
    assert.notEqual(rankOf(fromPipeline), rankOf(), 'a recorded baseline result changes the ranking');
    assert.equal(rankOf(byHand), rankOf(), 'a results file the pipeline did not produce does not');
  });

  it('lists each open pitfall error once among the blockers, without the gate\'s summary of them', () => {
    const text = minimalRoadmap();
    const a = analyseRoadmap(text, parseRoadmap(text), noFiles);
    const errors = a.findings.filter((f) => f.severity === 'error').map((f) => f.message);
    assert.ok(errors.length > 0 && a.gate?.unmet.some((u) => u.id === 'no-pitfall-errors'));
    assert.deepEqual(a.blockers, [...errors, ...(a.gate?.unmet ?? []).filter((u) => u.id !== 'no-pitfall-errors').map((u) => u.message)]);
    assert.ok(!a.blockers.some((b) => /open pitfall error/.test(b)), a.blockers.join('\n'));
  });
});

describe('blockers', () => {
  const gate = { target: 'production' as const, passed: false, unmet: [{ id: 'reality-check' as const, message: 'No reality check.' }] };
  it('holds the gate\'s unmet conditions back while the phase has open steps', () => {
    const progress = { phase: 'discovery' as const, groups: [], done: 1, total: 2 };
    assert.deepEqual(blockers([], gate, progress), []);
    assert.deepEqual(blockers([], gate, { ...progress, done: 2 }), ['No reality check.']);
  });
});

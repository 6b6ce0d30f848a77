import assert from 'node:assert/strict';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import type { RoadmapDiagnostic } from '../../../src/core/roadmap/model';
import { DEMO_ROADMAP, demoModel, healthyRoadmap, minimalRoadmap } from '../support/roadmaps';

function only(text: string, code: string): RoadmapDiagnostic {
  const found = parseRoadmap(text).diagnostics.filter((d) => d.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got ${JSON.stringify(parseRoadmap(text).diagnostics, null, 1)}`);
  return found[0];
}

/** The text a diagnostic's range covers (single-line ranges). */
function covered(text: string, d: RoadmapDiagnostic): string {
  const line = text.split('\n')[d.range.start.line];
  assert.equal(d.range.end.line, d.range.start.line, 'single-line range expected');
  return line.slice(d.range.start.character, d.range.end.character);
}

describe('parseRoadmap', () => {
  describe('the healthy demo roadmap', () => {
    it('parses with no diagnostics', () => {
      assert.deepEqual(parseRoadmap(DEMO_ROADMAP).diagnostics, []);
    });

    it('reads every section into the model', () => {
      const m = demoModel();
      assert.equal(m.version, 1);
      assert.equal(m.project.name, 'Digit recognizer');
      assert.equal(m.project.deadline, '2027-03-31');
      assert.equal(m.project.phase, 'discovery');
      assert.deepEqual(m.roles.ml_engineers, ['Ari', 'Lee']);
      assert.deepEqual(m.roles.software_engineers, []);
      assert.deepEqual(
        m.metrics.map((x) => [x.id, x.kind, x.goal, x.target]),
        [
          ['accuracy', 'offline', 'maximize', 0.97],
          ['latency_ms', 'online', 'minimize', 50],
          ['forms_auto_routed', 'business', 'maximize', 0.8],
        ],
      );
      assert.deepEqual(m.literature.map((l) => l.id), ['lecun98', 'breiman01']);
      const cnn = m.candidates.find((c) => c.id === 'cnn');
      assert.ok(cnn);
      assert.deepEqual(cnn.based_on, ['lecun98']);
      assert.deepEqual(cnn.cost, { effort_days: 5, compute_hours: 4, risk: 'medium' });
      assert.deepEqual(cnn.benefit, { expected: { accuracy: 0.99, latency_ms: 20 }, confidence: 'medium' });
      assert.equal(cnn.decision, '0002');
      assert.equal(cnn.baseline, false);
      assert.equal(m.candidates[0].baseline, true);
      assert.equal(m.evaluation?.baseline, 'majority');
      assert.equal(m.evaluation?.results, 'results/${candidate}.json');
      assert.equal(m.evaluation?.shell, false);
      assert.deepEqual(m.reality_checks.map((r) => [r.id, r.kind, r.candidate, r.date, r.verdict]), [['ops-demo', 'demo', 'cnn', '2026-11-20', 'planned']]);
      assert.deepEqual(m.discovery.map((s) => s.stage), ['understand', 'define', 'ideate', 'prototype', 'test']);
      assert.equal(m.discovery[0].steps[0].owner, 'Dana');
      assert.deepEqual(m.production.map((t) => [t.track, t.role, t.steps.map((s) => s.id)]), [
        ['training-pipeline', 'data_engineers', ['nightly-training']],
        ['serving', 'software_engineers', ['scoring-service']],
      ]);
      assert.equal(m.decisions, 'docs/decisions');
      assert.equal(m.settings.min_candidates, 3);
      assert.deepEqual(m.acknowledged, []);
      assert.deepEqual(m.overrides, []);
    });

    it('gives every located node its 0-based range', () => {
      const m = demoModel();
      const lines = DEMO_ROADMAP.split('\n');
      const cnn = m.candidates.find((c) => c.id === 'cnn');
      assert.ok(cnn);
      assert.equal(lines[cnn.range.start.line].slice(cnn.range.start.character), 'id: cnn');
      const flowStep = m.production[0].steps[0];
      assert.ok(lines[flowStep.range.start.line].slice(flowStep.range.start.character).startsWith('{ id: nightly-training'));
      assert.equal(lines[m.project.range.start.line].trim(), 'name: Digit recognizer');
    });
  });

  describe('defaults', () => {
    it('fills phase, statuses, goal, verdict, decisions folder and min_candidates', () => {
      const r = parseRoadmap(
        minimalRoadmap(
          'metrics: [{ id: m }]\ncandidates: [{ id: c }]\nreality_checks: [{ id: r }]\ndiscovery:\n  - stage: define\n    steps: [{ id: s }]\n',
        ),
      );
      assert.deepEqual(r.diagnostics, []);
      const m = r.roadmap;
      assert.ok(m);
      assert.equal(m.project.phase, 'discovery');
      assert.equal(m.metrics[0].goal, 'maximize');
      assert.equal(m.candidates[0].status, 'idea');
      assert.equal(m.candidates[0].baseline, false);
      assert.equal(m.reality_checks[0].verdict, 'planned');
      assert.equal(m.discovery[0].steps[0].status, 'todo');
      assert.equal(m.decisions, 'docs/decisions');
      assert.equal(m.settings.min_candidates, 3);
      assert.deepEqual(m.literature, []);
      assert.deepEqual(m.production, []);
      assert.equal(m.evaluation, undefined);
    });

    it('reads settings, acknowledgements, overrides, skip_reason, results, shell and notes', () => {
      const r = parseRoadmap(
        minimalRoadmap(
          [
            'settings: { min_candidates: 2 }',
            'acknowledged:',
            '  - { code: pitfall/one-architecture, target: cnn, reason: Only one fits the device. }',
            'overrides:',
            '  - { from: discovery, to: production, date: 2026-05-01, reason: Deadline moved, decision: "0003" }',
            'candidates:',
            '  - { id: cnn, skip_reason: Too slow, results: out/cnn.json }',
            'evaluation: { shell: true }',
            'reality_checks: [{ id: r, notes: Users liked it }]',
            'production:',
            '  - track: serving',
            '    steps: [{ id: s, notes: wait for infra }]',
            '',
          ].join('\n'),
        ),
      );
      assert.deepEqual(r.diagnostics, []);
      const m = r.roadmap;
      assert.ok(m);
      assert.equal(m.settings.min_candidates, 2);
      assert.deepEqual(
        m.acknowledged.map((a) => [a.code, a.target, a.reason]),
        [['pitfall/one-architecture', 'cnn', 'Only one fits the device.']],
      );
      assert.deepEqual(
        m.overrides.map((o) => [o.from, o.to, o.date, o.reason, o.decision]),
        [['discovery', 'production', '2026-05-01', 'Deadline moved', '0003']],
      );
      assert.equal(m.candidates[0].skip_reason, 'Too slow');
      assert.equal(m.candidates[0].results, 'out/cnn.json');
      assert.equal(m.evaluation?.shell, true);
      assert.equal(m.reality_checks[0].notes, 'Users liked it');
      assert.equal(m.production[0].steps[0].notes, 'wait for infra');
    });

    it('keeps numbers written where text is expected as written', () => {
      const m = parseRoadmap(minimalRoadmap('candidates:\n  - id: c\n    decision: 0002\n')).roadmap;
      assert.equal(m?.candidates[0].decision, '0002');
    });
  });

  describe('YAML syntax', () => {
    it('reports syntax errors with their range and still returns what it could read', () => {
      const text = minimalRoadmap('metrics: [ { id: a }\ncandidates: []\n');
      const r = parseRoadmap(text);
      const syntax = r.diagnostics.filter((d) => d.code === 'yaml/syntax');
      assert.ok(syntax.length > 0);
      assert.ok(syntax.every((d) => d.severity === 'error'));
      assert.ok(r.roadmap);
      assert.equal(r.roadmap.project.name, 'Test project');
    });

    it('reports duplicate keys', () => {
      const d = parseRoadmap('version: 1\nversion: 1\nproject: {}\n').diagnostics;
      assert.ok(d.some((x) => x.code === 'yaml/syntax' && /unique/i.test(x.message)));
    });

    it('reports an empty file, and a file that is not a mapping, without a model', () => {
      for (const text of ['', '   \n', '# only a comment\n']) {
        const r = parseRoadmap(text);
        assert.equal(r.roadmap, undefined);
        assert.deepEqual(r.diagnostics.map((d) => d.code), ['schema/empty']);
      }
      const list = parseRoadmap('- a\n- b\n');
      assert.equal(list.roadmap, undefined);
      assert.deepEqual(list.diagnostics.map((d) => d.code), ['schema/type']);
    });
  });

  describe('schema', () => {
    it('reports wrong types as errors and skips the bad node', () => {
      const text = minimalRoadmap('metrics:\n  - id: a\n    target: high\n');
      const d = only(text, 'schema/type');
      assert.equal(d.severity, 'error');
      assert.deepEqual(d.path, ['metrics', 0, 'target']);
      assert.equal(covered(text, d), 'high');
      assert.equal(parseRoadmap(text).roadmap?.metrics[0].target, undefined);
    });

    it('reports missing required keys and drops list items without an id', () => {
      const text = minimalRoadmap('candidates:\n  - title: No id here\n  - id: ok\n');
      const d = only(text, 'schema/required');
      assert.deepEqual(d.path, ['candidates', 0, 'id']);
      assert.deepEqual(parseRoadmap(text).roadmap?.candidates.map((c) => c.id), ['ok']);
      assert.deepEqual(only('project: {}\n', 'schema/required').path, ['version']);
      assert.deepEqual(only(minimalRoadmap('metrics:\n  - id:\n'), 'schema/required').path, ['metrics', 0, 'id']);
    });

    it('warns about unknown keys and suggests the nearest known key only when close', () => {
      const text = minimalRoadmap('candidates:\n  - id: c\n    stauts: idea\n    flavour: mint\n');
      const unknown = parseRoadmap(text).diagnostics.filter((d) => d.code === 'schema/unknown-key');
      assert.equal(unknown.length, 2);
      assert.ok(unknown.every((d) => d.severity === 'warning'));
      assert.equal(unknown[0].suggestion, 'status');
      assert.equal(covered(text, unknown[0]), 'stauts');
      assert.equal(unknown[1].suggestion, undefined);
    });

    it('rejects unknown enum values, listing the allowed ones and suggesting the nearest', () => {
      const cases: [string, string, string | undefined][] = [
        [minimalRoadmap('discovery:\n  - stage: understand\n    steps: [{ id: s, status: Done }]\n'), 'status', 'done'],
        [minimalRoadmap('candidates: [{ id: c, status: shortlist }]\n'), 'status', 'shortlisted'],
        [minimalRoadmap('metrics: [{ id: m, kind: ofline }]\n'), 'kind', 'offline'],
        [minimalRoadmap('metrics: [{ id: m, goal: maximise }]\n'), 'goal', 'maximize'],
        [minimalRoadmap('reality_checks: [{ id: r, verdict: pased }]\n'), 'verdict', 'passed'],
        [minimalRoadmap('reality_checks: [{ id: r, kind: ab_test }]\n'), 'kind', 'ab-test'],
        [minimalRoadmap('discovery: [{ stage: ideation }]\n'), 'stage', undefined],
        [minimalRoadmap('candidates: [{ id: c, cost: { risk: huge } }]\n'), 'risk', undefined],
        [minimalRoadmap('candidates: [{ id: c, benefit: { confidence: hihg } }]\n'), 'confidence', 'high'],
        ['version: 1\nproject: { phase: prod }\n', 'phase', undefined],
      ];
      for (const [text, key, suggestion] of cases) {
        const d = only(text, 'schema/enum');
        assert.equal(d.severity, 'error');
        assert.equal(d.path?.[d.path.length - 1], key);
        assert.match(d.message, /expected one of/);
        assert.equal(d.suggestion, suggestion, text);
      }
    });

    it('rejects a production role outside the known roles', () => {
      const d = only(minimalRoadmap('production:\n  - track: t\n    role: ml_engineer\n'), 'ref/unknown-role');
      assert.equal(d.suggestion, 'ml_engineers');
    });

    it('rejects other format versions', () => {
      const text = 'version: 2\nproject: {}\n';
      const d = only(text, 'schema/version');
      assert.equal(covered(text, d), '2');
      assert.equal(only("version: '1'\nproject: {}\n", 'schema/type').path?.[0], 'version');
    });

    it('warns about dates not written YYYY-MM-DD', () => {
      assert.equal(only('version: 1\nproject: { deadline: next spring }\n', 'schema/format').severity, 'warning');
    });
  });

  describe('semantics', () => {
    it('finds duplicate ids per kind, steps across the whole file', () => {
      const text = healthyRoadmap([
        ['id: logreg', 'id: forest'],
        ['{ id: scoring-service,', '{ id: explore-data,'],
      ]);
      const dups = parseRoadmap(text).diagnostics.filter((d) => d.code === 'semantic/duplicate-id');
      assert.deepEqual(dups.map((d) => d.message.replace(/ \(.*/, '')), ["Duplicate candidate id 'forest'", "Duplicate step id 'explore-data'"]);
      assert.equal(covered(text, dups[0]), 'forest');
    });

    it('reports unknown literature, candidates and metrics with a suggestion', () => {
      const text = healthyRoadmap([
        ['based_on: [lecun98]', 'based_on: [lecun89]'],
        ['candidate: cnn', 'candidate: cnm'],
        ['expected: { accuracy: 0.99,', 'expected: { acuracy: 0.99,'],
        ['baseline: majority', 'baseline: minority'],
      ]);
      const r = parseRoadmap(text).diagnostics;
      const byCode = (c: string) => r.filter((d) => d.code === c);
      assert.deepEqual(byCode('ref/unknown-literature').map((d) => d.suggestion), ['lecun98']);
      assert.deepEqual(byCode('ref/unknown-candidate').map((d) => covered(text, d)), ['cnm', 'minority']);
      assert.deepEqual(byCode('ref/unknown-metric').map((d) => [covered(text, d), d.suggestion]), [['acuracy', 'accuracy']]);
      assert.equal(r.length, 4);
    });

    it('warns when the evaluation baseline is a candidate not marked baseline', () => {
      const d = only(healthyRoadmap([['baseline: majority', 'baseline: cnn']]), 'ref/baseline-not-baseline');
      assert.equal(d.severity, 'warning');
    });

    it('rejects paths leaving the roadmap folder, variables allowed', () => {
      const bad = ['/data/x.csv', '../x.csv', 'data/../../x.csv', 'C:\\data\\x.csv', '~/x.csv', '${candidate}/../../x'];
      for (const path of bad) {
        const d = only(minimalRoadmap(`evaluation: { dataset: '${path}' }\n`), 'path/outside-workspace');
        assert.deepEqual(d.path, ['evaluation', 'dataset']);
      }
      const good = ['data/x.csv', './data/../x.csv', 'results/${candidate}.json', '${candidate}/x'];
      for (const path of good) {
        assert.deepEqual(parseRoadmap(minimalRoadmap(`evaluation: { results: '${path}' }\n`)).diagnostics, []);
      }
      assert.equal(only(minimalRoadmap('decisions: ../adr\n'), 'path/outside-workspace').path?.[0], 'decisions');
      const decisions = only(minimalRoadmap('decisions: ../adr\n'), 'path/outside-workspace');
      assert.deepEqual([decisions.path, decisions.range.start.line, decisions.message], [['decisions'], 4, "The path '../adr' climbs out of the roadmap's folder with ..: paths must stay inside the roadmap's folder."]);
      assert.deepEqual(only(minimalRoadmap('candidates: [{ id: c, results: /tmp/c.json }]\n'), 'path/outside-workspace').path, ['candidates', 0, 'results']);
    });
  });

  describe('robustness', () => {
    it('survives aliases, alias bombs, tags, CRLF and lone CR line breaks', () => {
      const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join('\n');
      assert.ok(parseRoadmap(`version: 1\nproject: {}\nroles:\n  ml_engineers: &p [A]\n  data_engineers: *p\n`).roadmap?.roles.data_engineers?.[0] === 'A');
      assert.ok(parseRoadmap(bomb).diagnostics.length > 0);
      assert.ok(parseRoadmap('version: !!binary aGk=\nproject: !custom {}\n').diagnostics.length > 0);
      const crlf = parseRoadmap(DEMO_ROADMAP.replace(/\n/g, '\r\n'));
      assert.deepEqual(crlf.diagnostics, []);
      const cr = parseRoadmap('version: 1\rproject: {}\rfoo: 1\r');
      for (const d of cr.diagnostics) assert.ok(d.range.start.line <= 3);
    });

  });
});

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

  describe('executors and Slurm options', () => {
    const CLUSTER = minimalRoadmap(
      [
        'candidates:',
        '  - id: big',
        '    executor: local',
        '    slurm: { gpus: 2, extra: [--qos=high] }',
        'evaluation:',
        '  command: ${python} evaluate.py --candidate ${candidate} --dataset ${dataset} --out ${results}',
        '  executor: slurm',
        '  parallel: 2',
        '  slurm:',
        '    partition: gpu',
        '    gpus: 1',
        '    cpus: 8',
        '    mem: 32G',
        '    time: "02:00:00"',
        '    account: vision',
        '    setup: |',
        '      source .venv/bin/activate',
        '      module load cuda',
        '    extra: [--constraint=a100]',
        '',
      ].join('\n'),
    );

    /** The one diagnostic of `code` for `evaluation.slurm.<line>` (or another evaluation line), with what it covers. */
    function slurmProblem(line: string, code: string, under = '  slurm:\n    '): { d: RoadmapDiagnostic; text: string } {
      const text = minimalRoadmap(`evaluation:\n  executor: slurm\n${under}${line}\n`);
      return { d: only(text, code), text };
    }

    it('reads executor, parallel and every slurm key, with the options\' range', () => {
      const r = parseRoadmap(CLUSTER);
      assert.deepEqual(r.diagnostics, []);
      const e = r.roadmap?.evaluation;
      assert.ok(e?.slurm);
      assert.equal(e.executor, 'slurm');
      assert.equal(e.parallel, 2);
      const { range, ...options } = e.slurm;
      assert.deepEqual(options, {
        partition: 'gpu',
        gpus: 1,
        cpus: 8,
        mem: '32G',
        time: '02:00:00',
        account: 'vision',
        setup: 'source .venv/bin/activate\nmodule load cuda\n',
        extra: ['--constraint=a100'],
      });
      assert.equal(CLUSTER.split('\n')[range.start.line].slice(range.start.character), 'partition: gpu');
      const big = r.roadmap?.candidates[0];
      assert.equal(big?.executor, 'local');
      assert.deepEqual([big?.slurm?.gpus, big?.slurm?.extra], [2, ['--qos=high']]);
    });

    it('leaves every new key optional: a version 1 roadmap without them reads as before', () => {
      const m = parseRoadmap(minimalRoadmap('candidates: [{ id: c }]\nevaluation: { command: python e.py }\n')).roadmap;
      assert.deepEqual([m?.evaluation?.executor, m?.evaluation?.parallel, m?.evaluation?.slurm], [undefined, undefined, undefined]);
      assert.deepEqual([m?.candidates[0].executor, m?.candidates[0].slurm], [undefined, undefined]);
      assert.deepEqual(parseRoadmap(minimalRoadmap('evaluation:\n  slurm: {}\n')).diagnostics, []);
    });

    it('rejects an unknown executor with the allowed values and the nearest one', () => {
      const text = minimalRoadmap('evaluation: { executor: slrum }\n');
      const d = only(text, 'schema/enum');
      assert.deepEqual([d.severity, d.path, d.suggestion, covered(text, d)], ['error', ['evaluation', 'executor'], 'slurm', 'slrum']);
      assert.match(d.message, /expected one of local, slurm/);
      const c = only(minimalRoadmap('candidates: [{ id: c, executor: Local }]\n'), 'schema/enum');
      assert.deepEqual([c.path, c.suggestion], [['candidates', 0, 'executor'], 'local']);
      assert.equal(only(minimalRoadmap('evaluation: { executor: cloud }\n'), 'schema/enum').suggestion, undefined);
      assert.equal(parseRoadmap(text).roadmap?.evaluation?.executor, undefined);
    });

    it('wants parallel a whole number of at least 1, and warns above 64', () => {
      for (const [value, code] of [['0', 'schema/minimum'], ['-2', 'schema/minimum'], ['1.5', 'schema/type'], ['two', 'schema/type'], ['"2"', 'schema/type']]) {
        const text = minimalRoadmap(`evaluation:\n  parallel: ${value}\n`);
        const d = only(text, code);
        assert.deepEqual([d.severity, d.path, covered(text, d)], ['error', ['evaluation', 'parallel'], value]);
        assert.equal(parseRoadmap(text).roadmap?.evaluation?.parallel, undefined);
      }
      assert.deepEqual(parseRoadmap(minimalRoadmap('evaluation: { parallel: 64 }\n')).diagnostics, []);
      const text = minimalRoadmap('evaluation:\n  parallel: 65\n');
      const d = only(text, 'semantic/parallel-high');
      assert.deepEqual([d.severity, d.path, covered(text, d)], ['warning', ['evaluation', 'parallel'], '65']);
      assert.equal(parseRoadmap(text).roadmap?.evaluation?.parallel, 65);
    });

    it('hints that parallel is unused when every candidate runs on Slurm, and only then', () => {
      const text = minimalRoadmap('candidates: [{ id: a }, { id: b }]\nevaluation:\n  executor: slurm\n  parallel: 2\n');
      const d = only(text, 'semantic/parallel-unused');
      assert.deepEqual([d.severity, covered(text, d)], ['hint', '2']);
      assert.deepEqual(parseRoadmap(CLUSTER).diagnostics, []);
      assert.deepEqual(parseRoadmap(minimalRoadmap('candidates: [{ id: a }]\nevaluation: { parallel: 2 }\n')).diagnostics, []);
      assert.deepEqual(parseRoadmap(minimalRoadmap('candidates: [{ id: a, executor: slurm }]\nevaluation: { parallel: 2 }\n')).diagnostics, []);
    });

    it('warns about unknown keys under slurm with the nearest known key', () => {
      const { d, text } = slurmProblem('partiton: gpu', 'schema/unknown-key');
      assert.deepEqual([d.severity, d.path, d.suggestion, covered(text, d)], ['warning', ['evaluation', 'slurm', 'partiton'], 'partition', 'partiton']);
      assert.match(d.message, /in 'evaluation\.slurm'/);
      const c = only(minimalRoadmap('candidates: [{ id: c, slurm: { gpu: 2 } }]\n'), 'schema/unknown-key');
      assert.deepEqual([c.path, c.suggestion], [['candidates', 0, 'slurm', 'gpu'], 'gpus']);
      assert.equal(only(minimalRoadmap('evaluation: { slurm: { nodes: 2 } }\n'), 'schema/unknown-key').suggestion, undefined);
    });

    it('reports wrong types of the slurm options, the candidate\'s included', () => {
      const cases: [string, string, (string | number)[]][] = [
        ['evaluation: { slurm: gpu }\n', 'gpu', ['evaluation', 'slurm']],
        ['evaluation: { slurm: { gpus: one } }\n', 'one', ['evaluation', 'slurm', 'gpus']],
        ['evaluation: { slurm: { cpus: 2.5 } }\n', '2.5', ['evaluation', 'slurm', 'cpus']],
        ['evaluation: { slurm: { extra: --qos=high } }\n', '--qos=high', ['evaluation', 'slurm', 'extra']],
        ['evaluation: { slurm: { setup: [a, b] } }\n', '[a, b]', ['evaluation', 'slurm', 'setup']],
        ['evaluation: { slurm: { partition: true } }\n', 'true', ['evaluation', 'slurm', 'partition']],
        ['evaluation: { executor: [slurm] }\n', '[slurm]', ['evaluation', 'executor']],
        ['candidates: [{ id: c, slurm: [gpus] }]\n', '[gpus]', ['candidates', 0, 'slurm']],
      ];
      for (const [body, shown, path] of cases) {
        const text = minimalRoadmap(body);
        const d = only(text, 'schema/type');
        assert.deepEqual([d.severity, d.path, covered(text, d)], ['error', path, shown], body);
      }
    });

    it('wants gpus a whole number >= 0 and cpus >= 1', () => {
      assert.deepEqual(only(minimalRoadmap('evaluation: { slurm: { gpus: -1 } }\n'), 'schema/minimum').path, ['evaluation', 'slurm', 'gpus']);
      assert.deepEqual(only(minimalRoadmap('evaluation: { slurm: { cpus: 0 } }\n'), 'schema/minimum').path, ['evaluation', 'slurm', 'cpus']);
      assert.deepEqual(parseRoadmap(minimalRoadmap('candidates: [{ id: c, slurm: { gpus: 0 } }]\n')).diagnostics, []);
    });

    it('accepts mem as a whole number with an optional K, M, G or T, and nothing else', () => {
      for (const mem of ['32G', '4000M', '4000', '1T', '512k', '0']) {
        assert.deepEqual(parseRoadmap(minimalRoadmap(`evaluation: { slurm: { mem: ${mem} } }\n`)).diagnostics, [], mem);
      }
      for (const mem of ['32GB', '1.5G', 'G', '-4G', '32 G', 'lots', '4G;x', '"32G\\n#SBATCH -x"']) {
        const { d, text } = slurmProblem(`mem: ${mem}`, 'schema/pattern');
        assert.deepEqual([d.severity, d.path, covered(text, d)], ['error', ['evaluation', 'slurm', 'mem'], mem], mem);
        assert.match(d.message, /not a valid mem: expected a memory size/);
        assert.equal(parseRoadmap(text).roadmap?.evaluation?.slurm?.mem, undefined);
      }
    });

    it('accepts the six Slurm time forms and nothing else', () => {
      for (const time of ['90', '"90:30"', '"02:00:00"', '"100:00:00"', '1-12', '"1-12:30"', '"2-00:00:00"']) {
        assert.deepEqual(parseRoadmap(minimalRoadmap(`evaluation: { slurm: { time: ${time} } }\n`)).diagnostics, [], time);
      }
      for (const time of ['2h', '"1:2:3:4"', '"1-"', '"-12"', '"02:00:000"', '1.5', '"1-2-3"', '"02:00:00 "', 'infinite']) {
        const { d, text } = slurmProblem(`time: ${time}`, 'schema/pattern');
        assert.deepEqual([d.severity, d.path, covered(text, d)], ['error', ['evaluation', 'slurm', 'time'], time], time);
        assert.match(d.message, /MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS/);
      }
    });

    it('rejects partition and account names that could break out of an #SBATCH line', () => {
      for (const name of ['gpu', '"gpu,cpu"', 'a100_x.1-b', '42']) {
        assert.deepEqual(parseRoadmap(minimalRoadmap(`evaluation: { slurm: { partition: ${name}, account: ${name} } }\n`)).diagnostics, [], name);
      }
      for (const key of ['partition', 'account']) {
        for (const name of ['"gpu cpu"', '"gpu\\n#SBATCH --wrap=x"', 'gpu;rm', '"$(id)"', '"`id`"', 'gpu#x', '"gpu\\t"', "'a\"b'", '"é"']) {
          const { d, text } = slurmProblem(`${key}: ${name}`, 'schema/pattern');
          assert.deepEqual([d.severity, d.path, covered(text, d)], ['error', ['evaluation', 'slurm', key], name], name);
          assert.ok(!/\n/.test(d.message), 'a line break in the value is shown escaped');
          assert.equal(parseRoadmap(text).roadmap?.evaluation?.slurm?.[key as 'partition' | 'account'], undefined);
        }
      }
    });

    it('wants each extra option to start with - and hold no line break or control character', () => {
      const good = minimalRoadmap('evaluation: { slurm: { extra: [--constraint=a100, -N1, "--comment=a b c", --exclusive] } }\n');
      assert.deepEqual(parseRoadmap(good).diagnostics, []);
      assert.deepEqual(parseRoadmap(good).roadmap?.evaluation?.slurm?.extra, ['--constraint=a100', '-N1', '--comment=a b c', '--exclusive']);
      const text = minimalRoadmap('evaluation:\n  slurm:\n    extra: [--qos=high, constraint=a100, "--a\\n#SBATCH --b", "--tab\\tx", "--ls\\u2028x"]\n');
      const bad = parseRoadmap(text).diagnostics.filter((d) => d.code === 'schema/pattern');
      assert.deepEqual(bad.map((d) => d.path), [3, 4, 5, 6].map((_, i) => ['evaluation', 'slurm', 'extra', i + 1]));
      assert.deepEqual(bad.map((d) => covered(text, d)), ['constraint=a100', '"--a\\n#SBATCH --b"', '"--tab\\tx"', '"--ls\\u2028x"']);
      assert.match(bad[0].message, /'constraint=a100' is not a valid extra: expected an sbatch option on one line, starting with -/);
      assert.deepEqual(parseRoadmap(text).roadmap?.evaluation?.slurm?.extra, ['--qos=high']);
    });

    it('takes any setup text, several lines included, but no NUL', () => {
      const block = minimalRoadmap('evaluation:\n  slurm:\n    setup: |\n      module load cuda/12\n      source .venv/bin/activate && export X="$(pwd)"\n');
      assert.deepEqual(parseRoadmap(block).diagnostics, []);
      assert.equal(parseRoadmap(block).roadmap?.evaluation?.slurm?.setup, 'module load cuda/12\nsource .venv/bin/activate && export X="$(pwd)"\n');
      const { d, text } = slurmProblem('setup: "source a\\0b"', 'schema/pattern');
      assert.deepEqual([d.path, covered(text, d)], [['evaluation', 'slurm', 'setup'], '"source a\\0b"']);
      assert.match(d.message, /'source a\\u0000b' is not a valid setup/);
    });

    it('diagnoses a candidate\'s slurm options the same way, with the candidate\'s path', () => {
      const text = minimalRoadmap('candidates:\n  - id: c\n    slurm:\n      mem: 8GB\n      time: soon\n');
      const bad = parseRoadmap(text).diagnostics;
      assert.deepEqual(bad.map((d) => [d.code, d.path, covered(text, d)]), [
        ['schema/pattern', ['candidates', 0, 'slurm', 'mem'], '8GB'],
        ['schema/pattern', ['candidates', 0, 'slurm', 'time'], 'soon'],
      ]);
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

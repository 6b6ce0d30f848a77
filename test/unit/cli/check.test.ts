import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCheck } from '../../../src/cli/check';
import { memoryIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';

const FIXTURES = path.resolve(__dirname, '../../fixtures/roadmaps');

interface JsonOutput {
  file: string;
  diagnostics: { code: string; severity: string; message: string; line: number; column: number }[];
  gate?: { target: string; passed: boolean; unmet: { id: string; message: string }[] };
}

async function run(args: string[], cwd = FIXTURES) {
  const io = memoryIo(cwd);
  const code = await runCheck(args, io);
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n'), lines: io.stdout };
}

async function runJson(args: string[], cwd = FIXTURES) {
  const r = await run([...args, '--json'], cwd);
  return { ...r, json: JSON.parse(r.stdout) as JsonOutput };
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'mlroadmap-check-'));
}

const PITFALL_FIXTURES = [
  ['one-architecture', 'warning', 0],
  ['reinventing-the-wheel', 'warning', 0],
  ['too-incremental', 'warning', 0],
  ['metric-misalignment', 'warning', 0],
  ['faulty-evaluation', 'error', 1],
] as const;

describe('mlroadmap check (CLI)', () => {
  it('prints nothing but a summary for a healthy roadmap, exit 0', async () => {
    const r = await run(['healthy.yaml']);
    assert.equal(r.code, 0);
    assert.deepEqual(r.lines, []);
    assert.equal(r.stderr, 'healthy.yaml: no problems');
  });

  for (const [name, severity, exit] of PITFALL_FIXTURES) {
    it(`reports only pitfall/${name} on its fixture, as file:line:col severity code message (exit ${exit})`, async () => {
      const r = await run([`${name}.yaml`]);
      assert.equal(r.code, exit);
      assert.ok(r.lines.length > 0);
      for (const line of r.lines) {
        const m = /^([^:]+):(\d+):(\d+) (\w+) (\S+) (.+)$/.exec(line);
        assert.ok(m, line);
        assert.equal(m[1], `${name}.yaml`);
        assert.equal(m[4], severity);
        assert.equal(m[5], `pitfall/${name}`);
      }
    });
  }

  it('points at the node a finding is about, 1-based', async () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'reinventing-the-wheel.yaml'), 'utf8').split('\n');
    const { json } = await runJson(['reinventing-the-wheel.yaml']);
    const [d] = json.diagnostics;
    assert.equal(text[d.line - 1].slice(d.column - 1), 'id: layoutlm-finetune');
    const metrics = (await runJson(['metric-misalignment.yaml'])).json.diagnostics;
    const metricsText = fs.readFileSync(path.join(FIXTURES, 'metric-misalignment.yaml'), 'utf8').split('\n');
    assert.deepEqual(
      metrics.map((x) => metricsText[x.line - 1].slice(x.column - 1)),
      ['metrics:', 'id: macro_f1'],
    );
  });

  it('looks for results files next to the roadmap, not in the working directory', async () => {
    const r = await run([path.join(FIXTURES, 'healthy.yaml')], tempDir());
    assert.equal(r.code, 0);
    const moved = tempDir();
    fs.copyFileSync(path.join(FIXTURES, 'healthy.yaml'), path.join(moved, 'mlroadmap.yaml'));
    const missing = await runJson([], moved);
    assert.equal(missing.code, 1);
    assert.deepEqual(missing.json.diagnostics.map((d) => d.message.match(/'(results\/[^']+)'/)?.[1]), ['results/majority.json']);
  });

  it('prints one JSON object with 1-based lines and columns', async () => {
    const { code, json } = await runJson(['faulty-evaluation.yaml']);
    assert.equal(code, 1);
    assert.equal(json.file, 'faulty-evaluation.yaml');
    assert.equal(json.gate, undefined);
    assert.deepEqual(
      json.diagnostics.map((d) => [d.code, d.severity, d.line, d.column]),
      [
        ['pitfall/faulty-evaluation', 'error', 40, 5],
        ['pitfall/faulty-evaluation', 'error', 53, 3],
      ],
    );
    assert.deepEqual(Object.keys(json.diagnostics[0]).sort(), ['code', 'column', 'line', 'message', 'severity']);
  });

  it('reports YAML syntax errors without pitfall noise, exit 1', async () => {
    const { code, json } = await runJson(['broken-yaml.yaml', '--gate', 'production']);
    assert.equal(code, 1);
    assert.ok(json.diagnostics.length > 0);
    assert.ok(json.diagnostics.every((d) => d.code === 'yaml/syntax'), JSON.stringify(json.diagnostics));
    assert.deepEqual(json.gate, { target: 'production', passed: false, unmet: [{ id: 'roadmap', message: 'The roadmap has YAML syntax errors.' }] });
  });

  it('reads ./mlroadmap.yaml by default, and a folder as its mlroadmap.yaml', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'mlroadmap.yaml'), 'version: 1\nproject: { name: X, phase: discovery }\n');
    const byDefault = await run([], dir);
    assert.equal(byDefault.code, 1);
    assert.match(byDefault.lines[0], /^mlroadmap\.yaml:\d+:\d+ /);
    const byFolder = await run([dir], os.tmpdir());
    assert.deepEqual(byFolder.lines, byDefault.lines.map((l) => l.replace(/^mlroadmap\.yaml/, `${path.basename(dir)}/mlroadmap.yaml`)));
  });

  it('exits 2 on a missing file', async () => {
    const r = await run(['nope.yaml']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'mlroadmap check: cannot read nope.yaml: no such file');
    assert.equal((await run([], tempDir())).code, 2);
  });

  it('exits 2 on usage errors', async () => {
    for (const args of [['--verbose'], ['--gate'], ['--gate', 'discovery'], ['--gate=prod'], ['a.yaml', 'b.yaml']]) {
      const r = await run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^mlroadmap check: .*\n\nUsage: mlroadmap check/s);
    }
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: mlroadmap check/);
  });

  describe('--gate', () => {
    it('passes the production gate at the end of Discovery, exit 0', async () => {
      const r = await run(['ready-for-production.yaml', '--gate', 'production']);
      assert.equal(r.code, 0);
      assert.deepEqual(r.lines, ['gate production: passed']);
      const { json } = await runJson(['ready-for-production.yaml', '--gate=production']);
      assert.deepEqual(json.gate, { target: 'production', passed: true, unmet: [] });
    });

    it('fails the production gate mid-Discovery with each unmet condition, exit 1 even with no error', async () => {
      const r = await run(['healthy.yaml', '--gate', 'production']);
      assert.equal(r.code, 1);
      assert.deepEqual(r.lines, [
        'gate production: not passed',
        '  - No candidate is chosen: record the architecture decision first.',
        '  - No reality check passed or was promising: check the chosen candidate in real conditions.',
      ]);
      const { json } = await runJson(['healthy.yaml', '--gate', 'production']);
      assert.deepEqual(json.gate?.unmet.map((u) => u.id), ['candidate-chosen', 'reality-check']);
    });

    it('counts a history record of the baseline as evaluated through the pipeline', async () => {
      const dir = tempDir();
      const text = fs.readFileSync(path.join(FIXTURES, 'ready-for-production.yaml'), 'utf8');
      fs.writeFileSync(path.join(dir, 'mlroadmap.yaml'), text.replace('    baseline: true\n    status: evaluated', '    baseline: true\n    status: shortlisted'));
      fs.mkdirSync(path.join(dir, 'results'));
      fs.copyFileSync(path.join(FIXTURES, 'results/tfidf-logreg.json'), path.join(dir, 'results/tfidf-logreg.json'));
      const without = await runJson(['--gate', 'production'], dir);
      assert.deepEqual(without.json.gate?.unmet.map((u) => u.id), ['baseline-evaluated']);
      fs.mkdirSync(path.join(dir, '.mlroadmap'));
      const record = { candidate: 'majority', metrics: { macro_f1: 0.2 }, source: 'results/majority.json', format: 'mlroadmap', git: null, dataset: null, command: null, recordedAt: '2026-01-01T00:00:00Z' };
      fs.writeFileSync(path.join(dir, '.mlroadmap/history.jsonl'), JSON.stringify(record) + '\n');
      const withHistory = await runJson(['--gate', 'production'], dir);
      assert.deepEqual(withHistory.json.gate, { target: 'production', passed: true, unmet: [] });
      assert.equal(withHistory.code, 0);
    });

    it('checks Production → shipped: every production step done or skipped', async () => {
      const dir = tempDir();
      const text = fs.readFileSync(path.join(FIXTURES, 'ready-for-production.yaml'), 'utf8').replace('phase: discovery', 'phase: production');
      fs.cpSync(path.join(FIXTURES, 'results'), path.join(dir, 'results'), { recursive: true });
      fs.cpSync(path.join(FIXTURES, '.mlroadmap'), path.join(dir, '.mlroadmap'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'mlroadmap.yaml'), text);
      const open = await run(['--gate', 'shipped'], dir);
      assert.equal(open.code, 1);
      assert.deepEqual(open.lines, ['gate shipped: not passed', '  - 1 production step is not done or skipped: serving/service (todo).']);
      fs.writeFileSync(path.join(dir, 'mlroadmap.yaml'), text.replace('status: todo }', 'status: done }'));
      assert.equal((await run(['--gate', 'shipped'], dir)).code, 0);
    });
  });

  it('is reachable as `mlroadmap check`', async () => {
    const io = memoryIo(FIXTURES);
    assert.equal(await main(['check', 'healthy.yaml'], io), 0);
  });
});

// `mlroadmap evaluate` and `mlroadmap jobs` on a small project: local runs (with `parallel`), and Slurm jobs on the
// real single-node test cluster (`--executor slurm --wait`), recorded in the same history with the same stamps.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { memoryIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';

const PYTHON = '/usr/bin/python3';

const EVAL_PY = `import json, sys, time
candidate, out = sys.argv[1], sys.argv[2]
started = time.time()
if candidate == "bad":
    raise ValueError("no such model: bad")
time.sleep(float(sys.argv[3]) if len(sys.argv) > 3 else 0)
with open(out, "w") as f:
    json.dump({"format": "mlroadmap-result/1", "candidate": candidate, "metrics": {"accuracy": 0.5 + len(candidate) / 100},
               "started": started, "ended": time.time()}, f)
`;

function roadmap(extra = '', sleep = '0'): string {
  return `version: 1
project:
  name: CLI evaluate
  phase: discovery
metrics:
  - id: accuracy
    kind: offline
    goal: maximize
candidates:
  - id: base
    baseline: true
    status: evaluated
  - id: wide
    status: idea
  - id: deep
    status: idea
  - id: bad
    status: idea
evaluation:
  command: \${python} eval.py \${candidate} \${results} ${sleep}
  results: results/\${candidate}.json
${extra}`;
}

const scratch: string[] = [];
function project(text: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mlroadmap-evaluate-'));
  scratch.push(root);
  fs.mkdirSync(path.join(root, 'results'));
  fs.writeFileSync(path.join(root, 'eval.py'), EVAL_PY);
  fs.writeFileSync(path.join(root, 'mlroadmap.yaml'), text);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'start');
  git('add', '-A');
  git('-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'project');
  return root;
}

function history(root: string): Record<string, unknown>[] {
  const file = path.join(root, '.mlroadmap', 'history.jsonl');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) : [];
}

async function run(root: string, ...args: string[]) {
  const io = memoryIo(root);
  const code = await main(args, io);
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

describe('mlroadmap evaluate (CLI)', function () {
  this.timeout(120_000);
  after(() => {
    for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs local candidates and records each result with the commit and the command', async () => {
    const root = project(roadmap());
    const r = await run(root, 'evaluate', 'base', 'wide', '--python', PYTHON, '--json');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { evaluations: { candidate: string; ok: boolean; recorded: boolean; executor: string }[] };
    assert.deepEqual(out.evaluations.map((e) => [e.candidate, e.executor, e.ok, e.recorded]), [
      ['base', 'local', true, true],
      ['wide', 'local', true, true],
    ]);
    const records = history(root);
    assert.deepEqual(records.map((h) => h.candidate), ['base', 'wide']);
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    assert.equal((records[0].git as { commit: string }).commit, head);
    assert.equal(records[0].command, `${PYTHON} eval.py base results/base.json 0`);
  });

  it('exits 1 when one evaluation fails, records the others, and prints the traceback on stderr', async () => {
    const root = project(roadmap());
    const r = await run(root, 'evaluate', '--all', '--python', PYTHON);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^bad {2}local {2}failed: exit code 1$/m);
    assert.match(r.stderr, /ValueError: no such model: bad/);
    assert.deepEqual(history(root).map((h) => h.candidate).sort(), ['base', 'deep', 'wide']);
  });

  it('parallel: 2 runs two local candidates at once and keeps every record', async () => {
    const root = project(roadmap('  parallel: 2\n', '1'));
    const r = await run(root, 'evaluate', 'base', 'wide', 'deep', '--python', PYTHON);
    assert.equal(r.code, 0, r.stderr);
    const spans = ['base', 'wide', 'deep'].map((c) => JSON.parse(fs.readFileSync(path.join(root, 'results', `${c}.json`), 'utf8')) as { started: number; ended: number });
    const overlaps = (a: { started: number; ended: number }, b: { started: number; ended: number }) => a.started < b.ended && b.started < a.ended;
    assert.ok(overlaps(spans[0], spans[1]), 'the first two ran at the same time');
    assert.ok(!overlaps(spans[0], spans[2]) || !overlaps(spans[1], spans[2]), 'never three at once');
    assert.equal(history(root).length, 3);
  });

  it('usage errors exit 2', async () => {
    const root = project(roadmap());
    assert.equal((await run(root, 'evaluate')).code, 2);
    assert.equal((await run(root, 'evaluate', 'base', '--all')).code, 2);
    assert.equal((await run(root, 'evaluate', 'base', '--executor', 'cloud')).code, 2);
    assert.equal((await run(root, 'evaluate', 'nope', '--python', PYTHON)).code, 2);
  });

  it('without sbatch on the machine, --executor slurm says how to reach a cluster and submits nothing', async () => {
    const root = project(roadmap());
    const cli = path.resolve(__dirname, '../../../dist/cli.js');
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'mlroadmap-no-path-'));
    scratch.push(empty);
    const r = spawnSync(process.execPath, [cli, 'evaluate', 'base', '--executor', 'slurm', '--python', PYTHON], { cwd: root, env: { ...process.env, PATH: empty }, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /sbatch was not found on this machine.*Remote-SSH/s);
    assert.equal(fs.existsSync(path.join(root, '.mlroadmap', 'jobs.jsonl')), false);
  });

  describe('on the Slurm test cluster', () => {
    before(() => {
      assert.ok(execFileSync('sinfo', ['-h', '-o', '%t']).toString().trim().length > 0, 'the test cluster answers (scripts/slurm-cluster.mjs start)');
    });

    it('--executor slurm --wait submits, waits and records every result with the submit-time commit', async () => {
      const root = project(roadmap());
      const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
      const r = await run(root, 'evaluate', 'base', 'wide', '--executor', 'slurm', '--wait', '--python', PYTHON, '--json');
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout) as { evaluations: { candidate: string; executor: string; state: string; recorded: boolean; job: string }[] };
      assert.deepEqual(out.evaluations.map((e) => [e.candidate, e.executor, e.state, e.recorded]), [
        ['base', 'slurm', 'completed', true],
        ['wide', 'slurm', 'completed', true],
      ]);
      const records = history(root);
      assert.deepEqual(records.map((h) => h.candidate).sort(), ['base', 'wide']);
      assert.ok(records.every((h) => (h.git as { commit: string }).commit === head));
      const jobs = await run(root, 'jobs', '--json');
      assert.equal(jobs.code, 0);
      const listed = (JSON.parse(jobs.stdout) as { jobs: { id: string; state: string }[] }).jobs;
      assert.deepEqual(listed.map((j) => j.id), out.evaluations.map((e) => e.job));
    });

    it('a failing job exits 1 with its state and records nothing', async () => {
      const root = project(roadmap('  executor: slurm\n'));
      const r = await run(root, 'evaluate', 'bad', '--wait', '--python', PYTHON);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /^bad {2}slurm job \d+ failed {2}failed: /m);
      assert.deepEqual(history(root), []);
    });
  });
});

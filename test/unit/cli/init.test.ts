// `mlroadmap init`: writes the same roadmap as the detector + writer with --yes, refuses without a terminal to ask,
// prints the findings with --json, and never overwrites an existing roadmap.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { memoryIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { detectProject, initialRoadmap, type Finding } from '../../../src/core/init';
import { nodeDetectInput } from '../../../src/core/init/node';
import { today } from '../../../src/core/roadmap/inputs';

const PROJECTS = path.resolve(__dirname, '../../fixtures/projects');

/** A scratch copy of a fixture project, so the command can write into it. */
const scratch: string[] = [];
function copyOf(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlroadmap-init-'));
  scratch.push(dir);
  const root = path.join(dir, name);
  fs.cpSync(path.join(PROJECTS, name), root, { recursive: true });
  return root;
}

async function run(args: string[], cwd: string, io = memoryIo(cwd)) {
  const code = await main(['init', ...args], io);
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

describe('mlroadmap init (CLI)', () => {
  after(() => {
    for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const name of ['mlflow-digits', 'dvc-churn', 'hf-sentiment', 'adr-search']) {
    it(`--yes writes the same mlroadmap.yaml as the detector and the writer (${name})`, async () => {
      const root = copyOf(name);
      const r = await run(['--dir', root, '--yes', '--problem', 'Something hurts.'], os.tmpdir());
      assert.equal(r.code, 0, r.stderr);
      const found = await detectProject(nodeDetectInput(root));
      const expected = initialRoadmap({ name, problem: 'Something hurts.', today: today() }, found.findings);
      assert.ok(expected.ok);
      assert.equal(fs.readFileSync(path.join(root, 'mlroadmap.yaml'), 'utf8'), expected.text);
      assert.match(r.stdout, new RegExp(`Wrote .*mlroadmap\\.yaml with ${found.findings.length} findings`));
      const check = await main(['check', root], memoryIo(root));
      assert.equal(check, 0, 'the written roadmap passes mlroadmap check');
    });
  }

  it('without --yes and no terminal, refuses and writes nothing', async () => {
    const root = copyOf('dvc-churn');
    const r = await run([], root);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no terminal to ask which to keep: pass --yes/);
    assert.ok(!fs.existsSync(path.join(root, 'mlroadmap.yaml')));
  });

  it('--json prints the findings with their sources and writes nothing', async () => {
    const root = copyOf('adr-search');
    const r = await run(['--json'], root);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { findings: Finding[] };
    assert.deepEqual(
      out.findings.map((f) => [f.kind, f.sources[0]]),
      [
        ['dataset', 'data/queries-test.csv'],
        ['command', 'scripts/evaluate.py'],
        ['decisions', 'docs/adr/0001-record-architecture-decisions.md'],
        ['literature', 'references.bib'],
        ['literature', 'references.bib'],
        ['literature', 'references.bib'],
        ['literature', 'README.md'],
        ['literature', 'README.md'],
      ],
    );
    assert.ok(!fs.existsSync(path.join(root, 'mlroadmap.yaml')));
  });

  it('in a terminal, asks and leaves out the numbers answered', async () => {
    const root = copyOf('adr-search');
    const questions: string[] = [];
    const io = { ...memoryIo(root), interactive: true, ask: async (q: string) => (questions.push(q), '-4,5,6,7,8') };
    const r = await run([], root, io);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(questions.length, 1);
    assert.match(r.stdout, /1\. evaluation dataset data\/queries-test\.csv[\s\S]*from data\/queries-test\.csv/);
    const text = fs.readFileSync(path.join(root, 'mlroadmap.yaml'), 'utf8');
    assert.match(text, /\ndecisions: docs\/adr/);
    assert.doesNotMatch(text, /karpukhin2020dense/, 'the literature left out is not written');
  });

  it('never overwrites an existing mlroadmap.yaml', async () => {
    const root = copyOf('hf-sentiment');
    fs.writeFileSync(path.join(root, 'mlroadmap.yaml'), 'mine\n');
    const r = await run(['--yes'], root);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /already exists: not overwritten/);
    assert.equal(fs.readFileSync(path.join(root, 'mlroadmap.yaml'), 'utf8'), 'mine\n');
  });

  it('usage errors exit 2', async () => {
    assert.equal((await run(['--dir'], os.tmpdir())).code, 2);
    assert.equal((await run(['--dir', path.join(os.tmpdir(), 'no-such-folder-mlroadmap')], os.tmpdir())).code, 2);
    assert.equal((await run(['extra'], os.tmpdir())).code, 2);
  });
});

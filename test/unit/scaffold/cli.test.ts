import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoryIo } from '../../../src/cli/io';
import { runScaffold } from '../../../src/cli/scaffold';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import { DIGITS_CSV, REPO, runPython, tempDir } from './helpers';

/** A workspace with the digits CSV in data/ and, optionally, a roadmap. */
function workspace(roadmap?: string): string {
  const dir = tempDir('cli');
  mkdirSync(join(dir, 'data'));
  copyFileSync(DIGITS_CSV, join(dir, 'data', 'digits.csv'));
  if (roadmap !== undefined) writeFileSync(join(dir, 'mlroadmap.yaml'), roadmap);
  return dir;
}

async function scaffold(cwd: string, ...args: string[]) {
  const io = memoryIo(cwd);
  const code = await runScaffold(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

const MINIMAL_ROADMAP = `version: 1
project:
  name: Churn  # keep this comment
  phase: discovery
candidates:
  - id: gbm
    title: Gradient boosting
    status: idea
`;

describe('mlroadmap scaffold', () => {
  it('writes the template into --dir and says how to run it', async () => {
    const dir = workspace();
    const r = await scaffold(dir, 'dumb', '--dir', 'baselines/majority', '--dataset', 'data/digits.csv', '--target', 'label');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Wrote the dumb baseline 'majority' \(classification, detected\)/);
    assert.match(r.out, /evaluate\.py --out results\/majority\.json/);
    for (const f of ['evaluate.py', 'tabular.py', 'mlroadmap_result.py', 'README.md', 'requirements.txt']) {
      assert.ok(existsSync(join(dir, 'baselines', 'majority', f)), f);
    }
    assert.ok(!existsSync(join(dir, 'baselines', 'majority', 'template.json')));
    const run = await runPython([join(dir, 'baselines', 'majority', 'evaluate.py'), '--out', 'r.json'], dir);
    assert.equal(run.code, 0, run.stderr);
  });

  it('exits 2 on usage errors: missing arguments, unknown template, missing column (listing the columns)', async () => {
    const dir = workspace();
    const missing = await scaffold(dir, 'dumb', '--dir', 'b');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /missing --dataset, --target/);
    assert.equal((await scaffold(dir)).code, 2);

    const unknown = await scaffold(dir, 'xgboost', '--dir', 'b', '--dataset', 'data/digits.csv', '--target', 'label');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown template 'xgboost' \(templates: dumb, pytorch, sklearn\)/);

    const column = await scaffold(dir, 'sklearn', '--dir', 'b', '--dataset', 'data/digits.csv', '--target', 'digit');
    assert.equal(column.code, 2);
    assert.match(column.err, /column 'digit' is not in the header; columns: p0, p1, p2, .*, p63, label/);

    const task = await scaffold(dir, 'dumb', '--dir', 'b', '--dataset', 'data/digits.csv', '--target', 'label', '--task', 'ranking');
    assert.equal(task.code, 2);
    const name = await scaffold(dir, 'dumb', '--dir', 'b', '--dataset', 'data/digits.csv', '--target', 'label', '--name', 'Not Valid');
    assert.equal(name.code, 2);
    assert.match(name.err, /not a valid candidate id/);
    const csv = await scaffold(dir, 'dumb', '--dir', 'b', '--dataset', 'data/none.csv', '--target', 'label');
    assert.equal(csv.code, 2);
    assert.match(csv.err, /dataset not found/);
    assert.ok(!existsSync(join(dir, 'b')), 'nothing written on usage errors');
  });

  it('exits 1 and lists the files that exist, writing nothing; --overwrite replaces them', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'b', 'README.md'), 'ours');
    const args = ['sklearn', '--dir', 'b', '--dataset', 'data/digits.csv', '--target', 'label', '--name', 'logreg'];
    const r = await scaffold(dir, ...args);
    assert.equal(r.code, 1);
    assert.match(r.err, /refusing to overwrite[\s\S]*\n {2}README\.md/);
    assert.equal(readFileSync(join(dir, 'b', 'README.md'), 'utf8'), 'ours');
    assert.ok(!existsSync(join(dir, 'b', 'evaluate.py')));
    assert.equal((await scaffold(dir, ...args, '--overwrite')).code, 0);
    assert.match(readFileSync(join(dir, 'b', 'README.md'), 'utf8'), /^# logreg: scikit-learn baseline/);
  });

  it('honours --task, --name and --seed', async () => {
    const dir = workspace();
    const r = await scaffold(dir, 'dumb', '--dir', 'x', '--dataset', 'data/digits.csv', '--target', 'p20', '--task', 'regression', '--name', 'pixel-mean', '--seed', '5');
    assert.equal(r.code, 0, r.err);
    const evaluate = readFileSync(join(dir, 'x', 'evaluate.py'), 'utf8');
    assert.match(evaluate, /^TASK = "regression"/m);
    assert.match(evaluate, /^CANDIDATE = "pixel-mean"$/m);
    assert.match(evaluate, /^SEED = 5$/m);
  });

  it('registers the candidate and, when missing, the evaluation block in --roadmap, keeping comments', async () => {
    const dir = workspace(MINIMAL_ROADMAP);
    const r = await scaffold(dir, 'dumb', '--dir', 'baselines/majority', '--dataset', 'data/digits.csv', '--target', 'label', '--roadmap', 'mlroadmap.yaml');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Added candidate 'majority'/);
    const text = readFileSync(join(dir, 'mlroadmap.yaml'), 'utf8');
    assert.ok(text.startsWith(MINIMAL_ROADMAP.split('candidates:')[0]), 'text before the candidates is unchanged');
    const { roadmap, diagnostics } = parseRoadmap(text);
    assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
    const majority = roadmap!.candidates.find((c) => c.id === 'majority');
    assert.equal(majority?.baseline, true);
    assert.equal(roadmap!.evaluation?.command, '${python} baselines/${candidate}/evaluate.py --dataset ${dataset} --out ${results}');
    assert.equal(roadmap!.evaluation?.dataset, 'data/digits.csv');
    assert.equal(roadmap!.evaluation?.results, 'results/${candidate}.json');
    assert.equal(roadmap!.evaluation?.baseline, 'majority');

    // A second baseline joins the candidates; the evaluation block stays as it is.
    const second = await scaffold(dir, 'sklearn', '--dir', 'baselines/logreg', '--dataset', 'data/digits.csv', '--target', 'label', '--roadmap', 'mlroadmap.yaml');
    assert.equal(second.code, 0, second.err);
    const after = parseRoadmap(readFileSync(join(dir, 'mlroadmap.yaml'), 'utf8')).roadmap!;
    assert.deepEqual(after.candidates.map((c) => [c.id, c.baseline]), [['gbm', false], ['majority', true], ['logreg', false]]);
    assert.equal(after.evaluation?.baseline, 'majority');

    // The registered command really runs the baseline: substitute the variables by hand.
    const run = await runPython(['baselines/majority/evaluate.py', '--dataset', 'data/digits.csv', '--out', 'results/majority.json'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(existsSync(join(dir, 'results', 'majority.json')));
  });

  it('leaves the demo roadmap untouched when the candidate is already there', async () => {
    const demo = readFileSync(join(REPO, 'examples', 'digits', 'mlroadmap.yaml'), 'utf8');
    const dir = workspace(demo);
    const r = await scaffold(dir, 'dumb', '--dir', 'baselines/majority', '--dataset', 'data/digits.csv', '--target', 'label', '--roadmap', 'mlroadmap.yaml');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Candidate 'majority' is already in/);
    assert.equal(readFileSync(join(dir, 'mlroadmap.yaml'), 'utf8'), demo);
  });
});

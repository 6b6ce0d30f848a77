// Every built-in template, scaffolded into a temporary folder and run for real with /usr/bin/python3,
// from another working directory, on the demo's digits CSV and on a small regression CSV.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planBaseline } from '../../../src/core/scaffold/baseline';
import type { Task } from '../../../src/core/scaffold/dataset';
import { findTemplate, listTemplates, loadTemplate } from '../../../src/core/scaffold/templates';
import { writePlannedFiles } from '../../../src/core/scaffold/write';
import { BUILTIN_TEMPLATES, DIGITS_CSV, REPO, requirePythonModule, runPython, tempDir, writeRegressionCsv } from './helpers';

interface Result {
  format: string;
  candidate: string;
  metrics: Record<string, number>;
  per_class?: Record<string, { f1: number }>;
  dataset: { path: string; sha256: string; rows: number };
  command: string;
  git: { commit: string | null; dirty: boolean };
  started: string;
  finished: string;
}

const LISTING = listTemplates(BUILTIN_TEMPLATES);
const root = tempDir('run-templates');
const elsewhere = tempDir('cwd');
const regressionCsv = join(root, 'data', 'houses.csv');
mkdirSync(join(root, 'data'));
writeRegressionCsv(regressionCsv);

function scaffold(template: string, dataset: string, target: string, task: Task, candidate: string): string {
  const targetDir = join(root, 'baselines', candidate);
  const plan = planBaseline({ template: loadTemplate(findTemplate(LISTING, template)!), targetDir, datasetPath: dataset, target, task, candidate });
  assert.ok(plan.ok, JSON.stringify(plan));
  assert.equal(writePlannedFiles(targetDir, plan.files).ok, true);
  return targetDir;
}

/** Run `<dir>/evaluate.py --out <json>` from an unrelated working directory and read the result. */
async function evaluate(dir: string, extra: readonly string[] = []): Promise<Result> {
  const out = join(dir, 'out', 'result.json');
  const r = await runPython([join(dir, 'evaluate.py'), '--out', out, ...extra], elsewhere);
  assert.equal(r.code, 0, `evaluate.py failed:\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(readFileSync(out, 'utf8')) as Result;
}

function checkEnvelope(result: Result, candidate: string, rows: number): void {
  assert.equal(result.format, 'mlroadmap-result/1');
  assert.equal(result.candidate, candidate);
  assert.equal(result.dataset.rows, rows);
  assert.match(result.dataset.sha256, /^[0-9a-f]{64}$/);
  assert.match(result.started, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.match(result.finished, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.equal(result.git.commit, null); // the temporary folder is no git repository
  assert.match(result.command, /evaluate\.py --out /);
}

describe('scaffold: built-in templates run for real', function () {
  this.timeout(120_000); // generous: a loaded 2-core machine makes importing torch slow
  const accuracy: Record<string, number> = {};
  const rmse: Record<string, number> = {};

  const dirs: Record<string, string> = {};
  before(async () => {
    await requirePythonModule('sklearn', 'python3-sklearn');
    await requirePythonModule('torch', 'python3-torch');
    dirs.majority = scaffold('dumb', DIGITS_CSV, 'label', 'classification', 'majority');
    dirs.mean = scaffold('dumb', regressionCsv, 'y', 'regression', 'mean');
    dirs.logreg = scaffold('sklearn', DIGITS_CSV, 'label', 'classification', 'logreg');
    dirs.ridge = scaffold('sklearn', regressionCsv, 'y', 'regression', 'ridge');
    dirs.mlp = scaffold('pytorch', DIGITS_CSV, 'label', 'classification', 'mlp');
    dirs.mlpReg = scaffold('pytorch', regressionCsv, 'y', 'regression', 'mlp-reg');
  });

  it('dumb: majority class on digits and mean on the regression CSV, standard library only', async () => {
    const digits = await evaluate(dirs.majority);
    checkEnvelope(digits, 'majority', 1797);
    assert.ok(digits.metrics.accuracy > 0.05 && digits.metrics.accuracy < 0.2, String(digits.metrics.accuracy));
    assert.ok(digits.metrics.macro_f1 >= 0 && digits.metrics.macro_f1 < 0.1);
    assert.deepEqual(Object.keys(digits.per_class!), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    accuracy.dumb = digits.metrics.accuracy;

    const houses = await evaluate(dirs.mean);
    checkEnvelope(houses, 'mean', 300);
    assert.deepEqual(Object.keys(houses.metrics).sort(), ['mae', 'rmse']);
    assert.equal(houses.per_class, undefined);
    rmse.dumb = houses.metrics.rmse;
  });

  it('dumb: runs isolated from site packages (python -I -S), with --dataset relative to the working directory', async () => {
    const dir = dirs.mean;
    const out = join(elsewhere, 'isolated.json');
    const r = await runPython(['-I', '-S', join(dir, 'evaluate.py'), '--dataset', 'houses.csv', '--out', out, '--seed', '3'], join(root, 'data'));
    assert.equal(r.code, 0, r.stderr);
    const result = JSON.parse(readFileSync(out, 'utf8')) as Result;
    assert.equal(result.dataset.path, 'houses.csv');
    assert.deepEqual(Object.keys(result.metrics).sort(), ['mae', 'rmse']);
  });

  it('fails loudly, with a Python traceback, when the CSV lacks the target column', async () => {
    const r = await runPython([join(dirs.majority, 'evaluate.py'), '--dataset', regressionCsv, '--out', join(elsewhere, 'x.json')], elsewhere);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /Traceback[\s\S]*KeyError: "column 'label' not in .*houses\.csv \(columns: id, x1, x2, colour, y\)"/);
    assert.ok(!existsSync(join(elsewhere, 'x.json')));
  });

  it('sklearn: beats the dumb baseline on digits and on the regression CSV', async () => {
    const digits = await evaluate(dirs.logreg);
    checkEnvelope(digits, 'logreg', 1797);
    assert.ok(digits.metrics.accuracy > 0.95, String(digits.metrics.accuracy));
    assert.ok(digits.metrics.macro_f1 > 0.95);
    accuracy.sklearn = digits.metrics.accuracy;
    // Same split code and seed as the demo's own evaluate.py: the same scores as its committed results.
    const demo = (id: string) => (JSON.parse(readFileSync(join(REPO, 'examples', 'digits', 'results', `${id}.json`), 'utf8')) as Result).metrics.accuracy;
    assert.ok(Math.abs(accuracy.sklearn - demo('logreg')) < 1e-4, `${accuracy.sklearn} vs demo ${demo('logreg')}`);
    assert.ok(Math.abs(accuracy.dumb - demo('majority')) < 1e-4, `${accuracy.dumb} vs demo ${demo('majority')}`);
    assert.ok(accuracy.dumb !== undefined && accuracy.dumb < accuracy.sklearn, `dumb ${accuracy.dumb} should be below sklearn ${accuracy.sklearn}`);

    const houses = await evaluate(dirs.ridge);
    checkEnvelope(houses, 'ridge', 300);
    assert.ok(houses.metrics.rmse < 1.5, `ridge rmse ${houses.metrics.rmse}`); // noise is ±0.5, the missing x2 values add some
    assert.ok(houses.metrics.rmse < rmse.dumb / 3, `ridge ${houses.metrics.rmse} vs mean ${rmse.dumb}`);
  });

  it('pytorch: trains in epochs, logs each one to JSON Lines, and beats the dumb baseline', async () => {
    const dir = dirs.mlp;
    // Both runs at once: importing torch dominates their time.
    const [digits, houses] = await Promise.all([evaluate(dir, ['--epochs', '8']), evaluate(dirs.mlpReg, ['--epochs', '30'])]);
    checkEnvelope(digits, 'mlp', 1797);
    assert.ok(digits.metrics.accuracy > 0.9, String(digits.metrics.accuracy));
    assert.ok(accuracy.dumb < digits.metrics.accuracy);
    const epochs = readFileSync(join(dir, 'out', 'result.epochs.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, number>);
    assert.deepEqual(epochs.map((e) => e.epoch), [1, 2, 3, 4, 5, 6, 7, 8]);
    for (const key of ['loss', 'val_loss', 'accuracy', 'macro_f1']) assert.equal(typeof epochs[0][key], 'number', key);
    assert.ok(epochs[7].loss < epochs[0].loss, 'the training loss goes down');

    checkEnvelope(houses, 'mlp-reg', 300);
    assert.deepEqual(Object.keys(houses.metrics).sort(), ['mae', 'rmse']);
    assert.ok(houses.metrics.rmse < rmse.dumb, `mlp rmse ${houses.metrics.rmse} vs mean ${rmse.dumb}`);
  });

  it('pytorch: --overfit-one-batch drives the loss near zero, or fails with an AssertionError when it cannot', async () => {
    // Identical features with different labels: no model can memorise them.
    const csv = join(root, 'data', 'contradictions.csv');
    writeFileSync(csv, 'x,y\n' + Array.from({ length: 40 }, (_, i) => `1,${i % 2}`).join('\n') + '\n');
    const impossible = scaffold('pytorch', csv, 'y', 'classification', 'impossible');
    const [ok, failed] = await Promise.all([
      runPython([join(dirs.mlp, 'evaluate.py'), '--overfit-one-batch', '--out', join(dirs.mlp, 'overfit.json')], elsewhere),
      runPython([join(impossible, 'evaluate.py'), '--overfit-one-batch'], elsewhere),
    ]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /overfit-one-batch: OK, loss [\d.]+ -> 0\.00\d+ in \d+ steps on 64 rows \((cpu|cuda)/);
    assert.ok(!existsSync(join(dirs.mlp, 'overfit.json')), 'the sanity check writes no result');
    assert.notEqual(failed.code, 0);
    assert.match(failed.stderr, /AssertionError: overfit-one-batch failed: loss [\d.]+ after 500 steps/);
  });
});

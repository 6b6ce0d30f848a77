import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { declaredMetricsFiles, readDvcProject } from '../../../src/core/results/dvc-reader';
import { readHuggingFace, readMetricsJson, readWandbSummary } from '../../../src/core/results/json-readers';
import { readMlflowRun } from '../../../src/core/results/mlflow-reader';
import { fixture, tempDir } from './helpers';

const RUN = fixture('mlflow', 'mlruns', '0', '4f1c2b3a9d8e4f00a1b2c3d4e5f60718');

describe('DVC metrics', () => {
  it('lists metrics files from top-level and stage metrics, with or without options', () => {
    const doc = { metrics: ['a.json'], stages: { s: { metrics: [{ 'b.json': { cache: false } }, 'a.json'] }, t: { cmd: 'x' } } };
    assert.deepEqual(declaredMetricsFiles(doc), ['a.json', 'b.json']);
    assert.deepEqual(declaredMetricsFiles('nope'), []);
  });

  it('reads each declared file once, JSON and YAML, flattening nested keys', async () => {
    const out = await readDvcProject(fixture('dvc', 'project', 'dvc.yaml'));
    assert.deepEqual(out.problems, []);
    assert.deepEqual(
      out.runs.map((r) => [path.relative(fixture('dvc'), r.source), r.format, r.runName]),
      [
        ['project/eval/metrics.json', 'dvc', 'project'],
        ['project/summary.yaml', 'dvc', 'project'],
      ],
    );
    const [json, yaml] = out.runs;
    assert.deepEqual(Object.keys(json.metrics), ['accuracy.train', 'accuracy.test', 'loss', 'confusion.tp', 'confusion.fp']);
    assert.equal(json.metrics['accuracy.test'].last, 0.91);
    assert.deepEqual(Object.keys(yaml.metrics), ['auc', 'per_split.test.recall']);
  });

  it('reports a declared file that is missing, and invalid YAML with its line', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'dvc.yaml'), 'metrics:\n  - missing.json\n');
    const out = await readDvcProject(path.join(dir, 'dvc.yaml'));
    assert.deepEqual(out.runs[0].problems.map((p) => p.message), ['file not found']);
    fs.writeFileSync(path.join(dir, 'dvc.yaml'), 'metrics:\n  - a.json\n bad: [\n');
    const bad = await readDvcProject(path.join(dir, 'dvc.yaml'));
    assert.equal(bad.runs.length, 0);
    assert.match(bad.problems[0].message, /^not valid YAML/);
    assert.equal(typeof bad.problems[0].line, 'number');
  });
});

describe('MLflow file store', () => {
  it('reads every metric file, nested keys included, with run name and candidate tags', async () => {
    const run = await readMlflowRun(RUN);
    assert.equal(run.format, 'mlflow');
    assert.equal(run.runName, 'bright-owl-42');
    assert.equal(run.candidate, 'resnet');
    assert.deepEqual(Object.keys(run.metrics), ['accuracy', 'loss', 'val/f1']);
    assert.deepEqual(run.metrics.accuracy, { last: 0.72, best: 0.74, count: 3, goal: 'maximize', step: 2, bestStep: 1 });
    assert.deepEqual(run.metrics.loss, { last: 0.85, best: 0.8, count: 3, goal: 'minimize', step: 2, bestStep: 1 });
    assert.deepEqual(
      run.problems.map((p) => [path.relative(RUN, p.source), p.line]),
      [['metrics/loss', 3]],
    );
  });
});

describe('Hugging Face Trainer output', () => {
  const dir = fixture('huggingface', 'whisper-style');

  it('combines trainer_state log history (best, count) with all_results (final values)', async () => {
    const run = await readHuggingFace(['all_results.json', 'eval_results.json', 'trainer_state.json'].map((f) => path.join(dir, f)));
    assert.deepEqual(run.problems, []);
    assert.equal(run.source, dir);
    assert.equal(run.runName, 'whisper-style');
    assert.deepEqual(run.metrics.eval_wer, { last: 0.35, best: 0.31, count: 3, goal: 'minimize', step: 300, bestStep: 200 });
    assert.equal(run.metrics.train_loss.last, 0.52);
    assert.equal(run.metrics.loss.best, 0.3);
  });

  it('reads one results file alone', async () => {
    const run = await readHuggingFace([path.join(dir, 'eval_results.json')]);
    assert.deepEqual(Object.keys(run.metrics), ['eval_loss', 'eval_wer']);
    assert.equal(run.metrics.eval_wer.step, 1.5);
  });
});

describe('W&B offline summary', () => {
  it('reads numbers and nested numbers; skips _ keys, media, text; takes the run id from the folder', async () => {
    const file = fixture('wandb', 'run-20240102_030405-abc123', 'files', 'wandb-summary.json');
    const run = await readWandbSummary(file);
    assert.equal(run.runName, 'abc123');
    assert.deepEqual(Object.keys(run.metrics), ['val_acc', 'train_loss', 'per_class.cat', 'per_class.dog']);
    assert.equal(run.metrics.val_acc.step, 4200);
    assert.deepEqual(run.problems.map((p) => p.message), ["metric 'best_val_loss': 1 non-finite value (NaN or Infinity) ignored"]);
  });
});

describe('JSON metrics files read whole', () => {
  it('refuses a file over the size limit and a binary file', async () => {
    const dir = tempDir();
    const big = path.join(dir, 'metrics.json');
    fs.writeFileSync(big, JSON.stringify({ a: 1, pad: 'x'.repeat(4096) }));
    const run = await readMetricsJson(big, { maxWholeFileBytes: 1024 });
    assert.deepEqual(run.problems.map((p) => p.message), ['is 4.0 KB, over the 1.0 KB limit for files read whole; refused']);
    const bin = path.join(dir, 'scores.json');
    fs.writeFileSync(bin, Buffer.from([0x7b, 0, 0, 0x7d]));
    assert.match((await readMetricsJson(bin)).problems[0].message, /looks binary/);
  });
});

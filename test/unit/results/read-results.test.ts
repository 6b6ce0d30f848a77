import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat, holdsJsonLines } from '../../../src/core/results/detect';
import { discoverResults } from '../../../src/core/results/discover';
import { allProblems, readResults } from '../../../src/core/results/read-results';
import { FIXTURES, fixture, tempDir } from './helpers';

describe('format detection', () => {
  it('detects by name, then by content', async () => {
    const cases: [string, string | undefined][] = [
      [fixture('mlroadmap', 'cnn.json'), 'mlroadmap'],
      [fixture('jsonl', 'train', 'metrics.jsonl'), 'jsonl'],
      [fixture('jsonl', 'detectron-style', 'metrics.json'), 'jsonl'],
      [fixture('csv', 'yolo-style', 'results.csv'), 'csv'],
      [fixture('dvc', 'project', 'dvc.yaml'), 'dvc'],
      [fixture('dvc', 'project', 'eval', 'metrics.json'), 'json'],
      [fixture('huggingface', 'whisper-style', 'trainer_state.json'), 'huggingface'],
      [fixture('wandb', 'run-20240102_030405-abc123', 'files', 'wandb-summary.json'), 'wandb'],
      [fixture('mlflow', 'mlruns', '0', '4f1c2b3a9d8e4f00a1b2c3d4e5f60718'), 'mlflow'],
      [fixture('mlflow', 'mlruns'), undefined],
      [fixture('dvc', 'project', 'summary.yaml'), undefined],
      ['/no/such/file.json', undefined],
    ];
    for (const [p, want] of cases) assert.equal(await detectFormat(p), want, p);
  });

  it('tells JSON Lines from a pretty-printed object', () => {
    assert.equal(holdsJsonLines('{"a": 1}\n{"a": 2}\n'), true);
    assert.equal(holdsJsonLines('\ufeff{"a": NaN}\n{"a": 2}'), true);
    assert.equal(holdsJsonLines('{\n  "a": 1\n}\n'), false);
    assert.equal(holdsJsonLines('{"a": 1}\n'), false);
  });
});

describe('folder search and readResults', () => {
  it('finds every fixture format (names saying results only), grouping Hugging Face files and not descending into MLflow runs', async () => {
    const found = await discoverResults(FIXTURES);
    const rel = found.targets.map((t) => [t.format, t.paths.map((p) => path.relative(FIXTURES, p)).join('+')]);
    assert.deepEqual(rel, [
      ['csv', 'csv/broken/metrics.csv'],
      ['csv', 'csv/lightning-style/metrics.csv'],
      ['csv', 'csv/yolo-style/results.csv'],
      ['dvc', 'dvc/project/dvc.yaml'],
      ['json', 'dvc/project/eval/metrics.json'],
      ['huggingface', 'huggingface/whisper-style/all_results.json+huggingface/whisper-style/eval_results.json+huggingface/whisper-style/trainer_state.json'],
      ['jsonl', 'jsonl/detectron-style/metrics.json'],
      ['jsonl', 'jsonl/train/metrics.jsonl'],
      ['mlflow', 'mlflow/mlruns/0/4f1c2b3a9d8e4f00a1b2c3d4e5f60718'],
      ['mlroadmap', 'mlroadmap/bad-fields.json'],
      ['mlroadmap', 'mlroadmap/cnn.json'],
      ['mlroadmap', 'mlroadmap/future-version.json'],
      ['wandb', 'wandb/run-20240102_030405-abc123/files/wandb-summary.json'],
    ]);
  });

  it('reads DVC-declared files once, as DVC', async () => {
    const out = await readResults([fixture('dvc')]);
    assert.deepEqual(out.runs.map((r) => [path.basename(r.source), r.format]), [
      ['metrics.json', 'dvc'],
      ['summary.yaml', 'dvc'],
    ]);
  });

  it('skips hidden folders, node_modules and data files whose names do not say results', async () => {
    const dir = tempDir();
    for (const sub of ['.mlroadmap', 'node_modules/pkg', 'data', 'logs']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
    fs.writeFileSync(path.join(dir, '.mlroadmap', 'history.jsonl'), '{"candidate":"x"}\n');
    fs.writeFileSync(path.join(dir, 'node_modules', 'pkg', 'metrics.jsonl'), '{"a":1}\n');
    fs.writeFileSync(path.join(dir, 'data', 'train.csv'), 'x,y\n1,2\n');
    fs.writeFileSync(path.join(dir, 'data', 'train.jsonl'), '{"x":1}\n');
    fs.writeFileSync(path.join(dir, 'logs', 'train_log.csv'), 'epoch,loss\n0,1\n');
    const out = await readResults([dir]);
    assert.deepEqual(out.runs.map((r) => path.relative(dir, r.source)), ['logs/train_log.csv']);
    // A file named explicitly is read whatever its name.
    const explicit = await readResults([path.join(dir, 'data', 'train.csv')]);
    assert.deepEqual(Object.keys(explicit.runs[0].metrics), ['x', 'y']);
  });

  it('reports missing paths, unknown files and empty folders, and keeps reading', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'hello');
    const out = await readResults(['/no/such/place', path.join(dir, 'notes.txt'), dir, fixture('mlroadmap', 'cnn.json')]);
    assert.deepEqual(out.problems.map((p) => p.message), [
      'no such file or folder',
      'not a results file this tool reads (by name or content)',
      'no result files found in this folder',
    ]);
    assert.deepEqual(out.runs.map((r) => r.candidate), ['cnn']);
    assert.equal(allProblems(out).length, 3);
  });

  it('stops a search at its entry budget with a warning', async () => {
    const out = await readResults([FIXTURES], { maxEntries: 5 });
    assert.ok(out.problems.some((p) => p.severity === 'warning' && /search stopped after 5 entries/.test(p.message)));
  });

  it('passes the caller candidate to every run', async () => {
    const out = await readResults([fixture('csv', 'yolo-style', 'results.csv')], { candidate: 'yolo' });
    assert.equal(out.runs[0].candidate, 'yolo');
  });
});

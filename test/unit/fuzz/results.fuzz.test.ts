// Fuzz: generated and mutated result files of every format (own format, JSON, sklearn classification report, JSON
// Lines, CSV, DVC, MLflow, Hugging Face, W&B) through each reader, the format detection and `mlroadmap results`:
// no throw, a run with metrics or a problem value, memory bounded. Fixed seed; see mutate.ts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { runResults } from '../../../src/cli/results';
import { memoryIo } from '../../../src/cli/io';
import {
  allProblems,
  readCsv,
  readDvcMetricsFile,
  readDvcProject,
  readHuggingFace,
  readJsonLines,
  readMetricsJson,
  readMlflowRun,
  readOwnResultFile,
  readResults,
  readWandbSummary,
  type ResultProblem,
  type RunResult,
} from '../../../src/core/results';
import { FUZZ_SEED, HEAP_GROWTH_BOUND, heapUsed, mutate, mutations } from './mutate';

const FIXTURES = path.resolve(__dirname, '../../fixtures/results');
const fixture = (p: string): string => fs.readFileSync(path.join(FIXTURES, p), 'utf8');
const MLFLOW_RUN = 'mlflow/mlruns/0/4f1c2b3a9d8e4f00a1b2c3d4e5f60718';

type Family = 'own' | 'json' | 'huggingface' | 'wandb' | 'jsonl' | 'csv' | 'dvc-metrics' | 'dvc-project' | 'mlflow' | 'detect';

const SEEDS: Record<Family, readonly string[]> = {
  own: ['mlroadmap/cnn.json', 'mlroadmap/bad-fields.json', 'mlroadmap/future-version.json'].map(fixture),
  json: ['jsonl/detectron-style/metrics.json', 'sklearn/classification_report.json', 'sklearn/multilabel_report.json', 'dvc/project/eval/metrics.json'].map(fixture),
  huggingface: ['huggingface/whisper-style/eval_results.json', 'huggingface/whisper-style/all_results.json', 'huggingface/whisper-style/trainer_state.json'].map(fixture),
  wandb: [fixture('wandb/run-20240102_030405-abc123/files/wandb-summary.json')],
  jsonl: ['jsonl/train/metrics.jsonl', 'jsonl/malformed.jsonl'].map(fixture),
  csv: ['csv/broken/metrics.csv', 'csv/lightning-style/metrics.csv', 'csv/yolo-style/results.csv'].map(fixture),
  'dvc-metrics': ['dvc/project/summary.yaml', 'dvc/project/eval/metrics.json'].map(fixture),
  'dvc-project': [fixture('dvc/project/dvc.yaml')],
  mlflow: [`${MLFLOW_RUN}/metrics/loss`, `${MLFLOW_RUN}/metrics/accuracy`, `${MLFLOW_RUN}/meta.yaml`].map(fixture),
  detect: ['mlroadmap/cnn.json', 'jsonl/train/metrics.jsonl', 'csv/yolo-style/results.csv', 'sklearn/classification_report.json', 'dvc/project/summary.yaml'].map(fixture),
};
const FAMILIES = Object.keys(SEEDS) as Family[];

/** Generated texts besides the mutated fixtures: any JSON, metric-shaped JSON, JSON Lines, CSV grids. */
const metricName = fc.constantFrom('loss', 'accuracy', 'f1', 'val/loss', 'eval_f1', 'step', 'epoch', 'format', 'metrics', 'candidate', 'per_class', '', 'x y', '__proto__', 'constructor');
const metricValue = fc.oneof(fc.double(), fc.integer(), fc.string({ maxLength: 6 }), fc.constant(null), fc.boolean(), fc.array(fc.double(), { maxLength: 3 }));
const metricObject = fc.dictionary(metricName, fc.oneof(metricValue, fc.dictionary(metricName, metricValue, { maxKeys: 4 })), { maxKeys: 8 });
const cell = fc.oneof(fc.double().map(String), fc.integer().map(String), fc.string({ maxLength: 6 }), fc.constantFrom('', '"', '""', 'nan', 'inf', '1e309', ',', '\n'));
const generated: fc.Arbitrary<string> = fc.oneof(
  fc.json({ maxDepth: 4 }),
  metricObject.map((o) => JSON.stringify(o)),
  metricObject.map((o) => JSON.stringify({ format: 'mlroadmap-result/1', candidate: 'c', metrics: o, per_class: o })),
  fc.array(metricObject, { maxLength: 6 }).map((os) => os.map((o) => JSON.stringify(o)).join('\n')),
  fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 }).map((rows) => rows.map((r) => r.join(',')).join('\n')),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

const caseArb = fc.record({
  family: fc.constantFrom(...FAMILIES),
  seed: fc.nat(),
  ms: mutations,
  fresh: fc.boolean(),
  generatedText: generated,
});

function checkProblem(p: ResultProblem): void {
  assert.equal(typeof p.source, 'string');
  assert.ok(typeof p.message === 'string' && p.message.length > 0, 'empty problem message');
  assert.ok(p.severity === 'error' || p.severity === 'warning', `severity ${String(p.severity)}`);
  if (p.line !== undefined) assert.ok(Number.isInteger(p.line) && p.line >= 1, `line ${p.line}`);
}

function checkRun(run: RunResult): void {
  assert.equal(typeof run.metrics, 'object');
  assert.ok(Array.isArray(run.problems));
  for (const [name, m] of Object.entries(run.metrics)) {
    assert.equal(typeof name, 'string');
    for (const v of [m.last, m.best]) assert.ok(typeof v === 'number' && !Number.isNaN(v), `${name}: ${v}`);
    assert.ok(Number.isInteger(m.count) && m.count >= 1, `${name}: count ${m.count}`);
  }
  run.problems.forEach(checkProblem);
}

/** Writes the case's file(s) into a fresh folder and reads them with the family's reader. */
async function readCase(root: string, family: Family, text: string): Promise<readonly RunResult[]> {
  const dir = fs.mkdtempSync(path.join(root, 'c-'));
  const write = (rel: string, content: string): string => {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
    return p;
  };
  try {
    switch (family) {
      case 'own':
        return [await readOwnResultFile(write('result.json', text))];
      case 'json':
        return [await readMetricsJson(write('metrics.json', text))];
      case 'huggingface':
        return [await readHuggingFace([write('eval_results.json', text), write('trainer_state.json', text)])];
      case 'wandb':
        return [await readWandbSummary(write('files/wandb-summary.json', text))];
      case 'jsonl':
        return [await readJsonLines(write('metrics.jsonl', text))];
      case 'csv':
        return [await readCsv(write('metrics.csv', text))];
      case 'dvc-metrics':
        return [await readDvcMetricsFile(write('metrics.yaml', text))];
      case 'dvc-project': {
        write('eval/metrics.json', text);
        write('summary.yaml', text);
        const dvc = await readDvcProject(write('dvc.yaml', text));
        dvc.problems.forEach(checkProblem);
        return dvc.runs;
      }
      case 'mlflow':
        write('meta.yaml', text);
        write('metrics/loss', text);
        write('metrics/val/f1', text);
        write('tags/mlflow.runName', text);
        return [await readMlflowRun(dir)];
      case 'detect': {
        const names = ['results.json', 'metrics.jsonl', 'results.csv', 'summary.txt', 'dvc.yaml'];
        const out = await readResults([write(names[text.length % names.length], text), dir]);
        allProblems(out).forEach(checkProblem);
        return out.runs;
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('fuzz: result files through every reader and `mlroadmap results`', function () {
  this.timeout(60_000);
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'mlroadmap-fuzz-results-'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('9,800 generated and mutated files across the ten readers: no throw, metrics or a problem, heap bounded', async () => {
    const before = heapUsed();
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ family, seed, ms, fresh, generatedText }) => {
        const seeds = SEEDS[family];
        const text = fresh ? mutate(generatedText, ms.slice(0, 1)) : mutate(seeds[seed % seeds.length], ms);
        const runs = await readCase(root, family, text);
        runs.forEach(checkRun);
      }),
      { seed: FUZZ_SEED, numRuns: 9800 },
    );
    const growth = heapUsed() - before;
    assert.ok(growth < HEAP_GROWTH_BOUND, `heap grew ${Math.round(growth / 1e6)} MB`);
  });

  it('200 mutated files through `mlroadmap results --json`: exit 0, 1 or 2, JSON out, no throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FAMILIES), fc.nat(), mutations, async (family, seed, ms) => {
        const seeds = SEEDS[family];
        const dir = fs.mkdtempSync(path.join(root, 'cli-'));
        const names = ['results.json', 'metrics.jsonl', 'results.csv', 'summary.yaml'];
        fs.writeFileSync(path.join(dir, names[seed % names.length]), mutate(seeds[seed % seeds.length], ms));
        try {
          const io = memoryIo(dir);
          const code = await runResults([dir, '--json'], io);
          assert.ok([0, 1, 2].includes(code), `exit ${code}`);
          if (code !== 2) JSON.parse(io.stdout.join('\n'));
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }),
      { seed: FUZZ_SEED, numRuns: 200 },
    );
  });
});

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { historyRecordFromRun, readHistory, serializeHistoryRecord, toHistoryRecord, type HistoryRecord } from '../../../src/core/results/history';
import { readMetricsJson, readOwnResultFile } from '../../../src/core/results/json-readers';
import { capPerClass, classificationReport, MAX_PER_CLASS_CLASSES, MAX_PER_CLASS_METRICS } from '../../../src/core/results/per-class';
import { readResults } from '../../../src/core/results/read-results';
import { runDetail } from '../../../src/core/views/review';
import { fixture, tempDir } from './helpers';

const STAMPS = { source: 'results/x.json', git: null, dataset: null, command: null, recordedAt: '2026-01-01T00:00:00.000Z' };

describe('per-class metrics', () => {
  it("reads scikit-learn's classification_report(output_dict=True): accuracy and the averages are metrics, the classes a table", async () => {
    const out = await readResults([fixture('sklearn', 'classification_report.json')], { candidate: 'logreg' });
    assert.equal(out.runs.length, 1);
    const run = out.runs[0]!;
    assert.equal(run.format, 'json');
    assert.deepEqual(Object.keys(run.metrics), [
      'accuracy',
      'macro avg.precision',
      'macro avg.recall',
      'macro avg.f1-score',
      'macro avg.support',
      'weighted avg.precision',
      'weighted avg.recall',
      'weighted avg.f1-score',
      'weighted avg.support',
    ]);
    assert.equal(run.metrics.accuracy!.last, 0.90625);
    assert.deepEqual(Object.keys(run.perClass!.classes), ['setosa', 'versicolor', 'virginica']);
    assert.deepEqual(run.perClass!.classes.versicolor, { precision: 0.9, recall: 0.8181818181818182, 'f1-score': 0.8571428571428572, support: 11 });
    assert.equal(run.perClass!.cut, undefined);
    assert.deepEqual(run.problems, []);
  });

  it('reads a multilabel report (micro and samples averages, no accuracy)', async () => {
    const run = await readMetricsJson(fixture('sklearn', 'multilabel_report.json'));
    assert.deepEqual(Object.keys(run.perClass!.classes), ['0', '1']);
    assert.ok('micro avg.f1-score' in run.metrics && 'samples avg.f1-score' in run.metrics);
    assert.ok(!('0.precision' in run.metrics));
  });

  it('leaves other JSON objects alone: no average row, an unknown key or a text value is no report', () => {
    assert.equal(classificationReport({ a: { precision: 1 }, b: { precision: 0.5 } }), undefined, 'no average');
    assert.equal(classificationReport({ a: { precision: 1, auc: 0.3 }, 'macro avg': { precision: 1 } }), undefined, 'unknown key');
    assert.equal(classificationReport({ a: { precision: '1' }, 'macro avg': { precision: 1 } }), undefined, 'text');
    assert.equal(classificationReport({ accuracy: 0.9, 'macro avg': { precision: 1 } }), undefined, 'no class');
    assert.equal(classificationReport({ loss: 0.2, 'macro avg': { precision: 1 }, a: { recall: 1 } }), undefined, 'another number');
  });

  it("reads the own format's per_class into the run's table, apart from its metrics", async () => {
    const run = await readOwnResultFile(fixture('mlroadmap', 'cnn.json'));
    assert.deepEqual(run.perClass, { classes: { cat: { f1: 0.91 }, dog: { f1: 0.864 } } });
    assert.deepEqual(Object.keys(run.metrics), ['accuracy', 'f1', 'latency_ms']);
  });

  it('an invalid per_class is reported with its field path and the rest kept', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.json');
    fs.writeFileSync(file, JSON.stringify({ format: 'mlroadmap-result/1', candidate: 'cnn', metrics: { accuracy: 0.9 }, per_class: { cat: { f1: 'high', recall: 0.5 }, dog: 3 } }));
    const run = await readOwnResultFile(file);
    assert.deepEqual(run.perClass, { classes: { cat: { recall: 0.5 } } });
    assert.deepEqual(run.problems.map((p) => p.message), ['"per_class.cat.f1" must be a finite number, got the string "high"', '"per_class.dog" must be an object of metric name -> number']);
  });

  it(`caps a run at ${MAX_PER_CLASS_CLASSES} classes × ${MAX_PER_CLASS_METRICS} metrics and says what was left out`, async () => {
    const classes: Record<string, Record<string, number>> = {};
    for (let c = 0; c < MAX_PER_CLASS_CLASSES + 5; c++) {
      const row: Record<string, number> = {};
      for (let m = 0; m < MAX_PER_CLASS_METRICS + (c === 0 ? 3 : 0); m++) row[`m${m}`] = c + m / 100;
      classes[`class ${c}`] = row;
    }
    const capped = capPerClass(classes)!;
    assert.equal(Object.keys(capped.classes).length, MAX_PER_CLASS_CLASSES);
    assert.equal(Object.keys(capped.classes['class 0']!).length, MAX_PER_CLASS_METRICS);
    assert.deepEqual(capped.cut, { classes: 5, metrics: 3 });
    const dir = tempDir();
    const file = path.join(dir, 'big.json');
    fs.writeFileSync(file, JSON.stringify({ format: 'mlroadmap-result/1', candidate: 'cnn', metrics: { accuracy: 0.9 }, per_class: classes }));
    const run = await readOwnResultFile(file);
    assert.deepEqual(run.perClass?.cut, { classes: 5, metrics: 3 });
    assert.deepEqual(
      run.problems.map((p) => [p.severity, p.message]),
      [['warning', 'per-class values cut to 1000 classes × 50 metrics: 5 more classes and 3 more metric names left out']],
    );
  });

  it('carries perClass on the history record through history.jsonl; records without it stay as they were', async () => {
    const run = await readMetricsJson(fixture('sklearn', 'classification_report.json'));
    const rec = historyRecordFromRun(run, STAMPS, 'logreg')!;
    assert.deepEqual(Object.keys(rec.perClass!.classes), ['setosa', 'versicolor', 'virginica']);
    const old: HistoryRecord = { candidate: 'cnn', metrics: { accuracy: 0.5 }, format: 'mlroadmap', ...STAMPS };
    assert.ok(!serializeHistoryRecord(old).includes('perClass'), 'no field when there are no per-class values');
    const read = await readHistory(Readable.from([serializeHistoryRecord(rec), serializeHistoryRecord(old)]));
    assert.deepEqual(read.problems, []);
    assert.deepEqual(read.records[0], rec);
    assert.deepEqual(read.records[1], old);
  });

  it('a malformed perClass in a history line is dropped, the record kept; a cut it says is kept and added to', () => {
    const base = { candidate: 'cnn', metrics: { accuracy: 0.5 }, recordedAt: '2026-01-01T00:00:00.000Z' };
    for (const bad of [null, 3, 'x', { classes: [] }, { classes: { a: 'b' } }]) {
      const rec = toHistoryRecord({ ...base, perClass: bad });
      assert.ok(typeof rec !== 'string' && rec.perClass === undefined, JSON.stringify(bad));
    }
    const rec = toHistoryRecord({ ...base, perClass: { classes: { a: { f1: 1, bad: 'x' } }, cut: { classes: 2, metrics: -1 } } });
    assert.ok(typeof rec !== 'string');
    assert.deepEqual(rec.perClass, { classes: { a: { f1: 1 } }, cut: { classes: 2, metrics: 0 } });
  });

  it("a history read keeps the latest records' per-class values within its budget; older ones keep only their count", async () => {
    const line = (i: number, classes: number) =>
      serializeHistoryRecord({
        candidate: 'cnn',
        metrics: { accuracy: i },
        format: 'mlroadmap',
        ...STAMPS,
        recordedAt: new Date(Date.UTC(2026, 0, 1, i)).toISOString(),
        perClass: { classes: Object.fromEntries(Array.from({ length: classes }, (_, c) => [`c${c}`, { f1: c / 100, recall: 0.5 }])) },
      });
    // 4 records of 10 classes × 2 metrics (20 values each), a budget of 50 values: the two latest keep theirs.
    const read = await readHistory(Readable.from([line(0, 10), line(1, 10), line(2, 10), line(3, 10)]), 'h', 50);
    assert.deepEqual(
      read.records.map((r) => [r.perClass?.elided, Object.keys(r.perClass?.classes ?? {}).length]),
      [
        [20, 0],
        [20, 0],
        [undefined, 10],
        [undefined, 10],
      ],
    );
    assert.match(runDetail(read.records, 'run-0').note ?? '', /^run-0 \(cnn\) has 20 per-class values, not kept in memory/);
    assert.equal(runDetail(read.records, 'run-3').perClass?.rows.length, 10);
  });
});

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { readCsv } from '../../../src/core/results/csv-reader';
import { fixture, tempDir } from './helpers';

describe('CSV reader', () => {
  it('trims padded headers and values (YOLO results.csv)', async () => {
    const run = await readCsv(fixture('csv', 'yolo-style', 'results.csv'));
    assert.deepEqual(run.problems, []);
    assert.deepEqual(Object.keys(run.metrics), ['train/box_loss', 'metrics/precision(B)', 'metrics/mAP50(B)', 'val/box_loss']);
    assert.deepEqual(run.metrics['metrics/precision(B)'], { last: 0.3102, best: 0.3439, count: 3, goal: 'maximize', step: 2, bestStep: 1 });
    assert.deepEqual(run.metrics['val/box_loss'], { last: 2.1004, best: 2.1004, count: 3, goal: 'minimize', step: 2, bestStep: 2 });
  });

  it('skips empty cells of sparse rows (Lightning CSVLogger) and uses step over epoch', async () => {
    const run = await readCsv(fixture('csv', 'lightning-style', 'metrics.csv'));
    assert.deepEqual(run.problems, []);
    assert.deepEqual(run.metrics.train_loss, { last: 0.08, best: 0.08, count: 4, goal: 'minimize', step: 199, bestStep: 199 });
    assert.deepEqual(run.metrics.val_accuracy, { last: 0.97, best: 0.97, count: 2, goal: 'maximize', step: 199, bestStep: 199 });
    assert.deepEqual(run.metrics.test_loss, { last: 0.12, best: 0.12, count: 1, goal: 'minimize', step: 199, bestStep: 199 });
  });

  it('reports rows with the wrong number of fields and broken quoting, by line, and reads the rest', async () => {
    const run = await readCsv(fixture('csv', 'broken', 'metrics.csv'));
    const errors = run.problems.filter((p) => p.severity === 'error').map((p) => [p.line, p.message]);
    assert.deepEqual(errors.slice(0, 2), [
      [3, 'row has 4 fields, the header has 3; skipped'],
      [4, 'row has 2 fields, the header has 3; skipped'],
    ]);
    assert.equal(errors.length, 3);
    assert.match(String(errors[2][1]), /malformed CSV/);
    assert.deepEqual(run.metrics.loss, { last: 0.9, best: 0.9, count: 1, goal: 'minimize', step: 0, bestStep: 0 });
    assert.deepEqual(run.metrics.accuracy, { last: 0.65, best: 0.65, count: 2, goal: 'maximize', step: 3, bestStep: 3 });
    assert.ok(run.problems.some((p) => p.severity === 'warning' && p.message === "metric 'loss': 1 non-finite value (NaN or Infinity) ignored"));
  });

  it('reads a stream with a BOM, and reports an empty input', async () => {
    const run = await readCsv(Readable.from(['\ufeffstep,acc\n1,0.5\n2,0.7\n']), { source: 'piped.csv' });
    assert.deepEqual(run.metrics.acc, { last: 0.7, best: 0.7, count: 2, goal: 'maximize', step: 2, bestStep: 2 });
    const empty = await readCsv(Readable.from(['']), { source: 'empty.csv' });
    assert.deepEqual(empty.problems.map((p) => p.message), ['empty file: no header row']);
  });

  it('stops at a record over the size limit, keeping the values before it', async () => {
    const run = await readCsv(Readable.from([`step,loss,note\n1,0.5,ok\n2,0.4,${'x'.repeat(500)}\n3,0.3,ok\n`]), { maxLineBytes: 100, source: 's.csv' });
    assert.equal(run.metrics.loss.count, 1);
    assert.equal(run.problems.length, 1);
    assert.equal(run.problems[0].line, 3);
    assert.match(run.problems[0].message, /^malformed CSV: Max Record Size/);
  });

  it('refuses a binary file', async () => {
    const file = path.join(tempDir(), 'results.csv');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64)]));
    const run = await readCsv(file);
    assert.equal(run.problems.length, 1);
    assert.match(run.problems[0].message, /looks binary/);
  });
});

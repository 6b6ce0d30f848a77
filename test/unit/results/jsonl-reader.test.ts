import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { readJsonLines } from '../../../src/core/results/jsonl-reader';
import { goalOfFromMetrics } from '../../../src/core/results/metric-names';
import { fixture, tempDir } from './helpers';

describe('JSON Lines reader', () => {
  it('summarises last and best per metric following each goal, with steps', async () => {
    const run = await readJsonLines(fixture('jsonl', 'train', 'metrics.jsonl'));
    assert.equal(run.format, 'jsonl');
    assert.equal(run.runName, 'train');
    assert.deepEqual(Object.keys(run.metrics), ['loss', 'accuracy', 'lr', 'val.loss', 'val.accuracy']);
    assert.deepEqual(run.metrics.loss, { last: 0.6, best: 0.6, count: 4, goal: 'minimize', step: 500, bestStep: 500 });
    assert.deepEqual(run.metrics.accuracy, { last: 0.73, best: 0.74, count: 5, goal: 'maximize', step: 500, bestStep: 400 });
    assert.deepEqual(run.metrics['val.loss'], { last: 0.75, best: 0.75, count: 2, goal: 'minimize', step: 500, bestStep: 500 });
    // Python's NaN is read, counted apart and reported as a warning; text and booleans are not metrics.
    assert.deepEqual(run.problems, [
      { source: fixture('jsonl', 'train', 'metrics.jsonl'), severity: 'warning', message: "metric 'loss': 1 non-finite value (NaN or Infinity) ignored" },
    ]);
    assert.equal(run.metrics.note, undefined);
    assert.equal(run.metrics.epoch, undefined);
  });

  it('lets the caller decide goals', async () => {
    const run = await readJsonLines(fixture('jsonl', 'train', 'metrics.jsonl'), { goalOf: goalOfFromMetrics([{ id: 'accuracy', goal: 'minimize' }]) });
    assert.equal(run.metrics.accuracy.best, 0.55);
  });

  it('reports malformed rows with their 1-based line and reads the rest', async () => {
    const run = await readJsonLines(fixture('jsonl', 'malformed.jsonl'));
    assert.deepEqual(
      run.problems.map((p) => [p.line, p.severity]),
      [
        [3, 'error'],
        [4, 'error'],
      ],
    );
    assert.match(run.problems[0].message, /^not valid JSON/);
    assert.match(run.problems[1].message, /expected a JSON object/);
    assert.deepEqual(run.metrics.loss, { last: 0.6, best: 0.5, count: 4, goal: 'minimize', step: 6, bestStep: 5 });
  });

  it('reads a .json file that holds JSON Lines (detectron2 style)', async () => {
    const run = await readJsonLines(fixture('jsonl', 'detectron-style', 'metrics.json'));
    assert.deepEqual(run.problems, []);
    assert.deepEqual(run.metrics.total_loss, { last: 1.7, best: 1.7, count: 3, goal: 'minimize', step: 59, bestStep: 59 });
    assert.equal(run.metrics['fast_rcnn/cls_accuracy'].best, 0.35);
  });

  it('reads a stream, CRLF line ends and a missing final newline', async () => {
    const run = await readJsonLines(Readable.from(['{"step":1,"acc":0.5}\r\n{"st', 'ep":2,"acc":0.4}\r\n', '{"step":3,"acc":0.45}']), { source: 'piped' });
    assert.equal(run.source, 'piped');
    assert.deepEqual(run.problems, []);
    assert.deepEqual(run.metrics.acc, { last: 0.45, best: 0.5, count: 3, goal: 'maximize', step: 3, bestStep: 1 });
  });

  it('refuses a binary file with a clear message', async () => {
    const file = path.join(tempDir(), 'model.jsonl');
    fs.writeFileSync(file, Buffer.from([0x7b, 0x00, 0x01, 0x02, 0x0a, 0x7b, 0x7d]));
    const run = await readJsonLines(file);
    assert.equal(run.problems.length, 1);
    assert.match(run.problems[0].message, /looks binary .*refused/);
    assert.deepEqual(run.metrics, {});
  });

  it('skips a line over the length limit and keeps reading', async () => {
    const file = path.join(tempDir(), 'long.jsonl');
    fs.writeFileSync(file, `{"loss": 1}\n{"blob": "${'x'.repeat(5000)}"}\n{"loss": 0.5}\n`);
    const run = await readJsonLines(file, { maxLineBytes: 1000 });
    assert.deepEqual(
      run.problems.map((p) => [p.line, p.message]),
      [[2, 'line longer than 1000 B; skipped']],
    );
    assert.equal(run.metrics.loss.count, 2);
  });

  it('reports a missing file as a problem, never throwing', async () => {
    const run = await readJsonLines('/no/such/metrics.jsonl');
    assert.deepEqual(run.problems.map((p) => p.message), ['file not found']);
  });

  it('caps the problems kept for a file of garbage', async () => {
    const file = path.join(tempDir(), 'garbage.jsonl');
    fs.writeFileSync(file, 'nope\n'.repeat(500));
    const run = await readJsonLines(file);
    assert.equal(run.problems.length, 101);
    assert.equal(run.problems[100].message, '... and 400 more problems not listed');
  });

  it('streams a generated 200,000-row file with correct figures', async function () {
    this.timeout(20000);
    const file = path.join(tempDir(), 'big.jsonl');
    const fd = fs.openSync(file, 'w');
    let chunk = '';
    for (let i = 1; i <= 200_000; i++) {
      chunk += `{"step": ${i}, "loss": ${1 / i}, "accuracy": ${(i % 1000) / 1000}}\n`;
      if (i % 10_000 === 0) {
        fs.writeSync(fd, chunk);
        chunk = '';
      }
    }
    fs.closeSync(fd);
    const run = await readJsonLines(file);
    assert.deepEqual(run.problems, []);
    assert.deepEqual(run.metrics.loss, { last: 1 / 200_000, best: 1 / 200_000, count: 200_000, goal: 'minimize', step: 200_000, bestStep: 200_000 });
    assert.deepEqual(run.metrics.accuracy, { last: 0, best: 0.999, count: 200_000, goal: 'maximize', step: 200_000, bestStep: 999 });
  });
});

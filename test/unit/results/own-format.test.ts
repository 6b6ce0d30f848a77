import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readOwnResultFile } from '../../../src/core/results/json-readers';
import { OWN_FORMAT_ID, serializeOwnResult, validateOwnResult, writeOwnResult, type OwnResult } from '../../../src/core/results/own-format';
import { fixture, tempDir } from './helpers';

describe('own result format mlroadmap-result/1', () => {
  it('reads a complete result with per-class and per-slice metrics', async () => {
    const run = await readOwnResultFile(fixture('mlroadmap', 'cnn.json'));
    assert.deepEqual(run.problems, []);
    assert.equal(run.format, 'mlroadmap');
    assert.equal(run.candidate, 'cnn');
    assert.deepEqual(Object.keys(run.metrics), ['accuracy', 'f1', 'latency_ms']);
    assert.deepEqual(run.metrics.accuracy, { last: 0.912, best: 0.912, count: 1, goal: 'maximize' });
    assert.equal(run.metrics.latency_ms.goal, 'minimize');
    assert.equal(run.record?.per_class?.dog.f1, 0.864);
    assert.equal(run.record?.slices?.night.accuracy, 0.85);
    assert.equal(run.record?.dataset?.rows, 2000);
    assert.deepEqual(run.record?.git, { commit: '3f2a9c1d7e0b', dirty: false });
  });

  it('reports each bad field clearly and keeps the good ones', async () => {
    const run = await readOwnResultFile(fixture('mlroadmap', 'bad-fields.json'));
    const messages = run.problems.map((p) => `${p.severity}: ${p.message}`);
    assert.deepEqual(messages.sort(), [
      'error: "dataset.sha256" must be 64 lower-case hex digits',
      'error: "git" must be {"commit": "<hex sha>", "dirty": true|false}',
      'error: "metrics.auc" must be a finite number, got null',
      'error: "metrics.f1" must be a finite number, got the string "high"',
      'error: "started" must be an ISO 8601 date-time string',
      'warning: unknown field "owner" ignored',
    ]);
    assert.equal(run.candidate, 'rnn');
    assert.deepEqual(Object.keys(run.metrics), ['accuracy']);
    assert.equal(run.record?.dataset, undefined);
  });

  it('refuses another version of the format and a missing candidate', () => {
    assert.deepEqual(validateOwnResult({ format: 'mlroadmap-result/2', candidate: 'x', metrics: {} }).errors, [
      "format 'mlroadmap-result/2' is not supported; this version reads 'mlroadmap-result/1'",
    ]);
    const v = validateOwnResult({ format: OWN_FORMAT_ID, metrics: { a: 1 } });
    assert.equal(v.result, undefined);
    assert.match(v.errors[0], /"candidate" must be a non-empty string/);
    assert.match(validateOwnResult({ format: OWN_FORMAT_ID, candidate: 'c', metrics: [1] }).errors[0], /"metrics" must be an object/);
    assert.match(
      validateOwnResult({ format: OWN_FORMAT_ID, candidate: 'c', metrics: {}, started: '2025-01-02T00:00:00Z', finished: '2025-01-01T00:00:00Z' }).errors[0],
      /"finished" is before "started"/,
    );
  });

  it('writes a file that reads back identically, atomically, creating the folder', async () => {
    const dir = tempDir();
    const result: OwnResult = {
      format: OWN_FORMAT_ID,
      candidate: 'vit',
      metrics: { accuracy: 0.95 },
      dataset: { path: 'd.csv', sha256: 'a'.repeat(64) },
      git: { commit: 'abcdef1', dirty: true },
      started: '2025-01-01T00:00:00Z',
      finished: '2025-01-01T00:01:00Z',
    };
    const file = path.join(dir, 'results', 'vit.json');
    await writeOwnResult(file, result);
    assert.equal(fs.readFileSync(file, 'utf8'), serializeOwnResult(result));
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['vit.json']);
    const run = await readOwnResultFile(file);
    assert.deepEqual(run.record, result);
    await assert.rejects(writeOwnResult(file, { ...result, metrics: { accuracy: NaN } }), /"metrics.accuracy" must be a finite number/);
  });

  it('reports invalid JSON with its line', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.json');
    fs.writeFileSync(file, '{\n  "format": "mlroadmap-result/1",\n  "candidate": "x",\n  "metrics": {"a": 1,}\n}\n');
    const run = await readOwnResultFile(file);
    assert.equal(run.problems.length, 1);
    assert.equal(run.problems[0].line, 4);
    assert.match(run.problems[0].message, /^not valid JSON/);
  });
});

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { fingerprintFile, type FingerprintCache } from '../../../src/core/results/fingerprint';
import { historyRecordFromRun, latestByCandidate, readHistory, serializeHistoryRecord, type DatasetFingerprint, type HistoryRecord } from '../../../src/core/results/history';
import { readOwnResultFile } from '../../../src/core/results/json-readers';
import { fixture, tempDir } from './helpers';

function record(candidate: string, recordedAt: string, accuracy: number): HistoryRecord {
  return { candidate, metrics: { accuracy }, source: 'results/x.json', format: 'mlroadmap', git: { commit: 'abc1234', dirty: false }, dataset: null, command: 'python eval.py', recordedAt };
}

describe('evaluation history', () => {
  it('builds a record from a run and round-trips it through history.jsonl', async () => {
    const run = await readOwnResultFile(fixture('mlroadmap', 'cnn.json'));
    const rec = historyRecordFromRun(run, {
      source: 'results/cnn.json',
      git: { commit: 'deadbeef', dirty: true },
      dataset: { path: 'data/test.csv', sha256: 'b'.repeat(64), size: 10, mtimeMs: 5 },
      command: 'python eval.py --candidate cnn',
      recordedAt: '2025-03-01T10:05:00.000Z',
    });
    assert.ok(rec);
    assert.deepEqual(rec.metrics, { accuracy: 0.912, f1: 0.887, latency_ms: 14.2 });
    const line = serializeHistoryRecord(rec);
    assert.ok(line.endsWith('\n') && !line.slice(0, -1).includes('\n'));
    const read = await readHistory(Readable.from([line, line]));
    assert.deepEqual(read.problems, []);
    assert.deepEqual(read.records, [rec, rec]);
  });

  it('gives no record for a run without a candidate unless one is passed', async () => {
    const run = { source: 's', format: 'csv' as const, metrics: {}, problems: [] };
    const stamps = { source: 's', git: null, dataset: null, command: null, recordedAt: '2025-01-01T00:00:00Z' };
    assert.equal(historyRecordFromRun(run, stamps), undefined);
    assert.equal(historyRecordFromRun(run, stamps, 'cnn')?.candidate, 'cnn');
  });

  it('reads tolerantly: bad lines are problems with their line numbers; a missing file is empty', async () => {
    const good = serializeHistoryRecord(record('cnn', '2025-01-01T00:00:00Z', 0.9));
    const read = await readHistory(Readable.from([good, 'garbage\n', '{"candidate": 3}\n', '\n', good]), 'history.jsonl');
    assert.equal(read.records.length, 2);
    assert.deepEqual(read.problems.map((p) => [p.line, p.message.split(':')[0]]), [
      [2, 'not valid JSON'],
      [3, '"candidate" must be a non-empty string'],
    ]);
    assert.deepEqual(await readHistory(path.join(tempDir(), 'none.jsonl')), { records: [], problems: [] });
  });

  it('picks the latest record per candidate, the later line winning ties', () => {
    const a1 = record('a', '2025-01-01T00:00:00Z', 0.1);
    const a2 = record('a', '2025-02-01T00:00:00Z', 0.2);
    const a0 = record('a', '2024-12-01T00:00:00Z', 0.0);
    const b1 = record('b', '2025-01-01T00:00:00Z', 0.5);
    const b2 = record('b', '2025-01-01T00:00:00Z', 0.6);
    const latest = latestByCandidate([a1, a2, b1, a0, b2]);
    assert.equal(latest.get('a'), a2);
    assert.equal(latest.get('b'), b2);
  });
});

describe('dataset fingerprints', () => {
  it('hashes a file, reuses the cache while size and mtime hold, re-hashes after a change', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'test.csv');
    fs.writeFileSync(file, 'x,y\n1,2\n');
    const cache: FingerprintCache = new Map<string, DatasetFingerprint>();
    const first = await fingerprintFile(file, cache);
    assert.ok(first.ok);
    assert.equal(first.fingerprint.sha256, createHash('sha256').update('x,y\n1,2\n').digest('hex'));
    assert.equal(first.cached, false);
    const second = await fingerprintFile(file, cache);
    assert.ok(second.ok && second.cached);
    // A poisoned cache entry proves the content is not read again while size and mtime match.
    cache.set(file, { ...first.fingerprint, sha256: 'c'.repeat(64) });
    const third = await fingerprintFile(file, cache);
    assert.ok(third.ok && third.fingerprint.sha256 === 'c'.repeat(64));
    fs.writeFileSync(file, 'x,y\n1,3\n');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const fourth = await fingerprintFile(file, cache);
    assert.ok(fourth.ok && !fourth.cached);
    assert.notEqual(fourth.fingerprint.sha256, first.fingerprint.sha256);
  });

  it('matches sha256sum for a file', async () => {
    const file = path.join(tempDir(), 'd.bin');
    fs.writeFileSync(file, 'abc');
    const out = await fingerprintFile(file, new Map());
    assert.ok(out.ok);
    assert.equal(out.fingerprint.sha256, 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(out.fingerprint.size, 3);
  });

  it('fingerprints a folder from its files, independent of where it lives', async () => {
    const make = (): string => {
      const dir = tempDir();
      fs.mkdirSync(path.join(dir, 'img'));
      fs.writeFileSync(path.join(dir, 'img', 'a.png'), 'A');
      fs.writeFileSync(path.join(dir, 'labels.csv'), 'a,1\n');
      fs.writeFileSync(path.join(dir, '.DS_Store'), String(Math.random()));
      return dir;
    };
    const one = await fingerprintFile(make(), new Map());
    const two = await fingerprintFile(make(), new Map());
    assert.ok(one.ok && two.ok);
    assert.equal(one.fingerprint.sha256, two.fingerprint.sha256);
    assert.equal(one.fingerprint.size, 5);
  });

  it('reports a missing dataset as a value', async () => {
    const out = await fingerprintFile('/no/such/data.csv', new Map());
    assert.deepEqual(out, { ok: false, message: '/no/such/data.csv: file not found' });
  });
});

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { latestJobOf, readJobs, serializeJobRecord, toJobRecord } from '../../../src/core/jobs/store';
import { JOBS_FILE, type JobRecord } from '../../../src/core/jobs/types';
import { job } from './helpers';

const lines = (...records: JobRecord[]) => Readable.from(records.map(serializeJobRecord));

describe('jobs.jsonl', () => {
  it('writes one line per record, keys in a fixed order, absent fields left out', () => {
    const full = job({ state: 'failed', rawState: 'FAILED', reason: 'NonZeroExitCode', started: '2026-12-07T12:00:05.000Z', ended: '2026-12-07T12:01:00.000Z', exitCode: 3, gathered: { recorded: false, error: 'no results file', at: '2026-12-07T12:01:02.000Z' } });
    const line = serializeJobRecord(full);
    assert.ok(line.endsWith('\n') && !line.slice(0, -1).includes('\n'));
    assert.deepEqual(Object.keys(JSON.parse(line)), ['id', 'executor', 'candidate', 'state', 'rawState', 'reason', 'submitted', 'started', 'ended', 'exitCode', 'script', 'log', 'results', 'command', 'git', 'dataset', 'gathered', 'updated']);
    // The same record built in another key order gives the same line.
    const shuffled = Object.fromEntries(Object.entries(full).reverse()) as unknown as JobRecord;
    assert.equal(serializeJobRecord(shuffled), line);
    assert.deepEqual(Object.keys(JSON.parse(serializeJobRecord(job()))), ['id', 'executor', 'candidate', 'state', 'submitted', 'script', 'log', 'results', 'command', 'git', 'dataset', 'updated']);
    assert.equal(JSON.parse(serializeJobRecord(job({ exitCode: null }))).exitCode, null);
  });

  it('round-trips records and keeps the last line of each job, in order of submission', async () => {
    const a1 = job();
    const b1 = job({ id: '42', candidate: 'vit', submitted: '2026-12-07T12:00:01.000Z', git: null, dataset: null });
    const a2 = job({ state: 'running', rawState: 'RUNNING', started: '2026-12-07T12:00:03.000Z', updated: '2026-12-07T12:00:03.000Z' });
    const a3 = job({ state: 'completed', rawState: 'COMPLETED', started: '2026-12-07T12:00:03.000Z', ended: '2026-12-07T12:01:00.000Z', exitCode: 0, gathered: { recorded: true, at: '2026-12-07T12:01:01.000Z' }, updated: '2026-12-07T12:01:01.000Z' });
    const read = await readJobs(lines(a1, b1, a2, a3));
    assert.deepEqual(read.problems, []);
    assert.deepEqual(read.jobs, [a3, b1]);
  });

  it('orders by submission time when a second writer appended out of order', async () => {
    const late = job({ id: '50', submitted: '2026-12-07T12:05:00.000Z' });
    const early = job({ id: '49', submitted: '2026-12-07T12:04:00.000Z' });
    assert.deepEqual((await readJobs(lines(late, early))).jobs.map((j) => j.id), ['49', '50']);
  });

  it('a known id with another submission time is another job (the scheduler numbered from 1 again)', async () => {
    const old = job({ id: '1', state: 'completed', submitted: '2026-01-01T00:00:00.000Z' });
    const fresh = job({ id: '1', submitted: '2026-12-07T12:00:00.000Z' });
    assert.deepEqual((await readJobs(lines(old, fresh))).jobs, [old, fresh]);
  });

  it('reports bad lines with their number, skips them, and never throws', async () => {
    const good = serializeJobRecord(job());
    const text = [
      good.trim(),
      '',
      '{not json',
      '[1]',
      JSON.stringify({ ...job(), state: 'exploded' }),
      JSON.stringify({ ...job(), executor: 'local' }),
      JSON.stringify({ ...job(), submitted: 'yesterday' }),
      JSON.stringify({ ...job(), exitCode: 'x' }),
      JSON.stringify({ ...job(), git: { commit: 1 } }),
      JSON.stringify({ ...job(), gathered: { recorded: 'yes', at: '2026-12-07T12:00:00Z' } }),
      JSON.stringify({ ...job(), id: '' }),
      JSON.stringify({ ...job(), log: 3 }),
    ].join('\n');
    const read = await readJobs(Readable.from([text]), 'jobs.jsonl');
    assert.deepEqual(read.jobs, [job()]);
    assert.deepEqual(
      read.problems.map((p) => [p.line, p.message.replace(/:.*/, '')]),
      [
        [3, 'not valid JSON'],
        [4, 'expected a JSON object'],
        [5, '"state" must be one of pending, running, completed, failed, cancelled, timeout, unknown'],
        [6, '"executor" must be "slurm"'],
        [7, '"submitted" must be an ISO date-time'],
        [8, '"exitCode" must be a whole number or null'],
        [9, '"git" must be null or { commit'],
        [10, '"gathered" must be { recorded'],
        [11, '"id" must be a non-empty string'],
        [12, '"log" must be a string'],
      ],
    );
    assert.ok(read.problems.every((p) => p.source === 'jobs.jsonl' && p.severity === 'error'));
  });

  it('takes a missing git or dataset as none, as the history does', () => {
    const { git: _g, dataset: _d, ...rest } = job();
    const r = toJobRecord(JSON.parse(JSON.stringify(rest)));
    assert.ok(typeof r !== 'string');
    assert.equal(r.git, null);
    assert.equal(r.dataset, null);
  });

  it('reads a file by path; a missing file is no jobs', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlroadmap-jobs-'));
    try {
      const file = path.join(dir, 'jobs.jsonl');
      assert.deepEqual(await readJobs(file), { jobs: [], problems: [] });
      fs.writeFileSync(file, serializeJobRecord(job()) + 'oops\n');
      const read = await readJobs(file);
      assert.deepEqual(read.jobs, [job()]);
      assert.deepEqual(read.problems.map((p) => [p.source, p.line]), [[file, 2]]);
      assert.equal((await readJobs(Readable.from(['x\n']))).problems[0]?.source, JOBS_FILE);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('latestJobOf gives a candidate’s most recently submitted job', () => {
    const jobs = [job({ id: '1' }), job({ id: '2', candidate: 'vit', submitted: '2026-12-07T13:00:00.000Z' }), job({ id: '3', submitted: '2026-12-07T12:30:00.000Z' }), job({ id: '4', submitted: '2026-12-07T12:10:00.000Z' })];
    assert.equal(latestJobOf(jobs, 'cnn')?.id, '3');
    assert.equal(latestJobOf(jobs, 'vit')?.id, '2');
    assert.equal(latestJobOf(jobs, 'mlp'), undefined);
  });
});

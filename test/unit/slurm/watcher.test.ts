// The job watcher's loop on a real jobs file, with Slurm's answers replayed from outputs captured on the test cluster
// (test/fixtures/slurm): a job seen running then completed is written once per change, gathered once, and the
// watcher stops asking once no job is active.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { JobRecord } from '../../../src/core/jobs/types';
import type { Roadmap } from '../../../src/core/roadmap/model';
import { SlurmClient, type ToolResult } from '../../../src/slurm/client';
import { JobBook, JobWatcher } from '../../../src/slurm/jobs';

const FIXTURES = path.resolve(__dirname, '../../fixtures/slurm');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

describe('JobWatcher', function () {
  this.timeout(20_000);
  let root = '';
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('follows a job from pending to completed, gathers it once, then stops asking Slurm', async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'mlroadmap-watcher-'));
    const book = new JobBook(root);
    const job: JobRecord = {
      id: '13',
      executor: 'slurm',
      candidate: 'cnn',
      state: 'pending',
      submitted: '2026-12-07T12:13:46.000Z',
      script: '.mlroadmap/jobs/cnn.sh',
      log: '.mlroadmap/jobs/cnn.log',
      results: 'results/cnn.json',
      command: 'python3 evaluate.py',
      git: null,
      dataset: null,
      updated: '2026-12-07T12:13:46.000Z',
    };
    await book.append(job);
    // What Slurm says, look after look: running (squeue), then ended (squeue -t all, no accounting, scontrol).
    const completed = fixture('squeue-finished.txt').split('\n').find((l) => l.startsWith('13|'))!;
    const answers: Record<string, ToolResult[]> = {
      squeue: [
        { code: 0, stdout: '13|RUNNING|None|2026-12-07T12:13:49|2026-12-07T12:14:49|vm\n', stderr: '' },
        { code: 0, stdout: `${completed}\n`, stderr: '' },
      ],
      sacct: [{ code: Number(fixture('sacct-disabled.exit-code.txt').trim()), stdout: fixture('sacct-disabled.txt'), stderr: fixture('sacct-disabled.stderr.txt') }],
      scontrol: [{ code: 0, stdout: fixture('scontrol-completed.txt'), stderr: '' }],
    };
    const calls: string[] = [];
    const client = new SlurmClient(async (file) => {
      calls.push(file);
      const next = answers[file]?.shift();
      assert.ok(next, `no more answers for ${file} (calls: ${calls.join(', ')})`);
      return next;
    });
    const roadmap = { metrics: [], candidates: [{ id: 'cnn', baseline: false, status: 'evaluated' }] } as unknown as Roadmap;
    let changes = 0;
    const watcher = new JobWatcher(book, client, { roadmap: () => roadmap, maxWholeFileBytes: () => 1024 * 1024, cache: new Map() }, () => changes++);
    watcher.kick();
    await watcher.idle();
    assert.equal(watcher.watching, false, 'nothing active: the watcher has stopped');
    assert.deepEqual(calls, ['squeue', 'squeue', 'sacct', 'scontrol']);

    const lines = fs.readFileSync(book.file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as JobRecord);
    assert.deepEqual(lines.map((l) => l.state), ['pending', 'running', 'completed', 'completed']);
    const last = lines[lines.length - 1];
    assert.equal(last.exitCode, 0);
    assert.ok(last.started && last.ended);
    assert.deepEqual([last.gathered?.recorded, last.gathered?.error], [false, 'the command did not write results/cnn.json']);
    assert.ok(changes >= 2);

    // Nothing active: a later look asks Slurm nothing and changes nothing.
    watcher.kick();
    await watcher.idle();
    assert.deepEqual(calls, ['squeue', 'squeue', 'sacct', 'scontrol']);
    assert.equal(fs.readFileSync(book.file, 'utf8').trim().split('\n').length, lines.length);
    watcher.dispose();
  });
});

// The Slurm client's reading of its tools' answers: a job Slurm does not know is absent (so the watcher can say the
// scheduler forgot it), but Slurm out of reach is an error (so no job is marked forgotten because squeue is missing).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { noSbatchMessage, SlurmClient, type ToolResult } from '../../../src/slurm/client';

const answer = (r: Partial<ToolResult>) => async (): Promise<ToolResult> => ({ code: 0, stdout: '', stderr: '', ...r });

describe('SlurmClient', () => {
  it('squeue not installed: observing fails with the message that says how to reach a cluster', async () => {
    const client = new SlurmClient(answer({ code: null, startError: 'squeue is not installed or not on PATH', notInstalled: true }));
    await assert.rejects(client.observe(['12']), (e: Error) => e.message === noSbatchMessage());
  });

  it('squeue failing for another reason (controller down) is an error, not an empty answer', async () => {
    const client = new SlurmClient(answer({ code: 1, stderr: 'slurm_load_jobs error: Unable to contact slurm controller (connect failure)' }));
    await assert.rejects(client.observe(['12']), /Unable to contact slurm controller/);
  });

  it('ids that are not Slurm job ids never reach a command line; cancel refuses them', async () => {
    const calls: string[][] = [];
    const client = new SlurmClient(async (file, args) => (calls.push([file, ...args]), { code: 0, stdout: '', stderr: '' }));
    assert.deepEqual([...(await client.observe(['-x', '$(id)', '../1'])).keys()], []);
    assert.deepEqual(calls, []);
    assert.equal((await client.cancel('--all')).ok, false);
    assert.deepEqual(calls, []);
  });

  describe('on the Slurm test cluster', () => {
    before(() => {
      assert.ok(execFileSync('sinfo', ['-h', '-o', '%t']).toString().trim().length > 0, 'the test cluster answers (scripts/slurm-cluster.mjs start)');
    });

    it('a job id Slurm never had is absent from the answer', async () => {
      const seen = await new SlurmClient().observe(['987654321']);
      assert.equal(seen.size, 0);
    });

    it('a submitted job is seen, and ends completed with its exit code', async () => {
      const id = execFileSync('sbatch', ['--parsable', '--output=/dev/null', '--wrap', 'exit 0']).toString().trim();
      const client = new SlurmClient();
      const first = (await client.observe([id])).get(id);
      assert.ok(first, 'seen at once');
      const deadline = Date.now() + 60_000;
      let last = first;
      while (last.state !== 'completed' && Date.now() < deadline) {
        await new Promise((ok) => setTimeout(ok, 500));
        last = (await client.observe([id])).get(id) ?? last;
      }
      assert.equal(last.state, 'completed');
      assert.equal(last.exitCode, 0);
    });
  });
});

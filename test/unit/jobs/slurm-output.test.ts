// Reading what Slurm's commands print: over outputs captured from a real Slurm 22.05 cluster (test/fixtures/slurm,
// see its README) and sacct's documented format; every parser total on garbage.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  SACCT_FIELDS,
  SQUEUE_FORMAT,
  isAccountingDisabled,
  isInvalidJobIdError,
  isSlurmJobId,
  mapSlurmState,
  parseExitCode,
  parseSacct,
  parseSbatchParsable,
  parseScontrolPairs,
  parseScontrolShowJob,
  parseSqueue,
  sacctArgs,
  scontrolArgs,
  slurmTimeToIso,
  squeueArgs,
} from '../../../src/core/jobs/slurm-output';
import { JOB_STATES, type JobObservation } from '../../../src/core/jobs/types';

const FIXTURES = path.resolve(__dirname, '../../fixtures/slurm');
const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
/** Slurm prints the machine's local time; the parsers return it as ISO 8601 UTC. */
const local = (t: string): string => new Date(t).toISOString();
const byId = (list: readonly JobObservation[]): Record<string, JobObservation> => Object.fromEntries(list.map((o) => [o.id, o]));

describe('Slurm command lines', () => {
  it('asks squeue for the jobs in every state, one `|`-separated line each, no header', () => {
    assert.equal(SQUEUE_FORMAT, '%i|%T|%r|%S|%e|%N');
    assert.deepEqual(squeueArgs(['12', '16']), ['-h', '-t', 'all', '-j', '12,16', '-o', '%i|%T|%r|%S|%e|%N']);
  });

  it('asks sacct for the allocations only, parsable, no header', () => {
    assert.equal(SACCT_FIELDS, 'JobID,State,ExitCode,Start,End,Reason,NodeList');
    assert.deepEqual(sacctArgs(['13', '14']), ['-n', '-P', '-X', '-j', '13,14', '-o', 'JobID,State,ExitCode,Start,End,Reason,NodeList']);
  });

  it('asks scontrol for one job on one line', () => {
    assert.deepEqual(scontrolArgs('12'), ['show', 'job', '-o', '12']);
  });

  it('never puts a string that is not a job id on the command line, nor an empty list', () => {
    for (const bad of ['', '-x', '--all', '12,13', '12 13', 'abc', '12;cluster', '1.batch']) {
      assert.equal(isSlurmJobId(bad), false, bad);
      assert.throws(() => squeueArgs(['12', bad]), RangeError, bad);
      assert.throws(() => sacctArgs([bad]), RangeError, bad);
      assert.throws(() => scontrolArgs(bad), RangeError, bad);
    }
    assert.throws(() => squeueArgs([]), RangeError);
    assert.throws(() => sacctArgs([]), RangeError);
    for (const good of ['1', '123456789', '109_3', '200+1']) assert.equal(isSlurmJobId(good), true, good);
  });
});

describe('sbatch --parsable', () => {
  it('reads the captured job id', () => {
    assert.deepEqual(parseSbatchParsable(fixture('sbatch-parsable.txt')), { ok: true, id: '12' });
  });

  it('reads `id;cluster` of a multi-cluster setup', () => {
    assert.deepEqual(parseSbatchParsable('4711;gpu-cluster\n'), { ok: true, id: '4711', cluster: 'gpu-cluster' });
  });

  it('takes the job id line when a site prints more', () => {
    assert.deepEqual(parseSbatchParsable('Submitting to the gpu partition\r\n4711\r\n'), { ok: true, id: '4711' });
  });

  it('says what sbatch printed instead of a job id', () => {
    // Refused: the reason is on stderr, stdout is empty.
    assert.equal(fixture('sbatch-bad-partition.txt'), '');
    assert.match(fixture('sbatch-bad-partition.stderr.txt'), /Batch job submission failed: Invalid partition name specified/);
    assert.deepEqual(parseSbatchParsable(fixture('sbatch-bad-partition.txt')), { ok: false, error: 'sbatch printed no job id' });
    const r = parseSbatchParsable('Submitted batch job 12');
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.error : '', /Submitted batch job 12/);
    const long = parseSbatchParsable('x'.repeat(1000));
    assert.ok(!long.ok && long.error.length < 260);
  });
});

describe('Slurm job states', () => {
  it('maps the long state words as the JobState comment says', () => {
    const expected: Record<string, string> = {
      PENDING: 'pending', REQUEUED: 'pending', SUSPENDED: 'pending', REQUEUE_HOLD: 'pending',
      CONFIGURING: 'running', RUNNING: 'running', COMPLETING: 'running',
      COMPLETED: 'completed',
      FAILED: 'failed', NODE_FAIL: 'failed', OUT_OF_MEMORY: 'failed', BOOT_FAIL: 'failed', DEADLINE: 'failed',
      CANCELLED: 'cancelled',
      TIMEOUT: 'timeout',
    };
    for (const [raw, state] of Object.entries(expected)) assert.equal(mapSlurmState(raw), state, raw);
  });

  it("reads sacct's `CANCELLED by <uid>`, its truncation mark, squeue's short codes and any case", () => {
    assert.equal(mapSlurmState('CANCELLED by 0'), 'cancelled');
    assert.equal(mapSlurmState('CANCELLED+'), 'cancelled');
    assert.equal(mapSlurmState(' running \n'), 'running');
    assert.equal(mapSlurmState('PD'), 'pending');
    assert.equal(mapSlurmState('CG'), 'running');
    assert.equal(mapSlurmState('TO'), 'timeout');
    assert.equal(mapSlurmState('OOM'), 'failed');
  });

  it('calls a word it does not know `unknown`', () => {
    for (const raw of ['', 'SOMETHING_NEW', 'constructor', '__proto__', 'toString', '|']) assert.equal(mapSlurmState(raw), 'unknown', raw);
  });
});

describe('Slurm times and exit codes', () => {
  it("reads Slurm's local times as ISO 8601, and no time where Slurm has none", () => {
    assert.equal(slurmTimeToIso('2026-12-07T12:13:58'), local('2026-12-07T12:13:58'));
    for (const none of ['Unknown', 'None', 'N/A', 'NONE', '', undefined, '2026-13-45T99:00:00', 'yesterday']) {
      assert.equal(slurmTimeToIso(none), undefined, String(none));
    }
  });

  it('reads them in the time zone of the machine', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      assert.equal(slurmTimeToIso('2026-12-07T12:13:58'), '2026-12-07T17:13:58.000Z');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('reads `code:signal`: the code, or null when a signal ended the command', () => {
    assert.equal(parseExitCode('0:0'), 0);
    assert.equal(parseExitCode('3:0'), 3);
    assert.equal(parseExitCode('0:9'), null);
    assert.equal(parseExitCode('0:15'), null);
    assert.equal(parseExitCode('2:9'), 2);
    for (const bad of ['', 'x', '3', '-1:0', undefined]) assert.equal(parseExitCode(bad), undefined, String(bad));
  });
});

describe('squeue', () => {
  it('reads pending and running jobs: a pending job has no start (an estimate, or its --begin time) and a running one no end', () => {
    assert.deepEqual(parseSqueue(fixture('squeue-active.txt')), [
      { id: '17', state: 'pending', rawState: 'PENDING', reason: 'Resources' },
      { id: '18', state: 'pending', rawState: 'PENDING', reason: 'Priority' },
      { id: '20', state: 'pending', rawState: 'PENDING', reason: 'BeginTime' },
      { id: '19', state: 'pending', rawState: 'PENDING', reason: 'JobHeldUser' },
      // 12 runs with a one-minute limit: squeue's end is that limit, not an end.
      { id: '12', state: 'running', rawState: 'RUNNING', started: local('2026-12-07T12:13:46') },
      { id: '16', state: 'running', rawState: 'RUNNING', started: local('2026-12-07T12:13:58') },
    ]);
  });

  it('reads finished jobs (listed with -t all): their start and end, no exit code', () => {
    const jobs = byId(parseSqueue(fixture('squeue-finished.txt')));
    assert.deepEqual(Object.keys(jobs).sort(), ['12', '13', '14', '15', '16', '17', '18', '19']);
    assert.deepEqual(jobs['13'], { id: '13', state: 'completed', rawState: 'COMPLETED', started: local('2026-12-07T12:13:49'), ended: local('2026-12-07T12:13:49') });
    assert.deepEqual(jobs['14'], { id: '14', state: 'failed', rawState: 'FAILED', reason: 'NonZeroExitCode', started: local('2026-12-07T12:13:52'), ended: local('2026-12-07T12:13:52') });
    assert.deepEqual(jobs['15'], { id: '15', state: 'failed', rawState: 'FAILED', reason: 'JobLaunchFailure', started: local('2026-12-07T12:13:55'), ended: local('2026-12-07T12:13:55') });
    assert.deepEqual(jobs['16'], { id: '16', state: 'cancelled', rawState: 'CANCELLED', started: local('2026-12-07T12:13:58'), ended: local('2026-12-07T12:14:01') });
    assert.deepEqual(jobs['12'], { id: '12', state: 'timeout', rawState: 'TIMEOUT', reason: 'TimeLimit', started: local('2026-12-07T12:13:46'), ended: local('2026-12-07T12:15:13') });
  });

  it('gives a job cancelled before it ran no start (Slurm prints the cancel time) and drops its stale pending reason', () => {
    assert.deepEqual(byId(parseSqueue(fixture('squeue-finished.txt')))['19'], { id: '19', state: 'cancelled', rawState: 'CANCELLED', ended: local('2026-12-07T12:14:01') });
  });

  it('leaves out ids Slurm does not know', () => {
    assert.deepEqual(parseSqueue(fixture('squeue-known-and-unknown.txt')).map((o) => o.id), ['13']);
    assert.deepEqual(parseSqueue(fixture('squeue-unknown-ids.txt')), []);
    // Asked alone, squeue fails instead.
    assert.equal(fixture('squeue-unknown-id.exit-code.txt').trim(), '1');
    assert.equal(fixture('squeue-unknown-id.txt'), '');
    assert.equal(isInvalidJobIdError(fixture('squeue-unknown-id.stderr.txt')), true);
    assert.equal(isInvalidJobIdError(fixture('sacct-disabled.stderr.txt')), false);
  });

  it('skips lines that are not a job, and keeps the last line of an id', () => {
    const text = 'JOBID|STATE|REASON\n\ngarbage\n12_[1-3]|PENDING|None|N/A|N/A|\n5|RUNNING|None|N/A|N/A|vm\n5|COMPLETED|None|N/A|N/A|vm\n6\n';
    assert.deepEqual(parseSqueue(text), [{ id: '5', state: 'completed', rawState: 'COMPLETED' }]);
  });
});

describe('scontrol show job -o', () => {
  const observe = (name: string): JobObservation | undefined => parseScontrolShowJob(fixture(name));

  it('reads pending jobs without a start (a --begin job shows its begin time as StartTime)', () => {
    assert.deepEqual(observe('scontrol-pending.txt'), { id: '17', state: 'pending', rawState: 'PENDING', reason: 'Resources' });
    assert.deepEqual(observe('scontrol-pending-held.txt'), { id: '19', state: 'pending', rawState: 'PENDING', reason: 'JobHeldUser' });
    assert.deepEqual(observe('scontrol-pending-begin.txt'), { id: '20', state: 'pending', rawState: 'PENDING', reason: 'BeginTime' });
  });

  it('reads a running job', () => {
    assert.deepEqual(observe('scontrol-running.txt'), { id: '16', state: 'running', rawState: 'RUNNING', started: local('2026-12-07T12:13:58') });
  });

  it('reads ended jobs with their exit code: 0, 3, null for a signal', () => {
    assert.deepEqual(observe('scontrol-completed.txt'), {
      id: '13', state: 'completed', rawState: 'COMPLETED', started: local('2026-12-07T12:13:49'), ended: local('2026-12-07T12:13:49'), exitCode: 0,
    });
    assert.deepEqual(observe('scontrol-failed.txt'), {
      id: '14', state: 'failed', rawState: 'FAILED', reason: 'NonZeroExitCode', started: local('2026-12-07T12:13:52'), ended: local('2026-12-07T12:13:52'), exitCode: 3,
    });
    assert.deepEqual(observe('scontrol-failed-signal.txt'), {
      id: '15', state: 'failed', rawState: 'FAILED', reason: 'JobLaunchFailure', started: local('2026-12-07T12:13:55'), ended: local('2026-12-07T12:13:55'), exitCode: null,
    });
    assert.deepEqual(observe('scontrol-timeout.txt'), {
      id: '12', state: 'timeout', rawState: 'TIMEOUT', reason: 'TimeLimit', started: local('2026-12-07T12:13:46'), ended: local('2026-12-07T12:15:13'), exitCode: null,
    });
    assert.deepEqual(observe('scontrol-cancelled.txt'), {
      id: '16', state: 'cancelled', rawState: 'CANCELLED', started: local('2026-12-07T12:13:58'), ended: local('2026-12-07T12:14:01'), exitCode: null,
    });
  });

  it('gives a job cancelled before it ran no start and no exit code', () => {
    assert.deepEqual(observe('scontrol-cancelled-pending.txt'), { id: '19', state: 'cancelled', rawState: 'CANCELLED', ended: local('2026-12-07T12:14:01'), exitCode: null });
  });

  it('reads values with spaces: the job name, the script path, the working folder', () => {
    const line = fixture('scontrol-script-completed.txt');
    const pairs = parseScontrolPairs(line);
    assert.equal(pairs.get('JobName'), 'mlroadmap eval');
    assert.equal(pairs.get('Command'), '/tmp/mlroadmap-slurm-capture/with space/job.sh');
    assert.equal(pairs.get('WorkDir'), '/tmp/mlroadmap-slurm-capture/with space');
    assert.equal(pairs.get('StdOut'), '/tmp/mlroadmap-slurm-capture/with space/21.log');
    assert.equal(pairs.get('AllocNode:Sid'), 'localhost:10665');
    assert.equal(pairs.get('CPUs/Task'), '1');
    assert.equal(pairs.get('TRES'), 'cpu=1,node=1,billing=1');
    assert.equal(pairs.get('NodeList'), 'vm');
    assert.equal(pairs.get('Power'), '');
    assert.equal(parseScontrolShowJob(line)?.state, 'completed');
    assert.equal(parseScontrolShowJob(line)?.exitCode, 0);
  });

  it('reads nothing from an unknown id, an empty answer or garbage', () => {
    assert.equal(fixture('scontrol-unknown-id.exit-code.txt').trim(), '1');
    assert.equal(isInvalidJobIdError(fixture('scontrol-unknown-id.stderr.txt')), true);
    for (const text of [fixture('scontrol-unknown-id.txt'), '', 'JobId=', 'JobId=abc JobState=RUNNING', 'JobId=5', 'hello world', '=== = =']) {
      assert.equal(parseScontrolShowJob(text), undefined, text);
    }
  });

  it('takes the first job line of several', () => {
    const two = `${fixture('scontrol-running.txt')}${fixture('scontrol-completed.txt')}`;
    assert.equal(parseScontrolShowJob(two)?.id, '16');
  });
});

describe('sacct', () => {
  it('recognises a cluster without accounting', () => {
    assert.equal(fixture('sacct-disabled.exit-code.txt').trim(), '1');
    assert.equal(fixture('sacct-disabled.txt'), '');
    assert.equal(isAccountingDisabled(fixture('sacct-disabled.stderr.txt')), true);
    assert.equal(isAccountingDisabled('sacct: error: Problem talking to the database: Connection refused'), false);
    assert.equal(isAccountingDisabled(''), false);
  });

  it('reads the documented output (written from sacct(1), not captured)', () => {
    const jobs = byId(parseSacct(fixture('sacct-documented.txt')));
    assert.deepEqual(Object.keys(jobs), ['101', '102', '103', '104', '105', '106', '107', '108', '109_3']);
    assert.deepEqual(jobs['101'], { id: '101', state: 'completed', rawState: 'COMPLETED', started: local('2026-12-07T12:00:05'), ended: local('2026-12-07T12:04:10'), exitCode: 0 });
    assert.deepEqual(jobs['102'], { id: '102', state: 'failed', rawState: 'FAILED', started: local('2026-12-07T12:00:06'), ended: local('2026-12-07T12:00:09'), exitCode: 3 });
    assert.deepEqual(jobs['103'], { id: '103', state: 'cancelled', rawState: 'CANCELLED by 1000', started: local('2026-12-07T12:01:00'), ended: local('2026-12-07T12:02:30'), exitCode: null });
    assert.deepEqual(jobs['104'], { id: '104', state: 'timeout', rawState: 'TIMEOUT', started: local('2026-12-07T12:01:00'), ended: local('2026-12-07T13:01:12'), exitCode: null });
    assert.deepEqual(jobs['105'], { id: '105', state: 'running', rawState: 'RUNNING', started: local('2026-12-07T12:05:00') });
    assert.deepEqual(jobs['106'], { id: '106', state: 'pending', rawState: 'PENDING' });
    assert.deepEqual(jobs['107'], { id: '107', state: 'failed', rawState: 'OUT_OF_MEMORY', started: local('2026-12-07T12:06:00'), ended: local('2026-12-07T12:07:00'), exitCode: null });
    assert.deepEqual(jobs['108'], { id: '108', state: 'cancelled', rawState: 'CANCELLED by 1000', ended: local('2026-12-07T12:08:00'), exitCode: null });
    assert.equal(jobs['109_3'].state, 'completed');
  });

  it('skips job steps, a header, and a trailing `|` of -p', () => {
    const text = [
      'JobID|State|ExitCode|Start|End|Reason|NodeList|',
      '7|FAILED|2:0|2026-12-07T12:00:00|2026-12-07T12:00:01|None|n1|',
      '7.batch|FAILED|2:0|2026-12-07T12:00:00|2026-12-07T12:00:01||n1|',
      '7.extern|COMPLETED|0:0|2026-12-07T12:00:00|2026-12-07T12:00:01||n1|',
      '7.0|CANCELLED by 0|0:9|2026-12-07T12:00:00|2026-12-07T12:00:01||n1|',
    ].join('\n');
    assert.deepEqual(parseSacct(text), [{ id: '7', state: 'failed', rawState: 'FAILED', started: local('2026-12-07T12:00:00'), ended: local('2026-12-07T12:00:01'), exitCode: 2 }]);
  });

  it('reads a short line (an older field list) as far as it goes', () => {
    assert.deepEqual(parseSacct('8|COMPLETED|0:0\n9|PENDING\n'), [
      { id: '8', state: 'completed', rawState: 'COMPLETED', exitCode: 0 },
      { id: '9', state: 'pending', rawState: 'PENDING' },
    ]);
  });
});

describe('Slurm output parsers on garbage', () => {
  const arbitraryText = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.array(fc.constantFrom('|', '=', ' ', '\n', ':', 'JobId=', 'JobState=', 'RUNNING', 'CANCELLED by', '12', '_', '+', '.batch', 'T', '2026-12-07T12:00:00', 'Unknown', 'None assigned'), { maxLength: 60 }).map((parts) => parts.join('')),
    fc.constantFrom(...fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).map(fixture)).chain((text) =>
      fc.tuple(fc.nat(text.length), fc.nat(text.length), fc.string({ maxLength: 20 })).map(([a, b, s]) => text.slice(0, Math.min(a, b)) + s + text.slice(Math.max(a, b))),
    ),
  );

  it('never throw, and answer only in JobStates', () => {
    fc.assert(
      fc.property(arbitraryText, (text) => {
        const observations = [...parseSqueue(text), ...parseSacct(text)];
        const one = parseScontrolShowJob(text);
        if (one) observations.push(one);
        for (const o of observations) {
          assert.ok(JOB_STATES.includes(o.state));
          assert.ok(isSlurmJobId(o.id));
          for (const t of [o.started, o.ended]) if (t !== undefined) assert.ok(!Number.isNaN(Date.parse(t)));
        }
        parseSbatchParsable(text);
        mapSlurmState(text);
        isAccountingDisabled(text);
        isInvalidJobIdError(text);
        parseScontrolPairs(text);
      }),
      { seed: 20261207, numRuns: 500 },
    );
  });

  it('take non-strings without a throw', () => {
    const junk = [undefined, null, 12, {}, []] as unknown as string[];
    for (const value of junk) {
      assert.deepEqual(parseSqueue(value), []);
      assert.deepEqual(parseSacct(value), []);
      assert.equal(parseScontrolShowJob(value), undefined);
      assert.equal(parseSbatchParsable(value).ok, false);
      assert.equal(mapSlurmState(value), 'unknown');
      assert.equal(isAccountingDisabled(value), false);
      assert.equal(slurmTimeToIso(value), undefined);
      assert.equal(parseExitCode(value), undefined);
    }
  });
});

// The Slurm jobs core speaks the display language where a user reads it: a job's state in the Jobs view, its
// durations, and why a job script cannot be written or sbatch gave no job id. The job script itself stays as written
// (bash and sbatch read it).
import assert from 'node:assert/strict';
import { buildJobScript, type JobScriptInput } from '../../../src/core/jobs/script';
import { parseSbatchParsable } from '../../../src/core/jobs/slurm-output';
import { describeJob, formatDuration } from '../../../src/core/jobs/state';
import { job } from '../jobs/helpers';
import { untranslated, withPseudoL10n } from '../support/pseudoL10n';

const NOW = new Date('2026-12-07T13:05:09.000Z');

const BASE: JobScriptInput = {
  candidate: 'cnn',
  cwd: '/work/demo',
  log: '/work/demo/.mlroadmap/jobs/cnn.log',
  slurm: {},
  argv: ['python3', 'evaluate.py'],
  command: 'python3 evaluate.py',
};

describe('l10n: the jobs core', () => {
  it('every job state, duration and job script error is translated; the script is not', async () => {
    const texts: string[] = [];
    let script = '';
    await withPseudoL10n(() => {
      const started = '2026-12-07T12:00:00.000Z';
      for (const over of [
        {},
        { reason: 'Resources' },
        { state: 'running' as const },
        { state: 'running' as const, started },
        { state: 'completed' as const },
        { state: 'completed' as const, started, ended: '2026-12-07T12:00:07.000Z' },
        { state: 'completed' as const, started, ended: '2026-12-07T12:03:07.000Z' },
        { state: 'failed' as const },
        { state: 'failed' as const, rawState: 'OUT_OF_MEMORY', exitCode: 3 },
        { state: 'failed' as const, rawState: 'FAILED', exitCode: 2 },
        { state: 'failed' as const, rawState: 'FAILED', reason: 'NonZeroExitCode' },
        { state: 'cancelled' as const },
        { state: 'timeout' as const },
        { state: 'unknown' as const, reason: 'the scheduler no longer knows this job' },
      ]) {
        texts.push(describeJob(job(over), NOW));
      }
      texts.push(formatDuration(5_000), formatDuration(185_000), formatDuration(7_385_000));

      for (const input of [
        { ...BASE, cwd: 'relative' },
        { ...BASE, log: 'relative.log' },
        { ...BASE, shellCommand: 'python3 evaluate.py' },
        { ...BASE, argv: undefined },
        { ...BASE, argv: [] },
        { ...BASE, argv: ['python3', 'a\0b'] },
        { ...BASE, argv: undefined, shellCommand: '  ' },
        { ...BASE, argv: undefined, shellCommand: 'run\0' },
        { ...BASE, env: { 'NOT-A-NAME': 'x' } },
        { ...BASE, env: { GOOD: 'x\0' } },
        { ...BASE, slurm: { setup: 'module load\0' } },
        { ...BASE, slurm: { gpus: 1.5 } },
        { ...BASE, slurm: { cpus: -1 } },
        { ...BASE, slurm: { partition: 'gpu\nx' } },
        { ...BASE, slurm: { account: '' } },
        { ...BASE, candidate: 'cnn\u0007' },
        { ...BASE, log: '/work/demo/a\\b.log' },
        { ...BASE, slurm: { extra: ['--qos=high', 'exclusive'] } },
        { ...BASE, slurm: { extra: ['--comment=a\tb\u0001'] } },
      ]) {
        const r = buildJobScript(input);
        assert.equal(r.ok, false, JSON.stringify(input));
        if (!r.ok) texts.push(r.error);
      }
      const ok = buildJobScript({ ...BASE, slurm: { partition: 'gpu', setup: 'module load python' } });
      if (ok.ok) script = ok.text;

      for (const out of ['', 'sbatch: error: Batch job submission failed']) {
        const r = parseSbatchParsable(out);
        if (!r.ok) texts.push(r.error);
      }
    });
    assert.deepEqual(untranslated(texts), []);
    assert.ok(new Set(texts).size >= 35, `only ${new Set(texts).size} distinct texts checked`);
    assert.ok(script.startsWith('#!/bin/bash\n# Written by ML Roadmap') && !script.includes('⟦'), script);
  });
});

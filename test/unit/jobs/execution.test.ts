import assert from 'node:assert/strict';
import { executionOf, mergeSlurm, parallelOf } from '../../../src/core/jobs/execution';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import type { Roadmap } from '../../../src/core/roadmap/model';
import { minimalRoadmap } from '../support/roadmaps';

function model(body: string): Roadmap {
  const r = parseRoadmap(minimalRoadmap(body));
  assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
  assert.ok(r.roadmap);
  return r.roadmap;
}

const CLUSTER = [
  'candidates:',
  '  - id: small',
  '  - id: big',
  '    slurm: { gpus: 2, time: "1-00:00:00", extra: [--qos=long] }',
  '  - id: cpu',
  '    executor: local',
  '    slurm: { gpus: 0 }',
  'evaluation:',
  '  command: python evaluate.py --candidate ${candidate}',
  '  executor: slurm',
  '  parallel: 3',
  '  slurm:',
  '    partition: gpu',
  '    gpus: 1',
  '    cpus: 8',
  '    mem: 32G',
  '    time: "02:00:00"',
  '    account: vision',
  '    setup: source .venv/bin/activate',
  '    extra: [--constraint=a100]',
  '',
].join('\n');

describe('executionOf', () => {
  it('runs locally with no options when the roadmap says nothing', () => {
    const m = model('candidates: [{ id: c }]\nevaluation: { command: python e.py }\n');
    assert.deepEqual(executionOf(m, 'c'), { executor: 'local', slurm: {} });
    assert.deepEqual(executionOf(model(''), 'c'), { executor: 'local', slurm: {} });
  });

  it('gives a candidate without its own keys the evaluation\'s executor and options, without the source range', () => {
    const m = model(CLUSTER);
    assert.deepEqual(executionOf(m, 'small'), {
      executor: 'slurm',
      slurm: {
        partition: 'gpu',
        gpus: 1,
        cpus: 8,
        mem: '32G',
        time: '02:00:00',
        account: 'vision',
        setup: 'source .venv/bin/activate',
        extra: ['--constraint=a100'],
      },
    });
    assert.ok(!('range' in executionOf(m, 'small').slurm));
  });

  it('merges a candidate\'s slurm keys over the evaluation\'s, key by key, and appends its extra options', () => {
    const big = executionOf(model(CLUSTER), 'big');
    assert.equal(big.executor, 'slurm');
    assert.equal(big.slurm.gpus, 2);
    assert.equal(big.slurm.time, '1-00:00:00');
    assert.equal(big.slurm.partition, 'gpu');
    assert.equal(big.slurm.mem, '32G');
    assert.deepEqual(big.slurm.extra, ['--constraint=a100', '--qos=long']);
  });

  it('lets a candidate override the executor, and gpus: 0 drop the GPUs', () => {
    const cpu = executionOf(model(CLUSTER), 'cpu');
    assert.equal(cpu.executor, 'local');
    assert.equal(cpu.slurm.gpus, undefined);
    assert.ok(!('gpus' in cpu.slurm));
    assert.equal(cpu.slurm.cpus, 8);
    const m = model('candidates: [{ id: c, executor: slurm }]\nevaluation: { executor: local }\n');
    assert.equal(executionOf(m, 'c').executor, 'slurm');
  });

  it('gives an unknown candidate the evaluation\'s settings', () => {
    const m = model(CLUSTER);
    assert.deepEqual(executionOf(m, 'nope'), executionOf(m, 'small'));
  });

  it('leaves out values the parser rejected (nothing unsafe reaches a job script)', () => {
    const r = parseRoadmap(minimalRoadmap('candidates: [{ id: c }]\nevaluation:\n  executor: slurm\n  slurm: { partition: "gpu\\n#SBATCH --x", mem: lots, cpus: 4 }\n'));
    assert.ok(r.roadmap);
    assert.deepEqual(executionOf(r.roadmap, 'c'), { executor: 'slurm', slurm: { cpus: 4 } });
  });

  it('mergeSlurm works on partial settings and returns fresh lists', () => {
    const extra = ['--a'];
    const merged = mergeSlurm({ extra }, undefined);
    assert.deepEqual(merged, { extra: ['--a'] });
    assert.notEqual(merged.extra, extra);
    assert.deepEqual(mergeSlurm(undefined, { mem: '4G' }), { mem: '4G' });
    assert.deepEqual(mergeSlurm(undefined, undefined), {});
  });
});

describe('parallelOf', () => {
  it('is 1 by default and evaluation.parallel when given', () => {
    assert.equal(parallelOf(model('')), 1);
    assert.equal(parallelOf(model('evaluation: { command: x }\n')), 1);
    assert.equal(parallelOf(model(CLUSTER)), 3);
    assert.equal(parallelOf(model('evaluation: { parallel: 2 }\n')), 2);
  });

  it('is never below 1, whatever the model holds', () => {
    const at = (parallel: number) => parallelOf({ evaluation: { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, parallel } });
    assert.equal(at(0), 1);
    assert.equal(at(-3), 1);
    assert.equal(at(Number.NaN), 1);
    assert.equal(at(2.7), 2);
    // A parallel the parser rejects is absent from the model.
    assert.equal(parallelOf(parseRoadmap(minimalRoadmap('evaluation: { parallel: 0 }\n')).roadmap ?? { evaluation: undefined }), 1);
  });
});

import type { JobRecord } from '../../../src/core/jobs/types';

/** A job record, pending since 2026-12-07T12:00:00Z, with `over` applied. */
export function job(over: Partial<JobRecord> = {}): JobRecord {
  return {
    id: '41',
    executor: 'slurm',
    candidate: 'cnn',
    state: 'pending',
    submitted: '2026-12-07T12:00:00.000Z',
    script: '.mlroadmap/jobs/cnn-20261207T120000Z.sh',
    log: '.mlroadmap/jobs/cnn-20261207T120000Z.log',
    results: 'results/cnn.json',
    command: 'python3 evaluate.py --candidate cnn',
    git: { commit: 'abc1234', dirty: false },
    dataset: { path: 'data/test.csv', sha256: 'b'.repeat(64), size: 10, mtimeMs: 5 },
    updated: '2026-12-07T12:00:00.000Z',
    ...over,
  };
}

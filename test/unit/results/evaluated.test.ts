import * as assert from 'node:assert/strict';
import { currentEvaluationCommand, mergeResults } from '../../../src/core/results/evaluated';
import type { HistoryRecord } from '../../../src/core/results/history';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import { DEMO_ROADMAP } from '../support/roadmaps';

const roadmap = parseRoadmap(DEMO_ROADMAP).roadmap!;

function rec(candidate: string, metrics: Record<string, number>, recordedAt: string, extra: Partial<HistoryRecord> = {}): HistoryRecord {
  return { candidate, metrics, source: `results/${candidate}.json`, format: 'mlroadmap', git: null, dataset: null, command: null, recordedAt, ...extra };
}

describe('mergeResults: a result counts when the pipeline recorded it', () => {
  it('counts the latest history record of each roadmap candidate, and shows it', () => {
    const merged = mergeResults(roadmap, {
      history: [rec('majority', { accuracy: 0.1 }, '2026-01-01T00:00:00Z'), rec('majority', { accuracy: 0.2 }, '2026-01-02T00:00:00Z'), rec('gone', { accuracy: 1 }, '2026-01-02T00:00:00Z')],
      files: new Map([['majority', rec('majority', { accuracy: 0.2 }, '2026-06-01T00:00:00Z')]]),
    });
    assert.deepEqual([...merged.evaluated.keys()], ['majority']);
    assert.equal(merged.evaluated.get('majority')?.metrics.accuracy, 0.2);
    assert.equal(merged.shown.get('majority')?.fromPipeline, true, 'a newer file with the recorded numbers is the run itself');
    assert.equal(merged.shown.get('majority')?.record.recordedAt, '2026-01-02T00:00:00Z');
    assert.deepEqual(merged.findings, []);
  });

  it('shows a results file no record holds as not from the pipeline, with a finding to run it, and does not count it', () => {
    const merged = mergeResults(roadmap, { history: [], files: new Map([['logreg', rec('logreg', { accuracy: 0.9 }, '2026-01-01T00:00:00Z')]]) });
    assert.equal(merged.evaluated.size, 0);
    assert.deepEqual(merged.shown.get('logreg'), { record: rec('logreg', { accuracy: 0.9 }, '2026-01-01T00:00:00Z'), fromPipeline: false });
    assert.equal(merged.findings.length, 1);
    const [f] = merged.findings;
    assert.deepEqual([f.code, f.severity, f.kind, f.candidate], ['pitfall/faulty-evaluation', 'warning', 'not-from-pipeline', 'logreg']);
    assert.match(f.message, /The results of 'logreg' in 'results\/logreg\.json' are not from the pipeline/);
    assert.deepEqual(f.path, ['candidates', roadmap.candidates.findIndex((c) => c.id === 'logreg')]);
  });

  it('keeps counting the recorded result when the file was changed after the run, and says so', () => {
    const merged = mergeResults(roadmap, {
      history: [rec('logreg', { accuracy: 0.9 }, '2026-01-01T00:00:00Z')],
      files: new Map([['logreg', rec('logreg', { accuracy: 0.97 }, '2026-01-05T00:00:00Z')]]),
    });
    assert.equal(merged.evaluated.get('logreg')?.metrics.accuracy, 0.9);
    assert.equal(merged.shown.get('logreg')?.fromPipeline, false);
    assert.equal(merged.shown.get('logreg')?.record.metrics.accuracy, 0.97);
    assert.match(merged.findings[0].message, /still the one recorded 2026-01-01T00:00:00Z/);
  });

  it('shows the record when an older file holds other numbers (the run that followed replaced them)', () => {
    const merged = mergeResults(roadmap, {
      history: [rec('logreg', { accuracy: 0.9 }, '2026-01-05T00:00:00Z')],
      files: new Map([['logreg', rec('logreg', { accuracy: 0.5 }, '2026-01-01T00:00:00Z')]]),
    });
    assert.equal(merged.shown.get('logreg')?.fromPipeline, true);
    assert.deepEqual(merged.findings, []);
  });

  it('checks staleness on the recorded results only', () => {
    const stamped = { dataset: { path: 'data', sha256: 'a'.repeat(64), size: 1, mtimeMs: 1 } };
    const merged = mergeResults(roadmap, {
      history: [rec('majority', { accuracy: 0.1 }, '2026-01-01T00:00:00Z', stamped)],
      files: new Map([['logreg', rec('logreg', { accuracy: 0.9 }, '2026-01-01T00:00:00Z', stamped)]]),
      datasetFingerprint: { sha256: 'b'.repeat(64) },
    });
    assert.deepEqual(merged.findings.map((f) => [f.kind, f.candidate]), [['not-from-pipeline', 'logreg'], ['dataset-changed', 'majority']]);
  });
});

describe('currentEvaluationCommand', () => {
  it('substitutes the roadmap\'s variables, and gives up on a variable with no value here', () => {
    assert.equal(currentEvaluationCommand(roadmap, 'logreg'), 'python3 evaluate.py --candidate logreg --out results/logreg.json');
    const interpreted = { ...roadmap, evaluation: { ...roadmap.evaluation!, command: '${python} evaluate.py --candidate ${candidate}' } };
    assert.equal(currentEvaluationCommand(interpreted, 'logreg'), undefined, 'no interpreter is known');
    assert.equal(currentEvaluationCommand(interpreted, 'logreg', { python: '/usr/bin/python3' }), '/usr/bin/python3 evaluate.py --candidate logreg');
  });
});

import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import type { HistoryRecord } from '../../../src/core/results/history';
import { differingColumns, lastAndBest, pinRun, reviewCsv, reviewModel, reviewRuns, runDetail, shownColumns, sortPerClassRows, type ShownValues } from '../../../src/core/views/review';
import { parseReviewRequest } from '../../../src/protocol/review';

const YAML = `version: 1
project: { name: Digits, phase: discovery }
metrics:
  - { id: accuracy, goal: maximize, target: 0.97 }
  - { id: latency_ms, goal: minimize, target: 50 }
candidates:
  - { id: logreg, baseline: true, status: evaluated }
  - { id: cnn, status: evaluated }
  - { id: knn, status: idea }
`;

function roadmap() {
  const r = parseRoadmap(YAML).roadmap;
  assert.ok(r);
  return r;
}

function record(candidate: string, recordedAt: string, metrics: Record<string, number>, extra: Partial<HistoryRecord> = {}): HistoryRecord {
  return { candidate, metrics, source: `results/${candidate}.json`, format: 'mlroadmap', git: { commit: 'abc123', dirty: false }, dataset: null, command: 'python evaluate.py', recordedAt, ...extra };
}

const HISTORY: HistoryRecord[] = [
  record('logreg', '2026-01-01T10:00:00Z', { accuracy: 0.95, latency_ms: 3, seed: 1 }),
  record('cnn', '2026-01-02T10:00:00Z', { eval_accuracy: 0.98, latency_ms: 60, seed: 1 }),
  record('cnn', '2026-01-03T10:00:00Z', { eval_accuracy: 0.975, latency_ms: 40, seed: 1 }),
  // Recorded earlier but written later: the runs are in time order.
  record('cnn', '2026-01-01T12:00:00Z', { eval_accuracy: 0.9, latency_ms: 80, seed: 1 }),
];

function latest(history: readonly HistoryRecord[]) {
  return (id: string): ShownValues | undefined => {
    const own = history.filter((r) => r.candidate === id).sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt));
    return own.at(-1);
  };
}

describe('Evaluation Review view model', () => {
  it('per metric: each candidate against the baseline and the target, pass/fail, as comparisonRows computes it', () => {
    const m = reviewModel(roadmap(), { history: HISTORY, shown: latest(HISTORY), readOnly: false });
    assert.deepEqual(m.baseline, { kind: 'candidate', id: 'logreg' });
    const accuracy = m.summary.find((r) => r.metric === 'accuracy');
    assert.ok(accuracy);
    assert.equal(accuracy.baseline, 0.95);
    assert.equal(accuracy.target, 0.97);
    const cnn = accuracy.cells.find((c) => c.candidate === 'cnn');
    assert.equal(cnn?.value, 0.975);
    assert.equal(cnn?.targetMet, true);
    assert.equal(cnn?.improved, true);
    assert.ok(Math.abs((cnn?.delta ?? 0) - 0.025) < 1e-12);
    assert.equal(accuracy.cells.find((c) => c.candidate === 'logreg')?.targetMet, false);
    assert.deepEqual(accuracy.cells.find((c) => c.candidate === 'knn'), { candidate: 'knn' });
    const latency = m.summary.find((r) => r.metric === 'latency_ms');
    assert.equal(latency?.cells.find((c) => c.candidate === 'cnn')?.targetMet, true);
    assert.equal(latency?.cells.find((c) => c.candidate === 'cnn')?.improved, false, 'minimize: 40 ms is worse than 3 ms');
  });

  it('a candidate shown from a file no record holds is flagged not from the pipeline', () => {
    const m = reviewModel(roadmap(), { history: HISTORY, shown: (id) => (id === 'knn' ? { metrics: { accuracy: 0.99 }, notFromPipeline: true } : latest(HISTORY)(id)), readOnly: false });
    assert.deepEqual(m.summary[0]?.cells.find((c) => c.candidate === 'knn'), { candidate: 'knn', value: 0.99, delta: 0.99 - 0.95, improved: true, targetMet: true, notFromPipeline: true });
  });

  it('the run table holds every history record, in time order, with its stamps and every metric', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => record(i % 2 ? 'cnn' : 'logreg', new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), { accuracy: i / 10_000 }));
    assert.equal(reviewModel(roadmap(), { history: many, shown: () => undefined, readOnly: false }).runs.length, 10_000);
    const runs = reviewRuns(HISTORY);
    assert.deepEqual(runs.map((r) => r.id), ['run-0', 'run-3', 'run-1', 'run-2']);
    assert.deepEqual(runs[0], { id: 'run-0', candidate: 'logreg', at: '2026-01-01T10:00:00Z', commit: 'abc123', dirty: false, command: 'python evaluate.py', source: 'results/logreg.json', metrics: { accuracy: 0.95, latency_ms: 3, seed: 1 } });
    const m = reviewModel(roadmap(), { history: HISTORY, shown: latest(HISTORY), readOnly: false });
    assert.deepEqual(m.columns, ['accuracy', 'eval_accuracy', 'latency_ms', 'seed']);
  });

  it('last vs best per metric per candidate follows the metric goal', () => {
    const lb = lastAndBest(roadmap(), ['logreg', 'cnn', 'knn'], reviewRuns(HISTORY));
    assert.deepEqual(
      lb.filter((x) => x.candidate === 'cnn'),
      [
        { candidate: 'cnn', metric: 'accuracy', last: 0.975, lastRun: 'run-2', best: 0.98, bestRun: 'run-1' },
        { candidate: 'cnn', metric: 'latency_ms', last: 40, lastRun: 'run-2', best: 40, bestRun: 'run-2' },
      ],
    );
    assert.equal(lb.some((x) => x.candidate === 'knn'), false, 'no runs, no row');
  });

  it('pinning a run recomputes every delta against it, and the summary compares with it', () => {
    const pinned = pinRun(reviewRuns(HISTORY), 'run-1');
    assert.deepEqual(pinned.find((r) => r.id === 'run-2')?.deltas, { eval_accuracy: 0.975 - 0.98, latency_ms: -20, seed: 0 });
    assert.deepEqual(pinned.find((r) => r.id === 'run-0')?.deltas, { latency_ms: -57, seed: 0 }, 'only the metrics both runs have');
    assert.deepEqual(pinned.find((r) => r.id === 'run-1')?.deltas, { eval_accuracy: 0, latency_ms: 0, seed: 0 });
    assert.equal(pinRun(pinned, undefined).some((r) => r.deltas !== undefined), false, 'unpinned: no deltas');
    assert.equal(pinRun(reviewRuns(HISTORY), 'run-99').some((r) => r.deltas !== undefined), false, 'a run that is not there pins nothing');
    const m = reviewModel(roadmap(), { history: HISTORY, shown: latest(HISTORY), pinned: 'run-1', readOnly: false });
    assert.deepEqual(m.baseline, { kind: 'run', id: 'run-1', candidate: 'cnn' });
    assert.equal(m.pinned, 'run-1');
    assert.equal(m.summary[0]?.baseline, 0.98);
    assert.equal(m.summary[0]?.cells.find((c) => c.candidate === 'cnn')?.improved, false);
  });

  it('diff-only keeps the metric columns whose values differ among the shown runs', () => {
    const runs = reviewRuns(HISTORY);
    const columns = ['accuracy', 'eval_accuracy', 'latency_ms', 'seed'];
    assert.deepEqual(differingColumns(runs, columns), ['accuracy', 'eval_accuracy', 'latency_ms'], 'seed is 1 everywhere; a value present in one run only differs');
    assert.deepEqual(shownColumns(runs, columns, { diffOnly: true, candidate: 'cnn' }), ['eval_accuracy', 'latency_ms']);
    assert.deepEqual(shownColumns(runs, columns, { diffOnly: false, candidate: 'cnn' }), columns);
    assert.deepEqual(differingColumns(runs.slice(0, 1), columns), [], 'one run: nothing differs');
  });

  it('exports the shown table as CSV: stamps, full-precision values, deltas when pinned, hostile strings quoted and defused', () => {
    const hostile = 'x",=HYPERLINK("http://evil")\n<img src=x onerror=alert(1)>';
    const history = [
      record('cnn', '2026-01-01T10:00:00Z', { accuracy: 0.123456789, [hostile]: 1 }, { command: '=cmd|calc', source: 'a,b.json' }),
      record('cnn', '2026-01-02T10:00:00Z', { accuracy: 0.5, [hostile]: 1 }, { git: null, command: null }),
    ];
    const m = reviewModel(roadmap(), { history, shown: latest(history), pinned: 'run-0', readOnly: false });
    const text = reviewCsv(m, { diffOnly: false });
    const rows = parse(text) as string[][];
    assert.deepEqual(rows[0], ['run', 'candidate', 'recorded_at', 'commit', 'dirty', 'dataset_sha256', 'source', 'command', 'accuracy', hostile, 'Δ accuracy', `Δ ${hostile}`]);
    assert.deepEqual(rows[1], ['run-0', 'cnn', '2026-01-01T10:00:00Z', 'abc123', 'false', '', 'a,b.json', "'=cmd|calc", '0.123456789', '1', '0', '0']);
    assert.deepEqual(rows[2], ['run-1', 'cnn', '2026-01-02T10:00:00Z', '', '', '', 'results/cnn.json', '', '0.5', '1', String(0.5 - 0.123456789), '0']);
    assert.equal(rows.length, 3);
    assert.ok(text.includes('\r\n'), 'RFC 4180 line ends');
    const diffOnly = parse(reviewCsv(m, { diffOnly: true })) as string[][];
    assert.deepEqual(diffOnly[0], ['run', 'candidate', 'recorded_at', 'commit', 'dirty', 'dataset_sha256', 'source', 'command', 'accuracy', 'Δ accuracy']);
    assert.equal((parse(reviewCsv(m, { diffOnly: false, candidate: 'logreg' })) as string[][]).length, 1, 'only the header when no run is shown');
  });

  it('an unreadable roadmap gives an empty review with the reason', () => {
    const m = reviewModel(undefined, { history: HISTORY, shown: () => undefined, readOnly: true });
    assert.equal(m.runs.length, 0);
    assert.match(m.problem ?? '', /cannot be read/);
  });
});

describe('Evaluation Review contract', () => {
  it('accepts the requests of the contract and refuses anything else', () => {
    for (const ok of [{ type: 'ready' }, { type: 'pinBaseline', runId: 'run-12' }, { type: 'unpin' }, { type: 'exportCsv', diffOnly: true, candidate: 'cnn' }, { type: 'showLog', runId: 'failure-0' }, { type: 'revealCandidate', id: 'cnn' }]) {
      assert.equal(parseReviewRequest(ok).ok, true, JSON.stringify(ok));
    }
    for (const bad of [
      { type: 'pinBaseline', runId: '../../etc/passwd' },
      { type: 'exportCsv', diffOnly: true, path: '/tmp/x.csv' },
      { type: 'exportCsv' },
      { type: 'showLog', runId: 'run-1', file: '/etc/passwd' },
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      'ready',
      null,
    ]) {
      assert.equal(parseReviewRequest(bad).ok, false, JSON.stringify(bad));
    }
  });
});

describe('Evaluation Review run detail (per-class table on demand)', () => {
  const perClass = { classes: { cat: { precision: 0.9, recall: 0.8 }, dog: { recall: 0.7, support: 12 }, '10': { precision: 0.5 }, '2': { precision: 0.95 } } };
  const history: HistoryRecord[] = [
    record('cnn', '2026-01-01T10:00:00Z', { accuracy: 0.9 }, { perClass }),
    record('logreg', '2026-01-02T10:00:00Z', { accuracy: 0.8 }, { git: null }),
    record('cnn', '2026-01-03T10:00:00Z', { accuracy: 0.91 }, { perClass: { classes: { a: { f1: 1 } }, cut: { classes: 3, metrics: 0 } } }),
  ];

  it('the snapshot only flags the runs that carry per-class values; the values themselves are not in it', () => {
    const model = reviewModel(roadmap(), { history, shown: () => undefined, readOnly: false });
    assert.deepEqual(model.runs.map((r) => [r.id, r.perClass]), [['run-0', true], ['run-1', undefined], ['run-2', true]]);
    assert.ok(!JSON.stringify(model).includes('precision'), 'no per-class value in the snapshot');
  });

  it('gives class × metric with the metrics in order of appearance and null where a class has none', () => {
    assert.deepEqual(runDetail(history, 'run-0'), {
      runId: 'run-0',
      candidate: 'cnn',
      at: '2026-01-01T10:00:00Z',
      commit: 'abc123',
      perClass: {
        metrics: ['precision', 'recall', 'support'],
        // A JSON object keeps integer-like keys first, in numeric order (as JSON.parse gives them).
        rows: [
          { label: '2', values: [0.95, null, null] },
          { label: '10', values: [0.5, null, null] },
          { label: 'cat', values: [0.9, 0.8, null] },
          { label: 'dog', values: [null, 0.7, 12] },
        ],
      },
    });
  });

  it('says so for a run without per-class values, an unknown run, and a cut table', () => {
    assert.deepEqual(runDetail(history, 'run-1'), { runId: 'run-1', candidate: 'logreg', at: '2026-01-02T10:00:00Z', note: 'run-1 (logreg) has no per-class values: its results file (results/logreg.json) carries none.' });
    assert.deepEqual(runDetail(history, 'run-3'), { runId: 'run-3', note: 'There is no run run-3 in the history.' });
    assert.deepEqual(runDetail(history, 'failure-0'), { runId: 'failure-0', note: 'There is no run failure-0 in the history.' });
    assert.equal(runDetail(history, 'run-2').perClass?.cut, 'per-class values cut to 1000 classes × 50 metrics: 3 more classes left out');
  });

  it('sorts the rows by label (numbers as numbers) or by a metric, missing values last', () => {
    const rows = runDetail(history, 'run-0').perClass!.rows;
    assert.deepEqual(sortPerClassRows(rows, { column: -1, descending: false }).map((r) => r.label), ['2', '10', 'cat', 'dog']);
    assert.deepEqual(sortPerClassRows(rows, { column: 0, descending: true }).map((r) => r.label), ['2', 'cat', '10', 'dog']);
    assert.deepEqual(sortPerClassRows(rows, { column: 0, descending: false }).map((r) => r.label), ['10', 'cat', '2', 'dog']);
    assert.deepEqual(sortPerClassRows(rows, { column: 2, descending: false }).map((r) => r.label), ['dog', '2', '10', 'cat']);
    assert.deepEqual(sortPerClassRows(rows, { column: -1, descending: true }).map((r) => r.label), ['dog', 'cat', '10', '2']);
  });

  it('the contract takes showRunDetail and showCommit with a history run id only, and nothing more', () => {
    for (const ok of [{ type: 'showRunDetail', runId: 'run-0' }, { type: 'showCommit', runId: 'run-12' }]) assert.ok(parseReviewRequest(ok).ok, JSON.stringify(ok));
    for (const bad of [
      { type: 'showCommit', runId: 'run-0', commit: 'abc1234' },
      { type: 'showCommit', runId: 'failure-0' },
      { type: 'showCommit', runId: '--output=x' },
      { type: 'showRunDetail', runId: 'run-0', perClass: {} },
      { type: 'showRunDetail' },
      { type: 'showRunDetail', runId: 3 },
    ]) {
      assert.equal(parseReviewRequest(bad).ok, false, JSON.stringify(bad));
    }
  });
});

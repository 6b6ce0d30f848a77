// The Evaluation Review's first snapshot and the pages of its run table: the snapshot carries the first screen (the
// first runs, the chart's columns and the diff-only columns over every run), the pages carry the rest; put together
// they are exactly the full model's run table, so the filter, diff-only, the pinned run's deltas and the CSV export
// (built by the host from the full model) agree with the rows the webview ends up holding, over 10,000 runs.
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import type { HistoryRecord } from '../../../src/core/results/history';
import { FIRST_RUNS, isRunOf, reviewCsv, reviewModel, reviewSnapshot, runsPage, shownColumns, shownRuns, snapshotColumns, type ReviewModel, type ReviewRun, type ReviewSnapshot } from '../../../src/core/views/review';
import { parseReviewRequest } from '../../../src/protocol/review';

const YAML = `version: 1
project: { name: Digits, phase: discovery }
metrics:
  - { id: accuracy, goal: maximize, target: 0.97 }
candidates:
  - { id: logreg, baseline: true, status: evaluated }
  - { id: cnn, status: evaluated }
  - { id: mlp, status: idea }
`;

const N = 10_000;

/** 10,000 records over three candidates, written out of time order: a seed that varies for cnn only, a metric only some runs have, a non-finite value. */
function history(): HistoryRecord[] {
  const candidates = ['logreg', 'cnn', 'mlp'];
  return Array.from({ length: N }, (_, i) => {
    const candidate = candidates[i % 3]!;
    const metrics: Record<string, number> = { accuracy: 0.5 + (i % 997) / 2000, seed: candidate === 'cnn' ? i % 5 : 42 };
    if (i % 7 === 0) metrics.latency_ms = i % 13;
    if (i === 4242) metrics.accuracy = Infinity;
    // Every tenth record was written late: the table is in time order, not file order.
    const minute = i % 10 === 0 ? i + 30 : i;
    return { candidate, metrics, source: `results/${candidate}.json`, format: 'mlroadmap', git: { commit: i.toString(16).padStart(40, '0'), dirty: i % 2 === 0 }, dataset: null, command: 'python evaluate.py', recordedAt: new Date(Date.UTC(2026, 0, 1) + minute * 60_000).toISOString() };
  });
}

function model(pinned?: string): ReviewModel {
  const h = history();
  const roadmap = parseRoadmap(YAML).roadmap;
  assert.ok(roadmap);
  return reviewModel(roadmap, { history: h, shown: () => undefined, readOnly: false, ...(pinned !== undefined ? { pinned } : {}) });
}

/** What the webview ends up holding: the snapshot's runs, then every page it asks for until one comes empty. */
function received(full: ReviewModel, snapshot: ReviewSnapshot): ReviewRun[] {
  const runs = [...snapshot.runs];
  for (;;) {
    const page = runsPage(full, snapshot.version, runs.length);
    assert.equal(page.version, snapshot.version);
    if (page.runs.length === 0) break;
    runs.push(...page.runs);
  }
  return runs;
}

describe('Evaluation Review: first snapshot and pages of the run table', () => {
  it('the snapshot carries the first screen: the first runs, the count, everything else of the model', () => {
    const full = model();
    const s = reviewSnapshot(full, 7);
    assert.equal(s.version, 7);
    assert.equal(s.runCount, N);
    assert.deepEqual(s.runs, full.runs.slice(0, FIRST_RUNS));
    const { runs: _a, ...rest } = full;
    const { runs: _b, version: _v, runCount: _c, chart: _d, differing: _e, ...same } = s;
    assert.deepEqual(same, rest, 'summary, last vs best, columns, candidates, baseline as in the model');
    // The object part is a small fraction of the full model's (the chart's columns are binary).
    const { chart: _chart, ...objects } = s;
    assert.ok(JSON.stringify(objects).length * 20 < JSON.stringify(full).length, `${JSON.stringify(objects).length} bytes against ${JSON.stringify(full).length}`);
  });

  it("the chart's columns hold every run of the table, in its order, NaN where a run has no (finite) value", () => {
    const full = model();
    const { chart, columns, candidates } = reviewSnapshot(full, 1);
    assert.equal(chart.at.length, N);
    assert.equal(chart.values.length, columns.length);
    full.runs.forEach((r, i) => {
      assert.equal(chart.at[i], Date.parse(r.at) / 1000);
      assert.equal(candidates[chart.candidate[i]!], r.candidate);
      assert.equal(`run-${chart.record[i]}`, r.id);
      columns.forEach((c, k) => {
        const v = r.metrics[c];
        if (v === undefined || !Number.isFinite(v)) assert.ok(Number.isNaN(chart.values[k]![i]), `${r.id} ${c}`);
        else assert.equal(chart.values[k]![i], v);
      });
    });
    assert.ok(chart.at instanceof Float64Array && chart.values.every((v) => v instanceof Float64Array), 'typed arrays: binary on the wire');
    assert.deepEqual(structuredClone(chart), chart, 'survives the structured clone of postMessage');
  });

  it('the pages put together are the full run table, pinned deltas included; a page of another size or past the end is right too', () => {
    for (const pinned of [undefined, 'run-4243']) {
      const full = model(pinned);
      const s = reviewSnapshot(full, 3);
      assert.deepEqual(received(full, s), full.runs);
      if (pinned) assert.equal(received(full, s).filter((r) => r.deltas !== undefined).length, N);
    }
    const full = model();
    assert.deepEqual(runsPage(full, 1, 9_990, 100).runs, full.runs.slice(9_990));
    assert.deepEqual(runsPage(full, 1, N + 5).runs, []);
  });

  it('diff-only over every run from the first paint: the columns agree with those of the whole table for every filter', () => {
    const full = model();
    const s = reviewSnapshot(full, 1);
    for (const candidate of [undefined, 'logreg', 'cnn', 'mlp', 'knn', 'constructor']) {
      for (const diffOnly of [false, true]) {
        const view = { diffOnly, ...(candidate !== undefined ? { candidate } : {}) };
        assert.deepEqual(snapshotColumns(s, view), shownColumns(full.runs, full.columns, view), JSON.stringify(view));
      }
    }
    // The first 50 runs alone would get it wrong: latency_ms is in one of them, seed varies for cnn only.
    assert.deepEqual(snapshotColumns(s, { diffOnly: true, candidate: 'logreg' }), ['accuracy', 'latency_ms']);
    assert.deepEqual(snapshotColumns(s, { diffOnly: true, candidate: 'cnn' }), ['accuracy', 'latency_ms', 'seed']);
  });

  it('the filter and the CSV export over the rows received equal those of the full model (the host exports from it)', () => {
    const full = model('run-10');
    const runs = received(full, reviewSnapshot(full, 1));
    for (const view of [{ diffOnly: false }, { diffOnly: true, candidate: 'cnn' }, { diffOnly: true }]) {
      assert.deepEqual(shownRuns(runs, view), shownRuns(full.runs, view));
      const csv = reviewCsv(full, view);
      assert.equal(reviewCsv({ runs, columns: full.columns, pinned: full.pinned }, view), csv);
      const rows = parse(csv) as string[][];
      assert.equal(rows.length - 1, shownRuns(full.runs, view).length);
    }
    assert.equal((parse(reviewCsv(full, { diffOnly: false })) as string[][]).length, N + 1, 'every run exported');
  });

  it('names a run of the table by its id alone (a run the webview has not received yet too)', () => {
    assert.equal(isRunOf(N, 'run-0'), true);
    assert.equal(isRunOf(N, 'run-9999'), true);
    assert.equal(isRunOf(N, 'run-10000'), false);
    assert.equal(isRunOf(N, 'failure-0'), false);
    assert.equal(isRunOf(N, 'run-1 '), false);
  });

  it('the contract takes loadRuns with a version and an offset, whole numbers, and nothing more', () => {
    assert.ok(parseReviewRequest({ type: 'loadRuns', version: 3, offset: 50 }).ok);
    for (const bad of [{ type: 'loadRuns', version: 3 }, { type: 'loadRuns', version: -1, offset: 0 }, { type: 'loadRuns', version: 1, offset: 0.5 }, { type: 'loadRuns', version: 1, offset: '50' }, { type: 'loadRuns', version: 1, offset: 1e12 }, { type: 'loadRuns', version: 1, offset: 0, size: 1e9 }]) {
      assert.equal(parseReviewRequest(bad).ok, false, JSON.stringify(bad));
    }
  });
});

// The Evaluation Review's host side inside the real extension host: with a few records written to the demo's
// `.mlroadmap/history.jsonl` (as the evaluation pipeline writes them), Show Evaluation Review opens the panel and its
// snapshot holds exactly the history the results index read, and the latest result of each candidate it shows; a
// forged message is refused; pinning a run sends deltas against it; Export CSV writes the shown table; a failed
// evaluation shows in the panel and its log opens from it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ServicesWithReview, ReviewPanel } from '../../src/panels/review';
import { waitFor } from './support/extension';
import { demoRoadmapUri, extensionApi, readDisk, restoreFile, workspaceFolder } from './support/roadmapFile';

const RECORDS = [
  { candidate: 'logreg', metrics: { accuracy: 0.95, macro_f1: 0.94 }, recordedAt: '2026-01-01T10:00:00.000Z' },
  { candidate: 'cnn', metrics: { accuracy: 0.98, macro_f1: 0.97 }, recordedAt: '2026-01-02T10:00:00.000Z' },
  { candidate: 'cnn', metrics: { accuracy: 0.96, macro_f1: 0.97 }, recordedAt: '2026-01-03T10:00:00.000Z' },
].map((r) => ({ ...r, source: `results/${r.candidate}.json`, format: 'mlroadmap', git: { commit: 'a'.repeat(40), dirty: false }, dataset: null, command: 'python evaluate.py' }));

async function openReview(): Promise<ReviewPanel> {
  const review = await vscode.commands.executeCommand<ReviewPanel>('mlroadmap.showEvaluationReview', { roadmap: demoRoadmapUri().toString() });
  assert.ok(review, 'Show Evaluation Review returns the panel');
  await waitFor('the webview to say ready and get its snapshot', () => review.lastSent !== undefined, 60_000);
  return review;
}

describe('Evaluation Review (host side)', function () {
  this.timeout(120_000);
  const root = () => workspaceFolder().uri.fsPath;
  const historyFile = () => path.join(root(), '.mlroadmap', 'history.jsonl');
  let saved: string | undefined;

  before(async () => {
    saved = fs.existsSync(historyFile()) ? fs.readFileSync(historyFile(), 'utf8') : undefined;
    fs.mkdirSync(path.dirname(historyFile()), { recursive: true });
    fs.writeFileSync(historyFile(), RECORDS.map((r) => JSON.stringify(r) + '\n').join(''));
    const api = await extensionApi();
    const entry = api.services.store.get(demoRoadmapUri());
    assert.ok(entry);
    await waitFor('the index to read the history', () => api.services.results.history(entry).length === RECORDS.length, 30_000);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (saved === undefined) fs.rmSync(historyFile(), { force: true });
    else fs.writeFileSync(historyFile(), saved);
    const api = await extensionApi();
    const review = (api.services as ServicesWithReview).review;
    if (review) review.exportTo = undefined;
  });

  it('opens on the demo with every history record and the summary of what the index shows', async () => {
    const review = await openReview();
    assert.equal(review.panel.viewType, 'mlroadmap.review');
    assert.equal(review.panel.title, 'Evaluation Review: Digit recognizer');
    const api = await extensionApi();
    const entry = api.services.store.get(demoRoadmapUri())!;
    const sent = review.lastSent!;
    assert.deepEqual(
      sent.runs.map((r) => [r.id, r.candidate, r.at, r.metrics]),
      api.services.results.history(entry).map((r, i) => [`run-${i}`, r.candidate, r.recordedAt, r.metrics]),
    );
    const accuracy = sent.summary.find((r) => r.metric === 'accuracy');
    assert.ok(accuracy);
    for (const cell of accuracy.cells) {
      const latest = api.services.results.latest(entry, cell.candidate);
      assert.equal(cell.value, latest?.metrics.accuracy, cell.candidate);
    }
    assert.equal(accuracy.cells.find((c) => c.candidate === 'cnn')?.value, 0.96, 'the latest record, not the best');
    assert.deepEqual(sent.lastBest.find((x) => x.candidate === 'cnn' && x.metric === 'accuracy'), { candidate: 'cnn', metric: 'accuracy', last: 0.96, lastRun: 'run-2', best: 0.98, bestRun: 'run-1' });
    assert.equal(sent.readOnly, false);
    assert.equal(await vscode.commands.executeCommand<ReviewPanel>('mlroadmap.showEvaluationReview', { roadmap: demoRoadmapUri().toString() }), review, 'shown again, the same panel');
  });

  it('refuses forged and malformed messages', async () => {
    const review = await openReview();
    const before = review.refused.length;
    for (const forged of [{ type: 'exportCsv', diffOnly: false, path: '/tmp/evil.csv' }, { type: 'pinBaseline', runId: '../../x' }, { type: 'showLog', runId: 'run-0', file: '/etc/passwd' }, { type: 'runCommand', command: 'workbench.action.terminal.new' }, 'unpin']) {
      assert.equal(await review.receive(forged), false, JSON.stringify(forged));
    }
    assert.equal(review.refused.length - before, 5);
    assert.equal(review.lastSent?.pinned, undefined, 'nothing was pinned');
  });

  it('a pinned run becomes the baseline of the view: deltas against it; unpin goes back to the baseline candidate', async () => {
    const review = await openReview();
    assert.equal(await review.receive({ type: 'pinBaseline', runId: 'run-1' }), true);
    await waitFor('the pinned snapshot', () => review.lastSent?.pinned === 'run-1', 10_000);
    const sent = review.lastSent!;
    assert.deepEqual(sent.baseline, { kind: 'run', id: 'run-1', candidate: 'cnn' });
    assert.ok(Math.abs((sent.runs.find((r) => r.id === 'run-2')?.deltas?.accuracy ?? NaN) - (0.96 - 0.98)) < 1e-12);
    assert.equal(sent.summary.find((r) => r.metric === 'accuracy')?.baseline, 0.98);
    assert.equal(await review.receive({ type: 'unpin' }), true);
    await waitFor('the unpinned snapshot', () => review.lastSent?.pinned === undefined && review.lastSent?.baseline?.kind === 'candidate', 10_000);
  });

  it('Export CSV writes the shown table (one candidate, diff-only) to the file chosen', async () => {
    const review = await openReview();
    const api = await extensionApi();
    const handle = (api.services as ServicesWithReview).review;
    assert.ok(handle, 'the review feature exposes its handle on services.review');
    const target = vscode.Uri.file(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'review-')), 'runs.csv'));
    handle.exportTo = target;
    assert.equal(await review.receive({ type: 'exportCsv', candidate: 'cnn', diffOnly: true }), true);
    const text = fs.readFileSync(target.fsPath, 'utf8');
    assert.deepEqual(text.trimEnd().split('\r\n'), [
      'run,candidate,recorded_at,commit,dirty,dataset_sha256,source,command,accuracy',
      `run-1,cnn,2026-01-02T10:00:00.000Z,${'a'.repeat(40)},false,,results/cnn.json,python evaluate.py,0.98`,
      `run-2,cnn,2026-01-03T10:00:00.000Z,${'a'.repeat(40)},false,,results/cnn.json,python evaluate.py,0.96`,
    ]);
    assert.equal(handle.lastExport?.toString(), target.toString());
  });

  it('a failed evaluation shows in the panel (it recorded nothing) and its log opens from it', async () => {
    const review = await openReview();
    const uri = demoRoadmapUri();
    const text = await readDisk(uri);
    try {
      await restoreFile(uri, text.replace('\nevaluation:', '  - id: transformer\n    title: Vision transformer\n    status: idea\n\nevaluation:'));
      const result = await vscode.commands.executeCommand<{ done: boolean; logFile?: string }>('mlroadmap.evaluateCandidate', { roadmap: uri.toString(), candidate: 'transformer' });
      assert.equal(result?.done, false);
      const log = result.logFile;
      assert.ok(log, 'the failed run has a log');
      await waitFor('the failure in the snapshot', () => review.lastSent?.failures.some((f) => f.candidate === 'transformer' && f.exitCode === 1 && f.hasLog) === true, 30_000);
      assert.equal(review.lastSent?.runs.length, RECORDS.length, 'nothing recorded');
      // The failure opens its log once by itself; closed, it opens again only from the panel.
      const logShown = () => vscode.window.visibleTextEditors.some((e) => e.document.uri.fsPath === log);
      await waitFor('the failure to open its log by itself', logShown, 20_000);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await waitFor('the log to be closed', () => !logShown(), 10_000);
      const failure = review.lastSent!.failures.find((f) => f.candidate === 'transformer')!;
      assert.equal(await review.receive({ type: 'showLog', runId: failure.id }), true);
      await waitFor('the log to be opened from the panel', logShown, 20_000);
    } finally {
      await restoreFile(uri, text);
    }
  });
});

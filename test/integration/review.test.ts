// The Evaluation Review's host side inside the real extension host: with a few records written to the demo's
// `.mlroadmap/history.jsonl` (as the evaluation pipeline writes them), Show Evaluation Review opens the panel and its
// snapshot holds exactly the history the results index read, and the latest result of each candidate it shows; a
// forged message is refused; the snapshot sent carries the first screen and `loadRuns` the rest of the same snapshot's
// run table; pinning a run sends deltas against it; Export CSV writes the shown table; a failed
// evaluation shows in the panel and its log opens from it. In a real git repository: showRunDetail answers a run's
// per-class table, showCommit opens the run's own commit (the document's text is `git show`'s), forged ones are refused.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ServicesWithReview, ReviewPanel } from '../../src/panels/review';
import { waitFor } from './support/extension';
import { commitAll, git } from './support/git';
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

  it('the snapshot sent carries the first screen; loadRuns answers pages of the run table of that snapshot only', async () => {
    const review = await openReview();
    const handle = (await extensionApi()).services as ServicesWithReview;
    const h = handle.review!;
    await waitFor('the snapshot sent', () => h.lastSnapshot !== undefined, 10_000);
    const sent = h.lastSnapshot!;
    const model = review.lastSent!;
    assert.equal(sent.runCount, model.runs.length);
    assert.deepEqual(sent.runs, model.runs.slice(0, sent.runs.length));
    assert.deepEqual([...sent.chart.record], model.runs.map((r) => Number(r.id.slice(4))));
    assert.ok(sent.chart.at instanceof Float64Array, 'the chart columns are typed arrays');
    assert.equal(await review.receive({ type: 'loadRuns', version: sent.version, offset: 1 }), true);
    await waitFor('the page', () => h.lastRunsPage?.offset === 1 && h.lastRunsPage.version === sent.version, 10_000);
    assert.deepEqual(h.lastRunsPage?.runs, model.runs.slice(1));
    h.lastRunsPage = undefined;
    assert.equal(await review.receive({ type: 'loadRuns', version: sent.version + 1000, offset: 0 }), true);
    assert.equal(h.lastRunsPage, undefined, 'no page of a snapshot that is not the one shown');
    assert.equal(await review.receive({ type: 'loadRuns', version: sent.version, offset: -1 }), false, 'refused');
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

  describe('run detail and commit (a real git repository)', () => {
    let commit = '';
    const perClass = { classes: { '0': { precision: 1, recall: 0.97, 'f1-score': 0.98, support: 33 }, '1': { precision: 0.94, recall: 1, 'f1-score': 0.97, support: 28 } } };

    before(async () => {
      const dir = root();
      commitAll(dir);
      fs.appendFileSync(path.join(dir, 'evaluate.py'), '# tuned for the review test\n');
      git(dir, 'commit', '-qam', 'tune the evaluation script');
      commit = git(dir, 'rev-parse', 'HEAD');
      const records = [
        { ...RECORDS[0], git: { commit, dirty: false }, perClass },
        { ...RECORDS[1], git: null },
        { ...RECORDS[2], git: { commit: 'f'.repeat(40), dirty: false } },
      ];
      fs.writeFileSync(historyFile(), records.map((r) => JSON.stringify(r) + '\n').join(''));
      const api = await extensionApi();
      const entry = api.services.store.get(demoRoadmapUri())!;
      await waitFor('the index to read the per-class history', () => api.services.results.history(entry)[0]?.perClass !== undefined && api.services.results.history(entry)[1]?.git === null, 30_000);
    });

    after(async () => {
      const api = await extensionApi();
      const handle = (api.services as ServicesWithReview).review;
      if (handle) handle.commitAsDocument = undefined;
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(path.join(root(), '.git'), { recursive: true, force: true });
    });

    const handle = async () => {
      const h = ((await extensionApi()).services as ServicesWithReview).review;
      assert.ok(h);
      return h;
    };

    it('the snapshot flags the run with per-class values without carrying them; showRunDetail answers its table', async () => {
      const review = await openReview();
      await waitFor('the snapshot of the new history', () => review.lastSent?.runs[0]?.perClass === true, 10_000);
      assert.ok(!JSON.stringify(review.lastSent).includes('f1-score'), 'no per-class value in the snapshot');
      assert.equal(await review.receive({ type: 'showRunDetail', runId: 'run-0' }), true);
      assert.deepEqual((await handle()).lastRunDetail, {
        runId: 'run-0',
        candidate: 'logreg',
        at: RECORDS[0]!.recordedAt,
        commit,
        perClass: { metrics: ['precision', 'recall', 'f1-score', 'support'], rows: [{ label: '0', values: [1, 0.97, 0.98, 33] }, { label: '1', values: [0.94, 1, 0.97, 28] }] },
      });
      assert.equal(await review.receive({ type: 'showRunDetail', runId: 'run-1' }), true);
      assert.match((await handle()).lastRunDetail?.note ?? '', /^run-1 \(cnn\) has no per-class values/);
    });

    it('refuses a forged showCommit or showRunDetail (a commit of its own, extra fields, a failure id) and says so for an unknown run', async () => {
      const review = await openReview();
      const h = await handle();
      h.lastCommit = undefined;
      const before = review.refused.length;
      for (const forged of [
        { type: 'showCommit', runId: 'run-0', commit: 'HEAD' },
        { type: 'showCommit', runId: '--output=/tmp/x' },
        { type: 'showCommit', runId: 'failure-0' },
        { type: 'showRunDetail', runId: 'run-0', perClass: {} },
        { type: 'showRunDetail', runId: 'run-0; rm -rf /' },
      ]) {
        assert.equal(await review.receive(forged), false, JSON.stringify(forged));
      }
      assert.equal(review.refused.length - before, 5);
      assert.equal(h.lastCommit, undefined, 'nothing was shown');
      assert.equal(await review.receive({ type: 'showCommit', runId: 'run-99' }), true);
      assert.deepEqual(h.lastCommit, { runId: 'run-99', via: 'none', message: 'There is no run run-99 in the history.' });
    });

    it("showCommit opens the run's commit as a read-only document whose text is git show's", async () => {
      const review = await openReview();
      const h = await handle();
      h.commitAsDocument = true;
      assert.equal(await review.receive({ type: 'showCommit', runId: 'run-0' }), true);
      const shown = h.lastCommit;
      assert.ok(shown?.via === 'document', JSON.stringify(shown));
      assert.equal(shown.commit, commit);
      await waitFor('the commit document in an editor', () => vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === shown.uri.toString()), 20_000);
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === shown.uri.toString())!;
      assert.equal(doc.uri.scheme, 'mlroadmap-commit');
      assert.equal(doc.getText(), execFileSync('git', ['show', '--stat', '--patch', '--no-color', commit], { cwd: root(), encoding: 'utf8' }));
      assert.match(doc.getText(), /tune the evaluation script/);
      assert.match(doc.getText(), /\+# tuned for the review test/);
    });

    it('through the git extension when it knows the repository, else as the document', async () => {
      const review = await openReview();
      const h = await handle();
      h.commitAsDocument = undefined;
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      assert.equal(await review.receive({ type: 'showCommit', runId: 'run-0' }), true);
      const shown = h.lastCommit;
      assert.ok(shown && shown.via !== 'none', JSON.stringify(shown));
      console.log(`      showCommit went through: ${shown.via}`);
      const short = commit.slice(0, 7);
      const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
      await waitFor(`a tab of the commit ${short} (${shown.via})`, () => tabs().some((l) => l.includes(short) || (shown.via === 'document' && l.includes(commit.slice(0, 10)))), 20_000);
    });

    it('a run with no commit, or a commit the repository lacks, says so and opens nothing', async () => {
      const review = await openReview();
      const h = await handle();
      h.commitAsDocument = true;
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      assert.equal(await review.receive({ type: 'showCommit', runId: 'run-1' }), true);
      assert.deepEqual(h.lastCommit, { runId: 'run-1', via: 'none', message: 'run-1 (cnn) has no commit: it was recorded outside a git repository.' });
      assert.equal(await review.receive({ type: 'showCommit', runId: 'run-2' }), true);
      assert.equal(h.lastCommit?.via, 'none');
      assert.match(h.lastCommit?.via === 'none' ? h.lastCommit.message : '', /is not in the repository/);
      assert.equal(vscode.window.visibleTextEditors.filter((e) => e.document.uri.scheme === 'mlroadmap-commit').length, 0);
    });
  });
});

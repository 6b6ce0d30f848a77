// Restricted Mode: the Evaluation Review opens read-only (it offers no run action; viewing, pinning a run for the
// view and exporting the table stay available, as none of them runs anything). A run's per-class table still shows;
// its commit does not open, since git reads the untrusted repository's config (no git process, no document).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ReviewPanel, ServicesWithReview } from '../../src/panels/review';
import { waitFor } from '../integration/support/extension';
import { demoRoadmapUri, extensionApi, workspaceFolder } from '../integration/support/roadmapFile';

describe('Restricted Mode: the Evaluation Review read-only', function () {
  this.timeout(120_000);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens with a read-only snapshot of the roadmap', async () => {
    await extensionApi();
    assert.equal(vscode.workspace.isTrusted, false);
    const review = await vscode.commands.executeCommand<ReviewPanel>('mlroadmap.showEvaluationReview', { roadmap: demoRoadmapUri().toString() });
    assert.ok(review);
    await waitFor('the snapshot', () => review.lastSent !== undefined, 60_000);
    assert.equal(review.lastSent?.readOnly, true);
    assert.deepEqual(review.lastSent?.summary.map((r) => r.metric), ['accuracy', 'macro_f1', 'forms_auto_routed']);
  });

  it("shows a run's per-class table but opens no commit", async () => {
    const api = await extensionApi();
    const file = path.join(workspaceFolder().uri.fsPath, '.mlroadmap', 'history.jsonl');
    const saved = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    const record = {
      candidate: 'logreg',
      metrics: { accuracy: 0.95 },
      source: 'results/logreg.json',
      format: 'mlroadmap',
      git: { commit: 'a'.repeat(40), dirty: false },
      dataset: null,
      command: null,
      recordedAt: '2026-01-01T10:00:00.000Z',
      perClass: { classes: { '0': { recall: 0.9 } } },
    };
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(record) + '\n');
      const entry = api.services.store.get(demoRoadmapUri())!;
      await waitFor('the index to read the record', () => api.services.results.history(entry)[0]?.perClass !== undefined, 30_000);
      const review = await vscode.commands.executeCommand<ReviewPanel>('mlroadmap.showEvaluationReview', { roadmap: demoRoadmapUri().toString() });
      await waitFor('the snapshot with the run', () => review.lastSent?.runs.length === 1, 30_000);
      const handle = (api.services as ServicesWithReview).review!;
      assert.equal(await review.receive({ type: 'showRunDetail', runId: 'run-0' }), true);
      assert.deepEqual(handle.lastRunDetail?.perClass, { metrics: ['recall'], rows: [{ label: '0', values: [0.9] }] });
      assert.equal(await review.receive({ type: 'showCommit', runId: 'run-0' }), true);
      assert.deepEqual(handle.lastCommit, {
        runId: 'run-0',
        commit: 'a'.repeat(40),
        via: 'none',
        message: `ML Roadmap does not run git in Restricted Mode. Trust this workspace to see the commit ${'a'.repeat(10)}.`,
      });
      assert.equal(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'mlroadmap-commit').length, 0);
    } finally {
      if (saved === undefined) fs.rmSync(file, { force: true });
      else fs.writeFileSync(file, saved);
    }
  });
});

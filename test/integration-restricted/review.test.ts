// Restricted Mode: the Evaluation Review opens read-only (it offers no run action; viewing, pinning a run for the
// view and exporting the table stay available, as none of them runs anything).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ReviewPanel } from '../../src/panels/review';
import { waitFor } from '../integration/support/extension';
import { demoRoadmapUri, extensionApi } from '../integration/support/roadmapFile';

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
});

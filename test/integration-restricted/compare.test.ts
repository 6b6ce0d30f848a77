// Restricted Mode: Compare Candidates opens read-only (its snapshot says so, so the webview offers no Evaluate and
// no Record Decision), and an evaluate request that reaches the host anyway is refused by the command: no task runs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ComparePanel } from '../../src/panels/compare';
import { waitFor } from '../integration/support/extension';
import { demoRoadmapUri, extensionApi, readDisk } from '../integration/support/roadmapFile';

describe('Restricted Mode: Compare Candidates read-only', function () {
  this.timeout(120_000);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens with a read-only snapshot, and an evaluation or a decision asked for anyway runs nothing', async () => {
    await extensionApi();
    assert.equal(vscode.workspace.isTrusted, false);
    const panel = await vscode.commands.executeCommand<ComparePanel>('mlroadmap.compareCandidates', { roadmap: demoRoadmapUri().toString() });
    assert.ok(panel);
    await waitFor('the snapshot', () => panel.lastSent !== undefined, 60_000);
    assert.equal(panel.lastSent?.readOnly, true);
    assert.ok((panel.lastSent?.rows.length ?? 0) > 0, 'the candidates are shown');
    const before = await readDisk(demoRoadmapUri());
    const started: string[] = [];
    const sub = vscode.tasks.onDidStartTask((e) => started.push(e.execution.task.name));
    try {
      assert.equal(await panel.receive({ type: 'evaluateCandidate', id: 'knn' }), true, 'a valid request, refused by the command');
      assert.equal(await panel.receive({ type: 'recordDecision', id: 'knn' }), true, 'a valid request, refused by the command');
    } finally {
      sub.dispose();
    }
    assert.deepEqual(started, []);
    assert.equal(await readDisk(demoRoadmapUri()), before);
  });
});

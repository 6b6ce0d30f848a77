// Restricted Mode: the Roadmap Board opens read-only (its snapshot says so, so the webview offers no drag, no
// "Move to…" and no fixes), and a move request that reaches the host anyway is refused with the file unchanged.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BoardPanel } from '../../src/panels/board';
import { waitFor } from '../integration/support/extension';
import { demoRoadmapUri, extensionApi, readDisk } from '../integration/support/roadmapFile';

describe('Restricted Mode: the Roadmap Board read-only', function () {
  this.timeout(120_000);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens with a read-only snapshot, and a move is refused with mlroadmap.yaml unchanged', async () => {
    await extensionApi();
    assert.equal(vscode.workspace.isTrusted, false);
    const board = await vscode.commands.executeCommand<BoardPanel>('mlroadmap.showBoard', { roadmap: demoRoadmapUri().toString() });
    assert.ok(board);
    await waitFor('the snapshot', () => board.lastSent !== undefined, 60_000);
    assert.equal(board.lastSent?.readOnly, true);
    assert.ok((board.lastSent?.columns.length ?? 0) > 0, 'the roadmap is shown');
    const before = await readDisk(demoRoadmapUri());
    assert.equal(await board.receive({ type: 'setStepStatus', stepId: 'cost-benefit', status: 'done' }), true, 'a valid request, refused by the command');
    assert.equal(await readDisk(demoRoadmapUri()), before);
  });
});

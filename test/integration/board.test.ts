// The Roadmap Board's host side inside the real extension host: Show Board opens the webview panel on the demo,
// the webview's `ready` gets a snapshot built from the same analysis the trees use, a forged or malformed message
// is refused with nothing changed, a valid move edits mlroadmap.yaml through the palette's command, and a hand
// edit of the YAML reaches the board.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BoardPanel } from '../../src/panels/board';
import { waitFor } from './support/extension';
import { demoRoadmapUri, extensionApi, readDisk, restoreDemoRoadmapAfterEach, restoreFile } from './support/roadmapFile';

async function openBoard(): Promise<BoardPanel> {
  const board = await vscode.commands.executeCommand<BoardPanel>('mlroadmap.showBoard', { roadmap: demoRoadmapUri().toString() });
  assert.ok(board, 'Show Board returns the panel');
  await waitFor('the webview to say ready and get its snapshot', () => board.lastSent !== undefined, 60_000);
  return board;
}

describe('Roadmap Board (host side)', function () {
  this.timeout(120_000);
  restoreDemoRoadmapAfterEach({ closeEditors: true });

  it('opens on the demo and sends the five stages, the tracks, the gate and the progress the analysis has', async () => {
    const board = await openBoard();
    assert.equal(board.panel.viewType, 'mlroadmap.board');
    assert.equal(board.panel.title, 'Board: Digit recognizer');
    const sent = board.lastSent!;
    assert.deepEqual(sent.columns.filter((c) => c.phase === 'discovery').map((c) => c.title), ['Understand', 'Define', 'Ideate', 'Prototype', 'Test']);
    assert.deepEqual(sent.columns.filter((c) => c.phase === 'production').map((c) => c.title), ['training-pipeline', 'serving', 'monitoring']);
    const api = await extensionApi();
    const entry = api.services.store.get(demoRoadmapUri());
    const analysis = entry && api.services.analysis.get(entry);
    assert.ok(analysis?.gate && analysis.progress);
    assert.deepEqual(sent.gate, { from: 'discovery', to: 'production', passed: analysis.gate.passed, unmet: analysis.gate.unmet.map((u) => u.message) });
    assert.deepEqual(sent.progress, { done: analysis.progress.done, total: analysis.progress.total });
    assert.equal(sent.readOnly, false);
    // Show Board again reveals the same panel.
    assert.equal(await vscode.commands.executeCommand<BoardPanel>('mlroadmap.showBoard', { roadmap: demoRoadmapUri().toString() }), board);
  });

  it('refuses forged and malformed messages and changes nothing', async () => {
    const board = await openBoard();
    const before = await readDisk(demoRoadmapUri());
    for (const forged of [
      { type: 'setStepStatus', stepId: 'cost-benefit', status: 'shipped' },
      { type: 'setStepStatus', stepId: 'cost-benefit', status: 'done', roadmap: 'file:///etc/passwd' },
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      'setStepStatus',
    ]) {
      assert.equal(await board.receive(forged), false, JSON.stringify(forged));
    }
    assert.equal(board.refused.length, 4);
    assert.equal(await readDisk(demoRoadmapUri()), before);
  });

  it('a move from the board edits the step status in mlroadmap.yaml (one line), and the board follows', async () => {
    const board = await openBoard();
    const before = await readDisk(demoRoadmapUri());
    assert.equal(await board.receive({ type: 'setStepStatus', stepId: 'cost-benefit', status: 'doing' }), true);
    await waitFor('the status on disk', async () => /- id: cost-benefit\n\s+title: .*\n\s+status: doing/.test(await readDisk(demoRoadmapUri())), 20_000);
    const after = await readDisk(demoRoadmapUri());
    assert.equal(after, before.replace(/(- id: cost-benefit\n\s+title: .*\n\s+status: )todo/, '$1doing'));
    await waitFor('the new snapshot', () => board.lastSent?.columns.flatMap((c) => c.cards).find((c) => c.id === 'cost-benefit')?.status === 'doing', 20_000);
    // The webview announces the move on this answer, not on its own request.
    assert.deepEqual(board.lastUpdate, { type: 'moved', stepId: 'cost-benefit', status: 'doing', done: true });
  });

  it('a move the host cannot make is answered as not made, and nothing is written', async () => {
    const board = await openBoard();
    const before = await readDisk(demoRoadmapUri());
    assert.equal(await board.receive({ type: 'setStepStatus', stepId: 'no-such-step', status: 'doing' }), true);
    await waitFor('the answer', () => (board.lastUpdate as { stepId?: string } | undefined)?.stepId === 'no-such-step', 20_000);
    assert.deepEqual(board.lastUpdate, { type: 'moved', stepId: 'no-such-step', status: 'doing', done: false });
    assert.equal(await readDisk(demoRoadmapUri()), before);
  });

  it('a hand edit of the YAML reaches the board', async () => {
    const board = await openBoard();
    const text = await readDisk(demoRoadmapUri());
    await restoreFile(demoRoadmapUri(), text.replace('title: Estimate cost and benefit of each candidate', 'title: Estimate cost and benefit (by hand)'));
    await waitFor('the edited title on the board', () => board.lastSent?.columns.flatMap((c) => c.cards).some((c) => c.title === 'Estimate cost and benefit (by hand)') === true, 20_000);
  });
});

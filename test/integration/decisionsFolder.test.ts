// A decisions folder that cannot be listed, in the real extension host: a file sits where the folder should be
// (ENOTDIR, which fails for root too). Every decision command refuses with a message; none numbers a record as if
// the folder were empty, and nothing is written.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RecordDecisionResult } from '../../src/decisions/recordArgs';
import type { LifecycleResult } from '../../src/decisions/lifecycle';
import type { GenerateIndexResult } from '../../src/decisions/generateIndex';
import { waitFor } from './support/extension';
import { child, viewsHandle } from './support/views';
import { demoRoadmapUri, extensionApi, restoreDemoRoadmapAfterEach, restoreFile, workspaceFolder } from './support/roadmapFile';

function listing(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => !f.startsWith('.git')).sort();
}

describe('an unreadable decisions folder', function () {
  this.timeout(60_000);
  const original = restoreDemoRoadmapAfterEach({ closeEditors: true });
  let blocker = '';

  before(() => {
    blocker = path.join(workspaceFolder().uri.fsPath, 'not-a-folder');
    fs.writeFileSync(blocker, 'a file where the decisions folder should be\n');
  });

  after(() => {
    fs.rmSync(blocker, { force: true });
  });

  it('shows as an error in the Decisions tree; Record Decision, Set Decision Status and Generate Decision Index refuse: no number given, nothing written', async () => {
    const root = workspaceFolder().uri.fsPath;
    await restoreFile(demoRoadmapUri(), original().replace(/^decisions: docs\/decisions/m, 'decisions: not-a-folder/decisions'));
    const api = await extensionApi();
    await waitFor('the moved decisions key', () => api.services.store.get(demoRoadmapUri())?.roadmap?.decisions === 'not-a-folder/decisions');
    // The Decisions tree says the folder cannot be read, instead of showing "no decisions recorded yet".
    const { decisions } = await viewsHandle();
    await waitFor('the error node in the Decisions tree', () => decisions.getChildren(undefined).some((n) => n.label === 'Cannot read the decisions folder'));
    const node = child(decisions, 'Cannot read the decisions folder');
    assert.equal(node.description, 'ENOTDIR');
    assert.deepEqual(decisions.getChildren(undefined).map((n) => n.label), ['Cannot read the decisions folder']);
    const before = listing(root);
    const roadmap = demoRoadmapUri().toString();

    const recorded = await vscode.commands.executeCommand<RecordDecisionResult>('mlroadmap.recordDecision', {
      roadmap,
      title: 'Serve on CPU',
      reason: 'the form router has no GPU',
      confirm: true,
      initRepo: false,
      open: false,
    });
    assert.equal(recorded?.committed, false, JSON.stringify(recorded));
    assert.equal(recorded?.file, undefined);
    assert.equal(recorded?.failure?.kind, 'io-error');
    assert.match(recorded?.failure?.message ?? '', /Cannot read the decisions folder .*not-a-folder.*\(ENOTDIR\); no number was given and nothing was written/);

    const status = await vscode.commands.executeCommand<LifecycleResult>('mlroadmap.setDecisionStatus', { roadmap, number: 1, status: 'accepted', confirm: true });
    assert.equal(status?.failure?.kind, 'io-error', JSON.stringify(status));
    assert.match(status?.failure?.message ?? '', /Cannot read the decisions folder .*not-a-folder.*ENOTDIR/);

    const index = await vscode.commands.executeCommand<GenerateIndexResult>('mlroadmap.generateDecisionIndex', { roadmap, open: false });
    assert.equal(index?.written, false, JSON.stringify(index));
    assert.match(index?.failure?.message ?? '', /Cannot read the decisions folder .*ENOTDIR/);

    assert.deepEqual(listing(root), before, 'no file was written');
    assert.equal(fs.readFileSync(blocker, 'utf8'), 'a file where the decisions folder should be\n');
  });
});

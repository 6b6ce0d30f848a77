// A decisions folder that cannot be listed, in the real extension host: a file sits where the folder should be
// (ENOTDIR, which fails for root too). Every decision command refuses with a message; none numbers a record as if
// the folder were empty, and nothing is written.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
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

describe('decision statuses as their authors wrote them, in the Decisions tree', function () {
  this.timeout(60_000);
  const written: string[] = [];

  after(async () => {
    for (const f of written) fs.rmSync(f, { force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('an unknown status is shown as written with a neutral icon; a record without a status shows none', async () => {
    const folder = path.join(workspaceFolder().uri.fsPath, 'docs', 'decisions');
    const onHold = path.join(folder, '0090-own-tooling.md');
    const none = path.join(folder, '0091-use-markdown.md');
    fs.writeFileSync(onHold, '---\nstatus: On Hold\ndate: 2026-12-01\n---\n# Own tooling\n\n## Context and Problem Statement\n\nLater.\n');
    fs.writeFileSync(none, '# Use Markdown\n\n## Context and Problem Statement\n\nWhich format?\n');
    written.push(onHold, none);
    const { decisions } = await viewsHandle();
    await waitFor('the two records in the Decisions tree', () => decisions.getChildren(undefined).filter((n) => /^009[01] /.test(n.label)).length === 2);
    const held = child(decisions, '0090 Own tooling');
    assert.equal(held.description, 'on hold · 2026-12-01');
    assert.equal(held.icon?.id, 'law', 'category other: the neutral icon, not the proposed one');
    assert.match(held.tooltip ?? '', /on hold/);
    const bare = child(decisions, '0091 Use Markdown');
    assert.equal(bare.description, '');
    assert.equal(bare.icon?.id, 'law');
    assert.match(bare.tooltip ?? '', /no status written/);
    const api = await extensionApi();
    const entry = api.services.store.get(demoRoadmapUri());
    assert.ok(entry);
    const views = api.services.decisions.records(entry).filter((r) => r.number >= 90);
    assert.deepEqual(views.map((r) => [r.number, r.status, r.category]), [
      [90, 'on hold', 'other'],
      [91, undefined, 'none'],
    ]);
  });
});

describe('a decisions folder deleted and put back', function () {
  this.timeout(60_000);
  let folder = '';
  let saved = '';

  before(() => {
    folder = path.join(workspaceFolder().uri.fsPath, 'docs', 'decisions');
    saved = fs.mkdtempSync(path.join(os.tmpdir(), 'mlroadmap-decisions-'));
    fs.cpSync(folder, saved, { recursive: true });
  });

  after(() => {
    if (!fs.existsSync(folder)) fs.cpSync(saved, folder, { recursive: true });
    fs.rmSync(saved, { recursive: true, force: true });
  });

  it('the index follows the folder: its deletion (one watcher event for the folder) empties it, the copy back fills it', async () => {
    // The watcher reports a deleted folder once, not each record it held; a copy made in one go may reach us as the
    // folder's creation only.
    const api = await extensionApi();
    const entry = api.services.store.get(demoRoadmapUri());
    assert.ok(entry);
    const numbers = () => api.services.decisions.records(entry).map((r) => r.number);
    await waitFor('the demo records', () => numbers().length === 2);
    fs.rmSync(folder, { recursive: true });
    await waitFor('the index to drop the records of the deleted folder', () => numbers().length === 0, 15_000);
    fs.cpSync(saved, folder, { recursive: true });
    await waitFor('the index to read the records copied back', () => numbers().length === 2, 15_000);
    assert.deepEqual(numbers(), [1, 2]);
  });
});

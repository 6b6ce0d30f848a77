// The decisions folder as the Decisions tree and the index see it, in the real extension host: statuses as their
// authors wrote them, and the folder deleted and put back. (A decisions folder that cannot be listed, a file in its
// place, is a case of the fault suite: faults.test.ts.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './support/extension';
import { child, viewsHandle } from './support/views';
import { demoRoadmapUri, extensionApi, workspaceFolder } from './support/roadmapFile';

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

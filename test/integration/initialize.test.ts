// Initialize Roadmap in the real extension host: refuses to overwrite the demo's roadmap, and writes a
// starter roadmap that parses with no errors into an empty folder of the workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseRoadmap } from '../../src/core/roadmap/parse';
import { waitFor } from './support/extension';
import { demoRoadmapUri, extensionApi, readDisk, workspaceFolder } from './support/roadmapFile';

interface InitializeOutcome {
  done: boolean;
  reason?: string;
  message?: string;
  uri?: string;
}

describe('Initialize Roadmap', () => {
  const folder = () => vscode.Uri.joinPath(workspaceFolder().uri, 'tmp-initialize-test');

  before(async () => {
    await extensionApi();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    const api = await extensionApi();
    await api.services.store.refresh();
  });

  it('refuses to overwrite the roadmap the workspace already has', async () => {
    const before = await readDisk(demoRoadmapUri());
    const outcome = await vscode.commands.executeCommand<InitializeOutcome>('mlroadmap.initialize', { name: 'Other', problem: 'Other problem' });
    assert.equal(outcome.done, false);
    assert.equal(outcome.reason, 'exists');
    assert.equal(outcome.uri, demoRoadmapUri().toString());
    assert.equal(await readDisk(demoRoadmapUri()), before, 'the existing roadmap is untouched');
  });

  it('writes a starter roadmap that parses with no errors into an empty folder, and opens it', async () => {
    await vscode.workspace.fs.createDirectory(folder());
    const outcome = await vscode.commands.executeCommand<InitializeOutcome>('mlroadmap.initialize', {
      folder: folder().toString(),
      name: 'Invoice fields',
      problem: 'Clerks copy totals from scanned invoices by hand.',
    });
    assert.equal(outcome.done, true, outcome.message);
    const uri = vscode.Uri.joinPath(folder(), 'mlroadmap.yaml');
    assert.equal(outcome.uri, uri.toString());
    const text = await readDisk(uri);
    const parsed = parseRoadmap(text);
    assert.deepEqual(parsed.diagnostics.filter((d) => d.severity === 'error'), [], JSON.stringify(parsed.diagnostics));
    assert.equal(parsed.roadmap?.project.name, 'Invoice fields');
    assert.equal(parsed.roadmap?.project.problem, 'Clerks copy totals from scanned invoices by hand.');
    assert.equal(parsed.roadmap?.project.phase, 'discovery');
    assert.deepEqual(parsed.roadmap?.discovery.map((s) => s.stage), ['understand', 'define', 'ideate', 'prototype', 'test']);
    assert.ok((parsed.roadmap?.production.length ?? 0) > 0, 'the usual Production tracks are there');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the new roadmap is opened');
    const api = await extensionApi();
    await waitFor('the store to know the new roadmap', () => api.services.store.get(uri) !== undefined, 5000);

    const again = await vscode.commands.executeCommand<InitializeOutcome>('mlroadmap.initialize', { folder: folder().toString(), name: 'X', problem: 'Y' });
    assert.equal(again.reason, 'exists', 'a second run refuses to overwrite it');
    assert.equal(await readDisk(uri), text);
  });
});

// The extension loads in the real extension host and activates by itself on a workspace with mlroadmap.yaml.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/ids';
import { EXTENSION_ID, contributedCommands, contributedViews, waitFor } from './support/extension';

describe('activation', () => {
  it('opens a workspace that holds mlroadmap.yaml', async () => {
    const found = await vscode.workspace.findFiles('mlroadmap.yaml', undefined, 1);
    assert.equal(found.length, 1, `workspace folders: ${vscode.workspace.workspaceFolders?.map((f) => f.uri.fsPath)}`);
  });

  it('activates on workspaceContains:mlroadmap.yaml without being asked', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    await waitFor(`${EXTENSION_ID} to activate`, () => extension.isActive, 60_000);
  });

  it('registers only commands that package.json declares', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await waitFor(`${EXTENSION_ID} to activate`, () => extension.isActive, 60_000);
    const declared = new Set(contributedCommands(extension));
    const viewIds = contributedViews(extension);
    const generatedForView = (id: string) => viewIds.some((view) => id.startsWith(`${view}.`));
    const registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('mlroadmap.'));
    const undeclared = registered.filter((id) => !declared.has(id) && !generatedForView(id));
    assert.deepEqual(undeclared, []);
  });

  it('registers every command that package.json declares', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await waitFor(`${EXTENSION_ID} to activate`, () => extension.isActive, 60_000);
    const registered = new Set(await vscode.commands.getCommands(true));
    const declared = contributedCommands(extension);
    assert.deepEqual([...declared].sort(), Object.values(Commands).sort(), 'the loaded manifest declares the commands of src/ids.ts');
    assert.deepEqual(declared.filter((id) => !registered.has(id)), [], 'declared but not registered');
  });
});

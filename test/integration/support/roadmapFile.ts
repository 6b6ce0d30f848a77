// Helpers for tests that change the demo's mlroadmap.yaml through commands: where it is, its text on
// disk, a snapshot restored after each test (so other test files see the demo as shipped), and a line
// diff to prove an edit touched only the lines it meant to.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MlRoadmapExtension } from '../../../src/composition';
import { EXTENSION_ID, waitFor } from './extension';

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder;
}

export function demoRoadmapUri(): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, 'mlroadmap.yaml');
}

export async function extensionApi(): Promise<MlRoadmapExtension> {
  const extension = vscode.extensions.getExtension<MlRoadmapExtension>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is loaded`);
  const api = await extension.activate();
  await api.services.store.whenReady();
  return api;
}

export async function readDisk(uri: vscode.Uri): Promise<string> {
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
}

/**
 * Sets the file's text and saves it. An open document is edited through the editor (a whole-text
 * WorkspaceEdit, then save) rather than behind its back, so that its next save does not race a reload
 * from disk; a closed file is written directly.
 */
export async function setFileText(uri: vscode.Uri, text: string): Promise<void> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (doc) {
    if (doc.isDirty) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    if (doc.getText() !== text) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
      assert.ok(await vscode.workspace.applyEdit(edit), 'the document accepts the edit');
    }
    // save() is false when the document is not dirty (any more): what counts is the text on disk, checked below.
    if (doc.isDirty) await doc.save();
  } else if ((await readDisk(uri)) !== text) {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  }
  // A save can lose a race with the web workbench's auto-save: wait for the disk, then write it directly.
  const onDisk = async () => (await readDisk(uri)) === text;
  await waitFor('the saved text on disk', onDisk, 3000).catch(async () => {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    if (doc) await waitFor('the open document to follow the disk', () => doc.getText() === text && !doc.isDirty, 5000);
  });
  // Editors write files by truncating them first: a read during another save can see an empty file for a moment.
  await waitFor('the text to stay on disk', onDisk, 5000).catch(async () => assert.equal(await readDisk(uri), text));
  const api = await extensionApi();
  await api.services.store.reload(uri);
}

/** Puts the file back as it was, unsaved changes of an open document dropped. */
export async function restoreFile(uri: vscode.Uri, text: string): Promise<void> {
  await setFileText(uri, text);
}

export interface LineDiff {
  /** Lines of `before` that were replaced or removed, with their 0-based numbers. */
  readonly removed: { line: number; text: string }[];
  /** Lines of `after` that are new or changed. */
  readonly added: { line: number; text: string }[];
}

/** The one contiguous block where two texts differ, by lines (common prefix and suffix trimmed). */
export function lineDiff(before: string, after: string): LineDiff {
  const a = before.split('\n');
  const b = after.split('\n');
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return {
    removed: a.slice(prefix, a.length - suffix).map((text, i) => ({ line: prefix + i, text })),
    added: b.slice(prefix, b.length - suffix).map((text, i) => ({ line: prefix + i, text })),
  };
}

/** Asserts that exactly one line changed, from `from` to `to` (regular expressions on the line). */
export function assertOneLineChanged(before: string, after: string, from: RegExp, to: RegExp): void {
  const diff = lineDiff(before, after);
  assert.equal(diff.removed.length, 1, `one line replaced, got: ${JSON.stringify(diff)}`);
  assert.equal(diff.added.length, 1, `one line replaced, got: ${JSON.stringify(diff)}`);
  assert.match(diff.removed[0].text, from);
  assert.match(diff.added[0].text, to);
}

/** Asserts that lines were only inserted (one block), and returns them. */
export function insertedBlock(before: string, after: string): string[] {
  const diff = lineDiff(before, after);
  assert.deepEqual(diff.removed, [], `nothing removed or changed, got: ${JSON.stringify(diff)}`);
  assert.ok(diff.added.length > 0, 'lines were added');
  return diff.added.map((l) => l.text);
}

/**
 * For a suite that edits the demo roadmap: reads it before the suite and puts it back after each test (unsaved
 * changes dropped; every editor closed too with `closeEditors`). Returns the original text.
 */
export function restoreDemoRoadmapAfterEach(options: { readonly closeEditors?: boolean } = {}): () => string {
  let original = '';
  before(async () => {
    await extensionApi();
    original = await readDisk(demoRoadmapUri());
  });
  afterEach(async () => {
    await restoreFile(demoRoadmapUri(), original);
    if (options.closeEditors) await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  return () => original;
}

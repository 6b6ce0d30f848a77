// Helpers for tests of the sidebar: the views handle the extension exposes, and tree walking by label.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ViewsHandle } from '../../../src/views';
import type { ViewNode } from '../../../src/views/viewNode';
import type { NodeTreeProvider } from '../../../src/views/nodeTreeProvider';
import { extensionApi } from './roadmapFile';

export async function viewsHandle(): Promise<ViewsHandle> {
  const api = await extensionApi();
  const views = api.services.views;
  assert.ok(views, 'the views feature exposes its handle on services.views');
  return views;
}

export function labels(nodes: readonly ViewNode[]): string[] {
  return nodes.map((n) => n.label);
}

/** The child of `parent` (or a top-level node) with this label; fails with the labels there are. */
export function child(provider: NodeTreeProvider, label: string | RegExp, parent?: ViewNode): ViewNode {
  const nodes = provider.getChildren(parent);
  const found = nodes.find((n) => (typeof label === 'string' ? n.label === label : label.test(n.label)));
  assert.ok(found, `no node ${String(label)} under ${parent?.label ?? 'the root'}: ${labels(nodes).join(' | ')}`);
  return found;
}

/** Follows a path of labels from the root. */
export function nodeAt(provider: NodeTreeProvider, ...path: (string | RegExp)[]): ViewNode {
  let node: ViewNode | undefined;
  for (const label of path) node = child(provider, label, node);
  assert.ok(node);
  return node;
}

/** Replaces the first occurrence of `search` in the open document with `replacement`, through a WorkspaceEdit. */
export async function editDocument(uri: vscode.Uri, search: string, replacement: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const offset = doc.getText().indexOf(search);
  assert.ok(offset >= 0, `the document contains ${JSON.stringify(search)}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + search.length)), replacement);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
  return doc;
}

/** The (0-based) line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const line = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `a line contains ${needle}`);
  return line;
}


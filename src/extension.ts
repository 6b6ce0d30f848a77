import type * as vscode from 'vscode';
import { MlRoadmapExtension } from './composition';

export function activate(context: vscode.ExtensionContext): MlRoadmapExtension {
  const extension = new MlRoadmapExtension(context, performance.now());
  context.subscriptions.push(extension);
  return extension;
}

/** Nothing to do: the extension is in the context's subscriptions, which VS Code disposes. */
export function deactivate(): void {}

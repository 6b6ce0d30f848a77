import type * as vscode from 'vscode';
import { MlRoadmapExtension } from './composition';

let extension: MlRoadmapExtension | undefined;

export function activate(context: vscode.ExtensionContext): MlRoadmapExtension {
  extension = new MlRoadmapExtension(context);
  context.subscriptions.push(extension);
  return extension;
}

export function deactivate(): void {
  extension = undefined;
}

import type * as vscode from 'vscode';
import type { Services } from '../services';

/** Palette commands that change the roadmap. */
export function activateCommands(_services: Services): vscode.Disposable[] {
  return [];
}

import type * as vscode from 'vscode';
import type { Services } from '../services';

/** The Scaffold Baseline command. */
export function activateScaffold(_services: Services): vscode.Disposable[] {
  return [];
}

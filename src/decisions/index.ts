import type * as vscode from 'vscode';
import type { Services } from '../services';

/** Architecture decision commands and the Decisions view data. */
export function activateDecisions(_services: Services): vscode.Disposable[] {
  return [];
}

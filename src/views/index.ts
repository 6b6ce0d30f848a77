import type * as vscode from 'vscode';
import type { Services } from '../services';

/** Sidebar tree views, status bar item. */
export function activateViews(_services: Services): vscode.Disposable[] {
  return [];
}

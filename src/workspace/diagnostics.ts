import type * as vscode from 'vscode';
import type { Services } from '../services';

/** Publishes parse and pitfall diagnostics of every roadmap, and the context keys views and menus depend on. */
export function activateDiagnostics(_services: Services): vscode.Disposable[] {
  return [];
}

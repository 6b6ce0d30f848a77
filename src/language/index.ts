import type * as vscode from 'vscode';
import type { Services } from '../services';

/** Language features on mlroadmap.yaml. */
export function activateLanguage(_services: Services): vscode.Disposable[] {
  return [];
}

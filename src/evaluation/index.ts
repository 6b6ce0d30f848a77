import type * as vscode from 'vscode';
import type { Services } from '../services';

/** Evaluation tasks, result ingestion, CodeLens and the Testing view. */
export function activateEvaluation(_services: Services): vscode.Disposable[] {
  return [];
}

import * as vscode from 'vscode';
import type { RoadmapStore } from '../workspace/roadmapStore';
import type { ResultsIndex } from '../services';

/** Latest results per candidate. */
export function createResultsIndex(_store: RoadmapStore, _log: vscode.LogOutputChannel): ResultsIndex & vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  return {
    onDidChange: changed.event,
    latest: () => undefined,
    staleFindings: () => [],
    dispose: () => changed.dispose(),
  };
}

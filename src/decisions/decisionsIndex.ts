import * as vscode from 'vscode';
import type { RoadmapStore } from '../workspace/roadmapStore';
import type { DecisionsIndex } from '../services';

/** Decision records per roadmap. */
export function createDecisionsIndex(_store: RoadmapStore, _log: vscode.LogOutputChannel): DecisionsIndex & vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  return {
    onDidChange: changed.event,
    records: () => [],
    dispose: () => changed.dispose(),
  };
}

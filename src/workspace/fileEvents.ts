// The workspace's file events, from one watcher: the roadmap store, the results index and the decisions index
// subscribe to it with their own filters instead of each watching the workspace.
import * as vscode from 'vscode';

export type FileEventKind = 'created' | 'changed' | 'deleted';

export interface FileEvent {
  readonly uri: vscode.Uri;
  readonly kind: FileEventKind;
}

/** What subscribers receive: every file event of the workspace, or those a filter accepts. */
export interface FileEvents {
  subscribe(listener: (event: FileEvent) => void, filter?: (event: FileEvent) => boolean): vscode.Disposable;
}

/**
 * One FileSystemWatcher over every file of the workspace (a glob string, not a RelativePattern, so it rides on the
 * workspace's own file watching and `files.watcherExclude`), created once by the composition root.
 */
export class WorkspaceFileEvents implements FileEvents, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<FileEvent>();
  private readonly disposables: vscode.Disposable[];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    const fire = (kind: FileEventKind) => (uri: vscode.Uri) => this.emitter.fire({ uri, kind });
    this.disposables = [
      this.emitter,
      watcher,
      watcher.onDidCreate(fire('created')),
      watcher.onDidChange(fire('changed')),
      watcher.onDidDelete(fire('deleted')),
    ];
  }

  subscribe(listener: (event: FileEvent) => void, filter?: (event: FileEvent) => boolean): vscode.Disposable {
    return this.emitter.event((e) => {
      if (!filter || filter(e)) listener(e);
    });
  }

  dispose(): void {
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

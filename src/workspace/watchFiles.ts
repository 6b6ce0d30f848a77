// One file watcher whose create, change and delete events all go to the same handler, with the file's path.
import * as vscode from 'vscode';

/**
 * Watches `glob` through the workspace's own file watching (a glob string, not a RelativePattern, so no
 * extra watch request is made); the returned disposables stop it.
 */
export function watchFiles(glob: string, onFile: (fsPath: string) => void): vscode.Disposable[] {
  const watcher = vscode.workspace.createFileSystemWatcher(glob);
  const handle = (uri: vscode.Uri) => onFile(uri.fsPath);
  return [watcher, watcher.onDidCreate(handle), watcher.onDidChange(handle), watcher.onDidDelete(handle)];
}

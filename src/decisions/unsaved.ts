// Files a decision commits may be open with unsaved changes: they are saved only after the user says so,
// never swept into a commit silently.
import * as path from 'node:path';
import * as vscode from 'vscode';

/**
 * Saves the open, dirty documents among `files` when the user agrees (`confirm`, or a modal when absent).
 * Returns undefined when every file is saved, else a message saying why nothing was done.
 */
export async function saveUnsavedFirst(files: readonly string[], confirm: boolean | undefined): Promise<string | undefined> {
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && files.some((f) => d.uri.scheme === 'file' && samePath(d.uri.fsPath, f)));
  if (dirty.length === 0) return undefined;
  const names = dirty.map((d) => path.basename(d.uri.fsPath)).join(', ');
  const save = vscode.l10n.t('Save and Commit');
  const yes =
    confirm ??
    (await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} has unsaved changes: save and commit them with the decision?', names),
      { modal: true },
      save,
    )) === save;
  if (!yes) return vscode.l10n.t('{0} has unsaved changes; nothing was recorded. Save or revert them, then record the decision again.', names);
  for (const d of dirty) {
    if (!(await d.save()) && d.isDirty) return vscode.l10n.t('{0} could not be saved; nothing was recorded.', path.basename(d.uri.fsPath));
  }
  return undefined;
}

function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

import * as vscode from 'vscode';
import { diffEdit } from '../core/roadmap/edit-sequence';
import type { TextEdit } from '../core/roadmap/model';

export type EditOutcome = { ok: true } | { ok: false; message: string };

/**
 * Applies text edits computed by the core on `text` to the roadmap document through a WorkspaceEdit,
 * so they are undoable and work on an open editor with unsaved changes. Edits must have been computed
 * on the document's current text; `computeEdits` receives it to guarantee that.
 * A document that had no unsaved changes is saved afterwards so the file on disk and the views agree;
 * a dirty one is left for the user to save.
 */
export async function applyRoadmapEdits(
  uri: vscode.Uri,
  computeEdits: (text: string) => readonly TextEdit[] | { error: string },
  label = 'ML Roadmap',
): Promise<EditOutcome> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const name = uri.path.split('/').pop() ?? uri.path;
  if (!doc.isDirty) await followDisk(doc);
  const wasDirty = doc.isDirty;
  const result = computeEdits(doc.getText());
  if ('error' in result) return { ok: false, message: result.error };
  if (result.length === 0) return { ok: true };
  const edit = new vscode.WorkspaceEdit();
  const metadata: vscode.WorkspaceEditEntryMetadata = { label, needsConfirmation: false };
  for (const e of result) {
    const range = new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.offset + e.length));
    edit.replace(uri, range, e.newText, metadata);
  }
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) return { ok: false, message: vscode.l10n.t('VS Code refused the edit of {0} (is the file read-only?).', name) };
  // Auto save may already have written it; only a document that is still dirty needs saving.
  if (!wasDirty && doc.isDirty && !(await doc.save()) && doc.isDirty) {
    return { ok: false, message: vscode.l10n.t('The change is in the editor, but {0} could not be saved: save it by hand.', name) };
  }
  return { ok: true };
}

/** How long a clean document may take to show a change just written to its file by another program. */
const FOLLOW_DISK_MS = 3_000;

/**
 * Waits (a little) for a document with no unsaved changes to show what its file holds: a file written by another
 * program a moment ago reaches the open document only when the editor reloads it, and an edit made on the old text
 * could not be saved over the new one.
 */
async function followDisk(doc: vscode.TextDocument): Promise<void> {
  let disk: string;
  try {
    disk = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(doc.uri)).replace(/^\uFEFF/, '');
  } catch {
    return;
  }
  if (doc.getText() === disk) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    };
    const timer = setTimeout(done, FOLLOW_DISK_MS);
    const subscription = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc && doc.getText() === disk) done();
    });
  });
}

/**
 * Applies a text -> text change to a file through the editor (the same undoable, dirty-safe WorkspaceEdit as
 * `applyRoadmapEdits`, as one minimal replacement). A message when it could not be applied.
 */
export async function applyTextChange(file: string, change: (text: string) => string | undefined, label: string): Promise<string | undefined> {
  const name = file.split(/[\\/]/).pop() ?? file;
  try {
    const outcome = await applyRoadmapEdits(
      vscode.Uri.file(file),
      (text) => {
        const after = change(text);
        if (after === undefined) return { error: vscode.l10n.t('The change cannot be made on {0} as it is in the editor.', name) };
        return after === text ? [] : [diffEdit(text, after)];
      },
      label,
    );
    return outcome.ok ? undefined : outcome.message;
  } catch (e) {
    return vscode.l10n.t('Cannot open {0}: {1}', name, e instanceof Error ? e.message : String(e));
  }
}

import { constants, promises as fsp } from 'node:fs';
import * as vscode from 'vscode';
import { applyEdits, diffEdit } from '../core/roadmap/edit-sequence';
import type { TextEdit } from '../core/roadmap/model';

/** `note`: the edit was made, with something the user should know (it is in the editor only, unsaved). */
export type EditOutcome = { ok: true; note?: string } | { ok: false; message: string };

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
  const name = uri.path.split('/').pop() ?? uri.path;
  // A file gone from disk (deleted, replaced by a folder) while an editor still holds its text: an edit saved now would
  // write it back, or fail half-way. Say so and change nothing; the editor keeps its text.
  const gone = await notOnDisk(uri, name);
  if (gone) return { ok: false, message: gone };
  const doc = await vscode.workspace.openTextDocument(uri);
  const stale = doc.isDirty ? undefined : await followDisk(doc);
  if (stale !== undefined) {
    // The clean editor has still not loaded what another program wrote: the text is on disk, so the edit is made
    // there (saving the editor's old text would overwrite the new one); the editor follows the file.
    const result = computeEdits(stale.text);
    if ('error' in result) return { ok: false, message: result.error };
    if (result.length === 0) return { ok: true };
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(stale.bom + applyEdits(stale.text, result)));
    } catch (e) {
      return { ok: false, message: vscode.l10n.t('Cannot write {0}: {1}', name, unreadableReason(e)) };
    }
    return { ok: true };
  }
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
  // The user's unsaved text stays theirs to save (or not): the file on disk is not written.
  if (wasDirty) return { ok: true, note: vscode.l10n.t('{0} has unsaved changes: the change is made in the editor and left unsaved. The file on disk is not changed until you save it.', name) };
  return { ok: true };
}

/** Why a file: URI cannot take an edit saved to disk (missing, a folder, not a regular file); undefined when it can. */
async function notOnDisk(uri: vscode.Uri, name: string): Promise<string | undefined> {
  if (uri.scheme !== 'file') return undefined;
  try {
    const st = await fsp.stat(uri.fsPath);
    if (st.isDirectory()) return vscode.l10n.t('{0} is a folder on disk now, not a file: nothing was changed.', name);
    if (!st.isFile()) return vscode.l10n.t('{0} is not a regular file on disk: nothing was changed.', name);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return vscode.l10n.t('{0} is not on disk any more (deleted?): nothing was changed. Save it from its editor to put it back, then try again.', name);
    return vscode.l10n.t('Cannot read {0}: {1}', name, unreadableReason(e));
  }
}

/** Why a file cannot be read, in words, with the system's code. */
export function unreadableReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
      return vscode.l10n.t('it is not on disk any more (deleted?)');
    case 'EISDIR':
      return vscode.l10n.t('it is a folder, not a file');
    case 'EACCES':
    case 'EPERM':
      return vscode.l10n.t('permission denied ({0})', err.code);
    case 'ELOOP':
      return vscode.l10n.t('a symbolic link that leads nowhere readable ({0})', err.code);
    default:
      return err?.code ? `${err.message} (${err.code})` : String(err?.message ?? e);
  }
}

/** Why a file: path cannot be read as a roadmap, found by reading it with node:fs (`missing`: it is not there); undefined when it reads. */
export async function whyUnreadable(uri: vscode.Uri): Promise<{ readonly reason: string; readonly missing: boolean } | undefined> {
  if (uri.scheme !== 'file') return undefined;
  try {
    const st = await fsp.stat(uri.fsPath);
    if (st.isDirectory()) return { reason: vscode.l10n.t('it is a folder, not a file'), missing: false };
    if (!st.isFile()) return { reason: vscode.l10n.t('it is not a regular file'), missing: false };
    await fsp.access(uri.fsPath, constants.R_OK);
    return undefined;
  } catch (e) {
    return { reason: unreadableReason(e), missing: (e as NodeJS.ErrnoException).code === 'ENOENT' };
  }
}
/** How long a clean document may take to show a change just written to its file by another program. */
const FOLLOW_DISK_MS = 3_000;

/**
 * Waits (a little) for a document with no unsaved changes to show what its file holds: a file written by another
 * program a moment ago reaches the open document only when the editor reloads it, and an edit made on the old text
 * could not be saved over the new one. Returns the file's text (and its byte order mark) when the document still
 * shows other text after the wait; undefined when it shows the file (or the file cannot be read).
 */
async function followDisk(doc: vscode.TextDocument): Promise<{ text: string; bom: string } | undefined> {
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(doc.uri));
  } catch {
    return undefined;
  }
  const bom = raw.startsWith('\uFEFF') ? '\uFEFF' : '';
  const disk = raw.slice(bom.length);
  if (doc.getText() === disk) return undefined;
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
  return doc.getText() === disk || doc.isDirty ? undefined : { text: disk, bom };
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

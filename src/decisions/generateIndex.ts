// Generate Decision Index: the table of the records (core `updateIndex`) in the decisions folder's README.md,
// between its markers, and the file opened. Only the block between the markers is replaced; a README.md without
// markers gets the block appended at its end; the user's text around it is kept byte for byte.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { updateIndex, type DecisionRecord } from '../core/decisions';
import { argsOf, refuseUntrusted, type TargetArgs } from '../commands/target';
import type { Services } from '../services';
import { decisionsFolderOf } from './decisionsIndex';
import { decisionsTarget } from './recordTarget';

export interface GenerateIndexArgs extends TargetArgs {
  readonly open?: boolean;
}

export interface GenerateIndexResult {
  readonly written: boolean;
  readonly file?: string;
  /** `created`: a new README.md; `replaced`: the block between the markers; `appended`: added at the end (no markers). */
  readonly how?: 'created' | 'replaced' | 'appended';
  /** True when the index went into an open editor with unsaved changes, which is left for the user to save. */
  readonly unsaved?: boolean;
  readonly message?: string;
  readonly failure?: { readonly kind: string; readonly message: string };
}

export async function generateDecisionIndexCommand(services: Services, arg?: unknown): Promise<GenerateIndexResult> {
  const refused = refuseUntrusted();
  if (refused) return { written: false, failure: { kind: 'restricted', message: refused.message ?? '' } };
  const args = argsOf<GenerateIndexArgs>(arg);
  const target = await decisionsTarget(services, args);
  if ('failure' in target) return { written: false, failure: target.failure };
  const folder = decisionsFolderOf(target.entry);
  const file = path.join(folder, 'README.md');
  const uri = vscode.Uri.file(file);
  const shown = vscode.workspace.asRelativePath(file);
  const records = target.records as readonly DecisionRecord[];
  const fail = (kind: string, message: string): GenerateIndexResult => {
    void vscode.window.showErrorMessage(message);
    return { written: false, file, failure: { kind, message } };
  };

  let how: 'created' | 'replaced' | 'appended';
  let unsaved = false;
  const dirty = vscode.workspace.textDocuments.find((d) => d.isDirty && d.uri.scheme === 'file' && path.resolve(d.uri.fsPath) === path.resolve(file));
  if (dirty) {
    // The user's unsaved text is the file: the block goes into the editor, undoable, and stays unsaved.
    const update = updateIndex(dirty.getText(), records);
    if (!update.ok) return fail('invalid', vscode.l10n.t('{0}: {1}. Nothing was changed.', shown, update.message));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(dirty.positionAt(update.offset), dirty.positionAt(update.offset + update.length)), update.newText);
    if (!(await vscode.workspace.applyEdit(edit))) return fail('io-error', vscode.l10n.t('VS Code refused the edit of {0}.', shown));
    how = update.how;
    unsaved = true;
  } else {
    // On disk, byte for byte: the markers are ASCII, so the file is searched as latin1 (one character per byte)
    // and the bytes before and after the block are copied unchanged, whatever their encoding.
    let bytes: Buffer | undefined;
    try {
      bytes = fs.readFileSync(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return fail('io-error', vscode.l10n.t('Cannot read {0}: {1}', file, errorText(e)));
    }
    const update = updateIndex(bytes?.toString('latin1'), records);
    if (!update.ok) return fail('invalid', vscode.l10n.t('{0}: {1}. Nothing was changed.', shown, update.message));
    const out = bytes
      ? Buffer.concat([bytes.subarray(0, update.offset), Buffer.from(update.newText, 'utf8'), bytes.subarray(update.offset + update.length)])
      : Buffer.from(update.newText, 'utf8');
    try {
      await vscode.workspace.fs.createDirectory(vscode.Uri.file(folder));
      await vscode.workspace.fs.writeFile(uri, out);
    } catch (e) {
      return fail('io-error', vscode.l10n.t('Cannot write {0}: {1}', file, errorText(e)));
    }
    how = update.how;
  }

  services.log.info(`Decision index ${how} in ${shown} (${records.length} records)${unsaved ? ', in the open editor, unsaved' : ''}`);
  let message: string | undefined;
  if (how === 'appended') {
    message = vscode.l10n.t('{0} had no decision index markers: the index was added at its end, between markers. Your text is unchanged; next time only the part between the markers is replaced.', shown);
  }
  if (unsaved) message = [message, vscode.l10n.t('{0} has unsaved changes: the index is in the editor; save it to keep it.', shown)].filter(Boolean).join(' ');
  if (message) void vscode.window.showInformationMessage(message);
  if (args.open !== false) await vscode.window.showTextDocument(uri, { preview: false });
  return { written: true, file, how, unsaved, ...(message ? { message } : {}) };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

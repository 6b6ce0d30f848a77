// Two records with one number (typically two branches merged together): a warning with "Renumber", which
// applies the core renumber plan through the editor (the links and title edits, then the file rename) and
// says what was renamed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { detectCollisions, planRenumber, readDecisionFolder, type DecisionRecord, type RenumberStep } from '../core/decisions';
import { folderNaming } from '../core/decisions/folder';
import type { Services } from '../services';
import type { RoadmapEntry } from '../workspace/roadmapStore';
import { decisionsFolderOf, reloadDecisions } from './decisionsIndex';

export interface RenumberResult {
  readonly renamed: readonly { readonly from: string; readonly to: string; readonly message: string }[];
  readonly failure?: { readonly kind: string; readonly message: string };
}

export class DecisionCollisions implements vscode.Disposable {
  private readonly warned = new Set<string>();
  /** Roadmaps (uri) being renumbered: their folder is half done until the end. */
  private readonly renumbering = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly services: Services) {
    this.disposables.push(services.decisions.onDidChange(() => this.check()));
    void services.store.whenReady().then(() => this.check());
  }

  /** Warns once per set of colliding files. */
  check(): void {
    for (const entry of this.services.store.all()) {
      if (this.renumbering.has(entry.uri.toString())) continue;
      // The file names alone rule out a collision in the usual case: no record is read for it.
      const naming = folderNaming(decisionsFolderOf(entry));
      // An unreadable folder is reported by the decisions index; there is nothing to compare here.
      if (!naming.ok || new Set(naming.numbers).size === naming.numbers.length) continue;
      const collisions = detectCollisions(this.services.decisions.records(entry) as readonly DecisionRecord[]);
      if (collisions.length === 0) continue;
      const key = collisions.flatMap((c) => c.records.map((r) => r.file)).join('|');
      if (this.warned.has(key)) continue;
      this.warned.add(key);
      const list = collisions.map((c) => `${c.records[0].padded} (${c.records.map((r) => path.basename(r.file)).join(', ')})`).join('; ');
      const renumber = vscode.l10n.t('Renumber');
      void vscode.window
        .showWarningMessage(vscode.l10n.t('Decision numbers are used twice, probably from branches merged together: {0}.', list), renumber)
        .then((choice) => {
          if (choice === renumber) void this.renumber(entry);
        });
    }
  }

  /** Moves every colliding record but one to the next free number, one step at a time. */
  async renumber(entry: RoadmapEntry): Promise<RenumberResult> {
    if (!vscode.workspace.isTrusted) {
      return { renamed: [], failure: { kind: 'restricted', message: vscode.l10n.t('ML Roadmap does not rename files in Restricted Mode.') } };
    }
    const renamed: { from: string; to: string; message: string }[] = [];
    const folder = decisionsFolderOf(entry);
    // Each step reads every record once (the editor's text when open); the index is told once, at the end,
    // so the collision check does not run on the half-renumbered folder.
    this.renumbering.add(entry.uri.toString());
    try {
      for (let i = 0; i < 100; i++) {
        const texts = new Map<string, string>();
        const { records } = readDecisionFolder(folder, (f) => {
          const text = textOf(f);
          texts.set(f, text);
          return text;
        });
        const [step] = planRenumber(records, texts, { mtimeMs: (f) => mtime(f) });
        if (!step) break;
        const failure = await applyStep(step);
        if (failure) {
          void vscode.window.showErrorMessage(failure);
          return { renamed, failure: { kind: 'failed', message: failure } };
        }
        this.services.log.info(step.message);
        renamed.push({ from: step.file, to: step.newFile, message: step.message });
      }
    } finally {
      this.renumbering.delete(entry.uri.toString());
      reloadDecisions(this.services, entry);
    }
    if (renamed.length > 0) void vscode.window.showInformationMessage(renamed.map((r) => r.message).join(' '));
    return { renamed };
  }

  dispose(): void {
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

/** The link and title edits, then the rename, as one undoable WorkspaceEdit; the touched files are saved. */
async function applyStep(step: RenumberStep): Promise<string | undefined> {
  if (fs.existsSync(step.newFile)) return vscode.l10n.t('Cannot renumber {0}: {1} exists.', path.basename(step.file), path.basename(step.newFile));
  const edit = new vscode.WorkspaceEdit();
  for (const f of step.edits) {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(f.file));
    if (doc.isDirty) return vscode.l10n.t('{0} has unsaved changes: save it, then renumber.', path.basename(f.file));
    for (const e of f.edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.offset + e.length)), e.newText);
  }
  edit.renameFile(vscode.Uri.file(step.file), vscode.Uri.file(step.newFile), { overwrite: false });
  if (!(await vscode.workspace.applyEdit(edit))) return vscode.l10n.t('VS Code refused to renumber {0}.', path.basename(step.file));
  const touched = new Set([...step.edits.map((f) => (f.file === step.file ? step.newFile : f.file)), step.newFile].map((f) => path.resolve(f)));
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.uri.scheme === 'file' && touched.has(path.resolve(doc.uri.fsPath)) && doc.isDirty) await doc.save();
  }
  return undefined;
}

/** The editor's text of the file when it is open, else the file on disk (throws when it cannot be read). */
function textOf(file: string): string {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && path.resolve(d.uri.fsPath) === path.resolve(file));
  return doc ? doc.getText() : fs.readFileSync(file, 'utf8');
}

function mtime(file: string): number | undefined {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

// ML Roadmap: Initialize Roadmap — asks the project name and the problem, writes the starter roadmap
// (the whole Discovery process and the usual Production tracks) to `<folder>/mlroadmap.yaml`, and opens
// it. Never overwrites an existing file. In a multi-root workspace it asks which folder.
import * as vscode from 'vscode';
import { starterRoadmap } from '../core/process/starter';
import { today, validateRequired } from '../core/roadmap/inputs';
import { ROADMAP_FILE_NAME } from '../core/roadmap/model';
import type { Services } from '../services';
import { runFlow } from './flow';
import { argsOf, refuseUntrusted, uriOf, type CommandOutcome } from './target';

export interface InitializeArgs {
  /** Folder to write mlroadmap.yaml into (URI string or Uri); default: the workspace folder, asked when several. */
  readonly folder?: string | vscode.Uri;
  readonly name?: string;
  readonly problem?: string;
  readonly businessGoal?: string;
  /** Open the new file in an editor (default true). */
  readonly open?: boolean;
}

export interface InitializeOutcome extends Omit<CommandOutcome, 'reason'> {
  readonly reason?: CommandOutcome['reason'] | 'exists' | 'no-folder';
  /** URI string of the roadmap written (or of the one already there). */
  readonly uri?: string;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function initializeCommand(services: Services, arg?: unknown): Promise<InitializeOutcome> {
  const refused = refuseUntrusted();
  if (refused) return refused;
  const args = argsOf<InitializeArgs>(arg);
  let folder: vscode.Uri | undefined;
  if (args.folder) folder = uriOf(args.folder);
  else {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
      const message = vscode.l10n.t('Open a folder first: the roadmap lives in mlroadmap.yaml at the root of the project.');
      const open = vscode.l10n.t('Open Folder…');
      void vscode.window.showInformationMessage(message, open).then((c) => {
        if (c) void vscode.commands.executeCommand('vscode.openFolder');
      });
      return { done: false, reason: 'no-folder', message };
    }
    folder =
      folders.length === 1
        ? folders[0].uri
        : (await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Which folder gets the roadmap?') }))?.uri;
    if (!folder) return { done: false, reason: 'cancelled' };
  }
  const uri = vscode.Uri.joinPath(folder, ROADMAP_FILE_NAME);
  if (await exists(uri)) {
    const message = vscode.l10n.t('{0} already exists: ML Roadmap does not overwrite it.', vscode.workspace.asRelativePath(uri));
    const open = vscode.l10n.t('Open It');
    void vscode.window.showWarningMessage(message, open).then((c) => {
      if (c) void vscode.window.showTextDocument(uri);
    });
    return { done: false, reason: 'exists', message, uri: uri.toString() };
  }

  const defaultName = folder.path.split('/').filter(Boolean).pop() ?? '';
  const state = await runFlow<{ name?: string; problem?: string }>(vscode.l10n.t('Initialize Roadmap'), { name: args.name, problem: args.problem }, [
    {
      skip: () => args.name !== undefined,
      run: async (p, s) => {
        s.name = (await p.input({ prompt: vscode.l10n.t('Project name'), value: s.name ?? defaultName, validate: (t) => validateRequired(t, vscode.l10n.t('a name')) })).trim();
      },
    },
    {
      skip: () => args.problem !== undefined,
      run: async (p, s) => {
        s.problem = (
          await p.input({
            prompt: vscode.l10n.t('The business problem, in the words of the people who have it'),
            placeholder: vscode.l10n.t('e.g. Staff type every handwritten digit on incoming forms by hand.'),
            value: s.problem,
            validate: (t) => validateRequired(t, vscode.l10n.t('the problem')),
          })
        ).trim();
      },
    },
  ]);
  if (!state?.name || !state.problem) return { done: false, reason: 'cancelled' };

  const text = starterRoadmap({ name: state.name, problem: state.problem, businessGoal: args.businessGoal, today: today() });
  // A second check right before writing: another window may have created the file meanwhile.
  if (await exists(uri)) return { done: false, reason: 'exists', message: vscode.l10n.t('{0} already exists.', uri.fsPath), uri: uri.toString() };
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  services.log.info(`Initialized ${uri.fsPath}`);
  if (vscode.workspace.getWorkspaceFolder(uri)) await services.store.reload(uri);
  if (args.open !== false) await vscode.window.showTextDocument(uri, { preview: false });
  void vscode.window.showInformationMessage(vscode.l10n.t('Roadmap initialized: start with the Understand stage, or open the walkthrough.'));
  return { done: true, uri: uri.toString() };
}

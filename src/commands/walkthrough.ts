// The getting-started walkthrough, opened once (per user) when the extension first activates in a workspace that has
// no roadmap yet: someone opened the ML Roadmap views there, so the process is new to them or to the project.
import * as vscode from 'vscode';
import type { Services } from '../services';

export const WALKTHROUGH_SHOWN_KEY = 'mlroadmap.walkthroughShown';
export const WALKTHROUGH_ID = 'mlroadmap.mlroadmap#mlroadmap.gettingStarted';

/**
 * Opens the walkthrough when the workspace has folders but no roadmap, unless it was opened before (for this user)
 * or the user turned walkthroughs opening by themselves off. Whether it opened it.
 */
export async function openWalkthroughOnce(context: vscode.ExtensionContext, roadmaps: number): Promise<boolean> {
  if (roadmaps > 0 || !vscode.workspace.workspaceFolders?.length) return false;
  if (context.globalState.get<boolean>(WALKTHROUGH_SHOWN_KEY)) return false;
  // The user's own choice about walkthroughs opening by themselves comes first.
  if (vscode.workspace.getConfiguration('workbench.welcomePage').get<boolean>('walkthroughs.openOnInstall') === false) return false;
  await context.globalState.update(WALKTHROUGH_SHOWN_KEY, true);
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false);
  return true;
}

export function activateWalkthrough({ context, store }: Pick<Services, 'context' | 'store'>): vscode.Disposable[] {
  void store.whenReady().then(() => openWalkthroughOnce(context, store.all().length));
  return [];
}

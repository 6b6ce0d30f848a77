// The getting-started walkthrough, opened once (per user) when the extension first activates in a workspace that has
// no roadmap yet: someone opened the ML Roadmap views there, so the process is new to them or to the project.
import * as vscode from 'vscode';
import type { Services } from '../services';

const SHOWN_KEY = 'mlroadmap.walkthroughShown';
export const WALKTHROUGH_ID = 'mlroadmap.mlroadmap#mlroadmap.gettingStarted';

export function activateWalkthrough({ context, store }: Pick<Services, 'context' | 'store'>): vscode.Disposable[] {
  void store.whenReady().then(async () => {
    if (store.all().length > 0 || !vscode.workspace.workspaceFolders?.length) return;
    if (context.globalState.get<boolean>(SHOWN_KEY)) return;
    // The user's own choice about walkthroughs opening by themselves comes first.
    if (vscode.workspace.getConfiguration('workbench.welcomePage').get<boolean>('walkthroughs.openOnInstall') === false) return;
    await context.globalState.update(SHOWN_KEY, true);
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false);
  });
  return [];
}

import * as vscode from 'vscode';
import { Commands } from '../ids';
import type { Services } from '../services';
import { scaffoldBaselineCommand } from './scaffoldBaseline';

/** The Scaffold Baseline command. */
export function activateScaffold(services: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(Commands.scaffoldBaseline, async (arg?: unknown) => {
      try {
        return await scaffoldBaselineCommand(services, arg);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        services.log.error(`${Commands.scaffoldBaseline} failed: ${e instanceof Error ? (e.stack ?? message) : message}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('ML Roadmap: {0}', message));
        return { done: false, reason: 'failed', message };
      }
    }),
  ];
}

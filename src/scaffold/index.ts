import * as vscode from 'vscode';
import { guardCommand } from '../commands/target';
import { Commands } from '../ids';
import type { Services } from '../services';
import { scaffoldBaselineCommand } from './scaffoldBaseline';

/** The Scaffold Baseline command. */
export function activateScaffold(services: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(
      Commands.scaffoldBaseline,
      guardCommand(Commands.scaffoldBaseline, services.log, (arg) => scaffoldBaselineCommand(services, arg)),
    ),
  ];
}

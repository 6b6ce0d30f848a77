import * as vscode from 'vscode';
import { Commands } from '../ids';
import type { Services } from '../services';
import { DecisionCollisions } from './collisions';
import { generateDecisionIndexCommand } from './generateIndex';
import { setDecisionStatusCommand, supersedeDecisionCommand } from './lifecycle';
import { recordDecisionCommand } from './recordDecision';

/** The decisions feature's parts, reachable by tests through `services.decisionsFeature`. */
export interface DecisionsHandle {
  readonly collisions: DecisionCollisions;
}

export type ServicesWithDecisions = Services & { decisionsFeature?: DecisionsHandle };

/** Architecture decision commands: record, set status, supersede, generate the index; number collision warnings. */
export function activateDecisions(services: Services): vscode.Disposable[] {
  const collisions = new DecisionCollisions(services);
  (services as ServicesWithDecisions).decisionsFeature = { collisions };
  return [
    collisions,
    vscode.commands.registerCommand(Commands.recordDecision, (arg?: unknown) => recordDecisionCommand(services, arg)),
    vscode.commands.registerCommand(Commands.setDecisionStatus, (arg?: unknown) => setDecisionStatusCommand(services, arg)),
    vscode.commands.registerCommand(Commands.supersedeDecision, (arg?: unknown) => supersedeDecisionCommand(services, arg)),
    vscode.commands.registerCommand(Commands.generateDecisionIndex, (arg?: unknown) => generateDecisionIndexCommand(services, arg)),
  ];
}

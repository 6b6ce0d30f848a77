import * as vscode from 'vscode';
import { Commands } from '../ids';
import type { Services } from '../services';
import { registerQuickFixes } from '../language/quickFixes';
import { acknowledgeFindingCommand } from './acknowledgeFinding';
import { addCandidateCommand } from './addCandidate';
import { addLiteratureCommand } from './addLiterature';
import { addMetricCommand } from './addMetric';
import { advancePhaseCommand } from './advancePhase';
import { configureEvaluationCommand } from './configureEvaluation';
import { estimateCandidateCommand } from './estimateCandidate';
import { initializeCommand } from './initialize';
import { logRealityCheckCommand } from './logRealityCheck';
import { moveBackPhaseCommand } from './moveBackPhase';
import { setCandidateStatusCommand } from './setCandidateStatus';
import { setMetricTargetCommand } from './setMetricTarget';
import { setStepStatusCommand } from './setStepStatus';
import { startNextStepCommand } from './startNextStep';
import { guardCommand } from './target';
import { exportReportCommand } from './exportReport';

type Flow = (services: Services, arg?: unknown) => Promise<unknown>;

/** Palette commands that change the roadmap, one flow each, and the quick fixes that start them. */
export function activateCommands(services: Services): vscode.Disposable[] {
  const flows: Record<string, Flow> = {
    [Commands.initialize]: initializeCommand,
    [Commands.setStepStatus]: setStepStatusCommand,
    [Commands.startNextStep]: startNextStepCommand,
    [Commands.advancePhase]: advancePhaseCommand,
    [Commands.moveBackPhase]: moveBackPhaseCommand,
    [Commands.addCandidate]: addCandidateCommand,
    [Commands.setCandidateStatus]: setCandidateStatusCommand,
    [Commands.estimateCandidate]: estimateCandidateCommand,
    [Commands.addLiterature]: addLiteratureCommand,
    [Commands.addMetric]: addMetricCommand,
    [Commands.setMetricTarget]: setMetricTargetCommand,
    [Commands.logRealityCheck]: logRealityCheckCommand,
    [Commands.configureEvaluation]: configureEvaluationCommand,
    [Commands.acknowledgeFinding]: acknowledgeFindingCommand,
    [Commands.exportReport]: exportReportCommand,
  };
  return [
    ...Object.entries(flows).map(([id, flow]) => vscode.commands.registerCommand(id, guardCommand(id, services.log, (arg) => flow(services, arg)))),
    registerQuickFixes(services),
  ];
}

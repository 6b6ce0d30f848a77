// ML Roadmap: Start Next Step — the first `todo` step of the current phase (stage order) becomes `doing`.
import * as vscode from 'vscode';
import { nextTodoStep } from '../core/process/next-step';
import { setStepStatus } from '../core/roadmap/edits';
import type { Services } from '../services';
import { groupTitle } from '../core/process/progress';
import { applyToRoadmap, argsOf, isOutcome, nothingToDo, refuseUntrusted, resolveTarget, type CommandOutcome } from './target';

export interface StartNextStepOutcome extends CommandOutcome {
  readonly stepId?: string;
}

export async function startNextStepCommand(services: Services, arg?: unknown): Promise<StartNextStepOutcome> {
  const refused = refuseUntrusted();
  if (refused) return refused;
  const target = await resolveTarget(services, argsOf(arg));
  if (isOutcome(target)) return target;
  const next = nextTodoStep(target.roadmap);
  if (!next) {
    return nothingToDo(vscode.l10n.t('Every step of the {0} phase has started: nothing left to do.', target.roadmap.project.phase));
  }
  const { step, group } = next;
  const outcome = await applyToRoadmap(target, vscode.l10n.t('Start next step'), (text) => setStepStatus(text, step.id, 'doing'), services);
  if (outcome.done) {
    const owner = step.owner ? vscode.l10n.t(' (owner: {0})', step.owner) : '';
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Started "{0}" in {1}{2}.', step.title ?? step.id, groupTitle(target.roadmap.project.phase, group), owner),
    );
  }
  return { ...outcome, stepId: step.id };
}

// ML Roadmap: Move Back a Phase… — returns to the previous phase (e.g. production finds the model does not
// hold up). Moving back is a transition against the process order, so, like a gate override, it is recorded
// in the roadmap's `overrides` list with its date and reason: the team sees in the file why it happened.
import * as vscode from 'vscode';
import { addOverride, setPhase } from '../core/roadmap/edits';
import { editSequence } from '../core/roadmap/edit-sequence';
import { today } from '../core/roadmap/inputs';
import { previousPhase } from '../core/process/gates';
import { phaseTitle } from '../core/process/progress';
import type { Phase } from '../core/roadmap/model';
import type { Services } from '../services';
import { askReason } from './advancePhase';
import { applyToRoadmap, argsOf, isOutcome, nothingToDo, refuseUntrusted, resolveTarget, type CommandOutcome } from './target';

export interface MoveBackPhaseArgs {
  readonly reason?: string;
}

export interface MoveBackPhaseOutcome extends CommandOutcome {
  readonly from?: Phase;
  readonly to?: Phase;
}

export async function moveBackPhaseCommand(services: Services, arg?: unknown): Promise<MoveBackPhaseOutcome> {
  const refused = refuseUntrusted();
  if (refused) return refused;
  const args = argsOf<MoveBackPhaseArgs>(arg);
  const target = await resolveTarget(services, args);
  if (isOutcome(target)) return target;
  const from = target.roadmap.project.phase;
  const to = previousPhase(from);
  if (!to) {
    return { ...nothingToDo(vscode.l10n.t('The roadmap is in Discovery, the first phase: there is no earlier one.')), from };
  }
  const reason = args.reason?.trim() || (await askReason(vscode.l10n.t('Why move back from {0} to {1}?', phaseTitle(from), phaseTitle(to))));
  if (!reason) return { done: false, reason: 'cancelled', from, to };
  const outcome = await applyToRoadmap(
    target,
    vscode.l10n.t('Move back a phase'),
    (text) => editSequence(text, [(t) => setPhase(t, to), (t) => addOverride(t, { from, to, date: today(), reason })]),
    services,
  );
  if (outcome.done) void vscode.window.showInformationMessage(vscode.l10n.t('The roadmap is back in {0}; the reason is recorded in mlroadmap.yaml.', phaseTitle(to)));
  return { ...outcome, from, to };
}

// ML Roadmap: Advance Phase… — moves the roadmap to the next phase when the exit gate passes. When it
// does not, a modal lists each unmet condition; "Advance anyway…" asks a reason and records it in the
// roadmap (`overrides`), and "Advance anyway and record a decision…" also starts a decision record.
import * as vscode from 'vscode';
import { nextPhase } from '../core/process/gates';
import { phaseTitle } from '../core/process/progress';
import { addOverride, setPhase } from '../core/roadmap/edits';
import { editSequence } from '../core/roadmap/edit-sequence';
import { today } from '../core/roadmap/inputs';
import type { Phase } from '../core/roadmap/model';
import { Commands } from '../ids';
import type { Services } from '../services';
import type { RoadmapEntry } from '../workspace/roadmapStore';
import { applyToRoadmap, argsOf, isOutcome, nothingToDo, refuseUntrusted, resolveTarget, type CommandOutcome } from './target';

export interface AdvancePhaseArgs {
  /** Advance even when the gate fails (needs `reason`); false: refuse without asking. Absent: ask in a modal. */
  readonly force?: boolean;
  readonly reason?: string;
  /** With `force`: also start "Record Architecture Decision" for the override. */
  readonly recordDecision?: boolean;
}

export interface AdvancePhaseOutcome extends CommandOutcome {
  readonly advanced: boolean;
  readonly from?: Phase;
  readonly to?: Phase;
  /** The gate's unmet conditions (empty when it passed). */
  readonly unmet: readonly string[];
  /** True when the gate failed and the phase was advanced anyway, with the reason recorded. */
  readonly overridden?: boolean;
}

/** The payload `mlroadmap.recordDecision` receives for a gate override. */
export interface OverrideDecisionArgs {
  readonly kind: 'override-gate';
  readonly roadmap: string;
  readonly from: Phase;
  readonly to: Phase;
  readonly reason: string;
}

/** Asks why the phase moves against the process; the reason is kept in the roadmap. */
export async function askReason(prompt: string, value?: string): Promise<string | undefined> {
  const reason = await vscode.window.showInputBox({
    title: vscode.l10n.t('ML Roadmap'),
    prompt,
    value,
    ignoreFocusOut: true,
    validateInput: (t) => (t.trim() ? undefined : vscode.l10n.t('Enter a reason: the team will read it in mlroadmap.yaml.')),
  });
  return reason?.trim() || undefined;
}

export async function advancePhaseCommand(services: Services, arg?: unknown): Promise<AdvancePhaseOutcome> {
  const refused = refuseUntrusted();
  if (refused) return { ...refused, advanced: false, unmet: [] };
  const args = argsOf<AdvancePhaseArgs>(arg);
  const target = await resolveTarget(services, args);
  if (isOutcome(target)) return { ...target, advanced: false, unmet: [] };
  const from = target.roadmap.project.phase;
  const to = nextPhase(from);
  if (!to) {
    return { ...nothingToDo(vscode.l10n.t('The roadmap is already shipped: there is no later phase.')), advanced: false, from, unmet: [] };
  }
  const unmet = unmetConditions(services, target.entry, to);
  const base = { from, to, unmet };

  if (unmet.length === 0) {
    const outcome = await applyToRoadmap(target, vscode.l10n.t('Advance phase'), (text) => setPhase(text, to), services);
    if (outcome.done) void vscode.window.showInformationMessage(vscode.l10n.t('The gate passed: the roadmap is now in {0}.', phaseTitle(to)));
    return { ...outcome, ...base, advanced: outcome.done };
  }

  let reason = args.reason?.trim();
  let recordDecision = args.recordDecision === true;
  if (args.force === false) {
    return { done: false, reason: 'cancelled', message: gateMessage(from, to), ...base, advanced: false };
  }
  if (args.force !== true) {
    const anyway = vscode.l10n.t('Advance anyway…');
    const anywayWithDecision = vscode.l10n.t('Advance anyway and record a decision…');
    const choice = await vscode.window.showWarningMessage(
      gateMessage(from, to),
      { modal: true, detail: unmet.map((u) => `• ${u}`).join('\n') },
      anyway,
      anywayWithDecision,
    );
    if (choice !== anyway && choice !== anywayWithDecision) return { done: false, reason: 'cancelled', ...base, advanced: false };
    recordDecision = choice === anywayWithDecision;
    reason = await askReason(vscode.l10n.t('Why advance to {0} although the gate is not met?', phaseTitle(to)), reason);
    if (!reason) return { done: false, reason: 'cancelled', ...base, advanced: false };
  }
  if (!reason) {
    const message = vscode.l10n.t('Advancing past an unmet gate needs a reason.');
    return { done: false, reason: 'invalid', message, ...base, advanced: false };
  }
  const why = reason;
  const outcome = await applyToRoadmap(
    target,
    vscode.l10n.t('Advance phase past the gate'),
    (text) => editSequence(text, [(t) => setPhase(t, to), (t) => addOverride(t, { from, to, date: today(), reason: why })]),
    services,
  );
  if (!outcome.done) return { ...outcome, ...base, advanced: false };
  services.log.info(`Gate ${from} -> ${to} overridden: ${why} (unmet: ${unmet.join('; ')})`);
  void vscode.window.showInformationMessage(vscode.l10n.t('The roadmap is now in {0}; the override and its reason are recorded in mlroadmap.yaml.', phaseTitle(to)));
  if (recordDecision) {
    const decision: OverrideDecisionArgs = { kind: 'override-gate', roadmap: target.entry.uri.toString(), from, to, reason: why };
    void vscode.commands.executeCommand(Commands.recordDecision, decision).then(undefined, (e: unknown) =>
      services.log.warn(`Could not start the decision record of the override: ${String(e)}`),
    );
  }
  return { ...outcome, ...base, advanced: true, overridden: true };
}

/** The unmet conditions of the gate into `to`, from the shared analysis (which checks the gate out of the current phase). */
function unmetConditions(services: Services, entry: RoadmapEntry, to: Phase): string[] {
  const gate = services.analysis.get(entry).gate;
  return gate && gate.target === to ? gate.unmet.map((u) => u.message) : [];
}

function gateMessage(from: Phase, to: Phase): string {
  return vscode.l10n.t('The gate from {0} to {1} is not met.', phaseTitle(from), phaseTitle(to));
}

// ML Roadmap: Set Step Status… — pick a step (grouped by Discovery stage and Production track, with
// its current status), then its new status.
import * as vscode from 'vscode';
import { STEP_STATUSES, type Roadmap, type Step, type StepStatus } from '../core/roadmap/model';
import { setStepStatus } from '../core/roadmap/edits';
import type { Services } from '../services';
import { runFlow, separator, type FlowPickItem } from './flow';
import { groupTitle } from '../core/process/progress';
import { stepStatusIcon } from './labels';
import { applyToRoadmap, argsOf, confirm, invalidArgument, isOutcome, refuseUntrusted, resolveTarget, type CommandOutcome } from './target';

export interface SetStepStatusArgs {
  readonly stepId?: string;
  readonly status?: StepStatus;
}

export interface SetStepStatusOutcome extends CommandOutcome {
  readonly stepId?: string;
  readonly status?: StepStatus;
}

/** Every step of the roadmap with the heading it sits under, in file order. */
export function stepsWithHeadings(roadmap: Roadmap): { heading: string; step: Step }[] {
  return [
    ...roadmap.discovery.flatMap((s) => s.steps.map((step) => ({ heading: vscode.l10n.t('Discovery · {0}', groupTitle('discovery', s.stage)), step }))),
    ...roadmap.production.flatMap((t) => t.steps.map((step) => ({ heading: vscode.l10n.t('Production · {0}', groupTitle('production', t.track)), step }))),
  ];
}

export function stepPickItems(roadmap: Roadmap): FlowPickItem<string>[] {
  const items: FlowPickItem<string>[] = [];
  let heading = '';
  for (const { heading: h, step } of stepsWithHeadings(roadmap)) {
    if (h !== heading) items.push(separator(h));
    heading = h;
    items.push({
      label: `${stepStatusIcon(step.status)} ${step.title ?? step.id}`,
      description: [step.status, step.owner].filter(Boolean).join(' · '),
      detail: step.title ? step.id : undefined,
      value: step.id,
    });
  }
  return items;
}

export async function setStepStatusCommand(services: Services, arg?: unknown): Promise<SetStepStatusOutcome> {
  const refused = refuseUntrusted();
  if (refused) return refused;
  const args = argsOf<SetStepStatusArgs>(arg);
  const target = await resolveTarget(services, args);
  if (isOutcome(target)) return target;
  const steps = stepsWithHeadings(target.roadmap).map((s) => s.step);
  const given = args.stepId ?? args.itemId;
  if (given !== undefined && !steps.some((s) => s.id === given)) {
    return invalidArgument(vscode.l10n.t('There is no step "{0}" in the roadmap.', given));
  }
  if (args.status !== undefined && !STEP_STATUSES.includes(args.status)) {
    return { done: false, reason: 'invalid', message: vscode.l10n.t('Unknown step status "{0}".', String(args.status)) };
  }
  const state = { stepId: given, status: args.status };
  const filled = await runFlow(vscode.l10n.t('Set Step Status'), state, [
    {
      skip: () => given !== undefined,
      run: async (prompts, s) => {
        s.stepId = await prompts.pick({
          placeholder: vscode.l10n.t('Which step?'),
          items: stepPickItems(target.roadmap),
          active: s.stepId ?? steps.find((st) => st.status === 'doing')?.id,
          matchOnDetail: true,
        });
      },
    },
    {
      skip: () => args.status !== undefined,
      run: async (prompts, s) => {
        const current = steps.find((st) => st.id === s.stepId)?.status;
        s.status = await prompts.pick<StepStatus>({
          placeholder: vscode.l10n.t('New status of "{0}"', s.stepId ?? ''),
          items: STEP_STATUSES.map((status) => ({
            label: `${stepStatusIcon(status)} ${status}`,
            description: status === current ? vscode.l10n.t('current') : undefined,
            value: status,
          })),
          active: s.status ?? nextStatus(current),
        });
      },
    },
  ]);
  if (!filled?.stepId || !filled.status) return { done: false, reason: 'cancelled' };
  const { stepId, status } = filled as { stepId: string; status: StepStatus };
  const outcome = await applyToRoadmap(target, vscode.l10n.t('Set step status'), (text) => setStepStatus(text, stepId, status), services);
  if (outcome.done) confirm(vscode.l10n.t('Step "{0}" is now {1}.', stepId, status));
  return { ...outcome, stepId, status };
}

/** The status a step usually moves to next, highlighted first. */
function nextStatus(current: StepStatus | undefined): StepStatus {
  if (current === 'todo') return 'doing';
  if (current === 'doing') return 'done';
  return 'todo';
}

// ML Roadmap: Set Metric Target… — the value that makes the model worth shipping, for one metric.
import * as vscode from 'vscode';
import { setMetricTarget } from '../core/roadmap/edits';
import { parseNumber, validateNumber } from '../core/roadmap/inputs';
import type { Services } from '../services';
import { runFlow } from './flow';
import { applyToRoadmap, argsOf, confirm, invalidArgument, isOutcome, nothingToDo, refuseUntrusted, resolveTarget, type CommandOutcome } from './target';

export interface SetMetricTargetArgs {
  readonly metricId?: string;
  readonly target?: number;
}

export interface SetMetricTargetOutcome extends CommandOutcome {
  readonly metricId?: string;
  readonly target?: number;
}

export async function setMetricTargetCommand(services: Services, arg?: unknown): Promise<SetMetricTargetOutcome> {
  const refused = refuseUntrusted();
  if (refused) return refused;
  const args = argsOf<SetMetricTargetArgs>(arg);
  const target = await resolveTarget(services, args);
  if (isOutcome(target)) return target;
  const { metrics } = target.roadmap;
  const given = args.metricId ?? args.itemId;
  if (given !== undefined && !metrics.some((m) => m.id === given)) {
    return invalidArgument(vscode.l10n.t('There is no metric "{0}" in the roadmap.', given));
  }
  if (args.target !== undefined && !Number.isFinite(args.target)) {
    return { done: false, reason: 'invalid', message: vscode.l10n.t('The target must be a number.') };
  }
  if (metrics.length === 0) {
    return nothingToDo(vscode.l10n.t('The roadmap has no metrics yet: add one first.'));
  }
  const filled = await runFlow<{ metricId?: string; target?: number }>(
    vscode.l10n.t('Set Metric Target'),
    { metricId: given, target: args.target },
    [
      {
        skip: () => given !== undefined,
        run: async (p, s) => {
          s.metricId = await p.pick({
            placeholder: vscode.l10n.t('Which metric?'),
            items: metrics.map((m) => ({
              label: m.id,
              description: [m.kind, m.goal, m.target !== undefined ? vscode.l10n.t('target {0}', m.target) : vscode.l10n.t('no target')].filter(Boolean).join(' · '),
              detail: m.why,
              value: m.id,
            })),
            active: s.metricId ?? metrics.find((m) => m.target === undefined)?.id,
          });
        },
      },
      {
        skip: () => args.target !== undefined,
        run: async (p, s) => {
          const metric = metrics.find((m) => m.id === s.metricId);
          s.target = parseNumber(
            await p.input({
              prompt: vscode.l10n.t('Target of {0} ({1}): the value that makes the model worth shipping', s.metricId ?? '', metric?.goal ?? 'maximize'),
              value: (s.target ?? metric?.target)?.toString(),
              validate: (t) => validateNumber(t),
            }),
          );
        },
      },
    ],
  );
  if (!filled?.metricId || filled.target === undefined) return { done: false, reason: 'cancelled' };
  const { metricId, target: value } = filled as { metricId: string; target: number };
  const outcome = await applyToRoadmap(target, vscode.l10n.t('Set metric target'), (text) => setMetricTarget(text, metricId, value), services);
  if (outcome.done) confirm(vscode.l10n.t('The target of "{0}" is now {1}.', metricId, value));
  return { ...outcome, metricId, target: value };
}

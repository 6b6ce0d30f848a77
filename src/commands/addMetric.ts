// ML Roadmap: Add Metric… — id, kind (offline, online, business), goal, target number, why it matters and, for an
// online or business metric, how it is measured (`measured_by`).
import * as vscode from 'vscode';
import { GOALS, METRIC_KINDS, type Goal, type MetricKind } from '../core/roadmap/model';
import { addMetric } from '../core/roadmap/edits';
import { parseNumber, validateNewId, validateNumber, validateRequired } from '../core/roadmap/inputs';
import type { Services } from '../services';
import { runFlow } from './flow';
import { applyToRoadmap, argsOf, confirm, isOutcome, refuseUntrusted, resolveTarget, type CommandOutcome } from './target';

export interface AddMetricArgs {
  readonly id?: string;
  readonly kind?: MetricKind;
  readonly goal?: Goal;
  readonly target?: number;
  readonly why?: string;
  readonly measuredBy?: string;
}

export interface AddMetricOutcome extends CommandOutcome {
  readonly id?: string;
}

const KIND_DETAILS: Readonly<Record<MetricKind, () => string>> = {
  offline: () => vscode.l10n.t('Computed by the evaluation pipeline on held-out data (accuracy, F1, RMSE ...)'),
  online: () => vscode.l10n.t('Measured on live traffic (latency, click-through, error reports ...)'),
  business: () => vscode.l10n.t('What the customer pays for (forms routed, hours saved, revenue ...)'),
};

interface State {
  id?: string;
  kind?: MetricKind;
  goal?: Goal;
  target?: number;
  why?: string;
  measuredBy?: string;
}

export async function addMetricCommand(services: Services, arg?: unknown): Promise<AddMetricOutcome> {
  const refused = refuseUntrusted();
  if (refused) return refused;
  const args = argsOf<AddMetricArgs>(arg);
  const target = await resolveTarget(services, args);
  if (isOutcome(target)) return target;
  const taken = target.roadmap.metrics.map((m) => m.id);
  // A roadmap with only offline metrics needs one the customer feels: suggest that kind first.
  const hasCustomerMetric = target.roadmap.metrics.some((m) => m.kind === 'online' || m.kind === 'business');

  let metric: { id: string; kind?: MetricKind; goal: Goal; target?: number; why?: string; measured_by?: string };
  if (args.id !== undefined) {
    const problem =
      validateNewId(args.id, taken) ??
      (args.kind !== undefined && !METRIC_KINDS.includes(args.kind) ? vscode.l10n.t('Unknown metric kind "{0}".', String(args.kind)) : undefined) ??
      (args.goal !== undefined && !GOALS.includes(args.goal) ? vscode.l10n.t('Unknown goal "{0}".', String(args.goal)) : undefined) ??
      (args.target !== undefined && !Number.isFinite(args.target) ? vscode.l10n.t('The target must be a number.') : undefined);
    if (problem) return { done: false, reason: 'invalid', message: problem };
    metric = {
      id: args.id,
      kind: args.kind ?? 'offline',
      goal: args.goal ?? 'maximize',
      ...(args.target !== undefined ? { target: args.target } : {}),
      ...(args.why ? { why: args.why } : {}),
      ...(args.measuredBy ? { measured_by: args.measuredBy } : {}),
    };
  } else {
    const filled = await runFlow<State>(vscode.l10n.t('Add Metric'), {}, [
      {
        run: async (p, s) => {
          s.id = (await p.input({ prompt: vscode.l10n.t('Id of the metric (e.g. accuracy, p95_latency_ms)'), value: s.id, validate: (t) => validateNewId(t, taken) })).trim();
        },
      },
      {
        run: async (p, s) => {
          s.kind = await p.pick({
            placeholder: vscode.l10n.t('What kind of metric?'),
            items: METRIC_KINDS.map((k) => ({ label: k, detail: KIND_DETAILS[k](), value: k })),
            active: s.kind ?? (hasCustomerMetric ? 'offline' : 'business'),
            matchOnDetail: true,
          });
        },
      },
      {
        run: async (p, s) => {
          s.goal = await p.pick({
            placeholder: vscode.l10n.t('Is higher or lower better?'),
            items: GOALS.map((g) => ({ label: g, description: g === 'maximize' ? vscode.l10n.t('higher is better') : vscode.l10n.t('lower is better'), value: g })),
            active: s.goal ?? (/loss|error|latency|_ms$|rmse|mae/.test(s.id ?? '') ? 'minimize' : 'maximize'),
          });
        },
      },
      {
        run: async (p, s) => {
          s.target = parseNumber(
            await p.input({
              prompt: vscode.l10n.t('Target: the value that makes the model worth shipping'),
              value: s.target?.toString(),
              validate: (t) => validateNumber(t, { optional: s.kind !== 'offline' }),
            }),
          );
        },
      },
      {
        run: async (p, s) => {
          s.why = (await p.input({ prompt: vscode.l10n.t('Why this target: what the customer loses below it'), value: s.why, validate: (t) => validateRequired(t, vscode.l10n.t('a reason')) })).trim();
        },
      },
      {
        // A number nobody can reproduce is no help: an online or business metric says where it comes from.
        skip: (s) => s.kind === 'offline',
        run: async (p, s) => {
          s.measuredBy = (
            await p.input({
              prompt: vscode.l10n.t('How is it measured? (the source of the number, and how often)'),
              placeholder: vscode.l10n.t('e.g. Forms routed without a human, from the routing log, weekly'),
              value: s.measuredBy,
              validate: (t) => validateRequired(t, vscode.l10n.t('how it is measured')),
            })
          ).trim();
        },
      },
    ]);
    if (!filled?.id || !filled.goal) return { done: false, reason: 'cancelled' };
    metric = {
      id: filled.id,
      kind: filled.kind,
      goal: filled.goal,
      ...(filled.target !== undefined ? { target: filled.target } : {}),
      why: filled.why,
      ...(filled.kind !== 'offline' && filled.measuredBy ? { measured_by: filled.measuredBy } : {}),
    };
  }
  const outcome = await applyToRoadmap(target, vscode.l10n.t('Add metric'), (text) => addMetric(text, metric), services);
  if (outcome.done) confirm(vscode.l10n.t('Metric "{0}" added.', metric.id));
  return { ...outcome, id: metric.id };
}

// ML Roadmap: Estimate Cost and Benefit… — a candidate's effort, compute and risk, and the value it is expected to
// reach on the primary metric with a confidence: what the cost/benefit rank (and pitfall/too-incremental) needs.
import * as vscode from 'vscode';
import type { Level } from '../core/roadmap/model';
import { setCandidateEstimate, type CostBenefitEstimate } from '../core/roadmap/edits';
import type { Services } from '../services';
import { costBenefitSteps, type CostBenefitState } from './costBenefit';
import { runFlow } from './flow';
import { candidatePickItems } from './setCandidateStatus';
import { applyToRoadmap, argsOf, confirm, invalidArgument, isOutcome, nothingToDo, refuseUntrusted, resolveTarget, type CommandOutcome } from './target';

export interface EstimateCandidateArgs {
  readonly candidateId?: string;
  readonly effortDays?: number;
  readonly computeHours?: number;
  readonly risk?: Level;
  /** Expected value per metric id. */
  readonly expected?: Readonly<Record<string, number>>;
  readonly confidence?: Level;
}

export interface EstimateCandidateOutcome extends CommandOutcome {
  readonly candidateId?: string;
}

interface State extends CostBenefitState {
  candidateId?: string;
}

export async function estimateCandidateCommand(services: Services, arg?: unknown): Promise<EstimateCandidateOutcome> {
  const refused = refuseUntrusted();
  if (refused) return refused;
  const args = argsOf<EstimateCandidateArgs>(arg);
  const target = await resolveTarget(services, args);
  if (isOutcome(target)) return target;
  const { candidates, metrics } = target.roadmap;
  const given = args.candidateId ?? args.itemId;
  if (given !== undefined && !candidates.some((c) => c.id === given)) {
    return invalidArgument(vscode.l10n.t('There is no candidate "{0}" in the roadmap.', given));
  }
  if (candidates.length === 0) {
    return nothingToDo(vscode.l10n.t('The roadmap has no candidates yet: add one first.'));
  }
  const primary = metrics[0];

  let candidateId: string;
  let estimate: CostBenefitEstimate;
  const hasValues = [args.effortDays, args.computeHours, args.risk, args.expected, args.confidence].some((v) => v !== undefined);
  if (given !== undefined && hasValues) {
    candidateId = given;
    estimate = {
      cost: { effort_days: args.effortDays, compute_hours: args.computeHours, risk: args.risk },
      benefit: { expected: args.expected, confidence: args.confidence },
    };
  } else {
    const current = (id: string | undefined) => candidates.find((c) => c.id === id);
    const filled = await runFlow<State>(vscode.l10n.t('Estimate Cost and Benefit'), { candidateId: given }, [
      {
        skip: () => given !== undefined,
        run: async (p, s) => {
          s.candidateId = await p.pick({ placeholder: vscode.l10n.t('Which candidate?'), items: candidatePickItems(candidates), active: s.candidateId, matchOnDetail: true });
        },
      },
      ...costBenefitSteps<State>(primary, (s) => ({ id: s.candidateId, current: current(s.candidateId) })),
    ]);
    if (!filled?.candidateId || filled.risk === undefined) return { done: false, reason: 'cancelled' };
    candidateId = filled.candidateId;
    estimate = {
      cost: { effort_days: filled.effortDays, compute_hours: filled.computeHours, risk: filled.risk },
      benefit: { expected: primary && filled.expected !== undefined ? { [primary.id]: filled.expected } : undefined, confidence: filled.confidence },
    };
  }
  const id = candidateId;
  const outcome = await applyToRoadmap(target, vscode.l10n.t('Estimate cost and benefit'), (text) => setCandidateEstimate(text, id, estimate), services);
  if (outcome.done) confirm(vscode.l10n.t('Cost and benefit of "{0}" estimated.', id));
  return { ...outcome, candidateId: id };
}

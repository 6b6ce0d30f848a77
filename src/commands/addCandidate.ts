// ML Roadmap: Add Candidate… — id, title, what it builds on (literature) or why it is novel, its cost
// (effort, compute, risk) and expected benefit on the primary metric with a confidence. Status `idea`.
import * as vscode from 'vscode';
import type { Level } from '../core/roadmap/model';
import { addCandidate } from '../core/roadmap/edits';
import { validateNewId, validateRequired } from '../core/roadmap/inputs';
import type { Services } from '../services';
import { costBenefitSteps, type CostBenefitState } from './costBenefit';
import { runFlow } from './flow';
import { applyToRoadmap, argsOf, confirm, isOutcome, refuseUntrusted, resolveTarget, type CommandOutcome } from './target';

export interface AddCandidateArgs {
  readonly id?: string;
  readonly title?: string;
  readonly baseline?: boolean;
  readonly basedOn?: readonly string[];
  readonly novelBecause?: string;
  readonly cost?: { effort_days?: number; compute_hours?: number; risk?: Level };
  readonly benefit?: { expected?: Record<string, number>; confidence?: Level };
}

export interface AddCandidateOutcome extends CommandOutcome {
  readonly id?: string;
}

interface State extends CostBenefitState {
  id?: string;
  title?: string;
  basedOn: string[];
  novelBecause?: string;
}

export async function addCandidateCommand(services: Services, arg?: unknown): Promise<AddCandidateOutcome> {
  const refused = refuseUntrusted();
  if (refused) return refused;
  const args = argsOf<AddCandidateArgs>(arg);
  const target = await resolveTarget(services, args);
  if (isOutcome(target)) return target;
  const { roadmap } = target;
  const taken = roadmap.candidates.map((c) => c.id);
  const primary = roadmap.metrics[0];

  let candidate: Parameters<typeof addCandidate>[1];
  if (args.id !== undefined) {
    // Driven by arguments (tests, keybindings, quick fixes with everything known): no prompts.
    const problem = validateNewId(args.id, taken) ?? validateRequired(args.title ?? '', vscode.l10n.t('a title'));
    if (problem) return { done: false, reason: 'invalid', message: problem };
    candidate = {
      id: args.id,
      title: args.title,
      ...(args.baseline ? { baseline: true } : {}),
      ...(args.basedOn?.length ? { based_on: [...args.basedOn] } : {}),
      ...(args.novelBecause ? { novel_because: args.novelBecause } : {}),
      ...(args.cost ? { cost: args.cost } : {}),
      ...(args.benefit ? { benefit: args.benefit } : {}),
      status: 'idea',
    };
  } else {
    const filled = await runFlow<State>(vscode.l10n.t('Add Candidate'), { basedOn: [] }, [
      {
        run: async (p, s) => {
          s.id = (
            await p.input({
              prompt: vscode.l10n.t('Id of the candidate (lower-case, e.g. small-cnn)'),
              value: s.id,
              validate: (t) => validateNewId(t, taken),
            })
          ).trim();
        },
      },
      {
        run: async (p, s) => {
          s.title = (
            await p.input({
              prompt: vscode.l10n.t('Title: the architecture in a few words'),
              placeholder: vscode.l10n.t('e.g. Small CNN on 8x8 images'),
              value: s.title,
              validate: (t) => validateRequired(t, vscode.l10n.t('a title')),
            })
          ).trim();
        },
      },
      {
        skip: () => roadmap.literature.length === 0,
        run: async (p, s) => {
          s.basedOn = await p.pickMany({
            placeholder: vscode.l10n.t('Which reviewed work does it build on? (none: say why it is novel next)'),
            items: roadmap.literature.map((l) => ({ label: l.id, description: l.title, detail: l.takeaway, value: l.id })),
            selected: s.basedOn,
            matchOnDetail: true,
          });
        },
      },
      {
        skip: (s) => s.basedOn.length > 0,
        run: async (p, s) => {
          s.novelBecause = (
            await p.input({
              prompt: vscode.l10n.t('Nothing reviewed applies: why is it novel? (or review the literature first)'),
              value: s.novelBecause,
              validate: (t) => validateRequired(t, vscode.l10n.t('why nothing existing applies')),
            })
          ).trim();
        },
      },
      ...costBenefitSteps<State>(primary, (s) => ({ id: s.id })),
    ]);
    if (!filled?.id) return { done: false, reason: 'cancelled' };
    candidate = {
      id: filled.id,
      title: filled.title,
      ...(filled.basedOn.length ? { based_on: filled.basedOn } : { novel_because: filled.novelBecause }),
      cost: { effort_days: filled.effortDays, compute_hours: filled.computeHours, risk: filled.risk },
      ...(primary && filled.expected !== undefined
        ? { benefit: { expected: { [primary.id]: filled.expected }, confidence: filled.confidence } }
        : {}),
      status: 'idea',
    };
  }
  const outcome = await applyToRoadmap(target, vscode.l10n.t('Add candidate'), (text) => addCandidate(text, candidate), services);
  if (outcome.done) confirm(vscode.l10n.t('Candidate "{0}" added as an idea.', candidate.id));
  return { ...outcome, id: candidate.id };
}

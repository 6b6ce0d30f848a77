// ML Roadmap: Set Candidate Status… — pick a candidate (with its current status), then its new status.
import * as vscode from 'vscode';
import { CANDIDATE_STATUSES, type Candidate, type CandidateStatus } from '../core/roadmap/model';
import { setCandidateStatus } from '../core/roadmap/edits';
import type { Services } from '../services';
import { runFlow, type FlowPickItem } from './flow';
import { candidateStatusIcon } from './labels';
import { applyToRoadmap, argsOf, confirm, invalidArgument, isOutcome, nothingToDo, refuseUntrusted, resolveTarget, type CommandOutcome } from './target';

export interface SetCandidateStatusArgs {
  readonly candidateId?: string;
  readonly status?: CandidateStatus;
}

export interface SetCandidateStatusOutcome extends CommandOutcome {
  readonly candidateId?: string;
  readonly status?: CandidateStatus;
}

export function candidatePickItems(candidates: readonly Candidate[]): FlowPickItem<string>[] {
  return candidates.map((c) => ({
    label: `${candidateStatusIcon(c.status)} ${c.id}`,
    description: [c.status, c.baseline ? vscode.l10n.t('baseline') : undefined].filter(Boolean).join(' · '),
    detail: c.title,
    value: c.id,
  }));
}

const NEXT: Readonly<Partial<Record<CandidateStatus, CandidateStatus>>> = {
  idea: 'shortlisted',
  shortlisted: 'prototyping',
  prototyping: 'evaluated',
  evaluated: 'chosen',
};

export async function setCandidateStatusCommand(services: Services, arg?: unknown): Promise<SetCandidateStatusOutcome> {
  const refused = refuseUntrusted();
  if (refused) return refused;
  const args = argsOf<SetCandidateStatusArgs>(arg);
  const target = await resolveTarget(services, args);
  if (isOutcome(target)) return target;
  const { candidates } = target.roadmap;
  const given = args.candidateId ?? args.itemId;
  if (given !== undefined && !candidates.some((c) => c.id === given)) {
    return invalidArgument(vscode.l10n.t('There is no candidate "{0}" in the roadmap.', given));
  }
  if (args.status !== undefined && !CANDIDATE_STATUSES.includes(args.status)) {
    return { done: false, reason: 'invalid', message: vscode.l10n.t('Unknown candidate status "{0}".', String(args.status)) };
  }
  if (candidates.length === 0) {
    return nothingToDo(vscode.l10n.t('The roadmap has no candidates yet: add one first.'));
  }
  const filled = await runFlow<{ candidateId?: string; status?: CandidateStatus }>(
    vscode.l10n.t('Set Candidate Status'),
    { candidateId: given, status: args.status },
    [
      {
        skip: () => given !== undefined,
        run: async (p, s) => {
          s.candidateId = await p.pick({ placeholder: vscode.l10n.t('Which candidate?'), items: candidatePickItems(candidates), active: s.candidateId, matchOnDetail: true });
        },
      },
      {
        skip: () => args.status !== undefined,
        run: async (p, s) => {
          const current = candidates.find((c) => c.id === s.candidateId)?.status;
          s.status = await p.pick<CandidateStatus>({
            placeholder: vscode.l10n.t('New status of "{0}"', s.candidateId ?? ''),
            items: CANDIDATE_STATUSES.map((status) => ({
              label: `${candidateStatusIcon(status)} ${status}`,
              description: status === current ? vscode.l10n.t('current') : undefined,
              value: status,
            })),
            active: s.status ?? (current ? NEXT[current] : undefined) ?? current,
          });
        },
      },
    ],
  );
  if (!filled?.candidateId || !filled.status) return { done: false, reason: 'cancelled' };
  const { candidateId, status } = filled as { candidateId: string; status: CandidateStatus };
  const outcome = await applyToRoadmap(target, vscode.l10n.t('Set candidate status'), (text) => setCandidateStatus(text, candidateId, status), services);
  if (outcome.done) confirm(vscode.l10n.t('Candidate "{0}" is now {1}.', candidateId, status));
  return { ...outcome, candidateId, status };
}

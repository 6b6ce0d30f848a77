// ML Roadmap: Acknowledge Pitfall Finding… — pick an open finding, give the reason the team accepts it;
// an `acknowledged` entry (code, target, reason) goes into the roadmap and the finding is no longer reported.
import * as vscode from 'vscode';
import { addAcknowledgement } from '../core/roadmap/edits';
import type { Services } from '../services';
import { runFlow } from './flow';
import { applyToRoadmap, argsOf, confirm, isOutcome, nothingToDo, refuseUntrusted, resolveTarget, type CommandOutcome } from './target';

export interface AcknowledgeFindingArgs {
  /** Diagnostic code, e.g. `pitfall/one-architecture`. */
  readonly code?: string;
  /** Id of the node the finding is about (candidate, metric ...); absent: every finding of that code. */
  readonly target?: string;
  readonly reason?: string;
}

export interface AcknowledgeFindingOutcome extends CommandOutcome {
  readonly code?: string;
  readonly target?: string;
}

interface Finding {
  readonly code: string;
  readonly target?: string;
  readonly message: string;
}

export async function acknowledgeFindingCommand(services: Services, arg?: unknown): Promise<AcknowledgeFindingOutcome> {
  const refused = refuseUntrusted();
  if (refused) return refused;
  const args = argsOf<AcknowledgeFindingArgs>(arg);
  const target = await resolveTarget(services, args);
  if (isOutcome(target)) return target;
  const findings: Finding[] = services.analysis.get(target.entry).findings.map((f) => ({ code: f.code, target: f.target, message: f.message }));

  if (args.code !== undefined && !args.code.startsWith('pitfall/')) {
    return { done: false, reason: 'invalid', message: vscode.l10n.t('Only pitfall findings (codes pitfall/…) can be acknowledged, not "{0}".', args.code) };
  }
  if (args.code === undefined && findings.length === 0) {
    return nothingToDo(vscode.l10n.t('No open pitfall findings: nothing to acknowledge.'));
  }
  const state = await runFlow<{ finding?: Finding; reason?: string }>(
    vscode.l10n.t('Acknowledge Pitfall Finding'),
    {
      finding: args.code !== undefined ? { code: args.code, target: args.target, message: '' } : undefined,
      reason: args.reason?.trim() || undefined,
    },
    [
      {
        skip: () => args.code !== undefined,
        run: async (p, s) => {
          s.finding = await p.pick({
            placeholder: vscode.l10n.t('Which finding does the team accept?'),
            items: findings.map((f) => ({ label: f.code, description: f.target, detail: f.message, value: f })),
            active: s.finding,
            matchOnDetail: true,
          });
        },
      },
      {
        skip: () => !!args.reason?.trim(),
        run: async (p, s) => {
          s.reason = (
            await p.input({
              prompt: vscode.l10n.t('Why does the team accept "{0}"{1}?', s.finding?.code ?? '', s.finding?.target ? ` (${s.finding.target})` : ''),
              placeholder: vscode.l10n.t('e.g. Only one architecture is viable on the edge device; see ADR 0003'),
              value: s.reason,
              validate: (t) => (t.trim() ? undefined : vscode.l10n.t('Enter the reason: it stays in mlroadmap.yaml for reviewers.')),
            })
          ).trim();
        },
      },
    ],
  );
  if (!state?.finding || !state.reason) return { done: false, reason: 'cancelled' };
  const { code, target: about } = state.finding;
  const reason = state.reason;
  const outcome = await applyToRoadmap(
    target,
    vscode.l10n.t('Acknowledge pitfall finding'),
    (text) => addAcknowledgement(text, { code, ...(about ? { target: about } : {}), reason }),
    services,
  );
  if (outcome.done) confirm(vscode.l10n.t('{0} acknowledged.', code));
  return { ...outcome, code, target: about };
}

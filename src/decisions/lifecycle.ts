// Set Decision Status… and Supersede Decision…: minimal edits of the records in their own format (core
// lifecycle edits, applied through the editor so they are undoable), then a commit of exactly those records.
import * as vscode from 'vscode';
import { padNumber, setStatusEdits, supersedesLineEdits, type DecisionRecord, type DecisionStatus } from '../core/decisions';
import type { TextEdit } from '../core/roadmap/model';
import { argsOf, refuseUntrusted } from '../commands/target';
import type { Services } from '../services';
import { applyEdits } from '../core/roadmap/edit-sequence';
import { applyTextChange } from '../workspace/applyEdits';
import { commitDecisionFiles, type CommitAnswers, type DecisionFailure } from './commitFlow';
import { rebaseInProgress } from '../git';
import { reloadDecisions } from './decisionsIndex';
import type { RecordDecisionArgs, RecordDecisionResult } from './recordArgs';
import { recordDecisionCommand } from './recordDecision';
import { decisionsTarget, linkOf, pickRecord, type RecordRefArgs, type RecordTarget } from './recordTarget';

export const SETTABLE_STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated'] as const satisfies readonly DecisionStatus[];
export type SettableStatus = (typeof SETTABLE_STATUSES)[number];

export interface SetDecisionStatusArgs extends RecordRefArgs, CommitAnswers {
  readonly status?: SettableStatus;
}

export interface SupersedeArgs extends CommitAnswers {
  readonly roadmap?: string;
  /** The record superseded (number or file); a Decisions tree item fills `file`. */
  readonly number?: number | string;
  readonly file?: string;
  /** The record that supersedes it (number or file). */
  readonly by?: number | string;
  /** Record a new decision that supersedes it, with these arguments (the Record flow's). */
  readonly create?: RecordDecisionArgs;
}

export interface LifecycleResult {
  readonly committed: boolean;
  readonly files: readonly string[];
  readonly commit?: string;
  readonly failure?: DecisionFailure;
}

export async function setDecisionStatusCommand(services: Services, arg?: unknown): Promise<LifecycleResult> {
  const refused = refuseUntrusted();
  if (refused) return { committed: false, files: [], failure: { kind: 'restricted', message: refused.message ?? '' } };
  const args = argsOf<SetDecisionStatusArgs>(arg);
  const target = await decisionsTarget(services, args);
  if ('failure' in target) return { committed: false, files: [], failure: target.failure };
  const record = await pickRecord(target.records, refOf(args), vscode.l10n.t('Which decision?'));
  if (!record) return notFound(args);
  const status =
    args.status ??
    (
      await vscode.window.showQuickPick(
        SETTABLE_STATUSES.map((s) => ({ label: s, description: s === record.status ? vscode.l10n.t('current') : undefined })),
        { title: vscode.l10n.t('ML Roadmap'), placeHolder: vscode.l10n.t('New status of {0} {1}', record.padded, record.title) },
      )
    )?.label;
  if (!status) return { committed: false, files: [], failure: { kind: 'cancelled', message: vscode.l10n.t('Cancelled.') } };
  if (!SETTABLE_STATUSES.includes(status)) return invalid(vscode.l10n.t('"{0}" is not a status to set: use proposed, accepted, rejected or deprecated.', status));
  return changeAndCommit(services, target, [{ record, edits: (text) => setStatusEdits(text, record.format, status) }], `docs(decision): ${record.padded} ${status}: ${record.title}`, args);
}

export async function supersedeDecisionCommand(services: Services, arg?: unknown): Promise<LifecycleResult> {
  const refused = refuseUntrusted();
  if (refused) return { committed: false, files: [], failure: { kind: 'restricted', message: refused.message ?? '' } };
  const args = argsOf<SupersedeArgs>(arg);
  const target = await decisionsTarget(services, args);
  if ('failure' in target) return { committed: false, files: [], failure: target.failure };
  const old = await pickRecord(target.records, refOf(args), vscode.l10n.t('Which decision is superseded?'), (r) => r.category !== 'superseded');
  if (!old) return notFound(args);

  let next: DecisionRecord | undefined;
  if (args.by !== undefined) {
    next = await pickRecord(target.records, { number: args.by }, '');
    if (!next) return invalid(vscode.l10n.t('There is no decision record {0}.', String(args.by)));
  } else {
    const createNew = vscode.l10n.t('$(add) Record a new decision…');
    const choice =
      args.create !== undefined
        ? undefined
        : await vscode.window.showQuickPick(
            [{ label: createNew, record: undefined as DecisionRecord | undefined }, ...target.records.filter((r) => r !== old).map((r) => ({ label: `${r.padded} ${r.title}`, description: r.status, record: r as DecisionRecord | undefined })).reverse()],
            { title: vscode.l10n.t('ML Roadmap'), placeHolder: vscode.l10n.t('Which decision supersedes {0} {1}?', old.padded, old.title) },
          );
    if (args.create === undefined && !choice) return { committed: false, files: [], failure: { kind: 'cancelled', message: vscode.l10n.t('Cancelled.') } };
    next = choice?.record;
    if (!next) {
      const recorded: RecordDecisionResult = await recordDecisionCommand(services, { roadmap: target.entry.uri.toString(), ...args.create, confirm: args.confirm, initRepo: args.initRepo });
      if (!recorded.file) return { committed: false, files: [], failure: recorded.failure };
      const fresh = await decisionsTarget(services, { roadmap: target.entry.uri.toString() });
      if ('failure' in fresh) return { committed: false, files: [], failure: fresh.failure };
      next = fresh.records.find((r) => r.file === recorded.file);
      if (!next) return invalid(vscode.l10n.t('The new record {0} could not be read back.', recorded.file));
    }
  }
  if (next.number === old.number && next.file === old.file) return invalid(vscode.l10n.t('A decision cannot supersede itself.'));
  const nextRecord = next;
  return changeAndCommit(
    services,
    target,
    [
      { record: old, edits: (text) => setStatusEdits(text, old.format, 'superseded', { supersededBy: linkOf(nextRecord) }) },
      { record: nextRecord, edits: (text) => supersedesLineEdits(text, nextRecord.format, linkOf(old)) },
    ],
    `docs(decision): ${nextRecord.padded} supersedes ${padNumber(old.number)}`,
    args,
  );
}

interface RecordChange {
  readonly record: DecisionRecord;
  readonly edits: (text: string) => readonly TextEdit[];
}

/**
 * Applies each record's edits through the editor (undoable; unsaved changes in an open editor stay unsaved),
 * then commits the same edits made on the committed records: the user's uncommitted changes stay uncommitted.
 */
async function changeAndCommit(services: Services, target: RecordTarget, changes: readonly RecordChange[], message: string, answers: CommitAnswers): Promise<LifecycleResult> {
  const files = changes.map((c) => c.record.file);
  if (await rebaseInProgress(target.entry.folder.uri.fsPath)) {
    return invalid(vscode.l10n.t('A rebase is in progress. Finish it (git rebase --continue) or abort it, then change the decision again. Nothing was changed.'), 'rebase-in-progress');
  }
  const edited = (c: RecordChange) => (text: string) => applyEdits(text, c.edits(text));
  for (const c of changes) {
    const failed = await applyTextChange(c.record.file, edited(c), vscode.l10n.t('Decision record'));
    if (failed) return invalid(failed, 'failed');
  }
  reloadDecisions(services, target.entry);
  const outcome = await commitDecisionFiles({
    repoDir: target.entry.folder.uri.fsPath,
    changes: changes.map((c) => ({ path: c.record.file, content: (committed: string | undefined) => (committed === undefined ? undefined : edited(c)(committed)) })),
    message,
    log: services.log,
    ...answers,
  });
  if (!outcome.committed) return { committed: false, files, failure: outcome.failure };
  void vscode.window.setStatusBarMessage(`$(check) ${message}`, 5000);
  return { committed: true, files, commit: outcome.commit };
}

function refOf(args: RecordRefArgs): { number?: number | string; file?: string } {
  return { number: args.number ?? args.itemId, file: args.file };
}

function notFound(args: RecordRefArgs): LifecycleResult {
  const named = args.file ?? args.number ?? args.itemId;
  if (named === undefined) return { committed: false, files: [], failure: { kind: 'cancelled', message: vscode.l10n.t('Cancelled.') } };
  return invalid(vscode.l10n.t('There is no decision record {0}.', String(named)));
}

function invalid(message: string, kind = 'invalid'): LifecycleResult {
  void vscode.window.showErrorMessage(message);
  return { committed: false, files: [], failure: { kind, message } };
}

// The record a lifecycle command acts on: from a Decisions tree item (its file), a number or file in the
// arguments, or a pick among the roadmap's records.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DecisionRecord, RecordLink } from '../core/decisions';
import { argsOf, isOutcome, resolveTarget, type TargetArgs } from '../commands/target';
import type { Services } from '../services';
import type { RoadmapEntry } from '../workspace/roadmapStore';
import { decisionsFolderError, decisionsFolderOf, reloadDecisions } from './decisionsIndex';

export interface RecordRefArgs extends TargetArgs {
  /** The record's number, or its file (absolute). A Decisions tree item carries `file` and `itemId` (the number). */
  readonly number?: number | string;
  readonly file?: string;
}

export interface RecordTarget {
  readonly entry: RoadmapEntry;
  readonly records: readonly DecisionRecord[];
}

/** The roadmap whose decisions folder holds `file`, else the one the arguments or the editor name. */
export async function decisionsTarget(services: Services, arg: unknown): Promise<RecordTarget | { failure: { kind: string; message: string } }> {
  const args = argsOf<RecordRefArgs>(arg);
  await services.store.whenReady();
  let entry = args.file ? services.store.all().find((e) => decisionsFolderOf(e) === path.dirname(path.resolve(args.file!))) : undefined;
  if (!entry) {
    const target = await resolveTarget(services, args);
    if (isOutcome(target)) return { failure: { kind: target.reason ?? 'failed', message: target.message ?? '' } };
    entry = target.entry;
  }
  reloadDecisions(services, entry);
  // An unreadable folder is not an empty one: no command acts on records it cannot list.
  const error = decisionsFolderError(services, entry);
  if (error) {
    const message = vscode.l10n.t('Cannot read the decisions folder {0} ({1}); nothing was changed.', error.folder, error.code ?? error.message);
    void vscode.window.showErrorMessage(message);
    return { failure: { kind: 'io-error', message } };
  }
  return { entry, records: services.decisions.records(entry) as readonly DecisionRecord[] };
}

/** The record named by `number`/`file`, else picked by the user (undefined: cancelled or none). */
export async function pickRecord(
  records: readonly DecisionRecord[],
  ref: { readonly number?: number | string; readonly file?: string },
  placeholder: string,
  filter: (r: DecisionRecord) => boolean = () => true,
): Promise<DecisionRecord | undefined> {
  // `number` may also name the record's file (arguments documented as "number or file").
  const file = ref.file ?? (typeof ref.number === 'string' && !/^\s*\d+\s*$/.test(ref.number) ? ref.number : undefined);
  if (file) return records.find((r) => path.resolve(r.file) === path.resolve(file));
  if (ref.number !== undefined) return records.find((r) => r.number === Number(ref.number));
  const items = records.filter(filter).map((r) => ({ label: `${r.padded} ${r.title}`, description: [r.status, r.date].filter(Boolean).join(' · '), record: r }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no decision record to pick.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items.reverse(), { title: vscode.l10n.t('ML Roadmap'), placeHolder: placeholder, matchOnDescription: true });
  return picked?.record;
}

export function linkOf(r: DecisionRecord): RecordLink {
  return { number: r.number, title: r.title, fileName: path.basename(r.file) };
}

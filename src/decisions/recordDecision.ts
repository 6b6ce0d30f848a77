// ML Roadmap: Record Architecture Decision… — asks what is decided (or takes it from the arguments), writes
// `<decisions>/NNNN-kebab-title.md` (MADR 4, evidence embedded), sets the candidates' `status` and `decision`
// in the roadmap, commits exactly those files as `docs(decision): NNNN <title>` and opens the record.
import * as vscode from 'vscode';
import type { DecisionDraft } from '../core/decisions';
import { candidateName, defaultContext, driverOf, optionsFrom, peopleOf } from '../core/decisions/fromRoadmap';
import { setCandidateField, setCandidateStatus, setOverrideDecision } from '../core/roadmap/edits';
import { editSequence, type Change } from '../core/roadmap/edit-sequence';
import { applyEdits } from '../core/roadmap/edits';
import { today } from '../core/roadmap/inputs';
import { PHASES, type CandidateStatus, type Roadmap } from '../core/roadmap/model';
import { recordAndCommit } from '../git';
import { argsOf, isOutcome, refuseUntrusted, resolveTarget } from '../commands/target';
import { applyTextChange } from '../workspace/applyEdits';
import type { Services } from '../services';
import { commitDecisionFiles } from './commitFlow';
import { decisionsFolderOf, reloadDecisions } from './decisionsIndex';
import type { RecordDecisionArgs, RecordDecisionResult } from './recordArgs';
import { askRecordAnswers, withDefaults, type RecordAnswers } from './recordFlow';

export async function recordDecisionCommand(services: Services, arg?: unknown): Promise<RecordDecisionResult> {
  const refused = refuseUntrusted();
  if (refused) return { committed: false, failure: { kind: 'restricted', message: refused.message ?? '' } };
  const args = argsOf<RecordDecisionArgs>(arg);
  const target = await resolveTarget(services, args);
  if (isOutcome(target)) return { committed: false, failure: { kind: target.reason ?? 'failed', message: target.message ?? '' } };
  const { entry, roadmap } = target;

  const given: RecordAnswers = {
    kind: args.kind,
    chosen: args.chosen,
    rejected: args.rejected && [...args.rejected],
    metric: args.metric,
    candidates: args.candidates && [...args.candidates],
    drivers: args.drivers && [...args.drivers],
    outcome: args.outcome,
    reason: args.reason,
    status: args.status,
    consulted: args.consulted && [...args.consulted],
    title: args.title,
    from: args.from,
    to: args.to,
    focus: args.contextValue?.startsWith('candidate') ? args.itemId : undefined,
  };
  // With a title in the arguments nothing is asked: the other answers take their defaults.
  const asked = args.title !== undefined ? given : await askRecordAnswers(roadmap, given);
  if (!asked) return { committed: false, failure: { kind: 'cancelled', message: vscode.l10n.t('Cancelled.') } };
  const answers = withDefaults(roadmap, asked);

  const invalid = validate(roadmap, answers);
  if (invalid) return fail('invalid', invalid);
  const changes = roadmapChanges(answers);
  // A gate override already in the roadmap (Advance Phase wrote it) gets the record's number.
  const from = PHASES.find((ph) => ph === args.from);
  const to = PHASES.find((ph) => ph === args.to);
  const override =
    answers.kind === 'override-gate' && from && to ? roadmap.overrides.some((o) => o.from === from && o.to === to && o.decision === undefined) : false;
  const edit = (text: string, padded: string) =>
    editSequence(text, [
      ...changes.flatMap(([id, status]): Change[] => [(t) => setCandidateStatus(t, id, status), (t) => setCandidateField(t, id, 'decision', padded)]),
      ...(override && from && to ? [(t: string) => setOverrideDecision(t, from, to, padded)] : []),
    ]);
  const editsRoadmap = changes.length > 0 || override;
  // The roadmap must take the edit before anything is written.
  const check = edit(entry.text, '0000');
  if (!check.ok) return fail('invalid', check.error);
  const roadmapFile = entry.uri.fsPath;

  const draft = buildDraft(services, target.entry, roadmap, answers, args);
  const repoDir = entry.folder.uri.fsPath;
  // The edit goes into the editor (undoable; an open editor's unsaved changes stay unsaved), and the commit
  // takes the same edit made on the committed roadmap: the user's uncommitted changes stay uncommitted.
  const result = await recordAndCommit({
    repoDir,
    decisionsDir: decisionsFolderOf(entry),
    draft,
    ...(editsRoadmap
      ? {
          roadmapPath: roadmapFile,
          roadmapEdits: (text: string, d: { padded: string }) => {
            const r = edit(text, d.padded);
            return r.ok ? applyEdits(text, r.edits) : undefined;
          },
          writeWorkTree: (file: string, change: (text: string) => string | undefined) => applyTextChange(file, change, vscode.l10n.t('Record Architecture Decision')),
        }
      : {}),
    includeUserChanges: args.confirm === true,
  });
  reloadDecisions(services, entry);
  await services.store.reload(entry.uri);
  if (!result.recordFile) return fail(result.ok ? 'failed' : result.kind, result.ok ? '' : result.message);

  const file = result.recordFile;
  services.log.info(`Decision ${result.padded} written to ${vscode.workspace.asRelativePath(file)}`);
  const outcome = await commitDecisionFiles(
    { repoDir, changes: result.changes, message: result.commitMessage, log: services.log, recordFile: file, confirm: args.confirm, initRepo: args.initRepo },
    result,
  );
  if (args.open !== false) await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false });
  if (outcome.committed) {
    void vscode.window.setStatusBarMessage(`$(check) ${vscode.l10n.t('Decision {0} recorded and committed ({1}).', result.padded, outcome.commit)}`, 5000);
    return { file, number: result.number, committed: true, commit: outcome.commit, message: result.commitMessage };
  }
  return { file, number: result.number, committed: false, message: result.commitMessage, failure: outcome.failure };

  function fail(kind: string, message: string): RecordDecisionResult {
    void vscode.window.showErrorMessage(message);
    services.log.warn(`Record Architecture Decision: ${message}`);
    return { committed: false, failure: { kind, message } };
  }
}

function validate(roadmap: Roadmap, a: RecordAnswers): string | undefined {
  const known = new Set(roadmap.candidates.map((c) => c.id));
  if (a.kind === 'choose-candidate' && !a.chosen) return vscode.l10n.t('Choose the candidate the decision is for.');
  for (const id of [...(a.chosen ? [a.chosen] : []), ...(a.rejected ?? [])]) {
    if (!known.has(id)) return vscode.l10n.t('There is no candidate "{0}" in the roadmap.', id);
  }
  if (a.kind === 'reject-candidates' && (a.rejected ?? []).length === 0) return vscode.l10n.t('Pick the candidates to reject.');
  if (!a.reason || a.reason.trim() === '') return vscode.l10n.t('Give the reason for the decision.');
  if (!a.title || a.title.trim() === '') return vscode.l10n.t('Give the decision a title.');
  return undefined;
}

/** The candidates whose status the decision sets, with the status. */
function roadmapChanges(a: RecordAnswers): [string, CandidateStatus][] {
  const out: [string, CandidateStatus][] = [];
  if (a.kind === 'choose-candidate' && a.chosen) out.push([a.chosen, 'chosen']);
  for (const id of a.rejected ?? []) if (id !== a.chosen) out.push([id, 'rejected']);
  return out;
}

function buildDraft(
  services: Services,
  entry: Parameters<Services['results']['latest']>[0],
  roadmap: Roadmap,
  a: RecordAnswers,
  args: RecordDecisionArgs,
): DecisionDraft {
  const kind = a.kind ?? 'free';
  const { makers, others } = peopleOf(roadmap);
  const consulted = a.consulted ?? [];
  const rejected = (a.rejected ?? []).filter((id) => id !== a.chosen);
  const reason = a.reason ?? '';
  const nameOf = (id: string) => candidateName(roadmap, id);
  const consequences = [
    ...(a.outcome && (kind === 'choose-candidate' || kind === 'reject-candidates') ? [a.outcome] : []),
    ...(a.chosen && kind === 'choose-candidate' ? [`"${nameOf(a.chosen)}" (\`${a.chosen}\`) is marked chosen in mlroadmap.yaml.`] : []),
    ...rejected.map((id) => `"${nameOf(id)}" (\`${id}\`) is marked rejected in mlroadmap.yaml.`),
  ];
  return {
    title: a.title ?? '',
    kind,
    status: a.status ?? 'accepted',
    date: today(),
    decisionMakers: args.decisionMakers ? [...args.decisionMakers] : makers,
    consulted,
    informed: args.informed ? [...args.informed] : others.filter((o) => !consulted.includes(o)),
    context:
      args.context ??
      defaultContext(roadmap, { kind, chosen: a.chosen, rejected, metric: a.metric, from: a.from, to: a.to, overrideReason: kind === 'override-gate' ? reason : undefined }),
    drivers: (a.drivers ?? []).flatMap((id) => roadmap.metrics.filter((m) => m.id === id).map(driverOf)),
    options: optionsFrom(roadmap, a.candidates ?? [], (id) => services.results.latest(entry, id)),
    outcome:
      kind === 'choose-candidate'
        ? { option: a.chosen, reason }
        : { reason: a.outcome && kind !== 'reject-candidates' ? `${a.outcome.replace(/[.\s]+$/, '')}, because ${reason}` : reason },
    consequences,
    candidates: kind === 'choose-candidate' ? [a.chosen ?? '', ...rejected] : kind === 'reject-candidates' ? rejected : (a.candidates ?? []),
  };
}

import * as vscode from 'vscode';
import { argsOf, guardCommand, isOutcome, refuseUntrusted as refuseUntrustedWith, resolveTarget, type TargetArgs } from '../commands/target';
import { baselineCandidate } from '../core/pitfalls';
import { Commands } from '../ids';
import type { Services } from '../services';
import type { RoadmapEntry } from '../workspace/roadmapStore';
import { compareUri } from './compareDocument';
import { RESTRICTED_MESSAGE, type Evaluations, type RunOutcome } from './evaluations';
import { ALL_CANDIDATES } from './plan';
import type { EvaluationResultsIndex } from './resultsIndex';
import { resultLine } from './summary';
import { evaluationTask } from './tasks';

interface EvaluateArgs extends TargetArgs {
  readonly candidate?: string;
}

interface CompareArgs extends EvaluateArgs {
  /** Leave out the rows where the candidate and the baseline agree. */
  readonly onlyDifferences?: boolean;
}

/** What the evaluate commands return: the run's outcome, or why nothing ran. */
export type EvaluateResult =
  | (RunOutcome & { readonly done: boolean })
  | { readonly done: false; readonly reason: 'cancelled' | 'restricted' | 'no-roadmap' | 'invalid' | 'failed'; readonly message?: string };

/** Refuses to run code in Restricted Mode, saying why. */
function refuseUntrusted(): EvaluateResult | undefined {
  return refuseUntrustedWith(vscode.l10n.t(RESTRICTED_MESSAGE));
}

/** Runs the evaluation as a VS Code task and resolves with its outcome once the task ends. */
export async function runEvaluationTask(evaluations: Evaluations, entry: RoadmapEntry, candidate: string): Promise<EvaluateResult> {
  if (evaluations.isRunning(entry.uri, candidate)) {
    const message = vscode.l10n.t('The evaluation of {0} is already running.', candidate === ALL_CANDIDATES ? vscode.l10n.t('all candidates') : candidate);
    void vscode.window.showInformationMessage(message);
    return { done: false, reason: 'failed', message };
  }
  let started = false;
  let settle!: (run: { readonly outcome: Promise<RunOutcome> } | undefined) => void;
  const run = new Promise<{ readonly outcome: Promise<RunOutcome> } | undefined>((ok) => (settle = ok));
  const task = evaluationTask(evaluations, entry, candidate, (r) => {
    started = true;
    settle(r);
  });
  const ended = vscode.tasks.onDidEndTask((e) => {
    if (e.execution.task.name !== task.name || e.execution.task.source !== task.source) return;
    setTimeout(() => {
      if (!started) settle(undefined);
    }, 1000);
  });
  try {
    // The terminal of a run that just finished stays open a moment (see tasks.ts): let it close first.
    await previousRunClosed(task);
    await vscode.tasks.executeTask(task);
    const r = await run;
    if (!r) return { done: false, reason: 'failed', message: vscode.l10n.t('The evaluation task ended before it started.') };
    const outcome = await r.outcome;
    return { ...outcome, done: outcome.ok };
  } finally {
    ended.dispose();
  }
}

/** Resolves when no execution of the same task is active (at most a few seconds). */
function previousRunClosed(task: vscode.Task): Promise<void> {
  const same = (t: vscode.Task) => t.name === task.name && t.source === task.source;
  if (!vscode.tasks.taskExecutions.some((e) => same(e.task))) return Promise.resolve();
  return new Promise((ok) => {
    const done = () => {
      clearTimeout(timer);
      sub.dispose();
      ok();
    };
    const sub = vscode.tasks.onDidEndTask((e) => {
      if (same(e.execution.task)) done();
    });
    const timer = setTimeout(done, 5000);
  });
}

async function pickCandidate(index: EvaluationResultsIndex, entry: RoadmapEntry, title: string, skipBaseline: boolean): Promise<string | undefined> {
  const roadmap = entry.roadmap!;
  const base = baselineCandidate(roadmap)?.id;
  const items = roadmap.candidates
    .filter((c) => !(skipBaseline && c.id === base))
    .map((c) => ({
      label: c.title ?? c.id,
      description: resultLine(roadmap, c.id, (id) => index.latest(entry, id)) ?? vscode.l10n.t('no result yet'),
      detail: `${c.id} · ${c.status}${c.id === base ? ` · ${vscode.l10n.t('baseline')}` : ''}`,
      id: c.id,
    }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The roadmap has no candidates yet: add one with "ML Roadmap: Add Candidate…".'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Which candidate?'), matchOnDescription: true, matchOnDetail: true });
  return picked?.id;
}

/** Evaluate Candidate…, Evaluate All Candidates, Re-run Last Evaluation, Show Evaluation Log, Compare with Baseline…. */
export function registerEvaluationCommands(services: Services, index: EvaluationResultsIndex, evaluations: Evaluations): vscode.Disposable[] {
  const evaluate = async (arg: unknown, all: boolean): Promise<EvaluateResult> => {
    const refused = refuseUntrusted();
    if (refused) return refused;
    const args = argsOf<EvaluateArgs>(arg);
    const target = await resolveTarget(services, args);
    if (isOutcome(target)) return { done: false, reason: target.reason === 'nothing-to-do' ? 'failed' : (target.reason ?? 'failed'), ...(target.message ? { message: target.message } : {}) };
    let candidate: string | undefined = all ? ALL_CANDIDATES : (args.candidate ?? args.itemId);
    candidate ??= await pickCandidate(index, target.entry, vscode.l10n.t('Evaluate Candidate'), false);
    if (candidate === undefined) return { done: false, reason: 'cancelled' };
    if (candidate !== ALL_CANDIDATES && !target.roadmap.candidates.some((c) => c.id === candidate)) {
      const message = vscode.l10n.t("There is no candidate '{0}' in the roadmap.", candidate);
      void vscode.window.showErrorMessage(message);
      return { done: false, reason: 'invalid', message };
    }
    return runEvaluationTask(evaluations, target.entry, candidate);
  };

  const rerun = async (): Promise<EvaluateResult> => {
    const refused = refuseUntrusted();
    if (refused) return refused;
    const last = evaluations.last;
    if (!last) {
      const message = vscode.l10n.t('No evaluation has run yet in this window.');
      void vscode.window.showInformationMessage(message);
      return { done: false, reason: 'invalid', message };
    }
    return evaluate({ roadmap: last.roadmap, candidate: last.candidate }, last.candidate === ALL_CANDIDATES);
  };

  const compare = async (arg: unknown) => {
    const args = argsOf<CompareArgs>(arg);
    const target = await resolveTarget(services, args);
    if (isOutcome(target)) return target;
    const candidate = args.candidate ?? args.itemId ?? (await pickCandidate(index, target.entry, vscode.l10n.t('Compare with Baseline'), true));
    if (candidate === undefined) return { done: false, reason: 'cancelled' };
    await index.whenIdle();
    const uri = compareUri(target.entry.uri, candidate, args.onlyDifferences === true);
    const doc = await vscode.workspace.openTextDocument(uri);
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    } catch {
      await vscode.window.showTextDocument(doc, { preview: true });
    }
    return { done: true, uri: uri.toString(), text: doc.getText() };
  };

  const guard = <T>(id: string, body: (arg: unknown) => Promise<T>) => guardCommand(id, services.log, body);

  return [
    vscode.commands.registerCommand(Commands.evaluateCandidate, guard(Commands.evaluateCandidate, (arg) => evaluate(arg, false))),
    vscode.commands.registerCommand(Commands.evaluateAll, guard(Commands.evaluateAll, (arg) => evaluate(arg, true))),
    vscode.commands.registerCommand(Commands.rerunLastEvaluation, guard(Commands.rerunLastEvaluation, () => rerun())),
    vscode.commands.registerCommand(Commands.showEvaluationLog, guard(Commands.showEvaluationLog, async () => {
      const editor = await evaluations.showLog();
      return { done: true, ...(editor ? { file: editor.document.uri.fsPath } : {}) };
    })),
    vscode.commands.registerCommand(Commands.compareCandidate, guard(Commands.compareCandidate, compare)),
  ];
}

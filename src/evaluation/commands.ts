import * as vscode from 'vscode';
import { argsOf, guardCommand, isOutcome, refuseUntrusted as refuseUntrustedWith, resolveTarget, type TargetArgs } from '../commands/target';
import { executionOf, parallelOf } from '../core/jobs/execution';
import { baselineCandidate } from '../core/pitfalls';
import { Commands } from '../ids';
import { submitAndSay, type SubmittedOutcome } from '../jobs';
import type { Services } from '../services';
import type { RoadmapEntry } from '../workspace/roadmapStore';
import { compareUri } from './compareDocument';
import { restrictedMessage, type Evaluations, type RunOptions, type RunOutcome } from './evaluations';
import { evaluateInParallel } from './parallel';
import { ALL_CANDIDATES } from './plan';
import type { EvaluationResultsIndex } from './resultsIndex';
import { resultLine } from './summary';
import { evaluationTask } from './tasks';
import { awaitTaskRun, within, type TaskRunLimits } from './taskWait';

interface EvaluateArgs extends TargetArgs {
  readonly candidate?: string;
}

interface CompareArgs extends EvaluateArgs {
  /** Leave out the rows where the candidate and the baseline agree. */
  readonly onlyDifferences?: boolean;
}

/** What the evaluate commands return: the run's outcome, or why nothing ran. */
export type EvaluateResult =
  | (RunOutcome & { readonly done: boolean; readonly submitted?: SubmittedOutcome })
  | (SubmittedOutcome & { readonly submitted: SubmittedOutcome })
  | { readonly done: false; readonly reason: 'cancelled' | 'restricted' | 'no-roadmap' | 'invalid' | 'failed'; readonly message?: string };

/** Refuses to run code in Restricted Mode, saying why. */
function refuseUntrusted(): EvaluateResult | undefined {
  return refuseUntrustedWith(restrictedMessage());
}

/** How long an evaluation task may take to start, and its run to report once the task has ended. */
export const TASK_WAIT_LIMITS: TaskRunLimits = { startMs: 30_000, outcomeAfterEndMs: 30_000 };
/** How long the terminal of the previous run of the same task may take to close. */
const PREVIOUS_RUN_CLOSE_MS = 15_000;

const sameTask = (a: vscode.Task, b: vscode.Task) => a.name === b.name && a.source === b.source;

/** The next end of `task` (onDidEndTask), subscribed now. */
function nextEndOf(task: vscode.Task): { readonly ended: Promise<void>; dispose(): void } {
  let subscription!: vscode.Disposable;
  const ended = new Promise<void>((ok) => {
    subscription = vscode.tasks.onDidEndTask((e) => {
      if (sameTask(e.execution.task, task)) ok();
    });
  });
  return { ended, dispose: () => subscription.dispose() };
}

/** Runs the evaluation as a VS Code task and resolves with its outcome once the run reports it, or says why not. */
export async function runEvaluationTask(evaluations: Evaluations, entry: RoadmapEntry, candidate: string, run: RunOptions = {}): Promise<EvaluateResult> {
  if (evaluations.isRunning(entry.uri, candidate)) {
    const message = vscode.l10n.t('The evaluation of {0} is already running.', candidate === ALL_CANDIDATES ? vscode.l10n.t('all candidates') : candidate);
    void vscode.window.showInformationMessage(message);
    return { done: false, reason: 'failed', message };
  }
  let onStarted!: (run: { readonly outcome: Promise<RunOutcome> }) => void;
  const started = new Promise<{ readonly outcome: Promise<RunOutcome> }>((ok) => (onStarted = ok));
  const task = evaluationTask(evaluations, entry, candidate, { onRun: (r) => onStarted(r), run });
  const failed = (message: string): EvaluateResult => {
    void vscode.window.showErrorMessage(message);
    return { done: false, reason: 'failed', message };
  };
  // The terminal of a run that just finished stays open a moment (see tasks.ts): let it close first.
  if (!(await previousRunClosed(task))) {
    return failed(vscode.l10n.t('The previous run of the task "{0}" has not ended: stop it, then evaluate again.', task.name));
  }
  const end = nextEndOf(task);
  try {
    const execution = await vscode.tasks.executeTask(task);
    const run = await awaitTaskRun({ started, ended: end.ended }, TASK_WAIT_LIMITS);
    if (run.ok) return { ...run.outcome, done: run.outcome.ok };
    if (run.reason === 'not-started') {
      execution.terminate();
      return failed(vscode.l10n.t('The task "{0}" did not start within {1} seconds; it was stopped.', task.name, TASK_WAIT_LIMITS.startMs / 1000));
    }
    if (run.reason === 'ended-before-start') return failed(vscode.l10n.t('The task "{0}" ended before its evaluation started.', task.name));
    return failed(
      vscode.l10n.t('The task "{0}" ended, but its evaluation reported no outcome within {1} seconds: see the evaluation log.', task.name, TASK_WAIT_LIMITS.outcomeAfterEndMs / 1000),
    );
  } finally {
    end.dispose();
  }
}


/**
 * Evaluate All, for the candidates that run here: with `parallel: N` (N > 1) every candidate's own task ("evaluate <id>"), at most N at
 * once, gathered into one outcome (parallel.ts); otherwise the one "evaluate all" task, the candidates one after the
 * other. Re-run Last Evaluation then runs all candidates again either way.
 */
async function evaluateAll(evaluations: Evaluations, entry: RoadmapEntry): Promise<EvaluateResult> {
  const roadmap = entry.roadmap;
  const parallel = roadmap ? parallelOf(roadmap) : 1;
  // Without a command or candidates the one task says why nothing can run, once.
  if (!roadmap || parallel === 1 || !roadmap.evaluation?.command?.trim() || roadmap.candidates.length === 0 || evaluations.isRunning(entry.uri, ALL_CANDIDATES)) {
    return runEvaluationTask(evaluations, entry, ALL_CANDIDATES);
  }
  // The candidates that run here (the others were submitted to Slurm by the caller).
  const candidates = roadmap.candidates.filter((c) => executionOf(roadmap, c.id).executor === 'local').map((c) => c.id);
  const alreadyRunning = (id: string) => vscode.l10n.t('The evaluation of {0} is already running.', id);
  const running = candidates.filter((id) => evaluations.isRunning(entry.uri, id));
  if (running.length > 0) void vscode.window.showInformationMessage(running.map(alreadyRunning).join(' '));
  // Each candidate's run remembers `*` for Re-run Last Evaluation (RunOptions.rerun).
  return evaluateInParallel({
    roadmap: entry.uri.toString(),
    candidates,
    parallel,
    isRunning: (id) => evaluations.isRunning(entry.uri, id),
    run: (id) => runEvaluationTask(evaluations, entry, id, { rerun: ALL_CANDIDATES }),
    messages: {
      alreadyRunning,
      notRun: (notRun, total) => vscode.l10n.t('Evaluation of {0} was cancelled: {1} of {2} candidate(s) were not evaluated.', vscode.l10n.t('all candidates'), notRun, total),
    },
  });
}

/** Whether no execution of the same task is active, waiting a few seconds for one to end. */
async function previousRunClosed(task: vscode.Task): Promise<boolean> {
  const end = nextEndOf(task);
  try {
    if (!vscode.tasks.taskExecutions.some((e) => sameTask(e.task, task))) return true;
    return (await within(end.ended.then(() => true), PREVIOUS_RUN_CLOSE_MS)) ?? false;
  } finally {
    end.dispose();
  }
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
    // Candidates the roadmap sends to Slurm are submitted as jobs; the others run here as tasks.
    const roadmap = target.roadmap;
    const ids = candidate === ALL_CANDIDATES ? roadmap.candidates.map((c) => c.id) : [candidate];
    const remote = ids.filter((id) => executionOf(roadmap, id).executor === 'slurm');
    const runHere = () => (candidate === ALL_CANDIDATES ? evaluateAll(evaluations, target.entry) : runEvaluationTask(evaluations, target.entry, candidate));
    if (remote.length === 0) return runHere();
    const submitted = await submitAndSay(services, target.entry, remote);
    if (remote.length === ids.length) return { ...submitted, submitted };
    const local = await runHere();
    return 'steps' in local ? { ...local, done: local.done && submitted.done, submitted } : { ...submitted, done: false, submitted };
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

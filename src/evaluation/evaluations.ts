import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HistoryRecord } from '../core/results';
import { ContextKeys } from '../ids';
import type { Services } from '../services';
import { runAndRecord } from './ingest';
import { ALL_CANDIDATES, planEvaluation, type EvaluationPlan, type EvaluationStep } from './plan';
import { resolvePython } from './python';
import { maxResultFileBytes, type EvaluationResultsIndex } from './resultsIndex';

export interface StepOutcome {
  readonly candidate: string;
  readonly command: string;
  /** Null when the process was killed or could not start. */
  readonly exitCode: number | null;
  readonly cancelled: boolean;
  /** What was appended to the history; absent when nothing was recorded. */
  readonly record?: HistoryRecord;
  /** Why the step failed or recorded nothing. */
  readonly error?: string;
}

/** What one evaluation run did; returned by the evaluate commands, for tests and keybindings. */
export interface RunOutcome {
  readonly roadmap: string;
  /** The candidate requested: an id, or `*` for every candidate. */
  readonly candidate: string;
  /** True when every step exited 0 and its result was recorded. */
  readonly ok: boolean;
  /** The first non-zero exit code (1 when a step could not run or record); 0 when ok. */
  readonly exitCode: number;
  readonly cancelled: boolean;
  readonly steps: readonly StepOutcome[];
  /** The run's log file (every line the commands printed). */
  readonly logFile?: string;
  /** The message shown to the user when the run failed. */
  readonly message?: string;
}

/** Hooks a pseudoterminal gives a run: where its output goes and how a close of the terminal cancels it. */
export interface RunIo {
  write(text: string): void;
  onCancel(cancel: () => void): void;
}

/** How a run is remembered. */
export interface RunOptions {
  /**
   * What Re-run Last Evaluation runs again after this run: by default this run's candidate; `*` for a candidate run
   * as one of the tasks of Evaluate All with `parallel: N`.
   */
  readonly rerun?: string;
}

export const restrictedMessage = (): string => vscode.l10n.t('ML Roadmap does not run evaluations in Restricted Mode. Trust this workspace to run them.');

/**
 * Runs evaluations (one step per candidate, sequentially), keeps each run's log, records successful results in the
 * history, and reports failures with their exit code and log. Used by the task pseudoterminal and the commands.
 */
export class Evaluations implements vscode.Disposable {
  private readonly finished = new vscode.EventEmitter<RunOutcome>();
  readonly onDidFinish = this.finished.event;
  /** The last run requested, for Re-run Last Evaluation. */
  last: { readonly roadmap: vscode.Uri; readonly candidate: string } | undefined;
  lastOutcome: RunOutcome | undefined;
  /** The last failure message shown, for tests. */
  lastError: string | undefined;
  readonly channel: vscode.LogOutputChannel;
  private sequence = 0;
  private readonly running = new Set<string>();

  constructor(
    private readonly services: Services,
    private readonly index: EvaluationResultsIndex,
  ) {
    this.channel = vscode.window.createOutputChannel(vscode.l10n.t('ML Roadmap Evaluation'), { log: true });
  }

  /** Runs the evaluation of `candidate` (or `*`) of the roadmap at `roadmapUri`, writing its output to `io`. */
  async execute(roadmapUri: vscode.Uri, candidate: string, io: RunIo, options: RunOptions = {}): Promise<RunOutcome> {
    const base = { roadmap: roadmapUri.toString(), candidate };
    if (!vscode.workspace.isTrusted) {
      const message = restrictedMessage();
      io.write(message + '\n');
      return this.finish({ ...base, ok: false, exitCode: 1, cancelled: false, steps: [], message });
    }
    const key = `${roadmapUri.toString()}#${candidate}`;
    const conflicting = this.runningOver(roadmapUri, candidate);
    if (conflicting !== undefined) return this.refuse(base, io, vscode.l10n.t('The evaluation of {0} is already running.', label(conflicting)));
    this.running.add(key);
    try {
      return await this.executeTrusted(roadmapUri, candidate, io, base, options);
    } finally {
      this.running.delete(key);
    }
  }

  /**
   * The running evaluation of that roadmap that would run `candidate` a second time, if any: the candidate's own, or all
   * candidates (`*`, which runs every one) — and for `*`, any candidate's (a parallel Evaluate All runs each as its own).
   */
  private runningOver(roadmapUri: vscode.Uri, candidate: string): string | undefined {
    const prefix = `${roadmapUri.toString()}#`;
    const running = [...this.running].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
    if (running.includes(candidate)) return candidate;
    if (candidate === ALL_CANDIDATES) return running[0];
    return running.includes(ALL_CANDIDATES) ? ALL_CANDIDATES : undefined;
  }

  /** True while an evaluation of `candidate` (or `*`) of that roadmap runs. */
  isRunning(roadmapUri: vscode.Uri, candidate: string): boolean {
    return this.running.has(`${roadmapUri.toString()}#${candidate}`);
  }

  private async executeTrusted(roadmapUri: vscode.Uri, candidate: string, io: RunIo, base: { roadmap: string; candidate: string }, options: RunOptions): Promise<RunOutcome> {
    this.last = { roadmap: roadmapUri, candidate: options.rerun ?? candidate };
    void vscode.commands.executeCommand('setContext', ContextKeys.hasLastEvaluation, true);
    const entry = await this.services.store.reload(roadmapUri);
    if (!entry) return this.refuse(base, io, vscode.l10n.t('Cannot read {0}.', roadmapUri.fsPath));
    const python = await resolvePython(entry.folder, this.channel);
    const plan = planEvaluation(entry, candidate, python);
    if (!plan.ok) return this.refuse(base, io, vscode.l10n.t('Cannot evaluate {0}: {1}', label(candidate), plan.error));

    const logFile = this.newLogFile(candidate);
    const log = createWriteStream(logFile, { flags: 'w' });
    const out = (text: string) => {
      io.write(text);
      log.write(text);
    };
    this.channel.info(`evaluating ${label(candidate)} in ${plan.value.cwd} (log: ${logFile})`);
    const steps: StepOutcome[] = [];
    let cancelRequested = false;
    let cancelCurrent: (() => void) | undefined;
    const cancel = () => {
      cancelRequested = true;
      cancelCurrent?.();
    };
    io.onCancel(cancel);
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Evaluating {0}', label(candidate)), cancellable: true },
      async (progress, token) => {
        token.onCancellationRequested(cancel);
        for (const step of plan.value.steps) {
          if (cancelRequested) break;
          progress.report({ message: step.candidate });
          steps.push(await this.runStep(plan.value, step, out, (c) => (cancelCurrent = c)));
          cancelCurrent = undefined;
        }
      },
    );
    await closeStream(log);
    await this.index.reload(entry);
    const failed = steps.filter((s) => s.exitCode !== 0 || s.error !== undefined || s.cancelled);
    // A cancel between steps (or before the first one) leaves steps that never ran.
    const notRun = plan.value.steps.length - steps.length;
    const ok = failed.length === 0 && notRun === 0;
    const cancelled = cancelRequested || steps.some((s) => s.cancelled);
    const exitCode = ok ? 0 : (failed.find((s) => s.exitCode !== null && s.exitCode !== 0)?.exitCode ?? 1);
    const messages = failed.map((s) => failureMessage(s));
    if (notRun > 0) messages.push(notRunMessage(candidate, notRun, plan.value.steps.length));
    const message = ok ? undefined : messages.join(' ');
    out(ok ? `\n${vscode.l10n.t('Recorded {0} result(s) in .mlroadmap/history.jsonl.', steps.length)}\n` : `\n${message}\n`);
    return this.finish({ ...base, ok, exitCode, cancelled, steps, logFile, ...(message ? { message } : {}) });
  }

  private async runStep(plan: EvaluationPlan, step: EvaluationStep, out: (t: string) => void, setCancel: (c: () => void) => void): Promise<StepOutcome> {
    out(`> ${step.command}\n`);
    const run = await runAndRecord(plan, step, out, { maxWholeFileBytes: maxResultFileBytes(), cache: this.index.fingerprintCache, onStart: setCancel });
    const base = { candidate: step.candidate, command: step.command, exitCode: run.exitCode, cancelled: run.cancelled };
    this.channel.info(`${step.candidate}: exit code ${run.exitCode ?? run.signal ?? 'none'}${run.startError ? ` (${run.startError})` : ''}`);
    if (run.startError) {
      out(`${run.startError}\n`);
      return { ...base, error: vscode.l10n.t('the command could not start: {0}', run.startError) };
    }
    if (!run.ingested) return base;
    if (!run.ingested.ok) {
      out(`${run.ingested.error}\n`);
      return { ...base, error: run.ingested.error };
    }
    return { ...base, record: run.ingested.record };
  }

  private refuse(base: { roadmap: string; candidate: string }, io: RunIo, message: string): RunOutcome {
    io.write(message + '\n');
    return this.finish({ ...base, ok: false, exitCode: 1, cancelled: false, steps: [], message });
  }

  private finish(outcome: RunOutcome): RunOutcome {
    this.lastOutcome = outcome;
    if (outcome.ok) {
      this.lastError = undefined;
      vscode.window.setStatusBarMessage(`$(check) ${vscode.l10n.t('Evaluated {0}', label(outcome.candidate))}`, 5000);
    } else if (outcome.message) {
      this.lastError = outcome.message;
      this.channel.error(outcome.message);
      void this.reportFailure(outcome);
    }
    this.finished.fire(outcome);
    return outcome;
  }

  private async reportFailure(outcome: RunOutcome): Promise<void> {
    const show = vscode.l10n.t('Show Log');
    if (outcome.logFile && !outcome.cancelled) await this.openLog(outcome.logFile);
    const choice = await vscode.window.showErrorMessage(outcome.message ?? '', ...(outcome.logFile ? [show] : []));
    if (choice === show) await this.showLog();
  }

  /** Opens the log of the last run (or the output channel when there was none). */
  async showLog(): Promise<vscode.TextEditor | undefined> {
    const file = this.lastOutcome?.logFile;
    if (!file) {
      this.channel.show(true);
      return undefined;
    }
    return this.openLog(file);
  }

  private async openLog(file: string): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    return vscode.window.showTextDocument(doc, { preview: true, preserveFocus: true });
  }

  private newLogFile(candidate: string): string {
    const dir = path.join(this.services.context.logUri.fsPath, 'evaluations');
    mkdirSync(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const name = candidate === ALL_CANDIDATES ? 'all' : candidate.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60);
    return path.join(dir, `${stamp}-${++this.sequence}-${name}.log`);
  }

  dispose(): void {
    this.finished.dispose();
    this.channel.dispose();
  }
}

function label(candidate: string): string {
  return candidate === ALL_CANDIDATES ? vscode.l10n.t('all candidates') : candidate;
}

function failureMessage(step: StepOutcome): string {
  if (step.cancelled) return vscode.l10n.t('Evaluation of {0} was cancelled; nothing was recorded.', step.candidate);
  if (step.exitCode !== 0 && step.exitCode !== null) return vscode.l10n.t('Evaluation of {0} failed (exit code {1}).', step.candidate, step.exitCode);
  return vscode.l10n.t('Evaluation of {0} failed: {1}; nothing was recorded.', step.candidate, step.error ?? 'killed');
}

function notRunMessage(candidate: string, notRun: number, total: number): string {
  if (notRun === total) return vscode.l10n.t('Evaluation of {0} was cancelled before it ran; nothing was recorded.', label(candidate));
  return vscode.l10n.t('Evaluation of {0} was cancelled: {1} of {2} candidate(s) were not evaluated.', label(candidate), notRun, total);
}

function closeStream(stream: WriteStream): Promise<void> {
  return new Promise((ok) => stream.end(ok));
}

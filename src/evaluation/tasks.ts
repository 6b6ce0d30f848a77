import * as path from 'node:path';
import * as vscode from 'vscode';
import { ROADMAP_FILE_NAME } from '../core/roadmap/model';
import { TASK_TYPE } from '../ids';
import { executionOf } from '../core/jobs/execution';
import type { RoadmapEntry, RoadmapStore } from '../workspace/roadmapStore';
import type { Evaluations, RunOptions, RunOutcome } from './evaluations';
import { ALL_CANDIDATES } from './plan';

/** The `mlroadmap` task definition (package.json `taskDefinitions`). */
export interface EvaluationTaskDefinition extends vscode.TaskDefinition {
  readonly type: typeof TASK_TYPE;
  /** Candidate id, or `*` for every candidate. */
  readonly candidate: string;
  /** The mlroadmap.yaml, relative to the workspace folder. */
  readonly roadmap?: string;
}

export const PROBLEM_MATCHER = '$mlroadmap-python';
const SOURCE = 'ML Roadmap';

const CLOSE_DELAY_MS = 500;

/**
 * A pseudoterminal that runs one evaluation and closes with its exit code; closing it cancels the run. Its outcome
 * always settles: closed before it opened, or with a run that failed to complete, it is a failed outcome.
 */
export class EvaluationTerminal implements vscode.Pseudoterminal {
  private readonly writer = new vscode.EventEmitter<string>();
  private readonly closer = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.writer.event;
  readonly onDidClose = this.closer.event;
  private cancel: (() => void) | undefined;
  private opened = false;
  private closed = false;
  readonly outcome: Promise<RunOutcome>;
  private settle!: (o: RunOutcome) => void;

  constructor(
    private readonly evaluations: Evaluations,
    private readonly roadmap: vscode.Uri,
    private readonly candidate: string,
    private readonly options: RunOptions = {},
  ) {
    this.outcome = new Promise((ok) => (this.settle = ok));
  }

  open(): void {
    this.opened = true;
    void this.evaluations
      .execute(
        this.roadmap,
        this.candidate,
        {
          write: (text) => {
            if (!this.closed) this.writer.fire(text.replace(/\r?\n/g, '\r\n'));
          },
          onCancel: (cancel) => {
            this.cancel = cancel;
            // Closed while the run was getting ready: stop it as soon as it can be stopped.
            if (this.closed) cancel();
          },
        },
        this.options,
      )
      .catch((e: unknown): RunOutcome => {
        const message = vscode.l10n.t('The evaluation stopped on an internal error: {0}', e instanceof Error ? e.message : String(e));
        if (!this.closed) this.writer.fire(`${message}\r\n`);
        return this.failed(message, false);
      })
      .then((outcome) => {
        this.settle(outcome);
        // The task system stops feeding the problem matcher 100 ms after the terminal closes, and the terminal
        // may still be parsing the last output (the traceback) then: close a moment later.
        setTimeout(() => {
          if (!this.closed) this.closer.fire(outcome.exitCode);
          this.dispose();
        }, CLOSE_DELAY_MS);
      });
  }

  /** The terminal was closed or the task terminated: stop the run. */
  close(): void {
    this.closed = true;
    this.cancel?.();
    // Closed before it ran: there is no run to report the outcome.
    if (!this.opened) {
      this.settle(this.failed(vscode.l10n.t('The evaluation was stopped before it started; nothing was recorded.'), true));
      this.dispose();
    }
  }

  private failed(message: string, cancelled: boolean): RunOutcome {
    return { roadmap: this.roadmap.toString(), candidate: this.candidate, ok: false, exitCode: 1, cancelled, steps: [], message };
  }

  private dispose(): void {
    this.writer.dispose();
    this.closer.dispose();
  }
}

function roadmapRelative(entry: RoadmapEntry): string {
  return path.relative(entry.folder.uri.fsPath, entry.uri.fsPath).split(path.sep).join('/');
}

export interface EvaluationTaskOptions {
  /** Receives the run's outcome once the task starts. */
  readonly onRun?: (run: { readonly outcome: Promise<RunOutcome> }) => void;
  /** The task's definition as configured (tasks.json); by default the candidate and the roadmap's path. */
  readonly definition?: EvaluationTaskDefinition;
  /** How the run is remembered (see RunOptions). */
  readonly run?: RunOptions;
}

/** The task that evaluates `candidate` (or `*`). */
export function evaluationTask(evaluations: Evaluations, entry: RoadmapEntry, candidate: string, options: EvaluationTaskOptions = {}): vscode.Task {
  const definition = options.definition ?? { type: TASK_TYPE, candidate, roadmap: roadmapRelative(entry) };
  const several = definition.roadmap !== ROADMAP_FILE_NAME;
  const name = (candidate === ALL_CANDIDATES ? vscode.l10n.t('evaluate all') : vscode.l10n.t('evaluate {0}', candidate)) + (several ? ` (${entry.label})` : '');
  const task = new vscode.Task(
    definition,
    entry.folder,
    name,
    SOURCE,
    new vscode.CustomExecution(async () => {
      const terminal = new EvaluationTerminal(evaluations, entry.uri, candidate, options.run);
      options.onRun?.({ outcome: terminal.outcome });
      return terminal;
    }),
    [PROBLEM_MATCHER],
  );
  task.group = vscode.TaskGroup.Test;
  task.detail = entry.roadmap?.evaluation?.command;
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, panel: vscode.TaskPanelKind.Dedicated, clear: true, focus: false };
  return task;
}

/** "evaluate <candidate>" for every candidate of every roadmap and "evaluate all"; none in Restricted Mode. */
export class EvaluationTaskProvider implements vscode.TaskProvider {
  constructor(
    private readonly store: RoadmapStore,
    private readonly evaluations: Evaluations,
  ) {}

  async provideTasks(): Promise<vscode.Task[]> {
    if (!vscode.workspace.isTrusted) return [];
    await this.store.whenReady();
    return this.store.all().flatMap((entry) => {
      // Tasks run here: candidates the roadmap sends to Slurm are submitted by the evaluate commands instead.
      const roadmap = entry.roadmap;
      const candidates = roadmap?.evaluation?.command ? roadmap.candidates.filter((c) => executionOf(roadmap, c.id).executor === 'local') : [];
      if (candidates.length === 0) return [];
      // "evaluate all" runs the candidates one after the other in its one terminal, whatever evaluation.parallel says:
      // the Evaluate All Candidates command is what runs them as tasks of their own, N at once (see commands.ts).
      return [...candidates.map((c) => evaluationTask(this.evaluations, entry, c.id)), evaluationTask(this.evaluations, entry, ALL_CANDIDATES)];
    });
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    if (!vscode.workspace.isTrusted) return undefined;
    const definition = task.definition as EvaluationTaskDefinition;
    if (typeof definition.candidate !== 'string') return undefined;
    const folder = typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
    if (!folder) return undefined;
    const uri = vscode.Uri.joinPath(folder.uri, definition.roadmap ?? ROADMAP_FILE_NAME);
    const entry = this.store.get(uri);
    if (!entry) return undefined;
    return evaluationTask(this.evaluations, entry, definition.candidate, { definition });
  }
}

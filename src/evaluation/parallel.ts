// Evaluate All with `parallel: N` on the local executor: every candidate's evaluation is a task of its own ("evaluate
// <id>", its own terminal and problem matcher), at most N at once, and the candidates' outcomes are gathered into the
// one outcome Evaluate All returns. No `vscode` import: the adapter (commands.ts) passes how one candidate runs and
// the words of the messages; the unit tests pass fakes.
import { runWithLimit } from '../core/concurrency';
import type { EvaluateResult } from './commands';
import type { RunOutcome, StepOutcome } from './evaluations';
import type { ALL_CANDIDATES } from './plan';

/** ALL_CANDIDATES, typed against it (plan.ts itself needs `vscode`). */
const ALL: typeof ALL_CANDIDATES = '*';

export interface ParallelEvaluation {
  /** The roadmap's URI, as RunOutcome.roadmap gives it. */
  readonly roadmap: string;
  /** Every candidate, in roadmap order. */
  readonly candidates: readonly string[];
  /** How many run at once. */
  readonly parallel: number;
  /** Whether an evaluation of the candidate runs already (it is then not started again). */
  isRunning(candidate: string): boolean;
  /** Runs one candidate's evaluation (its task) and resolves with its outcome. */
  run(candidate: string): Promise<EvaluateResult>;
  readonly messages: {
    alreadyRunning(candidate: string): string;
    notRun(notRun: number, total: number): string;
  };
}

/** What became of one candidate: its run's outcome, or that it was already running. */
export type Part = { readonly candidate: string } & ({ readonly kind: 'ran'; readonly result: EvaluateResult } | { readonly kind: 'already-running' });

const isOutcome = (r: EvaluateResult): r is RunOutcome & { readonly done: boolean } => 'steps' in r;

/**
 * Runs every candidate, at most `parallel` at once, in roadmap order. A cancelled candidate (its task stopped) starts
 * no further one, as a cancel stops the sequential run; the ones running go on and record their results.
 */
export async function evaluateInParallel(evaluation: ParallelEvaluation): Promise<RunOutcome & { readonly done: boolean }> {
  let stopped = false;
  const settled = await runWithLimit(evaluation.candidates, evaluation.parallel, async (candidate): Promise<Part | undefined> => {
    if (stopped) return undefined;
    if (evaluation.isRunning(candidate)) return { candidate, kind: 'already-running' };
    const result = await evaluation.run(candidate);
    if (isOutcome(result) ? result.cancelled : !result.done && result.reason === 'cancelled') stopped = true;
    return { candidate, kind: 'ran', result };
  });
  // A run that threw (it does not: runEvaluationTask answers every case) is a failure of its candidate.
  const parts = settled.map((s, i): Part | undefined =>
    s.status === 'fulfilled' ? s.value : { candidate: evaluation.candidates[i], kind: 'ran', result: { done: false, reason: 'failed', message: s.reason instanceof Error ? s.reason.message : String(s.reason) } },
  );
  return aggregateOutcome(evaluation, parts);
}

/**
 * The one outcome of the candidates' runs, shaped as the sequential run's: ok only when every candidate ran and
 * recorded; the steps of every candidate in roadmap order; the first non-zero exit code of a step (1 when a candidate
 * failed without one); the failures' messages joined, then how many candidates were not started; the log of the
 * first failed candidate.
 */
export function aggregateOutcome(evaluation: Pick<ParallelEvaluation, 'roadmap' | 'candidates' | 'messages'>, parts: readonly (Part | undefined)[]): RunOutcome & { readonly done: boolean } {
  const steps: StepOutcome[] = [];
  const messages: string[] = [];
  let allRan = true;
  let cancelled = false;
  let logFile: string | undefined;
  for (const part of parts) {
    if (!part) continue;
    if (part.kind === 'already-running') {
      allRan = false;
      messages.push(evaluation.messages.alreadyRunning(part.candidate));
      continue;
    }
    const result = part.result;
    if (isOutcome(result)) {
      steps.push(...result.steps);
      if (result.cancelled) cancelled = true;
      if (!result.ok) {
        allRan = false;
        logFile ??= result.logFile;
        if (result.message) messages.push(result.message);
      }
    } else if (!result.done) {
      allRan = false;
      if (result.reason === 'cancelled') cancelled = true;
      if (result.message) messages.push(result.message);
    }
  }
  const notRun = parts.filter((p) => p === undefined).length;
  if (notRun > 0) {
    cancelled = true;
    messages.push(evaluation.messages.notRun(notRun, evaluation.candidates.length));
  }
  const ok = allRan && notRun === 0;
  const exitCode = ok ? 0 : (steps.find((s) => s.exitCode !== null && s.exitCode !== 0)?.exitCode ?? 1);
  const message = ok ? undefined : messages.join(' ');
  return {
    roadmap: evaluation.roadmap,
    candidate: ALL,
    ok,
    exitCode,
    cancelled,
    steps,
    ...(logFile ? { logFile } : {}),
    ...(message ? { message } : {}),
    done: ok,
  };
}

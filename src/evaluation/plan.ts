// What an evaluation runs in this window: the core plan (src/core/results/plan.ts) for a roadmap of the workspace.
import type { Roadmap } from '../core/roadmap/model';
import type { Outcome } from '../core/results/commandTemplate';
import { currentEvaluationCommand } from '../core/results/evaluated';
import { datasetFileOf, planEvaluations, type PlannedEvaluation } from '../core/results/plan';
import type { RoadmapEntry } from '../workspace/roadmapStore';
import { executionOf } from '../core/jobs/execution';
import * as l10n from '@vscode/l10n';

/** Candidate id standing for every candidate of the roadmap. */
export const ALL_CANDIDATES = '*';

export type EvaluationStep = PlannedEvaluation;

export interface EvaluationPlan {
  readonly roadmap: Roadmap;
  /** The roadmap's folder: the command runs there and relative paths resolve against it. */
  readonly cwd: string;
  readonly datasetFile?: string;
  readonly steps: readonly EvaluationStep[];
}

/** The command a candidate's evaluation runs now, as results are stamped with it; undefined when it cannot run. */
export function currentCommandOf(entry: RoadmapEntry, roadmap: Roadmap, candidate: string, python: string): string | undefined {
  return currentEvaluationCommand(roadmap, candidate, { python, workspaceFolder: entry.folder.uri.fsPath });
}

/** The evaluation of one candidate, or of every candidate (`*`), or why it cannot run. */
export function planEvaluation(entry: RoadmapEntry, candidate: string, python: string): Outcome<EvaluationPlan> {
  const roadmap = entry.roadmap;
  if (!roadmap) return { ok: false, error: l10n.t('the roadmap cannot be read: fix the errors shown in the Problems view first') };
  const template = roadmap.evaluation?.command;
  if (!template || template.trim() === '') {
    return { ok: false, error: l10n.t('the roadmap has no evaluation.command: run "ML Roadmap: Configure Evaluation…" first') };
  }
  const cwd = entry.root.fsPath;
  // Every candidate: those this window runs (the others are submitted to Slurm by the evaluate commands).
  const ids = candidate === ALL_CANDIDATES ? roadmap.candidates.filter((c) => executionOf(roadmap, c.id).executor === 'local').map((c) => c.id) : [candidate];
  if (ids.length === 0 && roadmap.candidates.length > 0) return { ok: false, error: l10n.t('every candidate runs on Slurm (evaluation.executor): evaluate them with the evaluate commands, which submit jobs') };
  const steps = planEvaluations({ roadmap, root: cwd, workspaceFolder: entry.folder.uri.fsPath, python, candidates: ids });
  if (!steps.ok) return steps;
  const datasetFile = datasetFileOf(cwd, roadmap);
  return { ok: true, value: { roadmap, cwd, steps: steps.value, ...(datasetFile ? { datasetFile } : {}) } };
}

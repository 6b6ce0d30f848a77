// Planning a baseline from what the user chose: template, folder, dataset, target column, task,
// candidate id. Fills the standard variables every template gets, and plans the files.
import * as l10n from '@vscode/l10n';
import { basename } from 'node:path';
import { candidateIdProblem } from './candidate-id';
import { detectTask, columnValues, readCsvSample, targetProblem, TASKS, type Task } from './dataset';
import { defaultCandidateId } from './defaults';
import type { VariableValue } from './manifest';
import { planScaffold, type PlannedFile } from './plan';
import { RenderError } from './render';
import type { LoadedTemplate } from './templates';
import { portableRelative } from './registration';
import { resolveValues } from './values';

/** The variables the scaffold fills itself; a template declares those it uses. */
export const STANDARD_VARIABLES = ['candidate', 'dataset', 'target', 'task', 'seed'] as const;
export const DEFAULT_SEED = 0;

export interface BaselineRequest {
  readonly template: LoadedTemplate;
  /** Absolute path of the folder to write into. */
  readonly targetDir: string;
  /** Absolute path of the CSV. */
  readonly datasetPath: string;
  readonly target: string;
  /** Detected from the target column when absent. */
  readonly task?: Task;
  /** Defaults to the folder's name when that is a valid id, else the template's suggested id. */
  readonly candidate?: string;
  readonly seed?: number;
  /** Answers to a team template's own questions. */
  readonly answers?: Readonly<Record<string, VariableValue>>;
}

export type BaselinePlan =
  | {
      readonly ok: true;
      readonly files: readonly PlannedFile[];
      readonly values: Readonly<Record<string, VariableValue>>;
      readonly candidate: string;
      readonly task: Task;
      /** True when the task was detected rather than given. */
      readonly taskDetected: boolean;
    }
  | { readonly ok: false; readonly errors: readonly string[] };

/** The dataset path as the template stores it: relative to the baseline folder (with `/`), or absolute on another drive. */
export function datasetPathFrom(targetDir: string, datasetPath: string): string {
  return portableRelative(targetDir, datasetPath);
}

/** Check the request, read the CSV's header and plan the files. Never throws for bad input: returns the errors. */
export function planBaseline(request: BaselineRequest): BaselinePlan {
  const { manifest } = request.template.info;
  // No roadmap ids here: `mlroadmap scaffold --roadmap` keeps an id the roadmap has (it registers nothing then).
  const candidate = request.candidate ?? defaultCandidateId(manifest, basename(request.targetDir), []);
  const idProblem = candidateIdProblem(candidate);
  if (idProblem) return { ok: false, errors: [idProblem] };

  let sample;
  try {
    sample = readCsvSample(request.datasetPath);
  } catch (e) {
    return { ok: false, errors: [l10n.t('cannot read the dataset: {0}', (e as Error).message)] };
  }
  const taskDetected = request.task === undefined;
  const task = request.task ?? detectTask(columnValues(sample, request.target));
  if (!TASKS.includes(task)) return { ok: false, errors: [l10n.t("task must be classification or regression (got '{0}')", task)] };
  if (!manifest.tasks.includes(task)) return { ok: false, errors: [l10n.t("template '{0}' does not support {1}", manifest.name, task)] };
  const problem = targetProblem(sample, request.target, task);
  if (problem) return { ok: false, errors: [problem] };

  const standard: Record<string, VariableValue> = {
    candidate,
    dataset: datasetPathFrom(request.targetDir, request.datasetPath),
    target: request.target,
    task,
    seed: request.seed ?? DEFAULT_SEED,
  };
  const { values, errors } = resolveValues(manifest, { ...request.answers, ...standard });
  if (errors.length > 0) return { ok: false, errors };
  try {
    return { ok: true, files: planScaffold(request.template, values), values, candidate, task, taskDetected };
  } catch (e) {
    if (e instanceof RenderError) return { ok: false, errors: [l10n.t("template '{0}': {1}", manifest.name, e.message)] };
    throw e;
  }
}

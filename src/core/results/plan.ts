// What an evaluation runs, per candidate: the argument vector (or the shell command line when the roadmap opts in),
// the results file it must write and the command it is stamped with. Built from the roadmap through the command
// template; shared by the extension's tasks, the Slurm job scripts and `mlroadmap evaluate`.
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { resultsPathFor } from '../pitfalls/candidates';
import type { Roadmap } from '../roadmap/model';
import { buildArgv, buildShellCommand, joinArgv, type Outcome, type TemplateValues } from './commandTemplate';

export interface PlannedEvaluation {
  readonly candidate: string;
  /** Absolute path of the results file the command must write. */
  readonly resultsFile: string;
  /** The process and its arguments (no shell), unless the roadmap opted in to a shell. */
  readonly argv?: readonly string[];
  /** The command line given to the shell, with `evaluation.shell: true`. */
  readonly shellCommand?: string;
  /** The command in one string: what the result is stamped with. */
  readonly command: string;
}

export interface PlanInput {
  readonly roadmap: Roadmap;
  /** The roadmap's folder: commands run there and relative paths resolve against it. */
  readonly root: string;
  /** The value of `${workspaceFolder}`. */
  readonly workspaceFolder: string;
  /** The value of `${python}`. */
  readonly python: string;
  readonly candidates: readonly string[];
}

/** A roadmap path with no `${…}` left, resolved against the roadmap's folder; undefined when there is none. */
export function resolveRoadmapPath(root: string, relative: string | undefined): string | undefined {
  if (!relative || relative.includes('${')) return undefined;
  return path.resolve(root, relative);
}

/** The results file of a candidate, absolute; undefined when the roadmap names none. */
export function resultsFileFor(root: string, roadmap: Pick<Roadmap, 'evaluation' | 'candidates'>, candidateId: string): string | undefined {
  return resolveRoadmapPath(root, resultsPathFor(roadmap, candidateId));
}

/** The evaluation dataset, absolute; undefined when the roadmap names none. */
export function datasetFileOf(root: string, roadmap: Pick<Roadmap, 'evaluation'>): string | undefined {
  return resolveRoadmapPath(root, roadmap.evaluation?.dataset);
}

/** The evaluation of each candidate asked for, or why it cannot run (the first reason met). */
export function planEvaluations(input: PlanInput): Outcome<readonly PlannedEvaluation[]> {
  const { roadmap } = input;
  const template = roadmap.evaluation?.command;
  if (!template || template.trim() === '') return { ok: false, error: l10n.t('the roadmap has no evaluation.command') };
  if (input.candidates.length === 0) return { ok: false, error: l10n.t('the roadmap has no candidates') };
  const shell = roadmap.evaluation?.shell === true;
  const dataset = roadmap.evaluation?.dataset;
  const steps: PlannedEvaluation[] = [];
  for (const id of input.candidates) {
    if (!roadmap.candidates.some((c) => c.id === id)) return { ok: false, error: l10n.t("there is no candidate '{0}' in the roadmap", id) };
    const resultsFile = resultsFileFor(input.root, roadmap, id);
    if (!resultsFile) return { ok: false, error: l10n.t("no results file for '{0}': set evaluation.results (e.g. {1})", id, 'results/${candidate}.json') };
    const results = resultsPathFor(roadmap, id);
    const values: TemplateValues = {
      candidate: id,
      python: input.python,
      workspaceFolder: input.workspaceFolder,
      ...(results !== undefined ? { results } : {}),
      ...(dataset !== undefined ? { dataset } : {}),
    };
    if (shell) {
      const line = buildShellCommand(template, values);
      if (!line.ok) return { ok: false, error: l10n.t('evaluation.command: {0}', line.error) };
      steps.push({ candidate: id, resultsFile, shellCommand: line.value, command: line.value });
    } else {
      const argv = buildArgv(template, values);
      if (!argv.ok) return { ok: false, error: l10n.t('evaluation.command: {0}', argv.error) };
      steps.push({ candidate: id, resultsFile, argv: argv.value, command: joinArgv(argv.value) });
    }
  }
  return { ok: true, value: steps };
}

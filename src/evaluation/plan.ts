// What an evaluation runs: per candidate, the argument vector (or the shell command line when the roadmap opts in),
// the folder it runs in and the results file it must write, built from the roadmap through the core template.
import type { Roadmap } from '../core/roadmap/model';
import { resultsPathFor } from '../core/pitfalls';
import { buildArgv, buildShellCommand, joinArgv, type Outcome, type TemplateValues } from '../core/results/commandTemplate';
import { currentEvaluationCommand } from '../core/results/evaluated';
import type { RoadmapEntry } from '../workspace/roadmapStore';
import { datasetPathOf, resultsFileOf } from './resultsIndex';

/** Candidate id standing for every candidate of the roadmap. */
export const ALL_CANDIDATES = '*';

export interface EvaluationStep {
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

export interface EvaluationPlan {
  readonly entry: RoadmapEntry;
  readonly roadmap: Roadmap;
  /** The roadmap's folder: the command runs there and relative paths resolve against it. */
  readonly cwd: string;
  readonly datasetFile?: string;
  readonly steps: readonly EvaluationStep[];
}

function valuesFor(entry: RoadmapEntry, roadmap: Roadmap, candidate: string, python: string): TemplateValues {
  const results = resultsPathFor(roadmap, candidate);
  const dataset = roadmap.evaluation?.dataset;
  return {
    candidate,
    python,
    workspaceFolder: entry.folder.uri.fsPath,
    ...(results !== undefined ? { results } : {}),
    ...(dataset !== undefined ? { dataset } : {}),
  };
}

/** The command a candidate's evaluation runs now, as results are stamped with it; undefined when it cannot run. */
export function currentCommandOf(entry: RoadmapEntry, roadmap: Roadmap, candidate: string, python: string): string | undefined {
  return currentEvaluationCommand(roadmap, candidate, { python, workspaceFolder: entry.folder.uri.fsPath });
}

/** The evaluation of one candidate, or of every candidate (`*`), or why it cannot run. */
export function planEvaluation(entry: RoadmapEntry, candidate: string, python: string): Outcome<EvaluationPlan> {
  const roadmap = entry.roadmap;
  if (!roadmap) return { ok: false, error: 'the roadmap cannot be read: fix the errors shown in the Problems view first' };
  const template = roadmap.evaluation?.command;
  if (!template || template.trim() === '') {
    return { ok: false, error: 'the roadmap has no evaluation.command: run "ML Roadmap: Configure Evaluation…" first' };
  }
  const ids = candidate === ALL_CANDIDATES ? roadmap.candidates.map((c) => c.id) : [candidate];
  if (ids.length === 0) return { ok: false, error: 'the roadmap has no candidates' };
  const steps: EvaluationStep[] = [];
  for (const id of ids) {
    if (!roadmap.candidates.some((c) => c.id === id)) return { ok: false, error: `there is no candidate '${id}' in the roadmap` };
    const resultsFile = resultsFileOf(entry, roadmap, id);
    if (!resultsFile) return { ok: false, error: `no results file for '${id}': set evaluation.results (e.g. results/\${candidate}.json)` };
    const values = valuesFor(entry, roadmap, id, python);
    const shell = roadmap.evaluation?.shell === true;
    if (shell) {
      const line = buildShellCommand(template, values);
      if (!line.ok) return { ok: false, error: `evaluation.command: ${line.error}` };
      steps.push({ candidate: id, resultsFile, shellCommand: line.value, command: line.value });
    } else {
      const argv = buildArgv(template, values);
      if (!argv.ok) return { ok: false, error: `evaluation.command: ${argv.error}` };
      steps.push({ candidate: id, resultsFile, argv: argv.value, command: joinArgv(argv.value) });
    }
  }
  const datasetFile = datasetPathOf(entry, roadmap);
  return { ok: true, value: { entry, roadmap, cwd: entry.root.fsPath, steps, ...(datasetFile ? { datasetFile } : {}) } };
}

// What Initialize Roadmap found in a project before writing: each finding names the file(s) it came from, so the
// user can check it and drop it, and nothing in the written roadmap is a guess without a source.
import type { Goal } from '../roadmap/model';

interface FindingBase {
  /** Unique within one detection; what a caller passes back to keep the finding. */
  readonly key: string;
  /** Files (or folders) the finding came from, relative to the project root; the first is the main one. */
  readonly sources: readonly string[];
}

export interface MetricFinding extends FindingBase {
  readonly kind: 'metric';
  readonly id: string;
  /** Guessed from the name: losses, errors, latency ... are minimised. */
  readonly goal: Goal;
  /** The names as the result files write them (`eval_loss`, `train_loss`). */
  readonly names: readonly string[];
}

export interface CandidateFinding extends FindingBase {
  readonly kind: 'candidate';
  readonly id: string;
  /** The run name as written. */
  readonly title: string;
  /** True when a result file holds metrics for it. */
  readonly evaluated: boolean;
  /** Its result file or run folder, when evaluated. */
  readonly results?: string;
  /** Its name says it is a baseline (baseline, dummy, majority, naive ...). */
  readonly baseline: boolean;
}

export interface DatasetFinding extends FindingBase {
  readonly kind: 'dataset';
  readonly path: string;
  /** Why this one: `dvc stage dependency`, `evaluation data file`, `DVC-tracked`, `data file`. */
  readonly why: string;
}

export interface CommandFinding extends FindingBase {
  readonly kind: 'command';
  /** The evaluation command template (`${candidate}`, `${results}` where the script's flags take them). */
  readonly command: string;
  /** The script's dataset flag, given `${dataset}` when a dataset is kept too. */
  readonly datasetFlag?: string;
  /** What is still to be done by hand (a flag the script lacks), written as a comment above the command. */
  readonly todo?: string;
}

export interface DecisionsFinding extends FindingBase {
  readonly kind: 'decisions';
  readonly folder: string;
  /** How many record files the folder holds. */
  readonly records: number;
}

export interface LiteratureFinding extends FindingBase {
  readonly kind: 'literature';
  readonly id: string;
  readonly title?: string;
  readonly url?: string;
}

export type Finding = MetricFinding | CandidateFinding | DatasetFinding | CommandFinding | DecisionsFinding | LiteratureFinding;
export type FindingKind = Finding['kind'];

export const FINDING_KINDS: readonly FindingKind[] = ['metric', 'candidate', 'dataset', 'command', 'decisions', 'literature'];

export interface ProjectFindings {
  readonly findings: readonly Finding[];
  /** Set when the search stopped at a limit, saying which. */
  readonly truncated?: string;
}

/** One line for a finding, as the QuickPick and the CLI show it. */
export function describeFinding(f: Finding): string {
  switch (f.kind) {
    case 'metric':
      return `metric ${f.id} (${f.goal})${f.names.length > 1 || f.names[0] !== f.id ? `: ${f.names.join(', ')}` : ''}`;
    case 'candidate':
      return `candidate ${f.id}${f.title !== f.id ? ` ("${f.title}")` : ''}${f.evaluated ? ', evaluated' : ''}${f.baseline ? ', baseline' : ''}`;
    case 'dataset':
      return `evaluation dataset ${f.path} (${f.why})`;
    case 'command':
      return `evaluation command ${f.command}${f.todo ? ` (TODO: ${f.todo})` : ''}`;
    case 'decisions':
      return `decisions folder ${f.folder} (${f.records} record${f.records === 1 ? '' : 's'})`;
    case 'literature':
      return `literature ${f.id}${f.title ? `: ${f.title}` : ''}${f.url ? ` <${f.url}>` : ''}`;
  }
}

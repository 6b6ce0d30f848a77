// What Initialize Roadmap found in a project before writing: each finding names the file(s) it came from, so the
// user can check it and drop it, and nothing in the written roadmap is a guess without a source.
import * as l10n from '@vscode/l10n';
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
  /** The name to match results by when the id cannot (`metrics/mAP50(B)` for `map50-b`): the metric's `logged_as`. */
  readonly loggedAs?: string;
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
      return f.names.length > 1 || f.names[0] !== f.id ? l10n.t('metric {0} ({1}): {2}', f.id, f.goal, f.names.join(', ')) : l10n.t('metric {0} ({1})', f.id, f.goal);
    case 'candidate': {
      const named = f.title !== f.id ? l10n.t('candidate {0} ("{1}")', f.id, f.title) : l10n.t('candidate {0}', f.id);
      if (f.evaluated && f.baseline) return l10n.t('{0}, evaluated, baseline', named);
      if (f.evaluated) return l10n.t('{0}, evaluated', named);
      return f.baseline ? l10n.t('{0}, baseline', named) : named;
    }
    case 'dataset':
      return l10n.t('evaluation dataset {0} ({1})', f.path, f.why);
    case 'command':
      // The TODO is also the comment written above the command in mlroadmap.yaml: it stays as written there.
      return f.todo ? l10n.t('evaluation command {0} (TODO: {1})', f.command, f.todo) : l10n.t('evaluation command {0}', f.command);
    case 'decisions':
      return f.records === 1 ? l10n.t('decisions folder {0} (1 record)', f.folder) : l10n.t('decisions folder {0} ({1} records)', f.folder, f.records);
    case 'literature':
      if (f.title && f.url) return l10n.t('literature {0}: {1} <{2}>', f.id, f.title, f.url);
      if (f.title) return l10n.t('literature {0}: {1}', f.id, f.title);
      return f.url ? l10n.t('literature {0} <{1}>', f.id, f.url) : l10n.t('literature {0}', f.id);
  }
}

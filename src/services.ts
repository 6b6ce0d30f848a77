import type * as vscode from 'vscode';
import type { RoadmapEntry, RoadmapStore } from './workspace/roadmapStore';
import type { RoadmapDiagnostic } from './core/roadmap/model';
import type { EvaluatedResults } from './core/results/evaluated';
import type { HistoryRecord } from './core/results/history';
import type { DecisionCategory, FolderError } from './core/decisions/model';
import type { RoadmapAnalysis } from './workspace/analysis';
import type { ViewsHandle } from './views';
import type { FileEvents } from './workspace/fileEvents';
import type { JobsHandle } from './jobs';
import type { ActivationSpans } from './activationSpans';

/** The latest evaluation result of one candidate, as views, CodeLens and the Testing view show it. */
export interface CandidateResultView {
  readonly candidate: string;
  readonly metrics: Readonly<Record<string, number>>;
  /** Absolute path of the file the numbers were read from. */
  readonly source: string;
  readonly format: string;
  /** True when no history record holds these numbers: a results file the pipeline did not produce. They count for nothing. */
  readonly notFromPipeline?: boolean;
  /** ISO time the result was produced or recorded. */
  readonly at?: string;
  readonly commit?: string;
  readonly dirty?: boolean;
  readonly datasetSha256?: string;
  readonly command?: string;
  /** Why the result no longer reflects the roadmap's current dataset or command, when it does not. */
  readonly stale?: string;
}

/** Latest results per candidate for each roadmap. Filled by the evaluation feature. */
export interface ResultsIndex {
  readonly onDidChange: vscode.Event<void>;
  latest(entry: RoadmapEntry, candidateId: string): CandidateResultView | undefined;
  /** Findings about results not from the pipeline and stale results (code pitfall/faulty-evaluation). */
  staleFindings(entry: RoadmapEntry): readonly RoadmapDiagnostic[];
  /** What counts as evaluated and the findings about results, under the one rule (core `mergeResults`). */
  evaluated(entry: RoadmapEntry): Pick<EvaluatedResults, 'evaluated' | 'findings'>;
  /** Every record of the roadmap's `.mlroadmap/history.jsonl`, in file order, as the index read it (no second read). */
  history(entry: RoadmapEntry): readonly HistoryRecord[];
}

/** A decision record as the Decisions view lists it. Filled by the decisions feature. */
export interface DecisionView {
  readonly number: number;
  readonly title: string;
  /** The status as the record writes it (lower-cased); absent when the record states none. */
  readonly status?: string;
  /** The status normalised, for icons, colours and filters. */
  readonly category: DecisionCategory;
  readonly date?: string;
  readonly file: string;
  readonly candidates: readonly string[];
  readonly supersedes: readonly number[];
  readonly supersededBy: readonly number[];
}

export interface DecisionsIndex {
  readonly onDidChange: vscode.Event<void>;
  records(entry: RoadmapEntry): readonly DecisionView[];
  /** Why the roadmap's decisions folder cannot be listed (its records are unknown, not none); undefined when it can or is missing. */
  folderError?(entry: RoadmapEntry): FolderError | undefined;
}

/** What the composition root hands every feature. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly store: RoadmapStore;
  readonly results: ResultsIndex;
  readonly decisions: DecisionsIndex;
  /** Pitfall findings, gate state, focus and progress per roadmap, kept current. */
  readonly analysis: RoadmapAnalysis;
  /** The workspace's file events (one watcher), for features that follow files of their own. */
  readonly files: FileEvents;
  /** `performance.now()` when `activate` began: the views log how long their first items took (the bench reads it). */
  readonly activationStarted: number;
  /** The spans of the extension's own code until the Roadmap view's first items (the activation bench reads their log line). */
  readonly spans: ActivationSpans;
  /** The sidebar's providers and status bar item, set by the views feature (for tests and other features). */
  views?: ViewsHandle;
  /** The Slurm jobs of every roadmap, set by the jobs feature. */
  jobs?: JobsHandle;
}

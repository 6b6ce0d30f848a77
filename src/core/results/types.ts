// Shapes shared by every result reader: what a run looks like once read, and what went wrong while reading.
import type { Goal } from '../roadmap/model';
import type { OwnResult } from './own-format';
import type { PerClass } from './per-class';

/** The file formats the readers understand. */
export const RESULT_FORMATS = ['mlroadmap', 'jsonl', 'csv', 'json', 'dvc', 'mlflow', 'huggingface', 'wandb'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];

/** Something that went wrong while reading. Problems are values: readers never throw to their caller. */
export interface ResultProblem {
  /** File (or folder) the problem is about. */
  readonly source: string;
  /** 1-based line number, when the problem is about one line or row. */
  readonly line?: number;
  readonly message: string;
  /** `error`: data was lost or the file refused. `warning`: read, but something was ignored. */
  readonly severity: 'error' | 'warning';
}

/** One metric of a run, summarised over every value the run logged for it. */
export interface MetricSummary {
  /** The value logged last (in file order). */
  readonly last: number;
  /** The best value according to the metric's goal. */
  readonly best: number;
  /** How many values were logged. */
  readonly count: number;
  readonly goal: Goal;
  /** Step (or epoch, iteration) of the last value, when the file says. */
  readonly step?: number;
  /** Step of the best value, when the file says. */
  readonly bestStep?: number;
}

/** One run read from one file or folder. */
export interface RunResult {
  /** Path of the file (or run folder) the run was read from. */
  readonly source: string;
  readonly format: ResultFormat;
  /** The roadmap candidate, when the file names it (own format) or the caller said so. */
  readonly candidate?: string;
  /** A human name for the run: MLflow run name, W&B run id, or the folder holding the file. */
  readonly runName?: string;
  /** Metric name -> summary, in the order metrics first appeared. */
  readonly metrics: Readonly<Record<string, MetricSummary>>;
  readonly problems: readonly ResultProblem[];
  /**
   * Class label -> metric -> value, when the file carries per-class values (scikit-learn's classification report, the
   * own format's `per_class`), capped; kept out of `metrics`.
   */
  readonly perClass?: PerClass;
  /** The whole record, for files in the extension's own format (per-class and per-slice metrics, dataset, git). */
  readonly record?: OwnResult;
}

/** Decides whether larger or smaller is better for a metric name. */
export type GoalOf = (metricName: string) => Goal;

export interface ReadOptions {
  /** Goal per metric name; default: the name heuristic of `defaultGoalOf`. */
  readonly goalOf?: GoalOf;
  /** Candidate to attach to every run read (the caller knows which candidate's results it reads). */
  readonly candidate?: string;
  /** Largest file read whole (formats that are not streamed, e.g. one JSON object). Default 50 MB. */
  readonly maxWholeFileBytes?: number;
  /** Longest line or CSV record accepted in streamed formats. Default 16 MB. */
  readonly maxLineBytes?: number;
}

export const DEFAULT_MAX_WHOLE_FILE_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

/** What `readResults` returns: every run read, and problems about files that gave no run at all. */
export interface ReadResultsOutput {
  readonly runs: readonly RunResult[];
  readonly problems: readonly ResultProblem[];
}

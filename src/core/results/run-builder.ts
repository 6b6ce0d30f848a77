// Assembling a RunResult from an accumulator and a problem list, shared by every reader.
import * as l10n from '@vscode/l10n';
import { MetricAccumulator } from './accumulator';
import { defaultGoalOf } from './metric-names';
import { ProblemList } from './problem-list';
import { describeCut, type PerClass } from './per-class';
import type { ReadOptions, ResultFormat, RunResult } from './types';

export class RunBuilder {
  readonly metrics: MetricAccumulator;
  readonly problems: ProblemList;
  candidate: string | undefined;
  runName: string | undefined;
  perClass: PerClass | undefined;

  constructor(
    readonly source: string,
    readonly format: ResultFormat,
    opts: ReadOptions,
  ) {
    this.metrics = new MetricAccumulator(opts.goalOf ?? defaultGoalOf);
    this.problems = new ProblemList(source);
    this.candidate = opts.candidate;
  }

  build(): RunResult {
    for (const [name, n] of this.metrics.nonFiniteCounts()) {
      this.problems.warning(
        n === 1 ? l10n.t("metric '{0}': 1 non-finite value (NaN or Infinity) ignored", name) : l10n.t("metric '{0}': {1} non-finite values (NaN or Infinity) ignored", name, n),
      );
    }
    const cut = describeCut(this.perClass?.cut);
    if (cut !== undefined) this.problems.warning(cut);
    return {
      source: this.source,
      format: this.format,
      ...(this.candidate !== undefined ? { candidate: this.candidate } : {}),
      ...(this.runName !== undefined ? { runName: this.runName } : {}),
      metrics: this.metrics.summaries(),
      problems: this.problems.list(),
      ...(this.perClass !== undefined ? { perClass: this.perClass } : {}),
    };
  }
}

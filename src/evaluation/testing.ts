import * as vscode from 'vscode';
import { KeyedDebouncer } from '../core/debounce';
import { compareToBaseline } from '../core/results';
import { formatNumber } from '../core/results/numbers';
import type { RoadmapStore } from '../workspace/roadmapStore';
import type { EvaluationResultsIndex } from './resultsIndex';

export type PublishedState = 'passed' | 'failed' | 'skipped';

/** What the Testing view last showed for one test item (candidate × metric with a target). */
export interface PublishedResult {
  readonly state: PublishedState;
  readonly message: string;
}

/**
 * A publish-only test controller: every candidate × metric with a target is a test that passes or fails on the
 * candidate's latest result, re-published whenever results or roadmaps change.
 */
export class ResultsTestController implements vscode.Disposable {
  readonly controller = vscode.tests.createTestController('mlroadmap.results', vscode.l10n.t('ML Roadmap results'));
  /** Item id -> the state last published, for tests. */
  readonly published = new Map<string, PublishedResult>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly debounce = new KeyedDebouncer();
  /** What the last publish showed (items, ranges, outcomes): an edit that changes none of it publishes nothing. */
  private lastShown = '';

  constructor(
    private readonly store: RoadmapStore,
    private readonly index: EvaluationResultsIndex,
  ) {
    this.disposables.push(
      this.controller,
      index.onDidChange(() => this.schedule()),
      store.onDidChange(() => this.schedule()),
    );
    this.controller.refreshHandler = () => this.publish(true);
    this.schedule();
  }

  /** The test item id of a candidate × metric. */
  static itemId(roadmap: vscode.Uri, candidate: string, metric: string): string {
    return `${roadmap.toString()}#${candidate}/${metric}`;
  }

  private schedule(): void {
    this.debounce.schedule('publish', 100, () => this.publish());
  }

  /**
   * Rebuilds the items from the roadmaps and publishes one run with the latest results, unless nothing shown
   * changed since the last run (every roadmap edit would otherwise add a run to Test Results); `force` publishes.
   */
  publish(force = false): void {
    const roots: vscode.TestItem[] = [];
    const outcomes: [vscode.TestItem, PublishedResult][] = [];
    const several = this.store.all().length > 1;
    for (const entry of this.store.all()) {
      const roadmap = entry.roadmap;
      if (!roadmap) continue;
      const metrics = roadmap.metrics.filter((m) => m.target !== undefined);
      if (metrics.length === 0 || roadmap.candidates.length === 0) continue;
      const parent: vscode.TestItem[] = [];
      for (const candidate of roadmap.candidates) {
        const item = this.controller.createTestItem(`${entry.uri.toString()}#${candidate.id}`, candidate.title ?? candidate.id, entry.uri);
        item.description = candidate.id;
        item.range = new vscode.Range(candidate.range.start.line, candidate.range.start.character, candidate.range.start.line, candidate.range.start.character);
        const latest = this.index.latest(entry, candidate.id);
        for (const metric of metrics) {
          const id = ResultsTestController.itemId(entry.uri, candidate.id, metric.id);
          const test = this.controller.createTestItem(id, `${metric.id} ${metric.goal === 'maximize' ? '≥' : '≤'} ${formatNumber(metric.target)}`, entry.uri);
          test.range = item.range;
          item.children.add(test);
          const c = compareToBaseline(latest?.metrics, undefined, metric);
          let outcome: PublishedResult;
          if (!latest) outcome = { state: 'skipped', message: vscode.l10n.t('{0} has no result yet.', candidate.id) };
          else if (c.value === undefined) outcome = { state: 'skipped', message: vscode.l10n.t('The latest result of {0} has no {1}.', candidate.id, metric.id) };
          else {
            const met = c.targetMet === true;
            outcome = {
              state: met ? 'passed' : 'failed',
              message: vscode.l10n.t(
                '{0} {1} = {2}, target {3} {4}{5}',
                candidate.id,
                metric.id,
                formatNumber(c.value),
                metric.goal === 'maximize' ? '≥' : '≤',
                formatNumber(metric.target),
                latest.at ? ` (${latest.at}${latest.commit ? ` @ ${latest.commit.slice(0, 8)}` : ''})` : '',
              ) + (latest.notFromPipeline ? ` — ${vscode.l10n.t('not from the pipeline: it does not count as evaluated')}` : ''),
            };
          }
          outcomes.push([test, outcome]);
        }
        parent.push(item);
      }
      if (several) {
        const group = this.controller.createTestItem(entry.uri.toString(), entry.label, entry.uri);
        group.children.replace(parent);
        roots.push(group);
      } else roots.push(...parent);
    }
    const shown = JSON.stringify([
      roots.map((r) => r.id),
      outcomes.map(([test, o]) => [test.id, test.label, test.range?.start.line, test.parent?.label, o.state, o.message]),
    ]);
    if (!force && shown === this.lastShown) return;
    this.lastShown = shown;
    this.controller.items.replace(roots);
    this.published.clear();
    if (outcomes.length === 0) return;
    const run = this.controller.createTestRun(new vscode.TestRunRequest(), vscode.l10n.t('Latest evaluation results'), false);
    for (const [test, outcome] of outcomes) {
      this.published.set(test.id, outcome);
      if (outcome.state === 'passed') run.passed(test);
      else if (outcome.state === 'failed') {
        const message = new vscode.TestMessage(outcome.message);
        if (test.uri && test.range) message.location = new vscode.Location(test.uri, test.range);
        run.failed(test, message);
      } else {
        run.skipped(test);
      }
      if (outcome.state !== 'failed') run.appendOutput(`${outcome.message}\r\n`, undefined, test);
    }
    run.end();
  }

  dispose(): void {
    this.debounce.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

import * as vscode from 'vscode';
import { baselineCandidate } from '../core/pitfalls';
import { comparisonReport } from '../core/results/comparisonReport';
import type { CandidateResultView } from '../services';
import type { RoadmapStore } from '../workspace/roadmapStore';
import type { EvaluationResultsIndex } from './resultsIndex';

export const COMPARE_SCHEME = 'mlroadmap-compare';

interface CompareQuery {
  readonly roadmap: string;
  readonly candidate: string;
  readonly onlyDifferences: boolean;
}

/** The read-only document comparing a candidate with the baseline. */
export function compareUri(roadmap: vscode.Uri, candidate: string, onlyDifferences: boolean): vscode.Uri {
  const query: CompareQuery = { roadmap: roadmap.toString(), candidate, onlyDifferences };
  const file = candidate.replace(/[/\\?#]/g, '_');
  const name = `${onlyDifferences ? vscode.l10n.t('{0} vs baseline (differences)', file) : vscode.l10n.t('{0} vs baseline', file)}.md`;
  return vscode.Uri.from({ scheme: COMPARE_SCHEME, path: `/${name}`, query: JSON.stringify(query) });
}

/** Markdown documents `mlroadmap-compare:` built from the results index, kept current while open. */
export class CompareDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly store: RoadmapStore,
    private readonly index: EvaluationResultsIndex,
  ) {
    this.subscription = index.onDidChange(() => {
      for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === COMPARE_SCHEME) this.changed.fire(doc.uri);
    });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    let query: CompareQuery;
    try {
      query = JSON.parse(uri.query) as CompareQuery;
    } catch {
      return vscode.l10n.t('Not a comparison: {0}', uri.toString());
    }
    const entry = this.store.get(vscode.Uri.parse(query.roadmap));
    const roadmap = entry?.roadmap;
    if (!entry || !roadmap) return vscode.l10n.t('The roadmap {0} cannot be read.', query.roadmap);
    const base = baselineCandidate(roadmap)?.id;
    const side = (v: CandidateResultView | undefined) => v && { ...v, source: vscode.workspace.asRelativePath(v.source) };
    const baselineResult = base !== undefined ? side(this.index.latest(entry, base)) : undefined;
    const result = side(this.index.latest(entry, query.candidate));
    return comparisonReport({
      metrics: roadmap.metrics,
      candidate: query.candidate,
      ...(result ? { result } : {}),
      ...(base !== undefined ? { baselineId: base } : {}),
      ...(baselineResult ? { baseline: baselineResult } : {}),
      now: new Date(),
      onlyDifferences: query.onlyDifferences,
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

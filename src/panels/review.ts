// ML Roadmap: Show Evaluation Review — the Evaluation Review webview: per metric each candidate against the baseline
// and the target, every run of the history (chart and virtual table), last vs best, a run pinned as the view's
// baseline, CSV export. The view model comes from the results index (the history it read and what each candidate
// shows under the one rule); a failed evaluation of this session shows its log through Show Evaluation Log.
import * as vscode from 'vscode';
import { reviewCsv, reviewModel, type ReviewFailure, type ReviewModel } from '../core/views/review';
import type { ServicesWithEvaluation } from '../evaluation';
import { Commands } from '../ids';
import { REVIEW_VIEW_TYPE, parseReviewRequest, parseReviewState, type ReviewRequest, type ReviewState } from '../protocol/review';
import type { Services } from '../services';
import { Panels, type Panel, type PanelKind } from './panels';

export type ReviewPanel = Panel<ReviewModel, ReviewRequest>;

/** What tests reach through `services.review`. */
export interface ReviewHandle {
  readonly panels: Panels<ReviewModel, ReviewRequest>;
  /** When set, Export CSV writes here instead of asking with the Save dialog (for tests). */
  exportTo?: vscode.Uri;
  /** Where the last export was written. */
  lastExport?: vscode.Uri;
}

export type ServicesWithReview = Services & { review?: ReviewHandle };

/** The run pinned as the baseline, per roadmap URI (one panel per roadmap). */
const pinnedRuns = new Map<string, string>();

function failuresOf(services: Services, uri: vscode.Uri): ReviewFailure[] {
  const outcome = (services as ServicesWithEvaluation).evaluation?.evaluations.lastOutcome;
  if (!outcome || outcome.ok || outcome.cancelled || outcome.roadmap !== uri.toString()) return [];
  const failed = outcome.steps.filter((s) => s.exitCode !== 0 || s.error !== undefined);
  const steps = failed.length > 0 ? failed : [{ candidate: outcome.candidate, exitCode: outcome.exitCode, error: outcome.message }];
  return steps.map((s, i) => ({
    id: `failure-${i}`,
    candidate: s.candidate,
    exitCode: s.exitCode ?? outcome.exitCode,
    message: s.error ?? outcome.message ?? '',
    hasLog: outcome.logFile !== undefined,
  }));
}

export const REVIEW: PanelKind<ReviewModel, ReviewRequest> = {
  viewType: REVIEW_VIEW_TYPE,
  app: 'review',
  title: (services, uri) => {
    const name = services.store.get(uri)?.roadmap?.project.name;
    return name ? vscode.l10n.t('Evaluation Review: {0}', name) : vscode.l10n.t('Evaluation Review');
  },
  model: (services, uri) => {
    const entry = services.store.get(uri);
    const pinned = pinnedRuns.get(uri.toString());
    return reviewModel(entry?.roadmap, {
      history: entry ? services.results.history(entry) : [],
      shown: (id) => (entry ? services.results.latest(entry, id) : undefined),
      ...(pinned !== undefined ? { pinned } : {}),
      failures: failuresOf(services, uri),
      readOnly: !vscode.workspace.isTrusted,
    });
  },
  parse: parseReviewRequest,
  parseState: parseReviewState,
  // The pinned run is the host's to keep: pinned again at once, rather than asked for by the webview after its
  // first snapshot (a run the history no longer has pins nothing: the model shows the baseline candidate); the
  // default state pins nothing.
  restoreState: (_services, uri, state) => {
    const { pinned } = state as ReviewState;
    if (pinned !== undefined) pinnedRuns.set(uri.toString(), pinned);
    else pinnedRuns.delete(uri.toString());
  },
  handle: async (services, panel, request) => {
    const uri = panel.uri;
    switch (request.type) {
      case 'pinBaseline':
        pinnedRuns.set(uri.toString(), request.runId);
        panel.post();
        return;
      case 'unpin':
        pinnedRuns.delete(uri.toString());
        panel.post();
        return;
      case 'exportCsv': {
        const model = panel.model();
        const text = reviewCsv(model, { diffOnly: request.diffOnly, ...(request.candidate !== undefined ? { candidate: request.candidate } : {}) });
        const handle = (services as ServicesWithReview).review;
        const entry = services.store.get(uri);
        const target =
          handle?.exportTo ??
          (await vscode.window.showSaveDialog({
            title: vscode.l10n.t('Export the run table as CSV'),
            filters: { CSV: ['csv'] },
            ...(entry ? { defaultUri: vscode.Uri.joinPath(entry.root, 'evaluation-runs.csv') } : {}),
          }));
        if (!target) return;
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
        if (handle) handle.lastExport = target;
        return;
      }
      case 'showLog': {
        // Only a failed run of this session has a log; a history record has none.
        if (failuresOf(services, uri).some((f) => f.id === request.runId && f.hasLog)) await vscode.commands.executeCommand(Commands.showEvaluationLog);
        return;
      }
      case 'revealCandidate': {
        const candidate = services.store.get(uri)?.roadmap?.candidates.find((c) => c.id === request.id);
        if (candidate?.range) await vscode.commands.executeCommand(Commands.revealInRoadmap, uri, candidate.range);
        return;
      }
      default: {
        const never: never = request;
        throw new Error(`unhandled review request ${JSON.stringify(never)}`);
      }
    }
  },
  alsoFollows: (services) => {
    const evaluation = (services as ServicesWithEvaluation).evaluation;
    return [services.results.onDidChange, ...(evaluation ? [evaluation.evaluations.onDidFinish] : [])];
  },
};

export function activateReview(services: Services): vscode.Disposable[] {
  const panels = new Panels(services, REVIEW, Commands.showEvaluationReview);
  (services as ServicesWithReview).review = { panels };
  return [panels, { dispose: () => pinnedRuns.clear() }];
}

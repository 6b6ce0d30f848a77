// ML Roadmap: Show Evaluation Review — the Evaluation Review webview: per metric each candidate against the baseline
// and the target, every run of the history (chart and virtual table), last vs best, a run pinned as the view's
// baseline, CSV export. The view model comes from the results index (the history it read and what each candidate
// shows under the one rule); a failed evaluation of this session shows its log through Show Evaluation Log.
import * as vscode from 'vscode';
import { isolateBidi } from '../core/bidi';
import { reviewCsv, reviewModel, reviewSnapshot, runDetail, runIndex, runsPage, type ReviewFailure, type ReviewModel, type ReviewRunDetail, type ReviewRunsPage, type ReviewSnapshot } from '../core/views/review';
import { showCommit } from '../git';
import type { ServicesWithEvaluation } from '../evaluation';
import { Commands } from '../ids';
import { REVIEW_VIEW_TYPE, parseReviewRequest, parseReviewState, type ReviewRequest, type ReviewState, type ReviewUpdate } from '../protocol/review';
import type { Services } from '../services';
import { COMMIT_SCHEME, CommitDocumentProvider, commitUri } from './commitDocument';
import { Panels, type Panel, type PanelKind } from './panels';

export type ReviewPanel = Panel<ReviewModel, ReviewRequest>;

/** What tests reach through `services.review`. */
export interface ReviewHandle {
  readonly panels: Panels<ReviewModel, ReviewRequest>;
  /** When set, Export CSV writes here instead of asking with the Save dialog (for tests). */
  exportTo?: vscode.Uri;
  /** Where the last export was written. */
  lastExport?: vscode.Uri;
  /** The last `runDetail` sent to a webview. */
  lastRunDetail?: ReviewRunDetail;
  /** The last snapshot sent to a webview, as sent (its first runs, the chart's columns). */
  lastSnapshot?: ReviewSnapshot;
  /** The last `runs` page sent to a webview. */
  lastRunsPage?: ReviewRunsPage;
  /** When true, a commit always opens as the `mlroadmap-commit:` document, never through the git extension (for tests). */
  commitAsDocument?: boolean;
  /** What the last `showCommit` did. */
  lastCommit?: CommitShown;
}

/** What Show Commit did for a run: opened the commit through the git extension or as a document, or why not. */
export type CommitShown =
  | { readonly runId: string; readonly commit: string; readonly via: 'git'; readonly uri?: undefined }
  | { readonly runId: string; readonly commit: string; readonly via: 'document'; readonly uri: vscode.Uri }
  | { readonly runId: string; readonly commit?: string; readonly via: 'none'; readonly message: string };

export type ServicesWithReview = Services & { review?: ReviewHandle };

/** The run pinned as the baseline, per roadmap URI (one panel per roadmap). */
const pinnedRuns = new Map<string, string>();

/** The version of each model sent as a snapshot: `loadRuns` answers pages of the model its version names only. */
const versions = new WeakMap<ReviewModel, number>();
let lastVersion = 0;

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
    return name ? vscode.l10n.t('Evaluation Review: {0}', isolateBidi(name)) : vscode.l10n.t('Evaluation Review');
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
  snapshot: (services, model) => {
    const version = ++lastVersion;
    versions.set(model, version);
    const snapshot = reviewSnapshot(model, version);
    const handle = (services as ServicesWithReview).review;
    if (handle) handle.lastSnapshot = snapshot;
    return snapshot;
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
      case 'loadRuns': {
        // Pages of the model last sent only: after a newer snapshot, a page of the old one is not sent.
        const model = panel.lastSent;
        if (!model || versions.get(model) !== request.version) return;
        const page = runsPage(model, request.version, request.offset);
        const handle = (services as ServicesWithReview).review;
        if (handle) handle.lastRunsPage = page;
        const update: ReviewUpdate = { type: 'runs', page };
        await panel.send(update);
        return;
      }
      case 'showLog': {
        // Only a failed run of this session has a log; a history record has none.
        if (failuresOf(services, uri).some((f) => f.id === request.runId && f.hasLog)) await vscode.commands.executeCommand(Commands.showEvaluationLog);
        return;
      }
      case 'showRunDetail': {
        const entry = services.store.get(uri);
        const detail = runDetail(entry ? services.results.history(entry) : [], request.runId);
        const handle = (services as ServicesWithReview).review;
        if (handle) handle.lastRunDetail = detail;
        const update: ReviewUpdate = { type: 'runDetail', detail };
        await panel.send(update);
        return;
      }
      case 'showCommit': {
        const shown = await showRunCommit(services, uri, request.runId);
        const handle = (services as ServicesWithReview).review;
        if (handle) handle.lastCommit = shown;
        if (shown.via === 'none') void vscode.window.showInformationMessage(shown.message);
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

/**
 * Shows the commit a run was measured on: the host looks the commit up in the run's history record (a commit is never
 * taken from the webview), checks that the repository has it, then opens it through the built-in git extension's
 * `git.viewCommit` (the multi-file diff of the commit) when that extension knows the repository, else as the read-only
 * `mlroadmap-commit:` document of `git show --stat --patch`. Not in Restricted Mode: git reads the repository's config.
 */
async function showRunCommit(services: Services, uri: vscode.Uri, runId: string): Promise<CommitShown> {
  const entry = services.store.get(uri);
  const history = entry ? services.results.history(entry) : [];
  const i = runIndex(history, runId);
  const record = i === undefined ? undefined : history[i];
  if (!entry || !record) return { runId, via: 'none', message: vscode.l10n.t('There is no run {0} in the history.', runId) };
  const commit = record.git?.commit;
  if (commit === undefined) return { runId, via: 'none', message: vscode.l10n.t('{0} ({1}) has no commit: it was recorded outside a git repository.', runId, record.candidate) };
  if (!vscode.workspace.isTrusted) return { runId, commit, via: 'none', message: vscode.l10n.t('ML Roadmap does not run git in Restricted Mode. Trust this workspace to see the commit {0}.', commit.slice(0, 10)) };
  const check = await showCommit(entry.root.fsPath, commit);
  if (!check.ok) return { runId, commit, via: 'none', message: check.message };
  if (!(services as ServicesWithReview).review?.commitAsDocument && (await viewThroughGit(entry.root, commit))) return { runId, commit, via: 'git' };
  const doc = commitUri(uri, commit, `${record.candidate} ${runId}`);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(doc), { preview: true, viewColumn: vscode.ViewColumn.Beside });
  return { runId, commit, via: 'document', uri: doc };
}

interface GitApi {
  getRepository(uri: vscode.Uri): unknown;
}

/** Opens the commit with the built-in git extension when it is enabled and knows the repository; false when it cannot. */
async function viewThroughGit(root: vscode.Uri, commit: string): Promise<boolean> {
  try {
    const ext = vscode.extensions.getExtension<{ enabled: boolean; getAPI(version: 1): GitApi }>('vscode.git');
    if (!ext) return false;
    const exports = ext.isActive ? ext.exports : await ext.activate();
    if (!exports.enabled || !exports.getAPI(1).getRepository(root)) return false;
    if (!(await vscode.commands.getCommands(true)).includes('git.viewCommit')) return false;
    await vscode.commands.executeCommand('git.viewCommit', root, commit);
    return true;
  } catch {
    return false;
  }
}

export function activateReview(services: Services): vscode.Disposable[] {
  const panels = new Panels(services, REVIEW, Commands.showEvaluationReview);
  (services as ServicesWithReview).review = { panels };
  return [panels, vscode.workspace.registerTextDocumentContentProvider(COMMIT_SCHEME, new CommitDocumentProvider(services.store)), { dispose: () => pinnedRuns.clear() }];
}

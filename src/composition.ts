import * as vscode from 'vscode';
import { ActivationSpans } from './activationSpans';
import { localizeCore } from './l10n';
import { RoadmapStore } from './workspace/roadmapStore';
import { WorkspaceFileEvents } from './workspace/fileEvents';
import type { Services } from './services';
import { createResultsIndex } from './evaluation/resultsIndex';
import { createDecisionsIndex } from './decisions/decisionsIndex';
import { activateDiagnostics } from './workspace/diagnostics';
import { RoadmapAnalysis } from './workspace/analysis';
import { activateViews } from './views';
import { activateCommands } from './commands';
import { activateLanguage } from './language';
import { activateEvaluation } from './evaluation';
import { activateJobs } from './jobs';
import { activateDecisions } from './decisions';
import { activateScaffold } from './scaffold';
import { activateBoard } from './panels/board';
import { activateReview } from './panels/review';
import { activateCompare } from './panels/compare';
import { onDidShowPrompt } from './commands/flow';
import { activateWalkthrough } from './commands/walkthrough';

/**
 * The composition root: builds every feature once, hands each its collaborators, and owns every
 * disposable it creates. Nothing else in the extension reaches for globals.
 */
export class MlRoadmapExtension implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  readonly services: Services;
  /** Fires when a flow step shows its QuickPick or InputBox (tests answer flows through the real quick input). */
  readonly onDidShowFlowPrompt = onDidShowPrompt;

  /** `activationStarted`: `performance.now()` when `activate` began (logged with the time activation took). */
  constructor(
    readonly context: vscode.ExtensionContext,
    activationStarted = performance.now(),
  ) {
    const spans = new ActivationSpans(activationStarted);
    const endActivate = spans.begin('activate', activationStarted);
    localizeCore();
    const log = vscode.window.createOutputChannel('ML Roadmap', { log: true });
    // One watcher over the workspace: the store and the indexes subscribe to its events with their own filters.
    const files = new WorkspaceFileEvents();
    const store = new RoadmapStore(log, files, spans);
    this.disposables.push(log, files, store);
    const results = createResultsIndex(store, files, log);
    const decisions = createDecisionsIndex(store, files, log);
    this.disposables.push(results, decisions);
    const analysis = new RoadmapAnalysis(store, results, spans);
    this.disposables.push(analysis);
    this.services = { context, log, store, results, decisions, analysis, files, activationStarted, spans };

    for (const activateFeature of [
      activateDiagnostics,
      activateViews,
      activateCommands,
      activateLanguage,
      activateEvaluation,
      activateJobs,
      activateDecisions,
      activateScaffold,
      activateBoard,
      activateReview,
      activateCompare,
      activateWalkthrough,
    ]) {
      this.disposables.push(...activateFeature(this.services));
    }
    endActivate();
    log.info(`ML Roadmap: activate() took ${(performance.now() - activationStarted).toFixed(1)} ms`);
    void store
      .whenReady()
      .then(() => log.info(`ML Roadmap: ${store.all().length} roadmap(s) in the workspace, read ${(performance.now() - activationStarted).toFixed(1)} ms after activate() began`));
  }

  dispose(): void {
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

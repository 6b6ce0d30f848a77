import * as vscode from 'vscode';
import { Views } from '../ids';
import type { Services } from '../services';
import type { SpanName, WaitName } from '../activationSpans';
import type { RoadmapEntry } from '../workspace/roadmapStore';
import { NodeTreeProvider } from './nodeTreeProvider';
import { buildRoadmapNodes } from './roadmapTree';
import { buildCandidateNodes } from './candidatesTree';
import { buildMetricsNodes } from './metricsTree';
import { buildDecisionNodes } from './decisionsTree';
import { RoadmapStatusBar } from './statusBar';
import { registerViewCommands } from './viewCommands';
import type { ViewNode } from './viewNode';

/** The sidebar's tree providers and views and the status bar item, reachable by tests and other features. */
export interface ViewsHandle {
  readonly roadmap: NodeTreeProvider;
  readonly candidates: NodeTreeProvider;
  readonly metrics: NodeTreeProvider;
  readonly decisions: NodeTreeProvider;
  readonly treeViews: Readonly<Record<'roadmap' | 'candidates' | 'metrics' | 'decisions', vscode.TreeView<ViewNode>>>;
  readonly statusBar: RoadmapStatusBar;
}

/** Sidebar tree views, status bar item and the view commands. */
export function activateViews(services: Services): vscode.Disposable[] {
  const { analysis, store, results, decisions, log, activationStarted, spans } = services;
  const entries = () => store.all();
  // The time to the first view rendered, from activate's start, and the time the extension's own code ran on the way
  // there (the activation bench reads these lines).
  const firstItems = (count: number, getChildrenStarted: number) => {
    spans.begin('getChildren', getChildrenStarted)();
    const at = performance.now() - activationStarted;
    const { total, spans: parts } = spans.finish();
    const ms = (name: SpanName | WaitName) => (parts.get(name) ?? 0).toFixed(1);
    log.info(`ML Roadmap: the Roadmap view's first ${count} item(s) ${at.toFixed(1)} ms after activate() began`);
    log.info(
      `ML Roadmap: extension code until the Roadmap view's first items: ${total.toFixed(1)} ms ` +
        `(activate() ${ms('activate')} ms; roadmap read ${ms('read')} ms; parse ${ms('parse')} ms; ` +
        `the roadmap's change notification ${ms('notify')} ms, of which analysis ${ms('analysis')} ms; first getChildren ${ms('getChildren')} ms)`,
    );
    log.info(`ML Roadmap: not extension code, on the way: waiting for the roadmap's read ${ms('readWait')} ms`);
  };
  const roadmap = new NodeTreeProvider(Views.roadmap, (e) => buildRoadmapNodes(analysis.get(e)), entries, firstItems);
  const candidates = new NodeTreeProvider(
    Views.candidates,
    (e) => {
      const a = analysis.get(e);
      return buildCandidateNodes(
        e,
        a.roadmap && {
          roadmap: a.roadmap,
          latest: (id) => results.latest(e, id),
          rankOf: (id) => a.ranks.get(id),
          rankFormula: a.rankFormula,
        },
      );
    },
    entries,
  );
  const metrics = new NodeTreeProvider(Views.metrics, (e) => buildMetricsNodes(e, analysis.get(e).roadmap), entries);
  const decisionsTree = new NodeTreeProvider(Views.decisions, (e) => buildDecisionNodes(e, decisions.records(e), decisions.folderError?.(e)), entries);
  const providers = [roadmap, candidates, metrics, decisionsTree];

  const create = (id: string, provider: NodeTreeProvider) =>
    vscode.window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: true });
  const treeViews = {
    roadmap: create(Views.roadmap, roadmap),
    candidates: create(Views.candidates, candidates),
    metrics: create(Views.metrics, metrics),
    decisions: create(Views.decisions, decisionsTree),
  };
  const statusBar = new RoadmapStatusBar(analysis);

  const updateBadge = () => {
    const count = analysis.all().reduce((n, a) => n + a.findings.length, 0);
    treeViews.roadmap.badge = count > 0 ? { value: count, tooltip: vscode.l10n.t('{0} pitfall finding(s)', count) } : undefined;
  };
  const update = (entry?: RoadmapEntry) => {
    // The Decisions view follows the decisions index, which tells it when roadmaps come and go (after reading their
    // folders, so the folders are not read on the way to the Roadmap view's first items).
    for (const p of [roadmap, candidates, metrics]) p.update(entry);
    updateBadge();
  };
  update();

  services.views = { roadmap, candidates, metrics, decisions: decisionsTree, treeViews, statusBar };
  return [
    ...providers,
    ...Object.values(treeViews),
    statusBar,
    analysis.onDidChange(update),
    decisions.onDidChange(() => decisionsTree.update()),
    ...registerViewCommands(services),
  ];
}

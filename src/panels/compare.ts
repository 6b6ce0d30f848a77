// ML Roadmap: Compare Candidates — the webview with every candidate side by side (cost, expected benefit, rank,
// latest results against the baseline and the targets, literature, decision) and the cost-versus-benefit scatter.
// The view model comes from the store, the analysis' ranks and the results index (the same the Candidates tree
// uses); the webview's requests are carried out by the commands the palette uses (Reveal in Roadmap, Evaluate
// Candidate, Record Architecture Decision, Open Link).
import * as vscode from 'vscode';
import { isolateBidi } from '../core/bidi';
import { compareModel, type CompareModel } from '../core/views/compare';
import { Commands } from '../ids';
import { COMPARE_VIEW_TYPE, parseCompareRequest, parseCompareState, type CompareRequest } from '../protocol/compare';
import type { Services } from '../services';
import { Panels, type Panel, type PanelKind } from './panels';

export type ComparePanel = Panel<CompareModel, CompareRequest>;

export const COMPARE: PanelKind<CompareModel, CompareRequest> = {
  viewType: COMPARE_VIEW_TYPE,
  app: 'compare',
  title: (services, uri) => {
    const name = services.store.get(uri)?.roadmap?.project.name;
    return name ? vscode.l10n.t('Compare: {0}', isolateBidi(name)) : vscode.l10n.t('Compare Candidates');
  },
  model: (services, uri) => {
    const entry = services.store.get(uri);
    const analysis = entry && services.analysis.get(entry);
    const records = entry ? services.decisions.records(entry) : [];
    return compareModel(entry?.roadmap, {
      ranks: analysis?.ranks ?? new Map(),
      rankFormula: analysis?.rankFormula ?? '',
      latest: (id) => (entry ? services.results.latest(entry, id) : undefined),
      decisionTitle: (n) => records.find((r) => r.number === Number(n))?.title,
      readOnly: !vscode.workspace.isTrusted,
    });
  },
  parse: parseCompareRequest,
  parseState: parseCompareState,
  handle: async (services, panel, request) => {
    const uri = panel.uri;
    const roadmap = uri.toString();
    switch (request.type) {
      case 'revealCandidate': {
        const candidate = services.store.get(uri)?.roadmap?.candidates.find((c) => c.id === request.id);
        if (candidate) await vscode.commands.executeCommand(Commands.revealInRoadmap, uri, candidate.range);
        return;
      }
      case 'evaluateCandidate':
        // The command refuses in Restricted Mode and names an unknown candidate as an error.
        await vscode.commands.executeCommand(Commands.evaluateCandidate, { roadmap, candidate: request.id });
        return;
      case 'recordDecision':
        // As from the Candidates tree: the flow asks, with this candidate preselected.
        await vscode.commands.executeCommand(Commands.recordDecision, { roadmap, contextValue: 'candidate', itemId: request.id });
        return;
      case 'openLink':
        await vscode.commands.executeCommand(Commands.openLink, request.url);
        return;
      default: {
        const never: never = request;
        throw new Error(`unhandled compare request ${JSON.stringify(never)}`);
      }
    }
  },
  alsoFollows: (services) => [services.results.onDidChange, services.decisions.onDidChange],
};

/** What tests reach through `services.compare`. */
export interface CompareHandle {
  readonly panels: Panels<CompareModel, CompareRequest>;
}

export type ServicesWithCompare = Services & { compare?: CompareHandle };

export function activateCompare(services: Services): vscode.Disposable[] {
  const panels = new Panels(services, COMPARE, Commands.compareCandidates);
  (services as ServicesWithCompare).compare = { panels };
  return [panels];
}

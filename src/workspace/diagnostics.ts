import * as vscode from 'vscode';
import type { RoadmapDiagnostic, Severity } from '../core/roadmap/model';
import { ContextKeys, DIAGNOSTIC_SOURCE } from '../ids';
import type { Services } from '../services';
import type { RoadmapAnalysisResult } from './analysis';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toVsDiagnostic(d: RoadmapDiagnostic): vscode.Diagnostic {
  const range = new vscode.Range(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character);
  const diagnostic = new vscode.Diagnostic(range, d.message, SEVERITY[d.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = d.code;
  if (d.code === 'schema/unknown-key') diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
  return diagnostic;
}

/** The values of the context keys computed from the analysis (all but hasDecisions, which follows the decisions index). */
export function contextKeyValues(services: Pick<Services, 'analysis'>): Record<string, boolean | string> {
  const results = services.analysis.all();
  const focused = services.analysis.focused();
  return {
    [ContextKeys.hasRoadmap]: results.length > 0,
    [ContextKeys.hasErrors]: results.some((r) => r.entry.parse.diagnostics.some((d) => d.severity === 'error')),
    [ContextKeys.phase]: focused?.roadmap?.project.phase ?? '',
    [ContextKeys.hasCandidates]: results.some((r) => (r.roadmap?.candidates.length ?? 0) > 0),
    [ContextKeys.hasMetrics]: results.some((r) => (r.roadmap?.metrics.length ?? 0) > 0),
    [ContextKeys.gateBlocked]: focused?.gate !== undefined && !focused.gate.passed,
  };
}

export function hasDecisions(services: Pick<Services, 'store' | 'decisions'>): boolean {
  return services.store.all().some((e) => services.decisions.records(e).length > 0);
}


/**
 * Publishes parse and pitfall diagnostics of every roadmap (collection `mlroadmap`), and the context keys
 * views, welcome views and menus depend on.
 */
export function activateDiagnostics(services: Services): vscode.Disposable[] {
  const { analysis, decisions } = services;
  const collection = vscode.languages.createDiagnosticCollection('mlroadmap');
  const published = new Map<string, string>();

  const publish = (result: RoadmapAnalysisResult) => {
    const key = result.entry.uri.toString();
    const signature = JSON.stringify(result.diagnostics);
    if (published.get(key) === signature) return;
    published.set(key, signature);
    collection.set(result.entry.uri, result.diagnostics.map(toVsDiagnostic));
  };

  const lastContext = new Map<string, unknown>();
  const setContext = (key: string, value: unknown) => {
    if (lastContext.has(key) && lastContext.get(key) === value) return;
    lastContext.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  };
  const updateContextKeys = () => {
    for (const [key, value] of Object.entries(contextKeyValues(services))) setContext(key, value);
  };
  const updateDecisionsKey = () => setContext(ContextKeys.hasDecisions, hasDecisions(services));

  const sync = (only?: RoadmapAnalysisResult) => {
    const results = analysis.all();
    if (only) publish(only);
    else {
      const keep = new Set(results.map((r) => r.entry.uri.toString()));
      for (const key of [...published.keys()]) {
        if (keep.has(key)) continue;
        collection.delete(vscode.Uri.parse(key));
        published.delete(key);
      }
      results.forEach(publish);
    }
    updateContextKeys();
  };

  sync();
  // Follows the decisions index, which fires when roadmaps come and go too (after reading their decisions folders).
  updateDecisionsKey();
  return [
    collection,
    analysis.onDidChange((entry) => sync(entry ? analysis.get(entry) : undefined)),
    decisions.onDidChange(updateDecisionsKey),
    vscode.window.onDidChangeActiveTextEditor(() => updateContextKeys()),
  ];
}

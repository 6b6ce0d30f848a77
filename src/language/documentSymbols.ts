import * as vscode from 'vscode';
import { outlineOf, type OutlineKind, type OutlineNode } from '../core/roadmap/outline';
import { toRange, type RoadmapSources } from './roadmapSources';

const KINDS: Readonly<Record<OutlineKind, vscode.SymbolKind>> = {
  section: vscode.SymbolKind.Namespace,
  project: vscode.SymbolKind.Module,
  evaluation: vscode.SymbolKind.Function,
  metric: vscode.SymbolKind.Constant,
  literature: vscode.SymbolKind.File,
  candidate: vscode.SymbolKind.Class,
  realityCheck: vscode.SymbolKind.Event,
  stage: vscode.SymbolKind.Package,
  track: vscode.SymbolKind.Package,
  step: vscode.SymbolKind.EnumMember,
};

function toSymbol(node: OutlineNode): vscode.DocumentSymbol {
  const symbol = new vscode.DocumentSymbol(node.name, node.detail, KINDS[node.kind], toRange(node.range), toRange(node.selectionRange));
  symbol.children = node.children.map(toSymbol);
  return symbol;
}

/** The outline: sections, with metrics, literature, candidates, reality checks, stages, tracks and steps. */
export class RoadmapDocumentSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly sources: RoadmapSources) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    return outlineOf(this.sources.parsedDocument(document).source).map(toSymbol);
  }
}

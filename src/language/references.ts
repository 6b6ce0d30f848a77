import * as vscode from 'vscode';
import { targetAt, type IdDefinition } from '../core/roadmap/symbols';
import { toRange, type RoadmapSources } from './roadmapSources';

/** From a reference to the id's definition; on a definition, the definition itself (VS Code then lists its uses). */
export class RoadmapDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly sources: RoadmapSources) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.LocationLink[] {
    const { symbols: index } = this.sources.parsedDocument(document);
    const at = index.symbolAt(document.offsetAt(position));
    const symbol = at?.reference ?? at?.definition;
    if (!at || !symbol) return [];
    const origin = toRange(symbol.range);
    const targets: IdDefinition[] = at.reference ? index.definitionsOf(at.reference.kind, at.reference.id) : at.definition ? [at.definition] : [];
    return targets.map((d) => ({
      originSelectionRange: origin,
      targetUri: document.uri,
      targetRange: toRange(d.itemRange),
      targetSelectionRange: toRange(d.range),
    }));
  }
}

/** Every place that names the id at the cursor (and its definition, when asked). */
export class RoadmapReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly sources: RoadmapSources) {}

  provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): vscode.Location[] {
    const { symbols: index } = this.sources.parsedDocument(document);
    const target = targetAt(index, document.offsetAt(position));
    if (!target) return [];
    const definitions = index.definitionsOf(target.kind, target.id);
    const references = target.kind === 'any' ? index.references.filter((r) => r.id === target.id) : index.referencesTo(target.kind, target.id);
    const ranges = [...(context.includeDeclaration ? definitions.map((d) => d.range) : []), ...references.map((r) => r.range)];
    return ranges
      .sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character)
      .map((r) => new vscode.Location(document.uri, toRange(r)));
  }
}

import * as vscode from 'vscode';
import { completionsAt, type CompletionProposal } from '../core/roadmap/completion';
import type { SymbolKind } from '../core/roadmap/symbols';
import { offsetsToRange, type RoadmapSources } from './roadmapSources';

const REFERENCE_KINDS: Readonly<Record<SymbolKind, vscode.CompletionItemKind>> = {
  literature: vscode.CompletionItemKind.Reference,
  candidate: vscode.CompletionItemKind.Class,
  metric: vscode.CompletionItemKind.Unit,
  realityCheck: vscode.CompletionItemKind.Event,
  step: vscode.CompletionItemKind.Field,
};

function itemKind(proposal: CompletionProposal): vscode.CompletionItemKind {
  switch (proposal.kind) {
    case 'key':
      return vscode.CompletionItemKind.Property;
    case 'enum':
      return vscode.CompletionItemKind.EnumMember;
    case 'boolean':
      return vscode.CompletionItemKind.Value;
    case 'reference':
      return proposal.symbol ? REFERENCE_KINDS[proposal.symbol] : vscode.CompletionItemKind.Reference;
  }
}

/** Ids where a reference is expected, allowed values of closed sets, and the keys valid at the cursor. */
export class RoadmapCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = [':', ' ', '[', ','];

  constructor(private readonly sources: RoadmapSources) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const { source, symbols: index } = this.sources.parsedDocument(document);
    return completionsAt(source, document.offsetAt(position), index).map((proposal) => {
      const item = new vscode.CompletionItem(proposal.label, itemKind(proposal));
      item.detail = proposal.detail;
      if (proposal.documentation) item.documentation = new vscode.MarkdownString(proposal.documentation);
      item.insertText = proposal.snippet ? new vscode.SnippetString(proposal.insertText) : proposal.insertText;
      item.sortText = proposal.sortText;
      item.range = offsetsToRange(document, proposal.start, proposal.end);
      return item;
    });
  }
}

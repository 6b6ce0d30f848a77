import * as vscode from 'vscode';
import { STATUS_TOKEN_TYPES, statusTokens } from '../core/roadmap/status-tokens';
import type { RoadmapSources } from './roadmapSources';

/** The token types of package.json `semanticTokenTypes`, in legend order. */
export const STATUS_LEGEND = new vscode.SemanticTokensLegend([...STATUS_TOKEN_TYPES], []);

/** Statuses and verdicts coloured by meaning: done, in progress, blocked, not started, set aside, good, bad. */
export class RoadmapSemanticTokensProvider implements vscode.DocumentSemanticTokensProvider {
  constructor(private readonly sources: RoadmapSources) {}

  provideDocumentSemanticTokens(document: vscode.TextDocument): vscode.SemanticTokens {
    const builder = new vscode.SemanticTokensBuilder(STATUS_LEGEND);
    for (const token of statusTokens(this.sources.parsedDocument(document).source)) {
      builder.push(token.line, token.character, token.length, STATUS_TOKEN_TYPES.indexOf(token.type), 0);
    }
    return builder.build();
  }
}

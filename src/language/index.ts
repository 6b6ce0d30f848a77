import * as vscode from 'vscode';
import type { Services } from '../services';
import { RoadmapCompletionProvider } from './completion';
import { RoadmapDocumentSymbolProvider } from './documentSymbols';
import { RoadmapHoverProvider } from './hover';
import { RoadmapDefinitionProvider, RoadmapReferenceProvider } from './references';
import { ROADMAP_DOCUMENTS } from './selector';
import { RoadmapSemanticTokensProvider, STATUS_LEGEND } from './semanticTokens';

/**
 * Language features on mlroadmap.yaml (the file stays YAML): completion, go to definition, find references,
 * hover, outline and semantic highlighting of statuses and verdicts. Quick fixes, CodeLens and the results
 * hover are registered by the features they belong to.
 */
export function activateLanguage(services: Services): vscode.Disposable[] {
  // Every provider reads the store's parse of the document's version: one parse per change of the text.
  const sources = services.store;
  return [
    vscode.languages.registerCompletionItemProvider(ROADMAP_DOCUMENTS, new RoadmapCompletionProvider(sources), ...RoadmapCompletionProvider.triggerCharacters),
    vscode.languages.registerDefinitionProvider(ROADMAP_DOCUMENTS, new RoadmapDefinitionProvider(sources)),
    vscode.languages.registerReferenceProvider(ROADMAP_DOCUMENTS, new RoadmapReferenceProvider(sources)),
    vscode.languages.registerHoverProvider(ROADMAP_DOCUMENTS, new RoadmapHoverProvider(sources)),
    vscode.languages.registerDocumentSymbolProvider(ROADMAP_DOCUMENTS, new RoadmapDocumentSymbolProvider(sources), { label: 'ML Roadmap' }),
    vscode.languages.registerDocumentSemanticTokensProvider(ROADMAP_DOCUMENTS, new RoadmapSemanticTokensProvider(sources), STATUS_LEGEND),
  ];
}

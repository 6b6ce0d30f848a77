import * as vscode from 'vscode';
import { hoverAt } from '../core/roadmap/hover-text';
import { offsetsToRange, type RoadmapSources } from './roadmapSources';

/** What a key means (from the format's descriptions) and what an id refers to. Results have their own hover. */
export class RoadmapHoverProvider implements vscode.HoverProvider {
  constructor(private readonly sources: RoadmapSources) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const { source, symbols: index } = this.sources.parsedDocument(document);
    const hover = hoverAt(source, document.offsetAt(position), index);
    if (!hover) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(hover.markdown), offsetsToRange(document, hover.start, hover.end));
  }
}

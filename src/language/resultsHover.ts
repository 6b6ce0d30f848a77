import * as vscode from 'vscode';
import type { RoadmapStore } from '../workspace/roadmapStore';
import type { EvaluationResultsIndex } from '../evaluation/resultsIndex';
import { resultTable } from '../evaluation/summary';

/** Hovering the first line of a candidate in mlroadmap.yaml shows its latest result as a full metric table. */
export class ResultsHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly store: RoadmapStore,
    private readonly index: EvaluationResultsIndex,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const entry = this.store.get(document.uri);
    const roadmap = entry?.roadmap;
    if (!entry || !roadmap) return undefined;
    const candidate = roadmap.candidates.find((c) => c.range.start.line === position.line);
    if (!candidate) return undefined;
    const markdown = new vscode.MarkdownString(resultTable(roadmap, candidate.id, (id) => this.index.latest(entry, id)), true);
    markdown.isTrusted = false;
    const line = document.lineAt(position.line).range;
    return new vscode.Hover(markdown, line);
  }
}

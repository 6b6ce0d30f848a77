import * as vscode from 'vscode';
import { readSource, type RoadmapSource } from '../core/roadmap/navigation';
import { indexSymbols, type SymbolIndex } from '../core/roadmap/symbols';

/** A roadmap document's syntax tree and id index, read once per document version. */
export interface ReadDocument {
  readonly source: RoadmapSource;
  readonly index: SymbolIndex;
}

/**
 * The syntax tree of each open roadmap document for the current version: completion, hover, definition and
 * highlighting asked about the same version share one parse.
 */
export class RoadmapSources implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; read: ReadDocument }>();
  private readonly closing = vscode.workspace.onDidCloseTextDocument((doc) => this.cache.delete(doc.uri.toString()));

  get(document: vscode.TextDocument): ReadDocument {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) return cached.read;
    const source = readSource(document.getText());
    const read = { source, index: indexSymbols(source) };
    this.cache.set(key, { version: document.version, read });
    return read;
  }

  dispose(): void {
    this.closing.dispose();
    this.cache.clear();
  }
}

/** A core range (0-based lines and characters) as a VS Code range. */
export function toRange(range: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** Two offsets of a document as a VS Code range. */
export function offsetsToRange(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

import * as vscode from 'vscode';
import type { ParsedRoadmap } from '../core/roadmap/parse';

/**
 * Where the language features take a roadmap document's parse from: the roadmap store, which parses each version of
 * the text once and hands its entry, completion, hover, definition, the outline and highlighting the same object.
 */
export interface RoadmapSources {
  parsedDocument(document: vscode.TextDocument): ParsedRoadmap;
}

/** A core range (0-based lines and characters) as a VS Code range. */
export function toRange(range: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** Two offsets of a document as a VS Code range. */
export function offsetsToRange(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

// Text edits on record files, in the roadmap model's TextEdit shape (0-based line/character and offsets).
import type { TextEdit } from '../roadmap/model';

export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

export function makeEdit(text: string, offset: number, length: number, newText: string): TextEdit {
  return { range: { start: positionAt(text, offset), end: positionAt(text, offset + length) }, offset, length, newText };
}

/** Applies non-overlapping edits (any order) to the text they were computed on. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset || b.length - a.length)) {
    out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  }
  return out;
}

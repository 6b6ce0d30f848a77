// Offsets <-> 0-based positions, with VS Code's line breaks (\r\n, \r and \n all end a line).
import type { Position, Range } from './model';

export interface PositionMap {
  /** Number of lines (an empty text has one empty line). */
  readonly lineCount: number;
  /** The 0-based position of an offset; offsets outside the text are clamped into it. */
  positionAt(offset: number): Position;
  /** The offset of a position; positions outside the text are clamped into it. */
  offsetAt(position: Position): number;
  /** Range of two offsets. */
  rangeOf(start: number, end: number): Range;
  /** Offset where a line's text ends (before its line break). */
  lineEnd(line: number): number;
}

export function createPositionMap(text: string): PositionMap {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  const lineEnd = (line: number): number => {
    if (line + 1 >= starts.length) return text.length;
    let end = starts[line + 1];
    if (end > 0 && text.charCodeAt(end - 1) === 10) end--;
    if (end > starts[line] && text.charCodeAt(end - 1) === 13) end--;
    return end;
  };
  const positionAt = (offset: number): Position => {
    const o = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    // An offset inside a line break (between \r and \n) belongs to the end of its line.
    return { line: lo, character: Math.min(o, lineEnd(lo)) - starts[lo] };
  };
  const offsetAt = (position: Position): number => {
    const line = Math.max(0, Math.min(position.line, starts.length - 1));
    return Math.min(starts[line] + Math.max(0, position.character), lineEnd(line));
  };
  return {
    lineCount: starts.length,
    positionAt,
    offsetAt,
    rangeOf: (start, end) => {
      const s = positionAt(start);
      const e = positionAt(Math.max(start, end));
      return { start: s, end: e };
    },
    lineEnd: (line) => lineEnd(Math.max(0, Math.min(line, starts.length - 1))),
  };
}

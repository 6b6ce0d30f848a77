// Where a finding points when the node it is about is a whole section or is absent.
import type { Range, Roadmap } from '../roadmap/model';
import type { PitfallContext } from './types';

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The first line of a node's range (a whole mapping would underline many lines). */
export function headline(range: Range): Range {
  if (range.end.line === range.start.line) return range;
  return { start: range.start, end: { line: range.start.line + 1, character: 0 } };
}

/** The range of a top-level key, else the first line of `project`, else the start of the file. */
export function sectionRange(roadmap: Roadmap, context: Pick<PitfallContext, 'keyRange'>, key: string): Range {
  const found = context.keyRange?.(key);
  if (found) return found;
  const project = roadmap.project.range;
  const isZero = project.start.line === 0 && project.start.character === 0 && project.end.line === 0 && project.end.character === 0;
  return isZero ? ZERO : headline(project);
}

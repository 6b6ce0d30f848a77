// Text edits on record files, in the roadmap model's TextEdit shape (0-based line/character and offsets),
// built and applied with the roadmap core's position map and applyEdits.
import { applyEdits } from '../roadmap/edits';
import type { TextEdit } from '../roadmap/model';
import { createPositionMap } from '../roadmap/positions';

export { applyEdits };

export function makeEdit(text: string, offset: number, length: number, newText: string): TextEdit {
  return { range: createPositionMap(text).rangeOf(offset, offset + length), offset, length, newText };
}

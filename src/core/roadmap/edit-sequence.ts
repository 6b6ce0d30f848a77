// Several roadmap changes as one edit: each change is computed on the text the previous ones produced,
// and the result is a single edit of the span they cover (one undo step, one WorkspaceEdit). Also the two text
// operations every edit builds on: applying edits to a text and the one edit between two texts.
import type { EditResult } from './edits';
import type { TextEdit } from './model';
import { createPositionMap } from './positions';

export type Change = (text: string) => EditResult;

/** Applies edits (non-overlapping, as returned here) to the text they were computed on. */
export function applyEdits(text: string, edits: readonly Pick<TextEdit, 'offset' | 'length' | 'newText'>[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}

/** One edit turning `before` into `after`: the span between their common prefix and suffix. */
export function diffEdit(before: string, after: string): TextEdit {
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const positions = createPositionMap(before);
  const length = before.length - prefix - suffix;
  return { offset: prefix, length, newText: after.slice(prefix, after.length - suffix), range: positions.rangeOf(prefix, prefix + length) };
}

export function editSequence(text: string, changes: readonly Change[]): EditResult {
  let current = text;
  for (const change of changes) {
    const result = change(current);
    if (!result.ok) return result;
    current = applyEdits(current, result.edits);
  }
  return current === text ? { ok: true, edits: [] } : { ok: true, edits: [diffEdit(text, current)] };
}

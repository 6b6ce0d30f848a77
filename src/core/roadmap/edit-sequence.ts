// Several roadmap changes as one edit: each change is computed on the text the previous ones produced,
// and the result is a single edit of the span they cover (one undo step, one WorkspaceEdit).
import { applyEdits, diffEdit, type EditResult } from './edits';

export type Change = (text: string) => EditResult;

export function editSequence(text: string, changes: readonly Change[]): EditResult {
  let current = text;
  for (const change of changes) {
    const result = change(current);
    if (!result.ok) return result;
    current = applyEdits(current, result.edits);
  }
  return current === text ? { ok: true, edits: [] } : { ok: true, edits: [diffEdit(text, current)] };
}

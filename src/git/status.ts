// The one reader of `git status --porcelain=v2 -z --branch` output (HEAD facts and the paths' states).

export interface StatusSummary {
  /** Full id of HEAD; undefined on a branch without commits. */
  oid?: string;
  /** Branch name; undefined when HEAD is detached. */
  branch?: string;
  detached: boolean;
  untracked: string[];
  staged: string[];
  changed: string[];
  unmerged: string[];
}

/** Parses `git status --porcelain=v2 -z --branch`. */
export function parseStatus(out: string): StatusSummary {
  const s: StatusSummary = { detached: false, untracked: [], staged: [], changed: [], unmerged: [] };
  const fields = out.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    if (f.startsWith('# branch.oid ')) {
      const oid = f.slice('# branch.oid '.length);
      if (oid !== '(initial)') s.oid = oid;
    } else if (f.startsWith('# branch.head ')) {
      const head = f.slice('# branch.head '.length);
      s.detached = head === '(detached)';
      if (!s.detached) s.branch = head;
    } else if (f.startsWith('? ')) s.untracked.push(f.slice(2));
    else if (f.startsWith('u ')) s.unmerged.push(f.split(' ').slice(10).join(' '));
    else if (f.startsWith('1 ') || f.startsWith('2 ')) {
      const parts = f.split(' ');
      const xy = parts[1];
      const path = parts.slice(f.startsWith('1 ') ? 8 : 9).join(' ');
      if (f.startsWith('2 ')) i++; // the original path follows in its own field
      if (xy[0] !== '.') s.staged.push(path);
      if (xy[1] !== '.') s.changed.push(path);
    }
  }
  return s;
}

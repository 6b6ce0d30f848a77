// The one reader of `git status --porcelain=v2 -z --branch` output (HEAD facts and the paths' states).

/** A path whose index entry differs from HEAD's, with both sides (a mode of `000000` means absent). */
export interface StagedEntry {
  readonly path: string;
  /** The path in HEAD when the entry is a staged rename or copy. */
  readonly origPath?: string;
  readonly headMode: string;
  readonly headOid: string;
  readonly indexMode: string;
  readonly indexOid: string;
}

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
  /** The staged paths with their HEAD and index sides, in the order of `staged`. */
  stagedEntries: StagedEntry[];
  /** Mode of each changed-but-not-staged path (its index and HEAD mode), by path. */
  modes: Map<string, string>;
}

/** Parses `git status --porcelain=v2 -z --branch`. */
export function parseStatus(out: string): StatusSummary {
  const s: StatusSummary = { detached: false, untracked: [], staged: [], changed: [], unmerged: [], stagedEntries: [], modes: new Map() };
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
      const ordinary = f.startsWith('1 ');
      const parts = f.split(' ');
      const [, xy, , mH, mI, , hH, hI] = parts;
      const path = parts.slice(ordinary ? 8 : 9).join(' ');
      const origPath = ordinary ? undefined : fields[++i]; // the original path follows in its own field
      if (xy[0] !== '.') {
        s.staged.push(path);
        s.stagedEntries.push({ path, ...(origPath !== undefined ? { origPath } : {}), headMode: mH, headOid: hH, indexMode: mI, indexOid: hI });
      }
      if (xy[1] !== '.') {
        s.changed.push(path);
        s.modes.set(path, mI);
      }
    }
  }
  return s;
}

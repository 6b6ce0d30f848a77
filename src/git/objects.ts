// Reads, without spawning git, what the commit needs to know about a few paths: whether each one is
// tracked, unmerged, or has staged changes (its index entry differs from HEAD). Spawning a process costs
// about as much as the commit itself, so this saves one git round trip per decision commit.
// Only the plain, common layouts are read (index v2–v4, loose objects, pack v2 with its deltas, SHA-1);
// anything else answers `undefined` and the caller asks `git status` instead.
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { RepoLocation } from './locate';

export type PathState = 'untracked' | 'unmerged' | 'staged' | 'clean';

interface IndexEntry {
  readonly oid: string;
  readonly stage: number;
  /** `git add --intent-to-add`: tracked, with nothing staged yet. */
  readonly intentToAdd: boolean;
}

/**
 * For each repository-relative path (with `/`), how it stands in the index against HEAD; `undefined` when
 * the repository uses a layout this reader does not follow.
 */
export function pathStates(loc: RepoLocation, paths: readonly string[]): Map<string, PathState> | undefined {
  try {
    if (usesUnsupportedFormat(loc.commonDir)) return undefined;
    const wanted = new Set(paths);
    const index = readIndex(join(loc.gitDir, 'index'), wanted);
    if (!index) return undefined;
    const objects = new ObjectStore(join(loc.commonDir, 'objects'));
    const headTree = headTreeOid(loc, objects);
    if (headTree === undefined) return undefined;
    const out = new Map<string, PathState>();
    for (const p of paths) {
      const entries = index.get(p) ?? [];
      if (entries.some((e) => e.stage !== 0)) {
        out.set(p, 'unmerged');
        continue;
      }
      const inHead = headTree === null ? null : blobAt(objects, headTree, p);
      if (inHead === undefined) return undefined;
      // A path in HEAD but not in the index is a staged deletion (`git rm --cached`).
      if (entries.length === 0) out.set(p, inHead === null ? 'untracked' : 'staged');
      else out.set(p, entries[0].intentToAdd || inHead === entries[0].oid ? 'clean' : 'staged');
    }
    return out;
  } catch {
    return undefined;
  }
}

function usesUnsupportedFormat(commonDir: string): boolean {
  // SHA-256 repositories, reftable refs and other extensions change the formats read here.
  const config = readFileSync(join(commonDir, 'config'), 'utf8');
  return /^\s*(objectformat|refstorage)\s*=/im.test(config) || existsSync(join(commonDir, 'objects', 'info', 'alternates'));
}

/** The entries of the wanted paths; undefined for a split or sparse index. */
function readIndex(file: string, wanted: ReadonlySet<string>): Map<string, IndexEntry[]> | undefined {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    // No index yet (a repository without any commit or add): nothing is tracked.
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? new Map() : undefined;
  }
  if (buf.toString('latin1', 0, 4) !== 'DIRC') return undefined;
  const version = buf.readUInt32BE(4);
  if (version < 2 || version > 4) return undefined;
  const count = buf.readUInt32BE(8);
  const out = new Map<string, IndexEntry[]>();
  let pos = 12;
  let previous: Buffer = Buffer.alloc(0);
  for (let i = 0; i < count; i++) {
    const start = pos;
    const mode = buf.readUInt32BE(start + 24);
    const oid = buf.toString('hex', start + 40, start + 60);
    const flags = buf.readUInt16BE(start + 60);
    pos = start + 62;
    let intentToAdd = false;
    if (flags & 0x4000) {
      if (version < 3) return undefined;
      intentToAdd = (buf.readUInt16BE(pos) & 0x2000) !== 0;
      pos += 2;
    }
    let path: Buffer;
    if (version === 4) {
      // Offset encoding of the number of bytes to drop from the previous path.
      let byte = buf[pos++];
      let strip = byte & 0x7f;
      while (byte & 0x80) {
        byte = buf[pos++];
        strip = ((strip + 1) << 7) | (byte & 0x7f);
      }
      const end = buf.indexOf(0, pos);
      path = Buffer.concat([previous.subarray(0, previous.length - strip), buf.subarray(pos, end)]);
      pos = end + 1;
    } else {
      const end = buf.indexOf(0, pos);
      path = buf.subarray(pos, end);
      // Entries are padded with 1–8 NUL bytes to a multiple of 8.
      pos = start + ((end - start + 8) & ~7);
    }
    previous = path;
    // A sparse-index directory entry hides the files under it.
    if ((mode & 0o170000) === 0o040000) return undefined;
    const name = path.toString('utf8');
    if (wanted.has(name)) {
      const list = out.get(name) ?? [];
      list.push({ oid, stage: (flags >> 12) & 3, intentToAdd });
      out.set(name, list);
    }
  }
  // Extensions: a split index ("link") keeps entries in another file.
  while (pos + 8 <= buf.length - 20) {
    const sig = buf.toString('latin1', pos, pos + 4);
    if (sig === 'link' || sig === 'sdir') return undefined;
    pos += 8 + buf.readUInt32BE(pos + 4);
  }
  return out;
}

/** The tree of HEAD's commit; null on a branch without commits; undefined when it cannot be read. */
function headTreeOid(loc: RepoLocation, objects: ObjectStore): string | null | undefined {
  const head = readFileSync(join(loc.gitDir, 'HEAD'), 'utf8').trim();
  let commit: string | undefined;
  if (/^[0-9a-f]{40}$/.test(head)) commit = head;
  else {
    const ref = /^ref: (.+)$/.exec(head)?.[1];
    if (!ref) return undefined;
    commit = readRef(loc, ref);
    if (commit === undefined) return null;
  }
  const obj = objects.read(commit);
  if (!obj || obj.type !== 'commit') return undefined;
  return /^tree ([0-9a-f]{40})$/m.exec(obj.body.toString('latin1'))?.[1];
}

function readRef(loc: RepoLocation, ref: string): string | undefined {
  for (const dir of [loc.gitDir, loc.commonDir]) {
    try {
      const text = readFileSync(join(dir, ref), 'utf8').trim();
      if (/^[0-9a-f]{40}$/.test(text)) return text;
      const symbolic = /^ref: (.+)$/.exec(text)?.[1];
      if (symbolic) return readRef(loc, symbolic);
    } catch {
      // Not a loose ref here.
    }
  }
  try {
    for (const line of readFileSync(join(loc.commonDir, 'packed-refs'), 'utf8').split('\n')) {
      if (line.endsWith(` ${ref}`) && /^[0-9a-f]{40} /.test(line)) return line.slice(0, 40);
    }
  } catch {
    // No packed refs.
  }
  return undefined;
}

/** The blob id at `path` in a tree; null when the path is not in it; undefined when unreadable. */
function blobAt(objects: ObjectStore, treeOid: string, path: string): string | null | undefined {
  let oid = treeOid;
  const parts = path.split('/');
  for (let i = 0; i < parts.length; i++) {
    const tree = objects.read(oid);
    if (!tree || tree.type !== 'tree') return undefined;
    const entry = findTreeEntry(tree.body, parts[i]);
    if (!entry) return null;
    const isTree = entry.mode === '40000';
    if (i < parts.length - 1 ? !isTree : isTree) return null;
    oid = entry.oid;
  }
  return oid;
}

function findTreeEntry(body: Buffer, name: string): { mode: string; oid: string } | undefined {
  let pos = 0;
  while (pos < body.length) {
    const space = body.indexOf(0x20, pos);
    const nul = body.indexOf(0, space);
    if (space < 0 || nul < 0) return undefined;
    if (body.toString('utf8', space + 1, nul) === name) {
      return { mode: body.toString('latin1', pos, space), oid: body.toString('hex', nul + 1, nul + 21) };
    }
    pos = nul + 21;
  }
  return undefined;
}

const TYPES = ['', 'commit', 'tree', 'blob', 'tag'] as const;

interface GitObject {
  readonly type: string;
  readonly body: Buffer;
}

/** Loose objects and pack v2 files (with their index v2), deltas resolved. */
export class ObjectStore {
  private packs: { idx: Buffer; pack: string }[] | undefined;

  constructor(private readonly dir: string) {}

  read(oid: string): GitObject | undefined {
    const loose = this.readLoose(oid);
    if (loose) return loose;
    for (const p of this.packList()) {
      const offset = findInIdx(p.idx, oid);
      if (offset !== undefined) return this.readPacked(p, offset, 0);
    }
    return undefined;
  }

  private readLoose(oid: string): GitObject | undefined {
    let raw: Buffer;
    try {
      raw = inflateSync(readFileSync(join(this.dir, oid.slice(0, 2), oid.slice(2))));
    } catch {
      return undefined;
    }
    const nul = raw.indexOf(0);
    const type = raw.toString('latin1', 0, raw.indexOf(0x20));
    return { type, body: raw.subarray(nul + 1) };
  }

  private packList(): { idx: Buffer; pack: string }[] {
    if (!this.packs) {
      const packDir = join(this.dir, 'pack');
      let names: string[] = [];
      try {
        names = readdirSync(packDir).filter((n) => n.endsWith('.idx'));
      } catch {
        // No packs.
      }
      this.packs = names.map((n) => ({ idx: readFileSync(join(packDir, n)), pack: join(packDir, n.slice(0, -4) + '.pack') }));
    }
    return this.packs;
  }

  private readPacked(p: { idx: Buffer; pack: string }, offset: number, depth: number): GitObject | undefined {
    if (depth > 64) return undefined;
    const fd = openSync(p.pack, 'r');
    try {
      const head = Buffer.alloc(32);
      const n = readSync(fd, head, 0, head.length, offset);
      let pos = 0;
      let byte = head[pos++];
      const typeId = (byte >> 4) & 7;
      let size = byte & 0x0f;
      let shift = 4;
      while (byte & 0x80) {
        byte = head[pos++];
        size += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      }
      let base: GitObject | undefined;
      if (typeId === 6) {
        // OFS_DELTA: the base is at a negative offset in the same pack.
        byte = head[pos++];
        let rel = byte & 0x7f;
        while (byte & 0x80) {
          byte = head[pos++];
          rel = (rel + 1) * 128 + (byte & 0x7f);
        }
        base = this.readPacked(p, offset - rel, depth + 1);
      } else if (typeId === 7) {
        base = this.read(head.toString('hex', pos, pos + 20));
        pos += 20;
      } else if (!TYPES[typeId]) return undefined;
      if (pos > n) return undefined;
      const data = inflateAt(fd, offset + pos, size);
      if (typeId === 6 || typeId === 7) return base ? { type: base.type, body: applyDelta(base.body, data) } : undefined;
      return { type: TYPES[typeId], body: data };
    } finally {
      closeSync(fd);
    }
  }
}

/** Inflates the zlib stream starting at `position`, reading more of the file until the stream ends. */
function inflateAt(fd: number, position: number, size: number): Buffer {
  for (let want = Math.max(256, size + 64); ; want *= 2) {
    const chunk = Buffer.alloc(want);
    const n = readSync(fd, chunk, 0, want, position);
    try {
      return inflateSync(chunk.subarray(0, n));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'Z_BUF_ERROR' || n < want) throw e;
    }
  }
}

function findInIdx(idx: Buffer, oid: string): number | undefined {
  if (idx.readUInt32BE(0) !== 0xff744f63 || idx.readUInt32BE(4) !== 2) return undefined;
  const target = Buffer.from(oid, 'hex');
  const first = target[0];
  let lo = first === 0 ? 0 : idx.readUInt32BE(8 + (first - 1) * 4);
  let hi = idx.readUInt32BE(8 + first * 4);
  const total = idx.readUInt32BE(8 + 255 * 4);
  const shas = 8 + 256 * 4;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const cmp = idx.compare(target, 0, 20, shas + mid * 20, shas + mid * 20 + 20) * -1;
    if (cmp === 0) {
      const offsets = shas + total * 20 + total * 4;
      const off = idx.readUInt32BE(offsets + mid * 4);
      if (!(off & 0x80000000)) return off;
      const large = offsets + total * 4 + (off & 0x7fffffff) * 8;
      return Number(idx.readBigUInt64BE(large));
    }
    if (cmp < 0) hi = mid;
    else lo = mid + 1;
  }
  return undefined;
}

function applyDelta(base: Buffer, delta: Buffer): Buffer {
  let pos = 0;
  const varint = () => {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = delta[pos++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  if (varint() !== base.length) throw new Error('delta base size mismatch');
  const out = Buffer.alloc(varint());
  let at = 0;
  while (pos < delta.length) {
    const op = delta[pos++];
    if (op & 0x80) {
      let offset = 0;
      let size = 0;
      for (let b = 0; b < 4; b++) if (op & (1 << b)) offset += delta[pos++] * 2 ** (8 * b);
      for (let b = 0; b < 3; b++) if (op & (0x10 << b)) size += delta[pos++] * 2 ** (8 * b);
      if (size === 0) size = 0x10000;
      base.copy(out, at, offset, offset + size);
      at += size;
    } else if (op > 0) {
      delta.copy(out, at, pos, pos + op);
      at += op;
      pos += op;
    } else throw new Error('invalid delta opcode');
  }
  if (at !== out.length) throw new Error('delta result size mismatch');
  return out;
}

// Proof that nothing was written: every file under the workspace folder (git's own folder left out) with its
// bytes, compared before and after a command; and the state of the folder's git repository.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { git } from '../../integration/support/git';

export { commitAll, git } from '../../integration/support/git';

/** Relative path -> file contents, for every file under `root` except inside `.git`. */
export type FileSnapshot = ReadonlyMap<string, Buffer>;

export function snapshotFiles(root: string): FileSnapshot {
  const files = new Map<string, Buffer>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const rel = path.relative(root, full);
      if (entry.isDirectory()) {
        if (rel !== '.git') walk(full);
      } else {
        files.set(rel, fs.readFileSync(full));
      }
    }
  };
  walk(root);
  return files;
}

/** Fails, naming them, when files were added, removed or changed since `before`. */
export function assertSameFiles(before: FileSnapshot, after: FileSnapshot, what: string): void {
  const added = [...after.keys()].filter((f) => !before.has(f));
  const removed = [...before.keys()].filter((f) => !after.has(f));
  const changed = [...before.keys()].filter((f) => after.has(f) && !before.get(f)!.equals(after.get(f)!));
  assert.deepEqual({ added, removed, changed }, { added: [], removed: [], changed: [] }, `${what} left the workspace files as they were`);
}

/** HEAD, the commit count and `git status`: what a commit or a staged change would move. */
export function gitState(root: string): { head: string; commits: string; status: string } {
  return { head: git(root, 'rev-parse', 'HEAD'), commits: git(root, 'rev-list', '--count', 'HEAD'), status: git(root, 'status', '--porcelain') };
}

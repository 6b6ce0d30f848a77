// git in the test workspace: a real repository for the suites that stamp results or commit decisions.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
}

/** Makes `root` a git repository (on `main`, with a local identity) with one commit of everything in it. */
export function commitAll(root: string): void {
  fs.rmSync(path.join(root, '.git'), { recursive: true, force: true });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.name', 'Test');
  git(root, 'config', 'user.email', 'test@example.com');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'demo');
}

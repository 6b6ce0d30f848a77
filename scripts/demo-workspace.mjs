// The folder `npm start` serves: a copy of examples/digits in .vscode-test/demo/digits with a git repository of
// its own (one first commit), so that Record Architecture Decision and the other committing commands commit there,
// never into this repository. Kept between runs (the demo remembers what was done in it); `npm start -- --reset`
// (or MLROADMAP_DEMO_RESET=1) makes it anew from examples/digits.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Files of the demo that are made by running it, not part of it. */
const GENERATED = /(^|\/)(__pycache__|\.venv|node_modules)(\/|$)|(^|\/)\.mlroadmap\/history\.jsonl$/;

function git(dir, ...args) {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/**
 * Makes `target` a copy of `source` with its own repository, unless it is one already (and `reset` is not set).
 * Returns what was done: 'kept' or 'created'.
 */
export function prepareDemoWorkspace(source, target, { reset = false } = {}) {
  if (!existsSync(join(source, 'mlroadmap.yaml'))) throw new Error(`${source} has no mlroadmap.yaml`);
  if (!reset && existsSync(join(target, '.git')) && existsSync(join(target, 'mlroadmap.yaml'))) return 'kept';
  rmSync(target, { recursive: true, force: true });
  cpSync(source, target, { recursive: true, filter: (p) => !GENERATED.test(p.slice(source.length)) });
  git(target, 'init', '-q', '-b', 'main');
  // A newcomer without a git identity can still record decisions in the demo; a configured identity is used as is.
  const hasIdentity = (() => {
    try {
      return git(target, 'config', 'user.email') !== '';
    } catch {
      return false;
    }
  })();
  if (!hasIdentity) {
    git(target, 'config', 'user.name', 'ML Roadmap demo');
    git(target, 'config', 'user.email', 'demo@mlroadmap.invalid');
  }
  git(target, 'add', '-A');
  git(target, 'commit', '-q', '--no-verify', '-m', 'The digits demo, as examples/digits has it');
  return 'created';
}

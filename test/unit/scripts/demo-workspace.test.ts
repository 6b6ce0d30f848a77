import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error: a plain ES module of the scripts, without types
import { prepareDemoWorkspace } from '../../../scripts/demo-workspace.mjs';

const DEMO = resolve(__dirname, '../../../examples/digits');
const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

describe('npm start: the scratch demo workspace', function () {
  this.timeout(30_000);
  let root = '';
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'mlroadmap-demo-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is a copy of examples/digits in a repository of its own, with one first commit and a clean tree', () => {
    const target = join(root, 'digits');
    assert.equal(prepareDemoWorkspace(DEMO, target), 'created');
    assert.equal(readFileSync(join(target, 'mlroadmap.yaml'), 'utf8'), readFileSync(join(DEMO, 'mlroadmap.yaml'), 'utf8'));
    assert.equal(realpathSync(git(target, 'rev-parse', '--show-toplevel')), realpathSync(target), 'its own repository, not the product');
    assert.equal(git(target, 'rev-list', '--count', 'HEAD'), '1');
    assert.equal(git(target, 'status', '--porcelain'), '');
    assert.ok(git(target, 'config', 'user.email') !== '', 'a commit can be made in it');
  });

  it('is kept between runs, and made anew on reset', () => {
    const target = join(root, 'digits');
    prepareDemoWorkspace(DEMO, target);
    writeFileSync(join(target, 'notes.md'), 'what I tried\n');
    assert.equal(prepareDemoWorkspace(DEMO, target), 'kept');
    assert.ok(existsSync(join(target, 'notes.md')));
    assert.equal(prepareDemoWorkspace(DEMO, target, { reset: true }), 'created');
    assert.ok(!existsSync(join(target, 'notes.md')));
    assert.equal(git(target, 'rev-list', '--count', 'HEAD'), '1');
  });
});

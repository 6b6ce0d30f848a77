// The in-process reader of the index and the object store, checked against git itself on real repositories:
// loose and packed objects (with deltas), index versions 2–4, linked worktrees, and the layouts it hands back
// to `git status` (split index).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { commitPaths } from '../../../src/git/commit';
import { findRepo } from '../../../src/git/locate';
import { ObjectStore, pathStates } from '../../../src/git/objects';
import { makeTempRepo, type TempRepo } from './tempRepo';

const ROADMAP = 'version: 1\nproject:\n  name: Digits\n  phase: discovery\n';

function states(repo: TempRepo, paths: string[], dir = repo.dir) {
  const loc = findRepo(dir);
  assert.ok(loc, 'the repository is found');
  const s = pathStates(loc, paths);
  return s && Object.fromEntries(s);
}

describe('git adapter: in-process index and object reader', function () {
  this.timeout(30_000);
  let repo: TempRepo;
  afterEach(() => repo?.cleanup());

  it('tells clean, staged, untracked and staged-deletion paths as git status does', () => {
    repo = makeTempRepo({ 'mlroadmap.yaml': ROADMAP, 'docs/decisions/0001-a.md': '# A\n', 'gone.txt': 'x\n' });
    repo.write('mlroadmap.yaml', ROADMAP + '# staged\n');
    repo.git('add', 'mlroadmap.yaml');
    repo.write('mlroadmap.yaml', ROADMAP + '# staged\n# and unstaged\n');
    repo.write('docs/decisions/0001-a.md', '# A, unstaged edit\n');
    repo.write('docs/decisions/0002-b.md', '# B\n');
    repo.git('rm', '--cached', '-q', 'gone.txt');
    assert.deepEqual(states(repo, ['mlroadmap.yaml', 'docs/decisions/0001-a.md', 'docs/decisions/0002-b.md', 'gone.txt']), {
      'mlroadmap.yaml': 'staged',
      'docs/decisions/0001-a.md': 'clean',
      'docs/decisions/0002-b.md': 'untracked',
      'gone.txt': 'staged',
    });
  });

  it('reads a branch without commits: every indexed path is staged', () => {
    repo = makeTempRepo();
    repo.write('mlroadmap.yaml', ROADMAP);
    repo.write('other.txt', 'o\n');
    repo.git('add', 'mlroadmap.yaml');
    assert.deepEqual(states(repo, ['mlroadmap.yaml', 'other.txt']), { 'mlroadmap.yaml': 'staged', 'other.txt': 'untracked' });
  });

  it('reads every object of a packed repository, deltas included, as git cat-file does', () => {
    repo = makeTempRepo({ 'mlroadmap.yaml': ROADMAP, 'src/a/b/model.py': 'a = 0\n' });
    let text = ROADMAP;
    for (let i = 1; i <= 30; i++) {
      text += `# note ${i}: ${'x'.repeat(i * 7)}\n`;
      repo.write('mlroadmap.yaml', text);
      repo.write('src/a/b/model.py', `a = ${i}\n`.repeat(i));
      repo.git('commit', '-qam', `edit ${i}`);
    }
    repo.git('gc', '-q', '--aggressive');
    const packs = execFileSync('sh', ['-c', 'ls .git/objects/pack/*.idx'], { cwd: repo.dir, encoding: 'utf8' }).trim().split('\n');
    const listing = repo.git('verify-pack', '-v', ...packs);
    assert.match(listing, /chain length = [1-9]/, 'the pack holds deltas');
    const store = new ObjectStore(join(repo.dir, '.git', 'objects'));
    const oids = repo.git('rev-list', '--objects', '--all').split('\n').filter(Boolean).map((l) => l.slice(0, 40));
    assert.ok(oids.length > 90);
    // `git cat-file --batch`: "<oid> <type> <size>\n<content>\n" per object.
    const batch = execFileSync('git', ['cat-file', '--batch'], { cwd: repo.dir, input: oids.join('\n') + '\n' });
    let pos = 0;
    for (const oid of oids) {
      const nl = batch.indexOf(0x0a, pos);
      const [gotOid, type, size] = batch.toString('latin1', pos, nl).split(' ');
      assert.equal(gotOid, oid);
      const expected = batch.subarray(nl + 1, nl + 1 + Number(size));
      pos = nl + 1 + Number(size) + 1;
      const obj = store.read(oid);
      assert.ok(obj, `${oid} is read`);
      assert.equal(obj.type, type);
      assert.ok(obj.body.equals(expected), `${oid} (${type}) has git's content`);
    }
    repo.write('mlroadmap.yaml', text + '# staged\n');
    repo.git('add', 'mlroadmap.yaml');
    assert.deepEqual(states(repo, ['mlroadmap.yaml', 'src/a/b/model.py']), { 'mlroadmap.yaml': 'staged', 'src/a/b/model.py': 'clean' });
  });

  it('reads index version 4 (prefix-compressed paths) and version 3 (extended flags: intent-to-add)', () => {
    repo = makeTempRepo({ 'docs/decisions/0001-a.md': '# A\n', 'docs/decisions/0002-b.md': '# B\n', 'mlroadmap.yaml': ROADMAP });
    repo.git('update-index', '--index-version', '4');
    repo.write('docs/decisions/0002-b.md', '# B staged\n');
    repo.git('add', 'docs/decisions/0002-b.md');
    assert.deepEqual(states(repo, ['docs/decisions/0001-a.md', 'docs/decisions/0002-b.md', 'mlroadmap.yaml']), {
      'docs/decisions/0001-a.md': 'clean',
      'docs/decisions/0002-b.md': 'staged',
      'mlroadmap.yaml': 'clean',
    });
    repo.git('update-index', '--index-version', '3');
    repo.write('new.md', 'n\n');
    repo.git('add', '--intent-to-add', 'new.md');
    assert.deepEqual(states(repo, ['docs/decisions/0002-b.md', 'mlroadmap.yaml', 'new.md']), {
      'docs/decisions/0002-b.md': 'staged',
      'mlroadmap.yaml': 'clean',
      'new.md': 'clean',
    });
    assert.match(repo.git('status', '--porcelain=v2', '--', 'new.md'), /^1 \.A /, 'git status: added with intent, nothing staged');
  });

  it('reads a linked worktree (its own index and HEAD, the shared objects and refs)', () => {
    repo = makeTempRepo({ 'mlroadmap.yaml': ROADMAP });
    repo.git('gc', '-q');
    const wt = join(repo.dir, '..', 'wt');
    repo.git('worktree', 'add', '-q', '-b', 'side', wt);
    execFileSync('sh', ['-c', `printf '# staged in the worktree\\n' >> mlroadmap.yaml && git add mlroadmap.yaml`], { cwd: wt });
    assert.deepEqual(states(repo, ['mlroadmap.yaml'], wt), { 'mlroadmap.yaml': 'staged' });
    assert.deepEqual(states(repo, ['mlroadmap.yaml']), { 'mlroadmap.yaml': 'clean' });
  });

  it('reports an unmerged path', () => {
    repo = makeTempRepo({ 'mlroadmap.yaml': ROADMAP });
    repo.git('checkout', '-q', '-b', 'other');
    repo.write('mlroadmap.yaml', ROADMAP + '# other\n');
    repo.git('commit', '-qam', 'other');
    repo.git('checkout', '-q', 'main');
    repo.write('mlroadmap.yaml', ROADMAP + '# main\n');
    repo.git('commit', '-qam', 'main');
    assert.notEqual(repo.tryGit('merge', '-q', 'other').status, 0);
    assert.deepEqual(states(repo, ['mlroadmap.yaml']), { 'mlroadmap.yaml': 'unmerged' });
  });

  it('hands a split index back to git status, which still sees the staged hunk', async () => {
    repo = makeTempRepo({ 'mlroadmap.yaml': ROADMAP });
    repo.git('update-index', '--split-index');
    repo.write('mlroadmap.yaml', ROADMAP + '# staged\n');
    repo.git('add', 'mlroadmap.yaml');
    assert.equal(states(repo, ['mlroadmap.yaml']), undefined, 'the reader declines');
    const r = await commitPaths(repo.dir, ['mlroadmap.yaml'], 'docs(decision): 0001 x', { env: repo.env });
    assert.equal(r.ok === false && r.kind, 'needs-confirmation');
    assert.equal(repo.git('log', '--oneline').split('\n').filter(Boolean).length, 1, 'nothing was committed');
  });
});

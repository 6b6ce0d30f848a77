import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { commitChanges, headInfo, initRepo, onDisk, type FileChange } from '../../../src/git';
import { conflictingBranches, makeTempRepo, workState, type TempRepo } from './tempRepo';

const ROADMAP = 'version: 1\nproject:\n  name: demo\n  phase: discovery\ncandidates:\n  - id: cnn\n    status: evaluated\n';
const RECORD = 'docs/decisions/0001-use-cnn.md';

/** The decision's edit of the roadmap: the first evaluated candidate becomes chosen (undefined when there is none). */
const choose = (text: string | undefined) => (text?.includes('status: evaluated') ? text.replace('status: evaluated', 'status: chosen\n    decision: "0001"') : undefined);
const decision = (dir = ''): FileChange[] => [
  { path: join(dir, RECORD), content: '# Use CNN\n' },
  { path: join(dir, 'mlroadmap.yaml'), content: choose },
];

/** Old code: `commitPaths(dir, paths)` committed the files as on disk. */
const commitPaths = (dir: string, paths: string[], message: string, options: { env: Record<string, string> }) => commitChanges(dir, onDisk(paths, dir), message, options);

describe('git adapter: commitChanges', function () {
  this.timeout(20000);
  let repo: TempRepo;
  afterEach(() => repo?.cleanup());

  /** A repository with the user's own work in progress: a staged file, an unstaged change, an untracked file. */
  function repoWithUserWork(): TempRepo {
    const r = makeTempRepo({ 'mlroadmap.yaml': ROADMAP, 'src/model.py': 'a = 1\n', 'src/data.py': 'b = 1\n' });
    r.write('src/model.py', 'a = 2\n');
    r.git('add', 'src/model.py');
    r.write('src/model.py', 'a = 3\n'); // staged a = 2, unstaged a = 3
    r.write('src/data.py', 'b = 2\n'); // unstaged only
    r.write('notes.txt', 'scratch\n'); // untracked
    return r;
  }

  it('commits exactly the record and the roadmap and leaves the other staged, unstaged and untracked work as it was', async () => {
    repo = repoWithUserWork();
    const before = workState(repo, ['mlroadmap.yaml', 'docs']);
    repo.write(RECORD, '# Use CNN\n');
    repo.write('mlroadmap.yaml', ROADMAP.replace('status: evaluated', 'status: chosen\n    decision: "0001"'));
    const r = await commitChanges(repo.dir, decision(), 'docs(decision): 0001 Use CNN', { env: repo.env });
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.deepEqual(repo.git('show', '--name-only', '--format=%s', 'HEAD').trim().split('\n'), [
      'docs(decision): 0001 Use CNN',
      '',
      'docs/decisions/0001-use-cnn.md',
      'mlroadmap.yaml',
    ]);
    assert.deepEqual(workState(repo, ['mlroadmap.yaml', 'docs']), before);
    assert.equal(repo.git('show', 'HEAD:src/model.py'), 'a = 1\n');
    assert.equal(repo.git('show', ':src/model.py'), 'a = 2\n', 'the staged version is still staged');
    assert.equal(repo.git('status', '--porcelain', '--', 'mlroadmap.yaml', 'docs'), '');
    assert.equal(repo.git('rev-parse', '--short', 'HEAD').trim().startsWith(r.ok ? r.commit : '-'), true);
  });

  it('commits the decision alone when the roadmap has saved but uncommitted edits: they stay in the work tree, uncommitted, byte for byte', async () => {
    repo = repoWithUserWork();
    // The user's own uncommitted work on the roadmap: a new target and a new candidate.
    const userEdit = ROADMAP.replace('  phase: discovery\n', '  phase: discovery\n  target: 0.9 # agreed with sales\n') + '  - id: vit\n    status: idea\n';
    repo.write('mlroadmap.yaml', userEdit);
    const otherState = workState(repo, ['mlroadmap.yaml', 'docs']);
    // The decision's edit reaches the work tree as well (the extension applies it in the editor).
    const onDiskAfter = choose(userEdit) as string;
    repo.write('mlroadmap.yaml', onDiskAfter);
    repo.write(RECORD, '# Use CNN\n');

    const r = await commitChanges(repo.dir, decision(), 'docs(decision): 0001 Use CNN', { env: repo.env });
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(repo.git('show', 'HEAD:mlroadmap.yaml'), choose(ROADMAP), 'the commit holds the committed roadmap plus the decision only');
    assert.equal(
      repo.git('diff', 'HEAD~1', 'HEAD', '--', 'mlroadmap.yaml').split('\n').filter((l) => /^[+-][^+-]/.test(l)).join('\n'),
      '-    status: evaluated\n+    status: chosen\n+    decision: "0001"',
    );
    assert.deepEqual(repo.git('show', '--name-only', '--format=', 'HEAD').trim().split('\n'), [RECORD, 'mlroadmap.yaml']);
    assert.equal(readFileSync(join(repo.dir, 'mlroadmap.yaml'), 'utf8'), onDiskAfter, 'the work tree keeps the user edit and the decision');
    // What stays uncommitted is exactly the user's edit.
    const uncommitted = repo.git('diff', 'HEAD', '--', 'mlroadmap.yaml').split('\n').filter((l) => /^[+-][^+-]/.test(l));
    assert.deepEqual(uncommitted, ['+  target: 0.9 # agreed with sales', '+  - id: vit', '+    status: idea']);
    assert.equal(repo.git('diff', '--cached', '--name-only', '--', 'mlroadmap.yaml', 'docs'), '', 'nothing of the decision is left staged');
    assert.equal(repo.git('status', '--porcelain', '--', RECORD), '');
    assert.deepEqual(workState(repo, ['mlroadmap.yaml', 'docs']), otherState, 'the other staged, unstaged and untracked work is as it was');
    assert.equal(repo.git('show', 'HEAD:src/model.py'), 'a = 1\n', 'the staged model.py is not committed');
  });

  it('keeps a staged hunk of the roadmap staged (with the decision made on it) and out of the commit', async () => {
    repo = repoWithUserWork();
    repo.write('mlroadmap.yaml', ROADMAP + '# staged note\n');
    repo.git('add', 'mlroadmap.yaml');
    repo.write('mlroadmap.yaml', choose(ROADMAP + '# staged note\n') + '# unstaged note\n');
    repo.write(RECORD, '# Use CNN\n');
    const r = await commitChanges(repo.dir, decision(), 'docs(decision): 0001 Use CNN', { env: repo.env });
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(repo.git('show', 'HEAD:mlroadmap.yaml'), choose(ROADMAP));
    assert.deepEqual(repo.git('diff', '--cached', '--', 'mlroadmap.yaml').split('\n').filter((l) => /^[+-][^+-]/.test(l)), ['+# staged note'], 'still staged: the user hunk only');
    assert.deepEqual(repo.git('diff', '--', 'mlroadmap.yaml').split('\n').filter((l) => /^[+-][^+-]/.test(l)), ['+# unstaged note']);
    assert.equal(repo.git('show', ':src/model.py'), 'a = 2\n');
    assert.equal(repo.git('diff', '--cached', '--name-only').trim(), 'mlroadmap.yaml\nsrc/model.py');
  });

  it('asks before committing a file whose change builds on uncommitted work, and with includeUserChanges commits it as on disk', async () => {
    repo = makeTempRepo({ 'mlroadmap.yaml': ROADMAP.replace('evaluated', 'idea') });
    const onDiskText = ROADMAP.replace('status: evaluated', 'status: chosen\n    decision: "0001"');
    repo.write('mlroadmap.yaml', onDiskText); // the user made the candidate evaluated, uncommitted; the decision chose it
    repo.write(RECORD, '# Use CNN\n');
    const head = repo.git('rev-parse', 'HEAD');
    const index = repo.git('ls-files', '--stage');
    const before = workState(repo);
    const r = await commitChanges(repo.dir, decision(), 'docs(decision): 0001 Use CNN', { env: repo.env });
    assert.equal(r.ok === false && r.kind, 'needs-confirmation', JSON.stringify(r));
    assert.deepEqual(r.ok === false && r.kind === 'needs-confirmation' ? r.paths : [], ['mlroadmap.yaml']);
    assert.equal(repo.git('rev-parse', 'HEAD'), head, 'nothing committed');
    assert.equal(repo.git('ls-files', '--stage'), index, 'index untouched');
    assert.deepEqual(workState(repo), before);

    const again = await commitChanges(repo.dir, decision(), 'docs(decision): 0001 Use CNN', { env: repo.env, includeUserChanges: true });
    assert.equal(again.ok, true, JSON.stringify(again));
    assert.equal(repo.git('show', 'HEAD:mlroadmap.yaml'), onDiskText);
    assert.equal(repo.git('status', '--porcelain'), '');
  });

  it('makes the first commit of a repository without commits, leaving the staged files of the user out', async () => {
    repo = makeTempRepo({}, true);
    repo.write('train.py', 'x\n');
    repo.git('add', 'train.py');
    repo.write(RECORD, '# Use CNN\n');
    const r = await commitChanges(repo.dir, [{ path: RECORD, content: '# Use CNN\n' }], 'docs(decision): 0001 Use CNN', { env: repo.env });
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(repo.git('show', '--name-only', '--format=', 'HEAD').trim(), RECORD);
    assert.equal(repo.git('status', '--porcelain'), 'A  train.py\n');
  });

  it('on a failed commit leaves the index as it was, an entry the user had staged for the same path included', async () => {
    repo = repoWithUserWork();
    const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
    mkdirSync(join(repo.dir, '.git', 'hooks'), { recursive: true });
    writeFileSync(hook, '#!/bin/sh\nexit 1\n');
    chmodSync(hook, 0o755);
    repo.write(RECORD, '# Use CNN (draft)\n');
    repo.git('add', RECORD); // the user staged their own draft of the file
    repo.write(RECORD, '# Use CNN\n');
    const index = repo.git('ls-files', '--stage');
    const r = await commitChanges(repo.dir, [{ path: RECORD, content: '# Use CNN\n' }], 'docs(decision): 0001 Use CNN', { env: repo.env });
    assert.equal(r.ok === false && r.kind, 'hook-failed', JSON.stringify(r));
    assert.equal(repo.git('ls-files', '--stage'), index);
    assert.equal(repo.git('show', ':' + RECORD), '# Use CNN (draft)\n');
    assert.deepEqual(readdirSync(join(repo.dir, '.git')).filter((f) => f.startsWith('mlroadmap-')), [], 'no temporary index left behind');
  });

  it('runs with the process environment when none is given (as the extension calls it), EDITOR and PAGER set', async () => {
    repo = makeTempRepo({ 'mlroadmap.yaml': ROADMAP });
    repo.write(RECORD, '# Use CNN\n');
    const saved = { EDITOR: process.env.EDITOR, PAGER: process.env.PAGER };
    process.env.EDITOR = 'vim';
    process.env.PAGER = 'less';
    try {
      const r = await commitChanges(repo.dir, decision(), 'docs(decision): 0001 Use CNN');
      assert.equal(r.ok, true, JSON.stringify(r));
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    assert.equal(repo.git('show', 'HEAD:mlroadmap.yaml'), choose(ROADMAP));
  });

  it('works when the workspace is a subfolder of the repository', async () => {
    repo = makeTempRepo({ 'README.md': 'root\n', 'ml/mlroadmap.yaml': ROADMAP, 'ml/train.py': 'x\n' });
    repo.write('ml/train.py', 'y\n');
    repo.write('ml/' + RECORD, '# Use CNN\n');
    repo.write('ml/mlroadmap.yaml', ROADMAP + '# edited\n');
    const r = await commitPaths(join(repo.dir, 'ml'), [RECORD, 'mlroadmap.yaml'], 'docs(decision): 0001 Use CNN', { env: repo.env });
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.deepEqual(r.ok && r.paths, ['ml/docs/decisions/0001-use-cnn.md', 'ml/mlroadmap.yaml']);
    assert.deepEqual(repo.git('show', '--name-only', '--format=', 'HEAD').trim().split('\n'), [
      'ml/docs/decisions/0001-use-cnn.md',
      'ml/mlroadmap.yaml',
    ]);
    assert.equal(repo.git('status', '--porcelain').trim(), 'M ml/train.py');
  });

  it('reports a folder that is not a repository, and commits after initRepo', async () => {
    repo = makeTempRepo({ 'mlroadmap.yaml': ROADMAP, [RECORD]: '# Use CNN\n' }, false);
    const r = await commitPaths(repo.dir, [RECORD, 'mlroadmap.yaml'], 'docs(decision): 0001 Use CNN', { env: repo.env });
    assert.equal(r.ok === false && r.kind, 'not-a-repo');
    assert.ok(existsSync(join(repo.dir, RECORD)));

    assert.deepEqual(await initRepo(repo.dir, { env: repo.env }), { ok: true });
    repo.git('config', 'user.name', 'Test Person');
    repo.git('config', 'user.email', 'test@example.com');
    const again = await commitPaths(repo.dir, [RECORD, 'mlroadmap.yaml'], 'docs(decision): 0001 Use CNN', { env: repo.env });
    assert.equal(again.ok, true, JSON.stringify(again));
    assert.equal(repo.git('rev-list', '--count', 'HEAD').trim(), '1');
  });

  it('reports a missing user.name / user.email and leaves the files on disk and the index as it was', async () => {
    repo = repoWithUserWork();
    repo.git('config', '--unset', 'user.name');
    repo.git('config', '--unset', 'user.email');
    repo.write(RECORD, '# Use CNN\n');
    const index = repo.git('ls-files', '--stage');
    const r = await commitPaths(repo.dir, [RECORD], 'docs(decision): 0001 Use CNN', { env: repo.env });
    assert.equal(r.ok === false && r.kind, 'no-identity', JSON.stringify(r));
    assert.match(r.ok === false ? r.message : '', /user\.name/);
    assert.ok(existsSync(join(repo.dir, RECORD)));
    assert.equal(repo.git('ls-files', '--stage'), index);
    assert.match(repo.git('status', '--porcelain', '--', RECORD), /^\?\? /);
  });

  it('reports a failing pre-commit hook with its output; the record stays on disk, uncommitted', async () => {
    repo = repoWithUserWork();
    const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
    mkdirSync(join(repo.dir, '.git', 'hooks'), { recursive: true });
    writeFileSync(hook, '#!/bin/sh\necho "markdownlint: MD041 first line should be a heading" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    repo.write(RECORD, '# Use CNN\n');
    const head = repo.git('rev-parse', 'HEAD');
    const before = workState(repo, ['docs']);
    const r = await commitPaths(repo.dir, [RECORD, 'mlroadmap.yaml'], 'docs(decision): 0001 Use CNN', { env: repo.env });
    assert.equal(r.ok === false && r.kind, 'hook-failed', JSON.stringify(r));
    assert.match(r.ok === false && r.kind !== 'needs-confirmation' ? (r.output ?? '') : '', /MD041 first line should be a heading/);
    assert.equal(repo.git('rev-parse', 'HEAD'), head);
    assert.ok(existsSync(join(repo.dir, RECORD)));
    assert.deepEqual(workState(repo, ['docs']), before);
    assert.match(repo.git('status', '--porcelain', '--', RECORD), /^\?\? /);
  });

  it('refuses on a detached HEAD', async () => {
    repo = makeTempRepo({ 'mlroadmap.yaml': ROADMAP });
    repo.git('checkout', '-q', '--detach');
    repo.write(RECORD, '# Use CNN\n');
    const r = await commitPaths(repo.dir, [RECORD], 'm', { env: repo.env });
    assert.equal(r.ok === false && r.kind, 'detached-head');
    assert.ok(existsSync(join(repo.dir, RECORD)));
  });


  it('refuses while a merge is in progress', async () => {
    repo = conflictingBranches({ 'mlroadmap.yaml': ROADMAP });
    assert.notEqual(repo.tryGit('merge', 'other').status, 0);
    assert.ok(existsSync(join(repo.dir, '.git', 'MERGE_HEAD')));
    repo.write(RECORD, '# Use CNN\n');
    const r = await commitPaths(repo.dir, [RECORD], 'm', { env: repo.env });
    assert.equal(r.ok === false && r.kind, 'merge-in-progress');
    assert.ok(existsSync(join(repo.dir, '.git', 'MERGE_HEAD')), 'the merge is left as it was');
  });

  it('refuses while a rebase is in progress', async () => {
    repo = conflictingBranches({ 'mlroadmap.yaml': ROADMAP });
    repo.git('checkout', '-q', 'other');
    assert.notEqual(repo.tryGit('rebase', 'main').status, 0);
    repo.write(RECORD, '# Use CNN\n');
    const r = await commitPaths(repo.dir, [RECORD], 'm', { env: repo.env });
    assert.equal(r.ok === false && r.kind, 'rebase-in-progress');
  });

  it('reports nothing to commit when the paths are unchanged', async () => {
    repo = makeTempRepo({ 'mlroadmap.yaml': ROADMAP });
    const r = await commitPaths(repo.dir, ['mlroadmap.yaml'], 'm', { env: repo.env });
    assert.equal(r.ok === false && r.kind, 'nothing-to-commit');
  });

  it('commits a file name with pathspec characters literally', async () => {
    repo = makeTempRepo({ 'mlroadmap.yaml': ROADMAP, 'docs/decisions/0001-a.md': 'x\n' });
    repo.write('docs/decisions/0002-[draft]*.md', '# Draft\n');
    const r = await commitPaths(repo.dir, ['docs/decisions/0002-[draft]*.md'], 'm', { env: repo.env });
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(repo.git('show', '--name-only', '--format=', 'HEAD').trim(), 'docs/decisions/0002-[draft]*.md');
  });
});

describe('git adapter: headInfo', function () {
  this.timeout(10000);
  let repo: TempRepo;
  afterEach(() => repo?.cleanup());

  it('gives the HEAD commit and whether tracked files changed', async () => {
    repo = makeTempRepo({ 'a.txt': '1\n' });
    const clean = await headInfo(repo.dir, { env: repo.env });
    assert.deepEqual(clean, { ok: true, commit: repo.git('rev-parse', 'HEAD').trim(), dirty: false, branch: 'main' });
    repo.write('untracked.txt', 'x');
    assert.deepEqual(await headInfo(repo.dir, { env: repo.env }), clean, 'untracked files do not make the tree dirty');
    repo.write('a.txt', '2\n');
    const dirty = await headInfo(repo.dir, { env: repo.env });
    assert.equal(dirty.ok && dirty.dirty, true);
  });

  it('reports a folder outside any repository', async () => {
    repo = makeTempRepo({}, false);
    const r = await headInfo(repo.dir, { env: repo.env });
    assert.equal(r.ok === false && r.kind, 'not-a-repo');
  });
});

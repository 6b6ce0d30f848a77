import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordAndCommit, type RecordRequest } from '../../../src/git';
import { readDecisionFolder } from '../../../src/core/decisions';
import { sampleDraft } from '../decisions/draft';
import { conflictingBranches, makeTempRepo, workState, type TempRepo } from './tempRepo';

const ROADMAP = 'version: 1\ncandidates:\n  - id: cnn-small\n    status: evaluated\n';
const EXISTING = '---\nstatus: accepted\ndate: 2024-01-01\n---\n# Use a baseline\n';

describe('git adapter: recordAndCommit', function () {
  this.timeout(20000);
  let repo: TempRepo;
  afterEach(() => repo?.cleanup());

  /** The sample decision in docs/decisions, the evaluated candidate marked chosen with it in mlroadmap.yaml. */
  const chooseCnn = (r: TempRepo): RecordRequest => ({
    repoDir: r.dir,
    decisionsDir: 'docs/decisions',
    draft: sampleDraft(),
    roadmapPath: 'mlroadmap.yaml',
    roadmapEdits: (text, d) => text.replace('status: evaluated', `status: chosen\n    decision: "${d.padded}"`),
    env: r.env,
  });

  it('writes the next record, edits the roadmap and commits exactly those two files', async () => {
    repo = makeTempRepo({ 'mlroadmap.yaml': ROADMAP, 'docs/decisions/0001-use-a-baseline.md': EXISTING, 'train.py': 'x\n' });
    repo.write('train.py', 'y\n');
    const before = workState(repo, ['mlroadmap.yaml', 'docs']);
    const r = await recordAndCommit(chooseCnn(repo));
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(r.padded, '0002');
    assert.equal(r.commitMessage, 'docs(decision): 0002 Choose a small CNN over ViT-tiny');
    assert.equal(repo.git('log', '-1', '--format=%s').trim(), r.commitMessage);
    assert.deepEqual(repo.git('show', '--name-only', '--format=', 'HEAD').trim().split('\n'), [
      'docs/decisions/0002-choose-a-small-cnn-over-vit-tiny.md',
      'mlroadmap.yaml',
    ]);
    assert.match(repo.git('show', 'HEAD:mlroadmap.yaml'), /status: chosen\n {4}decision: "0002"/);
    assert.deepEqual(workState(repo, ['mlroadmap.yaml', 'docs']), before);
    const records = readDecisionFolder(join(repo.dir, 'docs/decisions')).records;
    assert.deepEqual(records.map((x) => [x.padded, x.status, x.candidates]), [
      ['0001', 'accepted', []],
      ['0002', 'accepted', ['cnn-small', 'vit-tiny']],
    ]);
  });

  it('names the new record by date in a folder whose records are named by date (log4brains), continuing its order', async () => {
    const log4brains = (title: string, date: string) => `# ${title}\n\n- Status: accepted\n- Date: ${date}\n\n## Context and Problem Statement\n\nSome context.\n`;
    repo = makeTempRepo({
      'mlroadmap.yaml': ROADMAP,
      'docs/adr/20240105-use-log4brains.md': log4brains('Use Log4brains to manage the ADRs', '2024-01-05'),
      'docs/adr/20240312-use-markdown.md': log4brains('Use Markdown Architectural Decision Records', '2024-03-12'),
    });
    const draft = { ...sampleDraft(), date: '2024-05-02' };
    const r = await recordAndCommit({ repoDir: repo.dir, decisionsDir: 'docs/adr', draft, env: repo.env });
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(r.recordFile, join(repo.dir, 'docs/adr/20240502-choose-a-small-cnn-over-vit-tiny.md'));
    assert.equal(r.number, 3);
    const records = readDecisionFolder(join(repo.dir, 'docs/adr')).records;
    assert.deepEqual(records.map((x) => [x.number, x.title]), [
      [1, 'Use Log4brains to manage the ADRs'],
      [2, 'Use Markdown Architectural Decision Records'],
      [3, 'Choose a small CNN over ViT-tiny'],
    ]);
  });

  it('refuses in the middle of a rebase before writing anything: no record, the roadmap and the conflict as they were', async () => {
    repo = conflictingBranches({ 'mlroadmap.yaml': ROADMAP, 'docs/decisions/0001-use-a-baseline.md': EXISTING });
    repo.git('checkout', '-q', 'other');
    assert.notEqual(repo.tryGit('rebase', 'main').status, 0, 'the rebase stops on the conflict');
    const before = workState(repo);
    const conflicted = readFileSync(join(repo.dir, 'conflict.txt'), 'utf8');
    const r = await recordAndCommit(chooseCnn(repo));
    assert.equal(r.ok === false && r.kind, 'rebase-in-progress', JSON.stringify(r));
    assert.equal(r.ok === false ? r.message : '', 'A rebase is in progress. Finish it (git rebase --continue) or abort it, then record the decision again. Nothing was written.');
    assert.equal(r.recordFile, undefined);
    assert.deepEqual(workState(repo), before);
    assert.equal(readFileSync(join(repo.dir, 'mlroadmap.yaml'), 'utf8'), ROADMAP);
    assert.equal(readFileSync(join(repo.dir, 'conflict.txt'), 'utf8'), conflicted);
    assert.ok(existsSync(join(repo.dir, '.git', 'rebase-merge')), 'the rebase is left as it was');
  });

  it('refuses to overwrite an existing file of the same name and writes nothing', async () => {
    repo = makeTempRepo({ 'mlroadmap.yaml': ROADMAP, 'docs/decisions/0001-choose-a-small-cnn-over-vit-tiny.md': EXISTING });
    const r = await recordAndCommit({ repoDir: repo.dir, decisionsDir: 'docs/decisions', draft: sampleDraft(), number: 1, roadmapPath: 'mlroadmap.yaml', roadmapEdits: () => 'changed', env: repo.env });
    assert.equal(r.ok === false && r.kind, 'file-exists');
    assert.equal(readFileSync(join(repo.dir, 'docs/decisions/0001-choose-a-small-cnn-over-vit-tiny.md'), 'utf8'), EXISTING);
    assert.equal(readFileSync(join(repo.dir, 'mlroadmap.yaml'), 'utf8'), ROADMAP);
    assert.equal(repo.git('status', '--porcelain'), '');
  });

  it('commits the decision alone when the roadmap has a staged hunk of the user, which stays staged', async () => {
    repo = makeTempRepo({ 'mlroadmap.yaml': ROADMAP });
    repo.write('mlroadmap.yaml', ROADMAP + '# staged\n');
    repo.git('add', 'mlroadmap.yaml');
    const r = await recordAndCommit(chooseCnn(repo));
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(repo.git('show', 'HEAD:mlroadmap.yaml'), ROADMAP.replace('status: evaluated', 'status: chosen\n    decision: "0001"'));
    assert.deepEqual(repo.git('diff', '--cached', '--', 'mlroadmap.yaml').split('\n').filter((l) => /^[+-][^+-]/.test(l)), ['+# staged']);
    assert.equal(repo.git('diff', '--', 'mlroadmap.yaml'), '', 'the work tree has the staged hunk and the decision');
    assert.ok(r.recordFile && existsSync(r.recordFile));
  });

  it("a failure says what went wrong in its message, not the commit message", async () => {
    repo = makeTempRepo({ 'mlroadmap.yaml': ROADMAP });
    repo.git('checkout', '-q', '--detach');
    const r = await recordAndCommit({ repoDir: repo.dir, decisionsDir: 'docs/decisions', draft: sampleDraft(), env: repo.env });
    assert.equal(r.ok === false && r.kind, 'detached-head');
    assert.match(r.ok ? '' : r.message, /HEAD is detached/);
    assert.equal(r.commitMessage, 'docs(decision): 0001 Choose a small CNN over ViT-tiny');
  });

  it('on a git failure leaves the record and the roadmap edit on disk and returns what to retry', async () => {
    repo = makeTempRepo({ 'mlroadmap.yaml': ROADMAP });
    repo.git('checkout', '-q', '--detach');
    const r = await recordAndCommit({
      repoDir: repo.dir,
      decisionsDir: 'docs/decisions',
      draft: sampleDraft(),
      roadmapPath: 'mlroadmap.yaml',
      roadmapEdits: (t) => t.replace('evaluated', 'chosen'),
      env: repo.env,
    });
    assert.equal(r.ok === false && r.kind, 'detached-head');
    assert.ok(r.recordFile && existsSync(r.recordFile));
    assert.match(readFileSync(join(repo.dir, 'mlroadmap.yaml'), 'utf8'), /status: chosen/);
    assert.deepEqual(r.paths, [r.recordFile, join(repo.dir, 'mlroadmap.yaml')]);
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { showArgs, showCommit } from '../../../src/git';
import { makeTempRepo } from './tempRepo';

describe('git show of a result commit', () => {
  it('gives exactly what `git show --stat --patch <commit>` prints', async () => {
    const repo = makeTempRepo({ 'evaluate.py': 'print(1)\n' });
    try {
      repo.write('evaluate.py', 'print(2)\n');
      repo.git('commit', '-qam', 'second: change the script');
      const commit = repo.git('rev-parse', 'HEAD').trim();
      const shown = await showCommit(repo.dir, commit, { env: repo.env });
      assert.ok(shown.ok);
      assert.equal(shown.text, repo.git('show', '--stat', '--patch', '--no-color', commit));
      assert.match(shown.text, /second: change the script/);
      assert.match(shown.text, /evaluate\.py \| 2 \+-/);
      assert.match(shown.text, /-print\(1\)\n\+print\(2\)/);
      const short = await showCommit(repo.dir, commit.slice(0, 7), { env: repo.env });
      assert.ok(short.ok && short.text === shown.text, 'an abbreviated id');
    } finally {
      repo.cleanup();
    }
  });

  it('refuses anything but a hex id, and says when the commit or the repository is missing', async () => {
    const repo = makeTempRepo({ 'a.txt': 'a\n' });
    try {
      for (const bad of ['--output=/tmp/x', 'HEAD', 'HEAD~1', 'abc', 'a'.repeat(65), '']) {
        const r = await showCommit(repo.dir, bad, { env: repo.env });
        assert.ok(!r.ok && r.message.includes('is not a commit id'), bad);
      }
      const missing = await showCommit(repo.dir, 'f'.repeat(40), { env: repo.env });
      assert.ok(!missing.ok);
      assert.match(missing.message, /not in the repository/);
      const plain = mkdtempSync(join(tmpdir(), 'mlroadmap-nogit-'));
      const none = await showCommit(plain, 'f'.repeat(40));
      assert.ok(!none.ok && none.kind === 'not-a-repo', !none.ok ? none.message : '');
    } finally {
      repo.cleanup();
    }
  });

  it('keeps the commit an argument and turns off external diff and textconv drivers', () => {
    const args = showArgs('abc1234');
    assert.deepEqual(args.slice(-2), ['--end-of-options', 'abc1234']);
    assert.ok(args.includes('--no-ext-diff') && args.includes('--no-textconv'));
  });
});

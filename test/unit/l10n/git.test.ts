import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitChanges, headInfo, locateRepo, onDisk, readAtRevision, showCommit } from '../../../src/git';
import { makeTempRepo, type TempRepo } from '../git/tempRepo';
import { untranslated, withPseudoL10n } from '../support/pseudoL10n';

// The git adapter's failures reach the user as they are (a notification, the CLI): each one is translated whole.
describe('l10n: the git adapter', function () {
  this.timeout(30_000);
  let repo: TempRepo;
  afterEach(() => repo?.cleanup());

  it('says every failure in the display language', async () => {
    repo = makeTempRepo({ 'mlroadmap.yaml': 'version: 1\n', 'a.md': 'a\n' });
    const missing = join(repo.dir, 'no-such-folder');
    const notRepo = mkdtempSync(join(tmpdir(), 'mlroadmap-not-a-repo-'));
    const messages = await withPseudoL10n(async () => {
      const failures = [
        await locateRepo(missing),
        await headInfo(notRepo, { env: repo.env }),
        await showCommit(repo.dir, 'not-a-commit'),
        await showCommit(repo.dir, 'f'.repeat(40), { env: repo.env }),
        await readAtRevision(repo.dir, '-bad', { files: ['mlroadmap.yaml'] }),
        await readAtRevision(repo.dir, 'no-such-branch', { files: ['mlroadmap.yaml'] }, { env: repo.env }),
        await commitChanges(repo.dir, onDisk(['a.md'], repo.dir), 'docs: nothing', { env: repo.env }),
        await commitChanges(repo.dir, [{ path: join(repo.dir, '..', 'outside.md'), content: 'x' }], 'docs: outside', { env: repo.env }),
      ];
      return failures.map((f) => ('message' in f ? f.message : `no failure: ${JSON.stringify(f)}`));
    }).finally(() => rmSync(notRepo, { recursive: true, force: true }));
    assert.equal(messages.length, 8);
    assert.deepEqual(untranslated(messages), []);
    assert.equal(new Set(messages).size, messages.length, messages.join('\n'));
  });
});

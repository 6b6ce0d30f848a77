// A decisions folder that cannot be listed is an error value, never "no records": on real folders (a file where
// the folder should be, and a folder its reader may write into but not list).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { folderNaming, readDecisionFolder } from '../../../src/core/decisions';
import { recordAndCommit } from '../../../src/git/record';
import { main } from '../../../src/cli/main';
import { memoryIo } from '../../../src/cli/io';
import { sampleDraft } from './draft';

const ROOT = resolve(__dirname, '..', '..', '..');
const RECORD = '---\nstatus: accepted\n---\n# A\n';

describe('an unreadable decisions folder', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mlroadmap-folder-'));
  });
  afterEach(() => {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a missing folder has no records and no error: no decision was recorded yet', () => {
    const folder = join(dir, 'docs', 'decisions');
    assert.deepEqual(readDecisionFolder(folder), { records: [], problems: [] });
    assert.deepEqual(folderNaming(folder), { ok: true, numbers: [], dated: false });
  });

  for (const [what, setup] of [
    ['a file where its parent folder should be', (d: string) => (writeFileSync(join(d, 'docs'), 'not a folder\n'), join(d, 'docs', 'decisions'))],
    ['a file where the folder should be', (d: string) => (mkdirSync(join(d, 'docs')), writeFileSync(join(d, 'docs', 'decisions'), 'not a folder\n'), join(d, 'docs', 'decisions'))],
  ] as const) {
    it(`${what} (ENOTDIR) is an error value for the reader, the numbering and the CLI`, async () => {
      const folder = setup(dir);
      const read = readDecisionFolder(folder);
      assert.equal(read.error?.code, 'ENOTDIR');
      assert.equal(read.error?.folder, folder);
      assert.deepEqual(read.records, []);
      assert.deepEqual(read.problems.map((p) => [p.file, p.severity]), [[folder, 'error']]);
      const naming = folderNaming(folder);
      assert.equal(naming.ok, false);
      assert.equal(!naming.ok && naming.error.code, 'ENOTDIR');

      const io = memoryIo(dir);
      assert.equal(await main(['decisions', 'docs/decisions', '--json'], io), 1);
      const out = JSON.parse(io.stdout.join('\n'));
      assert.deepEqual(out.decisions, []);
      assert.equal(out.problems.length, 1);
      assert.match(out.problems[0].message, /cannot read the decisions folder .*ENOTDIR/);
      const text = memoryIo(dir);
      assert.equal(await main(['decisions', 'docs/decisions'], text), 1);
      assert.deepEqual(text.stdout, [], 'no "No decision records" line');
      assert.match(text.stderr.join('\n'), /error: cannot read the decisions folder/);

      const result = await recordAndCommit({ repoDir: dir, decisionsDir: folder, draft: sampleDraft() });
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.kind, 'io-error');
      assert.equal(result.recordFile, undefined);
      assert.deepEqual(result.paths, []);
      assert.match(!result.ok ? result.message : '', /^Cannot read the decisions folder .* \(ENOTDIR\); no number was given and nothing was written\.$/);
    });
  }

  it('a folder the reader may write into but not list (EACCES): Record Decision refuses to number, nothing is written over the records', function () {
    // Root reads every folder, so the reader runs as `nobody` when the tests run as root (a Node process of its own).
    this.timeout(30_000);
    const asRoot = process.getuid?.() === 0;
    chmodSync(dir, 0o755);
    const folder = join(dir, 'decisions');
    mkdirSync(folder);
    writeFileSync(join(folder, '0001-use-markdown.md'), RECORD);
    writeFileSync(join(folder, '0002-use-a-cnn.md'), RECORD);
    chmodSync(folder, asRoot ? 0o703 : 0o300);
    const script = join(dir, 'record.mts');
    writeFileSync(
      script,
      [
        `import { folderNaming } from ${JSON.stringify(join(ROOT, 'src/core/decisions/folder.ts'))};`,
        `import { recordAndCommit } from ${JSON.stringify(join(ROOT, 'src/git/record.ts'))};`,
        `import { sampleDraft } from ${JSON.stringify(join(ROOT, 'test/unit/decisions/draft.ts'))};`,
        `const folder = ${JSON.stringify(folder)};`,
        `const naming = folderNaming(folder);`,
        `const result = await recordAndCommit({ repoDir: ${JSON.stringify(dir)}, decisionsDir: folder, draft: sampleDraft({ title: 'Serve on CPU' }) });`,
        `console.log(JSON.stringify({ naming, result }));`,
      ].join('\n'),
    );
    chmodSync(script, 0o644);
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, HOME: dir, TSX_DISABLE_CACHE: '1' },
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    assert.equal(run.status, 0, run.stderr);
    const { naming, result } = JSON.parse(run.stdout.trim().split('\n').pop()!);
    assert.equal(naming.ok, false);
    assert.equal(naming.error.code, 'EACCES');
    assert.deepEqual([result.ok, result.kind, result.recordFile], [false, 'io-error', undefined]);
    assert.match(result.message, /^Cannot read the decisions folder .*decisions \(EACCES\); no number was given and nothing was written\.$/);
    chmodSync(folder, 0o755);
    assert.deepEqual(readdirSync(folder).sort(), ['0001-use-markdown.md', '0002-use-a-cnn.md'], 'no 0001 written over the existing records');
  });
});

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allowOverwrite, type PlannedFile } from '../../../src/core/scaffold/plan';
import { writePlannedFiles } from '../../../src/core/scaffold/write';
import { tempDir } from './helpers';

const PLAN: PlannedFile[] = [
  { path: 'evaluate.py', content: 'print(1)\n', overwrite: false },
  { path: 'sub/README.md', content: '# hi\n', overwrite: false },
];

describe('scaffold: writing planned files', () => {
  it('writes every file, creating folders', () => {
    const dir = join(tempDir('write'), 'baselines', 'majority');
    assert.deepEqual(writePlannedFiles(dir, PLAN), { ok: true, written: ['evaluate.py', 'sub/README.md'] });
    assert.equal(readFileSync(join(dir, 'sub', 'README.md'), 'utf8'), '# hi\n');
  });

  it('refuses to overwrite an existing file and then writes nothing at all', () => {
    const dir = tempDir('refuse');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'README.md'), 'mine');
    assert.deepEqual(writePlannedFiles(dir, PLAN), { ok: false, existing: ['sub/README.md'] });
    assert.equal(readFileSync(join(dir, 'sub', 'README.md'), 'utf8'), 'mine');
    assert.ok(!existsSync(join(dir, 'evaluate.py')));
  });

  it('replaces only the files marked overwrite', () => {
    const dir = tempDir('overwrite');
    writeFileSync(join(dir, 'evaluate.py'), 'old');
    const outcome = writePlannedFiles(dir, allowOverwrite(PLAN, ['evaluate.py']));
    assert.equal(outcome.ok, true);
    assert.equal(readFileSync(join(dir, 'evaluate.py'), 'utf8'), 'print(1)\n');
  });

  it('writes nothing when a file appears while it writes, and removes what it wrote', () => {
    const dir = tempDir('appears');
    // Reading the first file's content is the moment the loop writes it: the second file appears just then.
    const first = {
      path: 'evaluate.py',
      overwrite: false,
      get content() {
        mkdirSync(join(dir, 'sub'), { recursive: true });
        writeFileSync(join(dir, 'sub', 'README.md'), 'theirs');
        return 'print(1)\n';
      },
    };
    assert.deepEqual(writePlannedFiles(dir, [first, PLAN[1]]), { ok: false, existing: ['sub/README.md'] });
    assert.ok(!existsSync(join(dir, 'evaluate.py')), 'the file written before the clash is removed');
    assert.equal(readFileSync(join(dir, 'sub', 'README.md'), 'utf8'), 'theirs');
  });

  it('removes the folders it created when a later file clashes', () => {
    const dir = tempDir('appears-deep');
    const plan: PlannedFile[] = [
      { path: 'a/b/one.py', content: '1\n', overwrite: false },
      { path: 'two.py', content: '2\n', overwrite: false },
      { path: 'two.py', content: '2\n', overwrite: false }, // the same path twice: the second write clashes
    ];
    assert.deepEqual(writePlannedFiles(dir, plan), { ok: false, existing: ['two.py'] });
    assert.deepEqual(readdirSync(dir), []);
  });
});

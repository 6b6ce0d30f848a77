import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
});

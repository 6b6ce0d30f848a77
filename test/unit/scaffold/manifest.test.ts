import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSafeRelativePath, parseManifest } from '../../../src/core/scaffold/manifest';
import { BUILTIN_TEMPLATES } from './helpers';

const MINIMAL = { name: 'mine', files: ['evaluate.py', 'notes.txt'] };

describe('scaffold: template manifests', () => {
  for (const name of ['dumb', 'sklearn', 'pytorch']) {
    it(`reads the built-in ${name} manifest`, () => {
      const { manifest, errors } = parseManifest(JSON.parse(readFileSync(join(BUILTIN_TEMPLATES, name, 'template.json'), 'utf8')));
      assert.deepEqual(errors, []);
      assert.equal(manifest?.name, name);
      assert.equal(manifest?.baseline, name === 'dumb');
      assert.equal(manifest?.main, 'evaluate.py');
      assert.deepEqual(manifest?.variables.map((v) => v.name), ['candidate', 'dataset', 'target', 'task', 'seed']);
    });
  }

  it('fills defaults: render mode by extension, title from name, main from the first file', () => {
    const { manifest, errors } = parseManifest(MINIMAL);
    assert.deepEqual(errors, []);
    assert.equal(manifest?.title, 'mine');
    assert.equal(manifest?.main, 'evaluate.py');
    assert.deepEqual(manifest?.files, [
      { path: 'evaluate.py', render: 'python' },
      { path: 'notes.txt', render: 'text' },
    ]);
    assert.deepEqual(manifest?.tasks, ['classification', 'regression']);
  });

  it('reports every problem instead of throwing', () => {
    const { manifest, errors } = parseManifest({
      name: 'Bad Name',
      files: ['../escape.py', 'ok.py', { path: 'x.py', render: 'magic' }],
      variables: [{ name: 'k', type: 'choice' }, { name: 'n', type: 'float' }],
      questions: [{ variable: 'missing', prompt: 'Which?' }],
      main: 'nope.py',
    });
    assert.equal(manifest, undefined);
    const text = errors.join('\n');
    for (const part of ['"name" must use', '../escape.py', '"render" must be', 'needs "choices"', '"type" must be', 'asks for "missing"', '"main" (nope.py)']) {
      assert.ok(text.includes(part), `expected '${part}' in:\n${text}`);
    }
    assert.deepEqual(parseManifest('nope').errors, ['template.json must hold a JSON object']);
    assert.deepEqual(parseManifest(null).errors, ['template.json must hold a JSON object']);
  });

  it('accepts only relative paths that stay inside the folder', () => {
    for (const ok of ['a.py', 'src/model.py']) assert.ok(isSafeRelativePath(ok), ok);
    for (const bad of ['', '/etc/passwd', 'C:/x', 'a/../../b', './a', 'a\\b', 'a//b']) assert.ok(!isSafeRelativePath(bad), bad);
  });
});

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findBuiltinTemplatesDir } from '../../../src/core/scaffold/builtin-dir';
import { findTemplate, listTemplates, loadTemplate } from '../../../src/core/scaffold/templates';
import { BUILTIN_TEMPLATES, REPO, tempDir } from './helpers';

function writeTemplate(root: string, name: string, manifest: object, files: Record<string, string>): void {
  const dir = join(root, '.mlroadmap', 'templates', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'template.json'), JSON.stringify(manifest));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
}

describe('scaffold: finding templates', () => {
  it('lists the three built-in templates', () => {
    const { templates, problems } = listTemplates(BUILTIN_TEMPLATES);
    assert.deepEqual(problems, []);
    assert.deepEqual(templates.map((t) => [t.name, t.source]), [
      ['dumb', 'builtin'],
      ['pytorch', 'builtin'],
      ['sklearn', 'builtin'],
    ]);
  });

  it("discovers the team's templates in .mlroadmap/templates, which replace built-ins of the same name", () => {
    const workspace = tempDir('user-templates');
    writeTemplate(workspace, 'xgboost', { name: 'xgboost', title: 'XGBoost', files: ['evaluate.py'] }, { 'evaluate.py': 'TARGET = {{target}}\n' });
    writeTemplate(workspace, 'dumb', { name: 'dumb', title: 'Our dumb baseline', baseline: true, files: ['evaluate.py'] }, { 'evaluate.py': '' });
    writeTemplate(workspace, 'broken', { name: 'broken', files: ['missing.py'] }, {});
    writeTemplate(workspace, 'misnamed', { name: 'other', files: ['a.py'] }, { 'a.py': '' });
    mkdirSync(join(workspace, '.mlroadmap', 'templates', 'not-a-template'));

    const listing = listTemplates(BUILTIN_TEMPLATES, workspace);
    assert.deepEqual(listing.templates.map((t) => `${t.name}:${t.source}`), ['pytorch:builtin', 'sklearn:builtin', 'dumb:workspace', 'xgboost:workspace']);
    assert.equal(findTemplate(listing, 'dumb')?.manifest.title, 'Our dumb baseline');
    const problems = listing.problems.map((p) => `${p.dir.split(/[\\/]/).pop()}: ${p.errors.join('; ')}`);
    assert.deepEqual(problems, ['broken: missing.py is listed but missing', 'misnamed: "name" is "other" but the folder is "misnamed": they must match']);
  });

  it('survives missing folders and invalid JSON', () => {
    const workspace = tempDir('bad-json');
    mkdirSync(join(workspace, '.mlroadmap', 'templates', 'bad'), { recursive: true });
    writeFileSync(join(workspace, '.mlroadmap', 'templates', 'bad', 'template.json'), '{ nope');
    const listing = listTemplates(join(workspace, 'no-such-dir'), workspace);
    assert.deepEqual(listing.templates, []);
    assert.match(listing.problems[0].errors[0], /not valid JSON/);
  });

  it('loads the text of every listed file', () => {
    const info = findTemplate(listTemplates(BUILTIN_TEMPLATES), 'sklearn')!;
    const loaded = loadTemplate(info);
    assert.deepEqual([...loaded.files.keys()], info.manifest.files.map((f) => f.path));
    assert.match(loaded.files.get('train.py')!, /LogisticRegression/);
  });

  it('finds the built-in templates from the bundle folder and from the sources', () => {
    assert.equal(findBuiltinTemplatesDir(join(REPO, 'dist')), BUILTIN_TEMPLATES);
    assert.equal(findBuiltinTemplatesDir(join(REPO, 'src', 'cli')), BUILTIN_TEMPLATES);
    assert.equal(findBuiltinTemplatesDir(tempDir('nowhere')), undefined);
  });

  it('ships the same shared Python modules in every built-in template', () => {
    for (const file of ['tabular.py', 'mlroadmap_result.py']) {
      const [first, ...others] = ['dumb', 'sklearn', 'pytorch'].map((t) => readFileSync(join(BUILTIN_TEMPLATES, t, file), 'utf8'));
      for (const other of others) assert.equal(other, first, `${file} differs between templates`);
    }
  });
});

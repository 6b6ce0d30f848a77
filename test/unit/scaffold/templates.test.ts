import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findBuiltinTemplatesDir } from '../../../src/core/scaffold/builtin-dir';
import { findTemplate, listTemplates, loadTemplate, SHARED_DIR } from '../../../src/core/scaffold/templates';
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

  it('keeps the shared Python modules once, in _shared, and gives them to every built-in template', () => {
    const listing = listTemplates(BUILTIN_TEMPLATES);
    assert.deepEqual(listing.problems, []);
    assert.ok(!listing.templates.some((t) => t.name === SHARED_DIR), '_shared is not a template');
    for (const file of ['tabular.py', 'mlroadmap_result.py']) {
      assert.equal(existsSync(join(BUILTIN_TEMPLATES, 'dumb', file)), false, `${file} is not copied into dumb/`);
      const shared = readFileSync(join(BUILTIN_TEMPLATES, SHARED_DIR, file), 'utf8');
      for (const name of ['dumb', 'sklearn', 'pytorch']) {
        const info = listing.templates.find((t) => t.name === name);
        assert.ok(info, name);
        assert.equal(loadTemplate(info).files.get(file), shared, `${name} gets the shared ${file}`);
      }
    }
  });

  it('prefers a template\'s own file to the shared one, and reports a file in neither as missing', () => {
    const workspace = tempDir('shared');
    writeTemplate(workspace, 'mine', { name: 'mine', files: ['evaluate.py', 'helpers.py'] }, { 'evaluate.py': 'print(1)\n', 'helpers.py': 'OWN = 1\n' });
    writeTemplate(workspace, 'other', { name: 'other', files: ['evaluate.py', 'helpers.py'] }, { 'evaluate.py': 'print(2)\n' });
    writeTemplate(workspace, 'broken', { name: 'broken', files: ['evaluate.py', 'absent.py'] }, { 'evaluate.py': 'print(3)\n' });
    const shared = join(workspace, '.mlroadmap', 'templates', SHARED_DIR);
    mkdirSync(shared);
    writeFileSync(join(shared, 'helpers.py'), 'SHARED = 1\n');
    const listing = listTemplates(undefined, workspace);
    const files = (name: string) => loadTemplate(listing.templates.find((t) => t.name === name)!).files;
    assert.equal(files('mine').get('helpers.py'), 'OWN = 1\n');
    assert.equal(files('other').get('helpers.py'), 'SHARED = 1\n');
    assert.deepEqual(listing.problems.map((p) => p.errors), [['absent.py is listed but missing']]);
  });
});

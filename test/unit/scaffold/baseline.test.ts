import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { datasetPathFrom, planBaseline } from '../../../src/core/scaffold/baseline';
import { detectTask } from '../../../src/core/scaffold/dataset';
import { findTemplate, listTemplates, loadTemplate } from '../../../src/core/scaffold/templates';
import { writePlannedFiles } from '../../../src/core/scaffold/write';
import { BUILTIN_TEMPLATES, DIGITS_CSV, runPython, tempDir } from './helpers';

const LISTING = listTemplates(BUILTIN_TEMPLATES);
const load = (name: string) => loadTemplate(findTemplate(LISTING, name)!);

describe('scaffold: planning a baseline', () => {
  it('bakes the standard variables into evaluate.py, the dataset relative to the baseline folder', () => {
    const root = tempDir('plan');
    const plan = planBaseline({ template: load('dumb'), targetDir: join(root, 'baselines', 'majority'), datasetPath: join(root, 'data', 'x.csv'), target: 'label' });
    assert.equal(plan.ok, false); // no such file yet
    mkdirSync(join(root, 'data'));
    copyFileSync(DIGITS_CSV, join(root, 'data', 'x.csv'));
    const ok = planBaseline({ template: load('dumb'), targetDir: join(root, 'baselines', 'majority'), datasetPath: join(root, 'data', 'x.csv'), target: 'label' });
    assert.ok(ok.ok, JSON.stringify(ok));
    assert.equal(ok.candidate, 'majority');
    assert.equal(ok.task, 'classification');
    assert.equal(ok.taskDetected, true);
    const evaluate = ok.files.find((f) => f.path === 'evaluate.py')!.content;
    assert.match(evaluate, /^CANDIDATE = "majority"$/m);
    assert.match(evaluate, /^DATASET = "\.\.\/\.\.\/data\/x\.csv"/m);
    assert.match(evaluate, /^TARGET = "label"$/m);
    assert.match(evaluate, /^TASK = "classification"/m);
    assert.match(evaluate, /^SEED = 0$/m);
    assert.match(evaluate, /--out results\/majority\.json/);
    const readme = ok.files.find((f) => f.path === 'README.md')!.content;
    assert.match(readme, /^# majority: dumb baseline$/m);
    assert.match(readme, /Dataset: `\.\.\/\.\.\/data\/x\.csv`/);
  });

  it('names the candidate after the folder, else after the template', () => {
    const root = tempDir('names');
    const plan = (dir: string, candidate?: string) => planBaseline({ template: load('sklearn'), targetDir: join(root, dir), datasetPath: DIGITS_CSV, target: 'label', candidate });
    const linear = plan('baselines/linear');
    assert.ok(linear.ok && linear.candidate === 'linear');
    const odd = plan('Mon Modèle!');
    assert.ok(odd.ok && odd.candidate === 'mon-modele');
    const fallback = plan('🙂');
    assert.ok(fallback.ok && fallback.candidate === 'logreg');
    const bad = plan('x', 'Bad Id');
    assert.ok(!bad.ok && /not a valid candidate id/.test(bad.errors[0]));
  });

  it('reports a missing target column with the header, and a non-numeric regression target', () => {
    const missing = planBaseline({ template: load('dumb'), targetDir: tempDir('miss'), datasetPath: DIGITS_CSV, target: 'digit' });
    assert.ok(!missing.ok);
    assert.match(missing.errors[0], /column 'digit' is not in the header; columns: p0, p1, .*p63, label/);
    const dir = tempDir('text-target');
    writeFileSync(join(dir, 'd.csv'), 'x,kind\n1,cat\n2,dog\n3,cat\n');
    const text = planBaseline({ template: load('dumb'), targetDir: dir, datasetPath: join(dir, 'd.csv'), target: 'kind', task: 'regression' });
    assert.ok(!text.ok && /not a number: regression needs a numeric target/.test(text.errors[0]));
  });

  it('detects the task: many distinct numbers are a regression, few or text are classes', () => {
    assert.equal(detectTask(['0', '1', '1', '0']), 'classification');
    assert.equal(detectTask(['cat', 'dog']), 'classification');
    assert.equal(detectTask(Array.from({ length: 50 }, (_, i) => String(i * 1.5))), 'regression');
    assert.equal(detectTask(Array.from({ length: 21 }, (_, i) => String(i))), 'regression');
    assert.equal(detectTask(Array.from({ length: 20 }, (_, i) => String(i))), 'classification');
  });

  it('keeps an absolute dataset path only when no relative one exists', () => {
    assert.equal(datasetPathFrom('/w/baselines/x', '/w/data/d.csv'), '../../data/d.csv');
    assert.equal(datasetPathFrom('/w', '/w/d.csv'), 'd.csv');
  });

  it('produces valid Python for names and paths with quotes, spaces, backslashes and unicode', async function () {
    this.timeout(30_000);
    const root = tempDir('escaping');
    const nasty = join(root, `da"ta 'set' \\ dir`, 'données 数字 🙂');
    mkdirSync(nasty, { recursive: true });
    const target = `the "label" \\ it's é\nsecond line`;
    const csvTarget = '"' + target.replace(/"/g, '""') + '"';
    writeFileSync(join(nasty, 'x "1".csv'), `a,${csvTarget}\n1,0\n2,1\n3,0\n4,1\n`);
    const compiled: string[] = [];
    for (const template of ['dumb', 'sklearn', 'pytorch']) {
      const targetDir = join(root, `out ${template} "q" \\`, 'ünï');
      const plan = planBaseline({ template: load(template), targetDir, datasetPath: join(nasty, 'x "1".csv'), target, candidate: 'c-1_x' });
      assert.ok(plan.ok, JSON.stringify(plan));
      assert.equal(writePlannedFiles(targetDir, plan.files).ok, true);
      for (const f of plan.files.filter((p) => p.path.endsWith('.py'))) compiled.push(join(targetDir, f.path));
    }
    const r = await runPython(['-m', 'py_compile', ...compiled], root);
    assert.equal(r.code, 0, r.stderr);
    // The dumb baseline promises any python3 >= 3.8: its files parse with the 3.8 grammar.
    const dumbFiles = compiled.filter((f) => f.includes('out dumb'));
    const grammar = await runPython(['-c', 'import ast, sys\nfor f in sys.argv[1:]: ast.parse(open(f, encoding="utf-8").read(), f, feature_version=(3, 8))', ...dumbFiles], root);
    assert.equal(grammar.code, 0, grammar.stderr);
    // And the values read back are the ones given.
    const dumb = join(root, 'out dumb "q" \\', 'ünï');
    const read = await runPython(['-c', 'import json, sys; sys.path.insert(0, sys.argv[1]); import evaluate as e; print(json.dumps([e.TARGET, e.DATASET, e.CANDIDATE]))', dumb], root);
    assert.equal(read.code, 0, read.stderr);
    assert.deepEqual(JSON.parse(read.stdout), [target, `../../da"ta 'set' \\ dir/données 数字 🙂/x "1".csv`, 'c-1_x']);
  });
});

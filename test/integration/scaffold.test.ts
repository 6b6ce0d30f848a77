// Scaffold Baseline… inside the real extension host, on a copy of the demo project: each built-in template
// scaffolded with arguments, registered in mlroadmap.yaml through the editor, then RUN for real through the
// evaluation task with /usr/bin/python3 (Debian's python3-sklearn and python3-torch) on the demo dataset.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EvaluateResult } from '../../src/evaluation/commands';
import type { ScaffoldOutcome } from '../../src/scaffold/scaffoldBaseline';
import { parseRoadmap } from '../../src/core/roadmap/parse';
import { waitFor } from './support/extension';
import { acceptFlowDefaults } from './support/flows';
import { demoRoadmapUri, extensionApi, insertedBlock, readDisk, restoreFile, workspaceFolder } from './support/roadmapFile';

const PYTHON = '/usr/bin/python3';
const SCAFFOLD = 'mlroadmap.scaffoldBaseline';
const DATASET = 'data/digits.csv';

async function scaffold(args: object): Promise<ScaffoldOutcome> {
  const outcome = await vscode.commands.executeCommand<ScaffoldOutcome>(SCAFFOLD, args);
  assert.ok(outcome, 'the command returns its outcome');
  return outcome;
}

async function evaluate(candidate: string): Promise<EvaluateResult> {
  const result = await vscode.commands.executeCommand<EvaluateResult>('mlroadmap.evaluateCandidate', { roadmap: demoRoadmapUri().toString(), candidate });
  assert.ok(result, 'the evaluate command returns its outcome');
  return result;
}

/** The roadmap text without its top-level `evaluation:` block (the comment lines after it kept). */
function withoutEvaluation(text: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('evaluation:'));
  assert.ok(start >= 0, 'the demo roadmap has an evaluation block');
  let end = start + 1;
  while (end < lines.length && (lines[end].startsWith(' ') || lines[end].trim() === '')) end++;
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

async function latestMetrics(candidate: string): Promise<Readonly<Record<string, number>>> {
  const api = await extensionApi();
  let metrics: Readonly<Record<string, number>> | undefined;
  await waitFor(`the results of ${candidate} in services.results`, () => {
    const entry = api.services.store.get(demoRoadmapUri());
    metrics = entry ? api.services.results.latest(entry, candidate)?.metrics : undefined;
    return metrics !== undefined;
  });
  return metrics!;
}

describe('Scaffold Baseline…', function () {
  this.timeout(300_000);
  let root = '';
  let original = '';
  let historyBefore: string | undefined;

  before(async () => {
    root = workspaceFolder().uri.fsPath;
    original = await readDisk(demoRoadmapUri());
    const history = path.join(root, '.mlroadmap', 'history.jsonl');
    historyBefore = fs.existsSync(history) ? fs.readFileSync(history, 'utf8') : undefined;
    await vscode.workspace.getConfiguration('mlroadmap').update('pythonPath', PYTHON, vscode.ConfigurationTarget.Global);
    await extensionApi();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restoreFile(demoRoadmapUri(), original);
    await vscode.workspace.getConfiguration('mlroadmap').update('pythonPath', undefined, vscode.ConfigurationTarget.Global);
    fs.rmSync(path.join(root, 'baselines'), { recursive: true, force: true });
    for (const file of fs.readdirSync(path.join(root, 'results'))) {
      if (/^(majority|logreg|mlp)-2[.]/.test(file)) fs.rmSync(path.join(root, 'results', file), { force: true });
    }
    const history = path.join(root, '.mlroadmap', 'history.jsonl');
    if (historyBefore === undefined) fs.rmSync(history, { force: true });
    else fs.writeFileSync(history, historyBefore);
  });

  describe('in the demo roadmap, which has its own evaluation command', () => {
    afterEach(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await restoreFile(demoRoadmapUri(), original);
      fs.rmSync(path.join(root, 'baselines'), { recursive: true, force: true });
    });

    it('writes the dumb template, adds only the candidate (evaluation kept) and opens evaluate.py', async () => {
      const outcome = await scaffold({ template: 'dumb', dataset: DATASET, target: 'label', folder: 'baselines/dumb' });
      assert.equal(outcome.done, true, outcome.message);
      assert.equal(outcome.candidate, 'dumb', 'the id comes from the folder name');
      assert.equal(outcome.folder, path.join(root, 'baselines', 'dumb'));
      assert.deepEqual(
        outcome.files?.map((f) => path.relative(root, f)).sort(),
        ['README.md', 'evaluate.py', 'mlroadmap_result.py', 'requirements.txt', 'tabular.py'].map((f) => path.join('baselines', 'dumb', f)).sort(),
      );
      for (const file of outcome.files ?? []) assert.ok(fs.existsSync(file), `${file} written`);
      assert.match(fs.readFileSync(path.join(root, 'baselines', 'dumb', 'evaluate.py'), 'utf8'), /^DATASET = "\.\.\/\.\.\/data\/digits\.csv"/m);
      assert.equal(outcome.candidateAdded, true);
      assert.equal(outcome.evaluationAdded, false);

      const after = await readDisk(demoRoadmapUri());
      const added = insertedBlock(original, after).join('\n');
      assert.match(added, /- id: dumb\b/);
      assert.match(added, /baseline: true/);
      assert.match(added, /status: prototyping/);
      const roadmap = parseRoadmap(after).roadmap!;
      assert.equal(roadmap.evaluation?.command, parseRoadmap(original).roadmap!.evaluation?.command, 'the evaluation block is kept');
      assert.equal(roadmap.candidates.find((c) => c.id === 'dumb')?.baseline, true);

      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.fsPath, path.join(root, 'baselines', 'dumb', 'evaluate.py'), 'evaluate.py is opened');
    });

    it('refuses an id the roadmap has, an unknown template, a missing column and a path outside the project, writing nothing', async () => {
      const refused = [
        await scaffold({ template: 'dumb', dataset: DATASET, target: 'label', name: 'majority' }),
        await scaffold({ template: 'xgboost', dataset: DATASET, target: 'label' }),
        await scaffold({ template: 'sklearn', dataset: DATASET, target: 'digit' }),
        await scaffold({ template: 'dumb', dataset: 'data/none.csv', target: 'label' }),
        await scaffold({ template: 'dumb', dataset: DATASET, target: 'label', folder: '../outside' }),
      ];
      assert.deepEqual(refused.map((o) => [o.done, o.reason]), refused.map(() => [false, 'invalid']));
      assert.match(refused[0].message ?? '', /already has a candidate 'majority'/);
      assert.match(refused[1].message ?? '', /no baseline template "xgboost".*dumb.*pytorch.*sklearn/);
      assert.match(refused[2].message ?? '', /'digit' is not in the header/);
      assert.equal(fs.existsSync(path.join(root, 'baselines')), false, 'nothing written');
      assert.equal(fs.existsSync(path.join(root, '..', 'outside')), false, 'nothing written outside');
      assert.equal(await readDisk(demoRoadmapUri()), original, 'the roadmap is unchanged');
    });

    it("offers the team's templates from .mlroadmap/templates, with their own answers escaped for Python", async () => {
      const dir = path.join(root, '.mlroadmap', 'templates', 'tiny');
      fs.mkdirSync(dir, { recursive: true });
      try {
        fs.writeFileSync(
          path.join(dir, 'template.json'),
          JSON.stringify({
            manifest: 1,
            name: 'tiny',
            title: 'Tiny team template',
            tasks: ['classification'],
            main: 'evaluate.py',
            candidate: { id: 'tiny', title: 'Tiny' },
            variables: [
              { name: 'candidate', type: 'id' },
              { name: 'dataset', type: 'path' },
              { name: 'target', type: 'string' },
              { name: 'greeting', type: 'string', default: 'hello' },
            ],
            questions: [{ variable: 'greeting', prompt: 'Greeting' }],
            files: ['evaluate.py'],
          }),
        );
        fs.writeFileSync(path.join(dir, 'evaluate.py'), 'CANDIDATE = {{candidate}}\nDATASET = {{dataset}}\nTARGET = {{target}}\nGREETING = {{greeting}}\n');
        const outcome = await scaffold({ template: 'tiny', dataset: DATASET, target: 'label', answers: { greeting: 'say "hi"\\n' } });
        assert.equal(outcome.done, true, outcome.message);
        assert.equal(outcome.candidate, 'tiny');
        assert.equal(
          fs.readFileSync(path.join(root, 'baselines', 'tiny', 'evaluate.py'), 'utf8'),
          'CANDIDATE = "tiny"\nDATASET = "../../data/digits.csv"\nTARGET = "label"\nGREETING = "say \\"hi\\"\\\\n"\n',
        );
        assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, path.join(root, 'baselines', 'tiny', 'evaluate.py'));
      } finally {
        fs.rmSync(path.join(root, '.mlroadmap', 'templates'), { recursive: true, force: true });
      }
    });

    it('asks in QuickPicks when run from the palette, with defaults: first template, workspace CSV, guessed column and type, fresh id', async () => {
      const { result: outcome, prompts } = await acceptFlowDefaults(() => vscode.commands.executeCommand<ScaffoldOutcome>(SCAFFOLD));
      // Accepted on each step's default: template, dataset, target column, problem type, folder, candidate id.
      assert.deepEqual(prompts.map((p) => `${p.step}/${p.totalSteps}`), ['1/6', '2/6', '3/6', '4/6', '5/6', '6/6']);
      assert.equal(outcome!.done, true, outcome!.message);
      assert.equal(outcome!.candidate, 'majority-2', "the dumb template's id, numbered because 'majority' is taken");
      assert.equal(outcome!.folder, path.join(root, 'baselines', 'majority-2'));
      const evaluatePy = fs.readFileSync(path.join(outcome!.folder!, 'evaluate.py'), 'utf8');
      assert.match(evaluatePy, /^DATASET = "\.\.\/\.\.\/data\/digits\.csv"/m);
      assert.match(evaluatePy, /^TARGET = "label"$/m, 'the target column guessed from the header');
      assert.match(evaluatePy, /^TASK = "classification"/m, 'the problem type guessed from the column');
      assert.ok(parseRoadmap(await readDisk(demoRoadmapUri())).roadmap!.candidates.some((c) => c.id === 'majority-2' && c.baseline));
    });
  });

  describe('in a roadmap without an evaluation block: every template, run for real', () => {
    const ids: Record<'dumb' | 'sklearn' | 'pytorch', string> = { dumb: 'majority-2', sklearn: 'logreg-2', pytorch: 'mlp-2' };

    before(async () => {
      await restoreFile(demoRoadmapUri(), withoutEvaluation(original));
    });

    it('scaffolds the dumb baseline with defaults: a fresh id, baselines/<id>, and the evaluation block that runs it', async () => {
      const before = await readDisk(demoRoadmapUri());
      const outcome = await scaffold({ template: 'dumb', dataset: DATASET, target: 'label', task: 'classification' });
      assert.equal(outcome.done, true, outcome.message);
      assert.equal(outcome.candidate, ids.dumb, "'majority' is taken: the suggestion is numbered");
      assert.equal(outcome.folder, path.join(root, 'baselines', ids.dumb));
      assert.equal(outcome.evaluationAdded, true);
      const after = await readDisk(demoRoadmapUri());
      assert.notEqual(after, before);
      const roadmap = parseRoadmap(after).roadmap!;
      assert.deepEqual(
        { command: roadmap.evaluation?.command, dataset: roadmap.evaluation?.dataset, results: roadmap.evaluation?.results, baseline: roadmap.evaluation?.baseline },
        { command: '${python} baselines/${candidate}/evaluate.py --dataset ${dataset} --out ${results}', dataset: DATASET, results: 'results/${candidate}.json', baseline: ids.dumb },
      );
      assert.equal(roadmap.candidates.find((c) => c.id === ids.dumb)?.baseline, true);
      assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, path.join(outcome.folder!, 'evaluate.py'));
    });

    it('scaffolds scikit-learn and PyTorch next to it (task detected), registered as plain candidates', async () => {
      for (const template of ['sklearn', 'pytorch'] as const) {
        const outcome = await scaffold({ template, dataset: DATASET, target: 'label' });
        assert.equal(outcome.done, true, outcome.message);
        assert.equal(outcome.candidate, ids[template]);
        assert.equal(outcome.evaluationAdded, false, 'the evaluation block exists now');
        assert.ok(fs.existsSync(path.join(outcome.folder!, 'train.py')));
      }
      const roadmap = parseRoadmap(await readDisk(demoRoadmapUri())).roadmap!;
      assert.equal(roadmap.candidates.find((c) => c.id === ids.sklearn)?.baseline, false);
      assert.equal(roadmap.candidates.find((c) => c.id === ids.pytorch)?.baseline, false);
      assert.match(fs.readFileSync(path.join(root, 'baselines', ids.pytorch, 'evaluate.py'), 'utf8'), /^TASK = "classification"/m);
    });

    const scores: Record<string, Readonly<Record<string, number>>> = {};
    for (const template of ['dumb', 'sklearn', 'pytorch'] as const) {
      it(`runs the ${template} baseline through the evaluation task and shows its metrics`, async () => {
        const started = Date.now();
        const result = await evaluate(ids[template]);
        assert.equal(result.done, true, `${result.message ?? ''}`);
        const metrics = await latestMetrics(ids[template]);
        assert.ok(metrics.accuracy >= 0 && metrics.accuracy <= 1, JSON.stringify(metrics));
        assert.ok(metrics.macro_f1 >= 0 && metrics.macro_f1 <= 1, JSON.stringify(metrics));
        assert.ok(fs.existsSync(path.join(root, 'results', `${ids[template]}.json`)), 'the result file is where the roadmap says');
        scores[template] = metrics;
        console.log(`      ${template}: accuracy ${metrics.accuracy.toFixed(4)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      });
    }

    it('ranks the dumb baseline below scikit-learn, and scikit-learn well above chance', () => {
      assert.ok(scores.dumb && scores.sklearn && scores.pytorch, 'every template ran');
      assert.ok(scores.dumb.accuracy < 0.2, `majority class of 10 balanced digits: ${scores.dumb.accuracy}`);
      assert.ok(scores.sklearn.accuracy > 0.9, `scaled logistic regression on digits: ${scores.sklearn.accuracy}`);
      assert.ok(scores.dumb.accuracy < scores.sklearn.accuracy);
      assert.ok(scores.dumb.macro_f1 < scores.sklearn.macro_f1);
      assert.ok(scores.pytorch.accuracy > 0.9, `small MLP on digits: ${scores.pytorch.accuracy}`);
      assert.ok(fs.existsSync(path.join(root, 'results', `${ids.pytorch}.epochs.jsonl`)), 'PyTorch logs its epochs');
    });

    it('refuses to overwrite existing files: nothing written, the roadmap unchanged', async () => {
      const folder = path.join(root, 'baselines', ids.sklearn);
      const train = path.join(folder, 'train.py');
      fs.writeFileSync(train, '# my own changes\n');
      const before = await readDisk(demoRoadmapUri());
      const outcome = await scaffold({ template: 'sklearn', dataset: DATASET, target: 'label', folder: `baselines/${ids.sklearn}`, name: 'logreg-again', overwrite: false });
      assert.equal(outcome.done, false);
      assert.deepEqual([...(outcome.existing ?? [])].sort(), ['README.md', 'evaluate.py', 'mlroadmap_result.py', 'requirements.txt', 'tabular.py', 'train.py']);
      assert.match(outcome.message ?? '', /Nothing was written/);
      assert.equal(fs.readFileSync(train, 'utf8'), '# my own changes\n', 'the edited file is kept');
      assert.equal(await readDisk(demoRoadmapUri()), before, 'no candidate registered');
    });

    it('overwrites them when told to, and registers the new id', async () => {
      const folder = path.join(root, 'baselines', ids.sklearn);
      const outcome = await scaffold({ template: 'sklearn', dataset: DATASET, target: 'label', folder: `baselines/${ids.sklearn}`, name: 'logreg-again', overwrite: true });
      assert.equal(outcome.done, true, outcome.message);
      assert.match(fs.readFileSync(path.join(folder, 'train.py'), 'utf8'), /LogisticRegression/);
      assert.match(fs.readFileSync(path.join(folder, 'evaluate.py'), 'utf8'), /^CANDIDATE = "logreg-again"$/m);
      assert.ok(parseRoadmap(await readDisk(demoRoadmapUri())).roadmap!.candidates.some((c) => c.id === 'logreg-again'));
    });
  });
});

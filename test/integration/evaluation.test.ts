// Evaluations on the demo project inside the real extension host: the demo's own evaluate.py run by /usr/bin/python3
// through the task system, the history record with its stamps, the index, CodeLens, hover, Candidates tree,
// Testing view and compare document; a failing run (exit code, log, nothing recorded); stale results.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EvaluateResult } from '../../src/evaluation/commands';
import type { EvaluationHandle, ServicesWithEvaluation } from '../../src/evaluation';
import { ResultsTestController } from '../../src/evaluation/testing';
import { resultTable } from '../../src/evaluation/summary';
import type { Evaluations } from '../../src/evaluation/evaluations';
import { EvaluationTerminal } from '../../src/evaluation/tasks';
import type { Roadmap } from '../../src/core/roadmap/model';
import { waitFor } from './support/extension';
import { commitAll, git } from './support/git';
import { demoRoadmapUri, extensionApi, readDisk, restoreFile, workspaceFolder } from './support/roadmapFile';
import { viewsHandle } from './support/views';
import type { ViewNode } from '../../src/views/viewNode';
import type { NodeTreeProvider } from '../../src/views/nodeTreeProvider';

const PYTHON = '/usr/bin/python3';
const ZERO_RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** What the Python extension's API offers that the tests call (its test double implements the same). */
interface PythonApi {
  readonly environments: { updateActiveEnvironmentPath(path: string): Promise<void> };
}

async function handle(): Promise<EvaluationHandle> {
  const api = await extensionApi();
  const evaluation = (api.services as ServicesWithEvaluation).evaluation;
  assert.ok(evaluation, 'the evaluation feature exposes its handle on services.evaluation');
  return evaluation;
}

function historyLines(root: string): Record<string, unknown>[] {
  const file = path.join(root, '.mlroadmap', 'history.jsonl');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** The first node, depth first, that satisfies `predicate` (trees group by roadmap when a test leaves a second one). */
function findNode(provider: NodeTreeProvider, predicate: (n: ViewNode) => boolean, parent?: ViewNode): ViewNode | undefined {
  for (const node of provider.getChildren(parent)) {
    if (predicate(node)) return node;
    const found = findNode(provider, predicate, node);
    if (found) return found;
  }
  return undefined;
}

/** A test item anywhere in the controller's tree. */
function findTestItem(items: vscode.TestItemCollection, id: string): vscode.TestItem | undefined {
  let found: vscode.TestItem | undefined;
  items.forEach((item) => {
    found ??= item.id === id ? item : findTestItem(item.children, id);
  });
  return found;
}

async function evaluate(args: object): Promise<EvaluateResult> {
  const result = await vscode.commands.executeCommand<EvaluateResult>('mlroadmap.evaluateCandidate', { roadmap: demoRoadmapUri().toString(), ...args });
  assert.ok(result, 'the command returns its outcome');
  return result;
}

describe('evaluation on the demo project', function () {
  this.timeout(180_000);
  let root = '';
  let original = '';
  let head = '';
  /** The knn figures of the run (deterministic for a given scikit-learn: fixed split, no randomness in k-NN). */
  let knn = { accuracy: 0, macro_f1: 0 };
  const mark = (value: number, target: number) => (value >= target ? '✓' : '✗');

  before(async () => {
    root = workspaceFolder().uri.fsPath;
    original = await readDisk(demoRoadmapUri());
    await vscode.workspace.getConfiguration('mlroadmap').update('pythonPath', PYTHON, vscode.ConfigurationTarget.Global);
    // A real repository, so results are stamped with a real commit. VS Code's own git extension is switched off
    // meanwhile: its background git calls on a repository the test removes again fail after the test.
    await vscode.workspace.getConfiguration('git').update('enabled', false, vscode.ConfigurationTarget.Global);
    commitAll(root);
    head = git(root, 'rev-parse', 'HEAD');
    await handle();
  });

  after(async () => {
    await restoreFile(demoRoadmapUri(), original);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('mlroadmap').update('pythonPath', undefined, vscode.ConfigurationTarget.Global);
    for (const p of ['.git', '.mlroadmap', 'results/knn.json']) fs.rmSync(path.join(root, p), { recursive: true, force: true });
    await vscode.workspace.getConfiguration('git').update('enabled', undefined, vscode.ConfigurationTarget.Global);
    const h = await handle();
    const entry = (await extensionApi()).services.store.get(demoRoadmapUri());
    if (entry) await h.index.reload(entry);
  });

  it('offers an mlroadmap task per candidate and "evaluate all", with the Python problem matcher', async () => {
    const tasks = await vscode.tasks.fetchTasks({ type: 'mlroadmap' });
    assert.deepEqual(
      tasks.map((t) => t.name),
      ['evaluate majority', 'evaluate logreg', 'evaluate cnn', 'evaluate mlp', 'evaluate knn', 'evaluate all'],
    );
    assert.deepEqual(tasks[0].definition, { type: 'mlroadmap', candidate: 'majority', roadmap: 'mlroadmap.yaml' });
    assert.deepEqual(tasks[5].definition.candidate, '*');
    assert.deepEqual(tasks[0].problemMatchers, ['$mlroadmap-python']);
  });

  it('reads the committed results files into the index before any run', async () => {
    const h = await handle();
    const entry = (await extensionApi()).services.store.get(demoRoadmapUri());
    assert.ok(entry);
    await h.index.whenIdle();
    await waitFor('the committed majority result', () => h.index.latest(entry, 'majority') !== undefined);
    assert.equal(h.index.latest(entry, 'majority')?.metrics.accuracy, 0.1003);
    assert.equal(h.index.latest(entry, 'knn'), undefined);
  });

  it('runs knn with evaluate.py through the task system and records it with commit, dataset fingerprint and command', async () => {
    const ended: string[] = [];
    const sub = vscode.tasks.onDidEndTask((e) => ended.push(e.execution.task.name));
    const before = historyLines(root).length;
    const result = await evaluate({ candidate: 'knn' });
    assert.equal(result.done, true, JSON.stringify(result));
    assert.ok('exitCode' in result);
    assert.equal(result.exitCode, 0);
    await waitFor('the task to end', () => ended.includes('evaluate knn'));
    sub.dispose();

    const lines = historyLines(root);
    assert.equal(lines.length, before + 1, 'one record appended');
    const rec = lines[lines.length - 1] as {
      candidate: string;
      metrics: Record<string, number>;
      git: { commit: string; dirty: boolean };
      dataset: { path: string; sha256: string };
      command: string;
      source: string;
      format: string;
    };
    assert.equal(rec.candidate, 'knn');
    assert.ok(rec.metrics.accuracy > 0.9 && rec.metrics.accuracy <= 1, `accuracy ${rec.metrics.accuracy}`);
    knn = { accuracy: rec.metrics.accuracy, macro_f1: rec.metrics.macro_f1 };
    assert.equal(rec.git.commit, head);
    assert.equal(typeof rec.git.dirty, 'boolean');
    const sha = createHash('sha256').update(fs.readFileSync(path.join(root, 'data', 'digits.csv'))).digest('hex');
    assert.deepEqual([rec.dataset.path, rec.dataset.sha256], ['data/digits.csv', sha]);
    assert.equal(rec.command, `${PYTHON} evaluate.py --candidate knn --dataset data/digits.csv --out results/knn.json`);
    assert.deepEqual([rec.source, rec.format], ['results/knn.json', 'mlroadmap']);

    const h = await handle();
    const entry = (await extensionApi()).services.store.get(demoRoadmapUri());
    assert.ok(entry);
    const latest = h.index.latest(entry, 'knn');
    assert.equal(latest?.metrics.accuracy, rec.metrics.accuracy);
    assert.equal(latest?.commit, head);
    assert.equal(latest?.datasetSha256, sha);
    assert.equal(latest?.stale, undefined);
    assert.ok(fs.existsSync(result.logFile ?? ''), 'the run kept its log');
    assert.match(fs.readFileSync(result.logFile!, 'utf8'), /knn: accuracy 0\.\d+ macro_f1/);
  });

  it('CodeLens above the candidate and on its results file: primary metric, delta, target, age, Evaluate, Compare and Review', async () => {
    await vscode.workspace.openTextDocument(demoRoadmapUri());
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', demoRoadmapUri());
    const text = await readDisk(demoRoadmapUri());
    const knnLine = text.split('\n').findIndex((l) => l.includes('- id: knn'));
    const knnLenses = lenses.filter((l) => l.range.start.line === knnLine).map((l) => l.command?.title ?? '');
    assert.equal(knnLenses.length, 4, knnLenses.join(' | '));
    assert.equal(knnLenses[0], `accuracy ${knn.accuracy} · +${Number((knn.accuracy - 0.1003).toPrecision(4))} vs majority · target 0.97 ${mark(knn.accuracy, 0.97)} · just now`);
    assert.deepEqual(knnLenses.slice(1), ['$(play) Evaluate', '$(diff) Compare', '$(checklist) Review']);
    const majorityLine = text.split('\n').findIndex((l) => l.includes('- id: majority'));
    const majority = lenses.find((l) => l.range.start.line === majorityLine)?.command?.title;
    assert.match(majority ?? '', /^accuracy 0\.1003 · target 0\.97 ✗ · /);
    const mlpLine = text.split('\n').findIndex((l) => l.includes('- id: mlp'));
    assert.equal(lenses.find((l) => l.range.start.line === mlpLine)?.command?.title, 'no result yet');

    const resultsUri = vscode.Uri.file(path.join(root, 'results', 'knn.json'));
    await vscode.workspace.openTextDocument(resultsUri);
    const fileLenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', resultsUri);
    assert.match(fileLenses[0]?.command?.title ?? '', /^knn: accuracy 0\.9\d* · \+0\.\d+ vs majority/);
  });

  it('hover on the candidate shows the full metric table', async () => {
    const text = await readDisk(demoRoadmapUri());
    const knnLine = text.split('\n').findIndex((l) => l.includes('- id: knn'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', demoRoadmapUri(), new vscode.Position(knnLine, 8));
    const markdown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(markdown, /\| metric \| knn \| majority \| Δ \| target \|/);
    assert.ok(markdown.includes(`| accuracy | ${knn.accuracy} | 0.1003 | +${Number((knn.accuracy - 0.1003).toPrecision(4))} | 0.97 ${mark(knn.accuracy, 0.97)} |`), markdown);
    assert.match(markdown, /\| macro\\_f1 \| /);
    assert.match(markdown, new RegExp(`commit ${head.slice(0, 12)}`));
  });

  it('the hover table shows a metric a tool wrote under another name (eval_accuracy) once, on its roadmap row', () => {
    const metrics = [{ id: 'accuracy', kind: 'offline' as const, goal: 'maximize' as const, target: 0.97, range: ZERO_RANGE }];
    const candidates = [{ id: 'majority', baseline: true, status: 'evaluated' }, { id: 'cnn', baseline: false, status: 'evaluated' }];
    const roadmap = { metrics, candidates, evaluation: { range: ZERO_RANGE, command: 'run', baseline: 'majority' } } as unknown as Roadmap;
    const results: Record<string, Record<string, number>> = { cnn: { eval_accuracy: 0.98, eval_loss: 0.1 }, majority: { eval_accuracy: 0.1 } };
    const table = resultTable(roadmap, 'cnn', (id) => (results[id] ? { candidate: id, metrics: results[id], source: `/r/${id}.json`, format: 'json' } : undefined));
    const rows = table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| metric') && !l.startsWith('| ---'));
    assert.deepEqual(rows, ['| accuracy | 0.98 | 0.1 | +0.88 | 0.97 ✓ |', '| eval\\_loss | 0.1 | — | — | — |']);
  });

  it('the Candidates tree shows the same figures', async () => {
    const { candidates } = await viewsHandle();
    const knnNode = () => findNode(candidates, (n) => n.itemId === 'knn' && n.roadmap === demoRoadmapUri().toString());
    await waitFor('the tree to show the knn result', () => /accuracy 0\.9/.test(knnNode()?.description ?? ''));
    const node = knnNode()!;
    assert.ok(
      (node.description ?? '').includes(`accuracy ${knn.accuracy} (+${Number((knn.accuracy - 0.1003).toPrecision(4))} vs baseline, target 0.97 ${mark(knn.accuracy, 0.97)})`),
      node.description,
    );
  });

  it('the Testing view passes and fails candidate × metric-with-target on the latest result', async () => {
    const h = await handle();
    const uri = demoRoadmapUri();
    const id = (c: string, m: string) => ResultsTestController.itemId(uri, c, m);
    const state = (value: number, target: number) => (value >= target ? 'passed' : 'failed');
    await waitFor('knn published', () => h.testing.published.get(id('knn', 'accuracy'))?.state === state(knn.accuracy, 0.97));
    assert.equal(h.testing.published.get(id('knn', 'macro_f1'))?.state, state(knn.macro_f1, 0.96));
    assert.ok(h.testing.published.get(id('knn', 'accuracy'))?.message.startsWith(`knn accuracy = ${knn.accuracy}, target ≥ 0.97 (`));
    assert.deepEqual(h.testing.published.get(id('majority', 'accuracy'))?.state, 'failed');
    assert.match(h.testing.published.get(id('majority', 'accuracy'))?.message ?? '', /^majority accuracy = 0\.1003, target ≥ 0\.97/);
    assert.equal(h.testing.published.get(id('mlp', 'accuracy'))?.state, 'skipped');
    assert.equal(h.testing.published.has(id('knn', 'forms_auto_routed')), true, 'every metric with a target is a test');
    const knnItem = findTestItem(h.testing.controller.items, `${uri.toString()}#knn`);
    assert.ok(knnItem?.children.get(id('knn', 'macro_f1')));
  });

  it('Compare with Baseline opens a Markdown comparison; only differences on request', async () => {
    const full = await vscode.commands.executeCommand<{ done: boolean; text: string; uri: string }>('mlroadmap.compareCandidate', { roadmap: demoRoadmapUri().toString(), candidate: 'knn' });
    assert.equal(full.done, true);
    assert.match(full.uri, /^mlroadmap-compare:/);
    assert.match(full.text, /^# knn vs baseline majority/);
    const delta = Number((knn.accuracy - 0.1003).toPrecision(4));
    assert.ok(full.text.includes(`| accuracy | maximize | 0.97 | ${knn.accuracy} | 0.1003 | +${delta} ▲ | ${mark(knn.accuracy, 0.97)} |`), full.text);
    assert.match(full.text, /\| commit \| `[0-9a-f]{12}/);
    assert.match(full.text, /\| command \| `\/usr\/bin\/python3 evaluate\.py --candidate knn/);
    const diff = await vscode.commands.executeCommand<{ text: string }>('mlroadmap.compareCandidate', { roadmap: demoRoadmapUri().toString(), candidate: 'knn', onlyDifferences: true });
    assert.match(diff.text, /Only the rows where the candidate and the baseline differ/);
    assert.doesNotMatch(diff.text, /\| dataset sha256 \|/, 'same dataset on both sides: the row is left out');
  });

  it('a failing evaluation says so with its exit code, opens its log, puts the traceback in Problems and records nothing', async () => {
    const uri = demoRoadmapUri();
    const text = await readDisk(uri);
    await restoreFile(uri, text.replace('\nevaluation:', '  - id: transformer\n    title: Vision transformer\n    status: idea\n\nevaluation:'));
    const h = await handle();
    const before = historyLines(root);
    const result = await evaluate({ candidate: 'transformer' });
    assert.equal(result.done, false);
    assert.ok('exitCode' in result, JSON.stringify(result));
    assert.equal(result.exitCode, 1);
    assert.equal(result.message, 'Evaluation of transformer failed (exit code 1).');
    assert.equal(h.evaluations.lastError, 'Evaluation of transformer failed (exit code 1).');
    const log = result.logFile ?? '';
    assert.match(fs.readFileSync(log, 'utf8'), /ValueError: unknown candidate 'transformer'/);
    await waitFor('the log to be opened', () => vscode.window.visibleTextEditors.some((e) => e.document.uri.fsPath === log));
    const shown = await vscode.commands.executeCommand<{ file?: string }>('mlroadmap.showEvaluationLog');
    assert.equal(shown.file, log, 'Show Evaluation Log opens the last run\'s log');
    // The task's problem matcher ($mlroadmap-python) turns the traceback into a diagnostic on the raising line.
    const script = vscode.Uri.file(path.join(root, 'evaluate.py'));
    const raiseLine = fs.readFileSync(script.fsPath, 'utf8').split('\n').findIndex((l) => l.includes('raise ValueError("unknown candidate'));
    await waitFor('a Python diagnostic on evaluate.py', () =>
      vscode.languages.getDiagnostics(script).some((d) => d.range.start.line === raiseLine && /ValueError: unknown candidate 'transformer'/.test(d.message)),
    );
    assert.deepEqual(historyLines(root), before, 'nothing recorded');
    const entry = (await extensionApi()).services.store.get(uri);
    assert.ok(entry);
    assert.equal(h.index.latest(entry, 'transformer'), undefined);
    assert.equal(fs.existsSync(path.join(root, 'results', 'transformer.json')), false);

    const again = await vscode.commands.executeCommand<EvaluateResult>('mlroadmap.rerunLastEvaluation');
    assert.ok('exitCode' in again, JSON.stringify(again));
    assert.deepEqual([again.candidate, again.exitCode], ['transformer', 1]);
    await restoreFile(uri, text);
  });

  it('a task stopped mid-run ends the wait of Evaluate with the cancelled run, recording nothing', async () => {
    const uri = demoRoadmapUri();
    const text = await readDisk(uri);
    const script = path.join(root, 'slow.py');
    const marker = path.join(root, 'slow-started');
    fs.writeFileSync(script, `import pathlib, time\npathlib.Path(${JSON.stringify(marker)}).write_text("running")\ntime.sleep(120)\n`);
    let execution: vscode.TaskExecution | undefined;
    const sub = vscode.tasks.onDidStartTask((e) => {
      if (e.execution.task.name === 'evaluate knn') execution = e.execution;
    });
    try {
      await restoreFile(uri, text.replace('${python} evaluate.py --candidate ${candidate} --dataset ${dataset} --out ${results}', '${python} slow.py'));
      const before = historyLines(root);
      const running = evaluate({ candidate: 'knn' });
      await waitFor('the evaluation process to run', () => fs.existsSync(marker), 30_000);
      assert.ok(execution, 'the evaluation runs as a task');
      execution.terminate();
      const result = await running;
      assert.equal(result.done, false);
      assert.ok('cancelled' in result, JSON.stringify(result));
      assert.deepEqual([result.cancelled, result.exitCode, result.message], [true, 1, 'Evaluation of knn was cancelled; nothing was recorded.']);
      assert.deepEqual(historyLines(root), before, 'nothing recorded');
    } finally {
      sub.dispose();
      fs.rmSync(script, { force: true });
      fs.rmSync(marker, { force: true });
      await restoreFile(uri, text);
    }
  });

  it('a run cancelled before its first step is no success: nothing ran, nothing was recorded', async () => {
    const h = await handle();
    const before = historyLines(root);
    // The pseudoterminal hands its cancel over once the run can be stopped: here it is stopped right then.
    const outcome = await h.evaluations.execute(demoRoadmapUri(), 'knn', { write: () => {}, onCancel: (cancel) => cancel() });
    assert.deepEqual([outcome.ok, outcome.cancelled, outcome.steps.length, outcome.exitCode], [false, true, 0, 1]);
    assert.equal(outcome.message, 'Evaluation of knn was cancelled before it ran; nothing was recorded.');
    assert.deepEqual(historyLines(root), before);
  });

  it('the evaluation terminal always reports: closed before it opened, closed while the run gets ready, a run that throws', async () => {
    const uri = demoRoadmapUri();
    const runs = (execute: Evaluations['execute']) => ({ execute }) as unknown as Evaluations;

    // The task stopped before its terminal opened: no run, a cancelled outcome all the same.
    const unopened = new EvaluationTerminal(runs(() => Promise.reject(new Error('must not run'))), uri, 'knn');
    unopened.close();
    const first = await unopened.outcome;
    assert.deepEqual([first.ok, first.cancelled, first.message], [false, true, 'The evaluation was stopped before it started; nothing was recorded.']);

    // Closed while the run was getting ready (before it could be stopped): stopped as soon as it can be.
    let ready!: () => void;
    const gettingReady = new Promise<void>((ok) => (ready = ok));
    let stopped = false;
    const late = new EvaluationTerminal(
      runs(async (roadmap, candidate, io) => {
        await gettingReady;
        io.onCancel(() => (stopped = true));
        return { roadmap: roadmap.toString(), candidate, ok: false, exitCode: 1, cancelled: stopped, steps: [] };
      }),
      uri,
      'knn',
    );
    late.open();
    late.close();
    ready();
    const second = await late.outcome;
    assert.equal(stopped, true, 'the run was stopped');
    assert.equal(second.cancelled, true);

    // A run that throws ends as a failure, and the terminal closes with exit code 1 (the task ends).
    const throwing = new EvaluationTerminal(runs(() => Promise.reject(new Error('disk full'))), uri, 'knn');
    const closed = new Promise<number>((ok) => throwing.onDidClose(ok));
    throwing.open();
    const third = await throwing.outcome;
    assert.deepEqual([third.ok, third.exitCode], [false, 1]);
    assert.equal(third.message, 'The evaluation stopped on an internal error: disk full');
    assert.equal(await closed, 1);
  });

  it('a changed dataset makes the latest results stale (pitfall/faulty-evaluation)', async () => {
    const h = await handle();
    const entry = (await extensionApi()).services.store.get(demoRoadmapUri());
    assert.ok(entry);
    const dataset = path.join(root, 'data', 'digits.csv');
    const data = fs.readFileSync(dataset);
    try {
      fs.appendFileSync(dataset, '\n');
      await waitFor('the knn result to turn stale', () => (h.index.staleFindings(entry).some((f) => f.message.includes("'knn'")) ? true : false), 15_000);
      assert.match(h.index.latest(entry, 'knn')?.stale ?? '', /another version of the dataset/);
      const analysis = (await extensionApi()).services.analysis.get(entry);
      assert.ok(analysis.findings.some((f) => f.code === 'pitfall/faulty-evaluation' && f.message.includes("'knn'")));
    } finally {
      fs.writeFileSync(dataset, data);
    }
    await waitFor('the knn result to be current again', () => h.index.latest(entry, 'knn')?.stale === undefined, 15_000);
  });

  it('${python} is the interpreter selected in the Python extension when it is installed, over the setting', async () => {
    const python = vscode.extensions.getExtension<PythonApi>('ms-python.python');
    assert.ok(python, 'the Python extension (its test double) is installed');
    const api = await python.activate();
    const h = await handle();
    const entry = (await extensionApi()).services.store.get(demoRoadmapUri());
    assert.ok(entry);
    // An interpreter at a path of its own, as a virtual environment's bin/python3 is.
    const venv = fs.mkdtempSync(path.join(os.tmpdir(), 'mlroadmap-venv-'));
    const selected = path.join(venv, 'bin', 'python3');
    fs.mkdirSync(path.dirname(selected));
    fs.symlinkSync(PYTHON, selected);
    try {
      await api.environments.updateActiveEnvironmentPath(selected);
      const run = await evaluate({ candidate: 'knn' });
      assert.equal(run.done, true, JSON.stringify(run));
      assert.ok('steps' in run);
      assert.equal(run.steps[0].command.split(' ')[0], selected, run.steps[0].command);
      assert.equal(historyLines(root).at(-1)?.command, run.steps[0].command, 'the history keeps the command as run');
      // The staleness check follows the selection: the result just made is current.
      await waitFor('the knn result to be current with the selected interpreter', () => h.index.latest(entry, 'knn')?.stale === undefined, 15_000);
    } finally {
      await api.environments.updateActiveEnvironmentPath('');
      fs.rmSync(venv, { recursive: true, force: true });
    }
    // Back to the setting: the result made with the other interpreter is now stale (another command).
    await waitFor('the knn result to turn stale without the selected interpreter', () => /command/.test(h.index.latest(entry, 'knn')?.stale ?? ''), 15_000);
  });
  it('a deleted .mlroadmap folder empties the history; a history written right after its folder is made is read', async () => {
    // The watcher reports a deleted folder once (not each file it held), and a file written as soon as its folder
    // exists can reach the index only as the folder's creation: both must re-read the history.
    const h = await handle();
    const entry = (await extensionApi()).services.store.get(demoRoadmapUri());
    assert.ok(entry);
    await waitFor('the history of the runs so far', () => h.index.history(entry).length > 0, 15_000);
    const folder = path.join(root, '.mlroadmap');
    const kept = historyLines(root);
    fs.rmSync(folder, { recursive: true, force: true });
    await waitFor('the index to drop the deleted history', () => h.index.history(entry).length === 0, 15_000);
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'history.jsonl'), JSON.stringify(kept[0]) + '\n');
    await waitFor('the index to read the new history', () => h.index.history(entry).length === 1, 15_000);
    assert.equal(h.index.history(entry)[0].candidate, kept[0].candidate);
  });
});

// Initialize Roadmap in the real extension host: refuses to overwrite the demo's roadmap, writes a starter roadmap
// that parses with no errors into an empty folder of the workspace (nothing found, nothing asked), and in a folder
// holding a small ML project shows what it found in one multi-select list (everything picked) or writes only the
// findings an argument keeps.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseRoadmap } from '../../src/core/roadmap/parse';
import { acceptFlowDefaults } from './support/flows';
import { waitFor } from './support/extension';
import { demoRoadmapUri, extensionApi, readDisk, workspaceFolder } from './support/roadmapFile';

interface InitializeOutcome {
  done: boolean;
  reason?: string;
  message?: string;
  uri?: string;
  findings?: { key: string; kind: string; sources: string[] }[];
  kept?: string[];
}

/** A small ML project: Hugging Face results of two runs, an evaluation script with flags, data, an ADR folder. */
const PROJECT: Record<string, string> = {
  'outputs/bert-small/all_results.json': '{ "epoch": 2.0, "eval_accuracy": 0.91, "eval_loss": 0.29 }\n',
  'outputs/majority-baseline/all_results.json': '{ "eval_accuracy": 0.52 }\n',
  'evaluate.py': 'import argparse\np = argparse.ArgumentParser()\np.add_argument("--candidate")\np.add_argument("--out")\n',
  'data/test.csv': 'text,label\nhello,1\n',
  'docs/adr/0001-record-architecture-decisions.md': '# 1. Record architecture decisions\n\n## Status\n\nAccepted\n',
};

describe('Initialize Roadmap', () => {
  const folder = () => vscode.Uri.joinPath(workspaceFolder().uri, 'tmp-initialize-test');
  const projects = [0, 1].map((i) => () => vscode.Uri.joinPath(workspaceFolder().uri, `tmp-initialize-project-${i}`));

  async function writeProject(root: vscode.Uri): Promise<void> {
    for (const [path, text] of Object.entries(PROJECT)) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, ...path.split('/')), new TextEncoder().encode(text));
  }

  before(async () => {
    await extensionApi();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const f of [folder(), ...projects.map((p) => p())]) await vscode.workspace.fs.delete(f, { recursive: true, useTrash: false }).then(undefined, () => undefined);
    const api = await extensionApi();
    await api.services.store.refresh();
  });

  it('refuses to overwrite the roadmap the workspace already has', async () => {
    const before = await readDisk(demoRoadmapUri());
    const outcome = await vscode.commands.executeCommand<InitializeOutcome>('mlroadmap.initialize', { name: 'Other', problem: 'Other problem' });
    assert.equal(outcome.done, false);
    assert.equal(outcome.reason, 'exists');
    assert.equal(outcome.uri, demoRoadmapUri().toString());
    assert.equal(await readDisk(demoRoadmapUri()), before, 'the existing roadmap is untouched');
  });

  it('writes a starter roadmap that parses with no errors into an empty folder, and opens it', async () => {
    await vscode.workspace.fs.createDirectory(folder());
    const outcome = await vscode.commands.executeCommand<InitializeOutcome>('mlroadmap.initialize', {
      folder: folder().toString(),
      name: 'Invoice fields',
      problem: 'Clerks copy totals from scanned invoices by hand.',
    });
    assert.equal(outcome.done, true, outcome.message);
    const uri = vscode.Uri.joinPath(folder(), 'mlroadmap.yaml');
    assert.equal(outcome.uri, uri.toString());
    assert.deepEqual(outcome.findings, [], 'an empty folder holds nothing to start from');
    const text = await readDisk(uri);
    const parsed = parseRoadmap(text);
    assert.deepEqual(parsed.diagnostics.filter((d) => d.severity === 'error'), [], JSON.stringify(parsed.diagnostics));
    assert.equal(parsed.roadmap?.project.name, 'Invoice fields');
    assert.equal(parsed.roadmap?.project.problem, 'Clerks copy totals from scanned invoices by hand.');
    assert.equal(parsed.roadmap?.project.phase, 'discovery');
    assert.deepEqual(parsed.roadmap?.discovery.map((s) => s.stage), ['understand', 'define', 'ideate', 'prototype', 'test']);
    assert.ok((parsed.roadmap?.production.length ?? 0) > 0, 'the usual Production tracks are there');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the new roadmap is opened');
    // The cursor is on the first thing to fill in: the Focus list's first item, here the evaluation command.
    const evaluationLine = text.split('\n').findIndex((l) => l.startsWith('evaluation:'));
    assert.ok(evaluationLine > 0);
    assert.deepEqual(vscode.window.activeTextEditor?.selection.active, new vscode.Position(evaluationLine, 0));
    const api = await extensionApi();
    await waitFor('the store to know the new roadmap', () => api.services.store.get(uri) !== undefined, 5000);

    const again = await vscode.commands.executeCommand<InitializeOutcome>('mlroadmap.initialize', { folder: folder().toString(), name: 'X', problem: 'Y' });
    assert.equal(again.reason, 'exists', 'a second run refuses to overwrite it');
    assert.equal(await readDisk(uri), text);
  });

  it('shows what the project holds in one multi-select list, everything picked, and writes it with the sources kept', async () => {
    const root = projects[0]();
    await writeProject(root);
    const { result, prompts } = await acceptFlowDefaults(() =>
      vscode.commands.executeCommand<InitializeOutcome>('mlroadmap.initialize', { folder: root.toString(), name: 'Reviews', problem: 'Support reads every review by hand.', open: false }),
    );
    assert.equal(result.done, true, result.message);
    assert.deepEqual(
      prompts.map((p) => p.kind),
      ['pickMany'],
      'name and problem came as arguments: the list of findings is the one prompt',
    );
    const keys = (result.findings ?? []).map((f) => f.key);
    assert.deepEqual(keys, [
      'metric:accuracy',
      'metric:loss',
      'candidate:bert-small',
      'candidate:majority-baseline',
      'dataset:data/test.csv',
      'command:evaluate.py',
      'decisions:docs/adr',
    ]);
    assert.deepEqual(result.kept, keys, 'everything is picked by default');
    const sources = Object.fromEntries((result.findings ?? []).map((f) => [f.key, f.sources[0]]));
    assert.equal(sources['metric:accuracy'], 'outputs/bert-small/all_results.json');
    assert.equal(sources['command:evaluate.py'], 'evaluate.py');
    assert.equal(sources['decisions:docs/adr'], 'docs/adr/0001-record-architecture-decisions.md');

    const parsed = parseRoadmap(await readDisk(vscode.Uri.joinPath(root, 'mlroadmap.yaml')));
    assert.deepEqual(parsed.diagnostics.filter((d) => d.severity === 'error'), [], JSON.stringify(parsed.diagnostics));
    const roadmap = parsed.roadmap;
    assert.deepEqual(roadmap?.metrics.map((m) => [m.id, m.goal, m.target]), [
      ['accuracy', 'maximize', undefined],
      ['loss', 'minimize', undefined],
    ]);
    assert.deepEqual(roadmap?.candidates.map((c) => [c.id, c.status, c.baseline]), [
      ['bert-small', 'evaluated', false],
      ['majority-baseline', 'evaluated', true],
    ]);
    assert.equal(roadmap?.evaluation?.command, '${python} evaluate.py --candidate ${candidate} --out ${results}');
    assert.equal(roadmap?.evaluation?.dataset, 'data/test.csv');
    assert.equal(roadmap?.evaluation?.baseline, 'majority-baseline');
    assert.equal(roadmap?.decisions, 'docs/adr');
  });

  it('writes only the findings the keep argument names, without asking', async () => {
    const root = projects[1]();
    await writeProject(root);
    const outcome = await vscode.commands.executeCommand<InitializeOutcome>('mlroadmap.initialize', {
      folder: root.toString(),
      name: 'Reviews',
      problem: 'Support reads every review by hand.',
      keep: ['metric:accuracy', 'decisions:docs/adr'],
      open: false,
    });
    assert.equal(outcome.done, true, outcome.message);
    assert.deepEqual(outcome.kept, ['metric:accuracy', 'decisions:docs/adr']);
    const text = await readDisk(vscode.Uri.joinPath(root, 'mlroadmap.yaml'));
    const roadmap = parseRoadmap(text).roadmap;
    assert.deepEqual(roadmap?.metrics.map((m) => m.id), ['accuracy']);
    assert.deepEqual(roadmap?.candidates.map((c) => c.id), ['dumb-baseline'], 'no run kept: the dumb baseline is proposed');
    assert.equal(roadmap?.evaluation?.command, undefined, 'the command left out stays commented out');
    assert.match(text, /# command: python3 evaluate\.py/);
    assert.equal(roadmap?.decisions, 'docs/adr');
  });
});

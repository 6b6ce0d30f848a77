// Compare Candidates' host side inside the real extension host: the command opens the webview panel on the demo,
// the webview's `ready` gets a snapshot whose numbers are the analysis' ranks and the results index's latest values
// (what the Candidates tree shows), a forged or malformed message is refused with nothing done, and an Evaluate
// request runs the demo's evaluation through the palette's command, after which the panel shows the new result.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ServicesWithEvaluation } from '../../src/evaluation';
import type { ComparePanel } from '../../src/panels/compare';
import { formatNumber } from '../../src/core/results/numbers';
import { waitFor } from './support/extension';
import { demoRoadmapUri, extensionApi, readDisk, restoreDemoRoadmapAfterEach, workspaceFolder } from './support/roadmapFile';

async function openCompare(): Promise<ComparePanel> {
  const panel = await vscode.commands.executeCommand<ComparePanel>('mlroadmap.compareCandidates', { roadmap: demoRoadmapUri().toString() });
  assert.ok(panel, 'Compare Candidates returns the panel');
  await waitFor('the webview to say ready and get its snapshot', () => panel.lastSent !== undefined, 60_000);
  return panel;
}

describe('Compare Candidates (host side)', function () {
  this.timeout(180_000);
  restoreDemoRoadmapAfterEach({ closeEditors: true });

  it('opens on the demo with the ranks, costs and latest results the analysis and the results index have', async () => {
    const panel = await openCompare();
    assert.equal(panel.panel.viewType, 'mlroadmap.compare');
    assert.equal(panel.panel.title, 'Compare: Digit recognizer');
    const api = await extensionApi();
    const entry = api.services.store.get(demoRoadmapUri());
    assert.ok(entry);
    const analysis = api.services.analysis.get(entry);
    assert.ok(analysis?.roadmap);
    await waitFor('the committed results in the index', () => api.services.results.latest(entry, 'logreg') !== undefined, 30_000);
    await waitFor('a snapshot with them', () => panel.lastSent?.rows.find((r) => r.id === 'logreg')?.metrics[0].value !== undefined, 30_000);
    const sent = panel.lastSent!;
    assert.deepEqual(sent.rows.map((r) => r.id), analysis.roadmap.candidates.map((c) => c.id));
    assert.equal(sent.baselineId, 'majority');
    for (const row of sent.rows) {
      const rank = analysis.ranks.get(row.id);
      assert.deepEqual(row.rank, rank && { position: rank.position, score: { value: rank.score, text: formatNumber(rank.score) }, formula: rank.formula }, row.id);
      const latest = api.services.results.latest(entry, row.id);
      for (const cell of row.metrics) {
        const raw = latest?.metrics[cell.metric];
        assert.equal(cell.value?.value, raw, `${row.id} ${cell.metric}`);
        if (raw !== undefined) assert.equal(cell.value?.text, formatNumber(raw));
      }
      assert.equal(row.result?.notFromPipeline ?? undefined, latest ? latest.notFromPipeline === true : undefined, row.id);
    }
    const cnn = sent.rows.find((r) => r.id === 'cnn')!;
    assert.deepEqual([cnn.effortDays?.value, cnn.computeHours?.value, cnn.risk, cnn.confidence], [5, 4, 'medium', 'medium']);
    assert.deepEqual(cnn.literature.map((l) => l.url), ['http://yann.lecun.com/exdb/publis/pdf/lecun-98.pdf']);
    assert.equal(cnn.decision?.number, '0002');
    assert.deepEqual(sent.scatter.front.length > 0, true, 'a Pareto front of the candidates with cost and expected accuracy');
    assert.equal(sent.readOnly, false);
    // The command again reveals the same panel.
    assert.equal(await vscode.commands.executeCommand<ComparePanel>('mlroadmap.compareCandidates', { roadmap: demoRoadmapUri().toString() }), panel);
  });

  it('refuses forged and malformed messages and does nothing', async () => {
    const panel = await openCompare();
    const before = await readDisk(demoRoadmapUri());
    const started: string[] = [];
    const sub = vscode.tasks.onDidStartTask((e) => started.push(e.execution.task.name));
    try {
      for (const forged of [
        { type: 'evaluateCandidate', id: 'knn', roadmap: 'file:///etc/passwd' },
        { type: 'openLink', url: 'javascript:alert(1)' },
        { type: 'openLink', url: 'command:workbench.action.terminal.new' },
        { type: 'runCommand', command: 'workbench.action.terminal.new' },
        'evaluateCandidate',
      ]) {
        assert.equal(await panel.receive(forged), false, JSON.stringify(forged));
      }
    } finally {
      sub.dispose();
    }
    assert.equal(panel.refused.length, 5);
    assert.deepEqual(started, []);
    assert.equal(await readDisk(demoRoadmapUri()), before);
  });

  it('Reveal in YAML opens mlroadmap.yaml at the candidate', async () => {
    const panel = await openCompare();
    assert.equal(await panel.receive({ type: 'revealCandidate', id: 'mlp' }), true);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), demoRoadmapUri().toString());
    assert.match(editor.document.lineAt(editor.selection.start.line).text, /- id: mlp/);
  });

  describe('Evaluate from the panel', () => {
    const root = () => workspaceFolder().uri.fsPath;
    after(async () => {
      await vscode.workspace.getConfiguration('mlroadmap').update('pythonPath', undefined, vscode.ConfigurationTarget.Global);
      for (const p of ['.mlroadmap', 'results/knn.json']) fs.rmSync(path.join(root(), p), { recursive: true, force: true });
      const api = await extensionApi();
      const entry = api.services.store.get(demoRoadmapUri());
      const evaluation = (api.services as ServicesWithEvaluation).evaluation;
      if (entry && evaluation) await evaluation.index.reload(entry);
    });

    it('runs the candidate\'s evaluation through Evaluate Candidate, and the panel shows the new result', async () => {
      await vscode.workspace.getConfiguration('mlroadmap').update('pythonPath', '/usr/bin/python3', vscode.ConfigurationTarget.Global);
      const panel = await openCompare();
      assert.equal(panel.lastSent?.rows.find((r) => r.id === 'knn')?.metrics[0].value, undefined, 'knn has no result yet');
      const ended: string[] = [];
      const sub = vscode.tasks.onDidEndTask((e) => ended.push(e.execution.task.name));
      try {
        assert.equal(await panel.receive({ type: 'evaluateCandidate', id: 'knn' }), true);
        await waitFor('the evaluation task to end', () => ended.includes('evaluate knn'), 120_000);
      } finally {
        sub.dispose();
      }
      const api = await extensionApi();
      const entry = api.services.store.get(demoRoadmapUri());
      assert.ok(entry);
      await waitFor('the index to hold the run', () => api.services.results.latest(entry, 'knn') !== undefined, 30_000);
      const accuracy = api.services.results.latest(entry, 'knn')!.metrics.accuracy;
      await waitFor('the panel to show it', () => panel.lastSent?.rows.find((r) => r.id === 'knn')?.metrics[0].value?.value === accuracy, 30_000);
      const knn = panel.lastSent!.rows.find((r) => r.id === 'knn')!;
      assert.equal(knn.result?.notFromPipeline, false, 'a run of the pipeline counts');
      assert.ok(panel.lastSent!.scatter.points.some((p) => p.candidate === 'knn' && p.measured === accuracy && p.expected === 0.97));
    });
  });
});

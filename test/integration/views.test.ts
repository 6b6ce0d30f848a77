// The sidebar on the demo workspace, inside the real extension host: tree contents, reveal, refresh after
// an edit, the status bar item, Copy Focus, and grouping by roadmap when a monorepo holds two.
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { demoRoadmapUri, extensionApi, restoreDemoRoadmapAfterEach, workspaceFolder } from './support/roadmapFile';
import { waitFor } from './support/extension';
import { parseRoadmap } from '../../src/core/roadmap/parse';
import { buildCandidateNodes, resultSummary } from '../../src/views/candidatesTree';
import type { RoadmapEntry } from '../../src/workspace/roadmapStore';
import { child, editDocument, labels, lineOf, nodeAt, viewsHandle } from './support/views';

const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('sidebar views on the demo roadmap', () => {
  const original = restoreDemoRoadmapAfterEach({ closeEditors: true });

  it('Roadmap: Focus first, then the phases, the current one marked and expanded', async () => {
    const { roadmap } = await viewsHandle();
    const top = roadmap.getChildren();
    assert.deepEqual(labels(top), ['Focus', 'Discovery', 'Production']);
    assert.equal(top[0].expanded, true);
    const discovery = top[1];
    assert.match(discovery.description ?? '', /^current · 5\/12$/);
    assert.equal(discovery.expanded, true);
    assert.equal(roadmap.getTreeItem(discovery).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.equal(top[2].expanded, false);
    assert.equal(top[2].description, '0/6');
  });

  it('Roadmap: Focus lists open pitfall findings first, then the next steps in stage order with owners', async () => {
    const api = await extensionApi();
    const { roadmap } = await viewsHandle();
    const entry = api.services.store.get(demoRoadmapUri());
    assert.ok(entry);
    const findings = api.services.analysis.get(entry).findings;
    const focus = roadmap.getChildren(nodeAt(roadmap, 'Focus'));
    const kinds = focus.map((n) => n.contextValue?.split('.')[0]);
    const firstStep = kinds.indexOf('step');
    assert.notEqual(firstStep, -1, `the focus lists a next step: ${kinds.join(', ')}`);
    assert.ok(kinds.slice(0, firstStep).every((k) => k === 'finding'), `findings come first: ${kinds.join(', ')}`);
    assert.equal(firstStep, findings.length, 'every finding is listed before the first step');
    assert.equal(focus[firstStep].label, 'Automate the end-to-end evaluation');
    assert.equal(focus[firstStep].description, 'Ari · Define');
    assert.equal(focus[firstStep].itemId, 'evaluation-pipeline');
  });

  it('Roadmap: Design-Thinking stages with progress and purpose, steps with owner and status icon', async () => {
    const { roadmap } = await viewsHandle();
    const stages = roadmap.getChildren(nodeAt(roadmap, 'Discovery'));
    assert.equal(stages.length, 5);
    assert.deepEqual(
      stages.map((s) => s.description),
      ['3/3', '2/3', '0/2', '0/2', '0/2'],
    );
    for (const stage of stages) assert.ok((stage.tooltip ?? '').length > stage.label.length, `${stage.label} has a tooltip with its purpose`);
    const define = stages[1];
    const pipeline = child(roadmap, 'Automate the end-to-end evaluation', define);
    assert.equal(pipeline.contextValue, 'step.node');
    assert.equal(pipeline.itemId, 'evaluation-pipeline');
    assert.match(pipeline.description ?? '', /^Ari · doing$/);
    const item = roadmap.getTreeItem(pipeline);
    const icon = item.iconPath as vscode.ThemeIcon;
    assert.equal(icon.id, 'play-circle');
    assert.equal(icon.color?.id, 'charts.yellow');
    const done = roadmap.getTreeItem(child(roadmap, 'Fit dumb and simple baselines', define)).iconPath as vscode.ThemeIcon;
    assert.equal(done.id, 'pass-filled');
    assert.equal(done.color?.id, 'testing.iconPassed');
    assert.ok(item.tooltip instanceof vscode.MarkdownString);
  });

  it('Roadmap: Production tracks with their role and progress', async () => {
    const { roadmap } = await viewsHandle();
    const tracks = roadmap.getChildren(nodeAt(roadmap, 'Production'));
    assert.deepEqual(labels(tracks), ['training-pipeline', 'serving', 'monitoring']);
    assert.equal(tracks[1].description, 'software engineers · 0/2');
  });

  it('selecting a step reveals its node in mlroadmap.yaml and keeps the focus in the tree', async () => {
    const { roadmap } = await viewsHandle();
    const step = nodeAt(roadmap, 'Discovery', /Define/, 'Fit dumb and simple baselines');
    const item = roadmap.getTreeItem(step);
    assert.equal(item.command?.command, 'mlroadmap.revealInRoadmap');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is open');
    assert.equal(editor.document.uri.toString(), demoRoadmapUri().toString());
    assert.equal(editor.selection.start.line, lineOf(editor.document.getText(), '- id: baseline'));
  });

  it('Candidates: grouped by status in lifecycle order, baselines marked, literature as links', async () => {
    const { candidates } = await viewsHandle();
    const groups = candidates.getChildren();
    assert.deepEqual(labels(groups), ['Idea', 'Shortlisted', 'Prototyping', 'Evaluated']);
    const evaluated = candidates.getChildren(groups[3]);
    assert.deepEqual(
      evaluated.map((c) => c.contextValue),
      ['candidate.baseline.node', 'candidate.baseline.node'],
    );
    for (const c of evaluated) assert.match(c.description ?? '', /^baseline/);
    const mlp = child(candidates, 'One-hidden-layer MLP', groups[2]);
    assert.equal(mlp.contextValue, 'candidate.node');
    assert.equal(mlp.description, '#2 · 2 d · accuracy → 0.975');
    assert.match(mlp.tooltip ?? '', /Cost: 2 d, 1 h compute, low risk/);
    assert.match(mlp.tooltip ?? '', /Cost\/benefit rank #2/);
    assert.match(mlp.tooltip ?? '', /Expected benefit: accuracy 0\\?\.975/);
    const links = candidates.getChildren(mlp);
    assert.deepEqual(
      links.map((l) => [l.description, l.contextValue, l.url]),
      [
        ['lecun98', 'literature.link.node', 'http://yann.lecun.com/exdb/publis/pdf/lecun-98.pdf'],
        ['karpathy19', 'literature.link.node', 'https://karpathy.github.io/2019/04/25/recipe/'],
      ],
    );
  });

  it('Candidates: a result reads against the baseline and the primary metric\'s target', () => {
    const metric = { id: 'accuracy', goal: 'maximize' as const, target: 0.97, range: ZERO };
    const result = (value: number) => ({ candidate: 'x', metrics: { accuracy: value }, source: '/r.json', format: 'mlroadmap-result/1' });
    assert.equal(resultSummary(result(0.953), result(0.945), metric, false), 'accuracy 0.953 (+0.008 vs baseline, target 0.97 ✗)');
    assert.equal(resultSummary(result(0.98), result(0.99), metric, false), 'accuracy 0.98 (−0.01 vs baseline, target 0.97 ✓)');
    assert.equal(resultSummary(result(0.9124), result(0.912), metric, false), 'accuracy 0.9124 (+0.0004 vs baseline, target 0.97 ✗)', 'a 0.0004 gap is not 0');
    assert.equal(resultSummary(result(0.945), undefined, metric, true), 'accuracy 0.945 (target 0.97 ✗)');
    assert.equal(resultSummary({ ...result(1), metrics: { loss: 0.2 } }, undefined, metric, false), undefined);
  });

  it('Candidates: the candidate evaluation.baseline names is marked, sorted and compared as the baseline, without a baseline flag', () => {
    const parsed = parseRoadmap(`version: 1
project: { name: P, problem: x, business_goal: y, phase: discovery }
metrics:
  - { id: accuracy, goal: maximize, target: 0.97 }
candidates:
  - { id: cnn, status: evaluated }
  - { id: logreg, status: evaluated }
evaluation: { command: run, baseline: logreg }
`).roadmap;
    assert.ok(parsed);
    const results: Record<string, { accuracy: number }> = { cnn: { accuracy: 0.953 }, logreg: { accuracy: 0.945 } };
    const entry = { uri: vscode.Uri.file('/tmp/p/mlroadmap.yaml') } as RoadmapEntry;
    const [evaluated] = buildCandidateNodes(entry, {
      roadmap: parsed,
      latest: (id) => ({ candidate: id, metrics: results[id], source: `/r/${id}.json`, format: 'mlroadmap-result/1' }),
      rankOf: () => undefined,
      rankFormula: '',
    });
    assert.deepEqual(
      (evaluated.children ?? []).map((c) => [c.itemId, c.contextValue, c.description]),
      [
        ['logreg', 'candidate.baseline.node', 'baseline · accuracy 0.945 (target 0.97 ✗)'],
        ['cnn', 'candidate.node', 'accuracy 0.953 (+0.008 vs baseline, target 0.97 ✗)'],
      ],
    );
  });

  it('Metrics and reality checks: kind, goal, target and why; verdict icons', async () => {
    const { metrics } = await viewsHandle();
    const top = metrics.getChildren();
    assert.deepEqual(labels(top), ['Metrics', 'Reality checks']);
    const list = metrics.getChildren(top[0]);
    assert.deepEqual(labels(list), ['accuracy', 'macro_f1', 'forms_auto_routed']);
    assert.equal(list[0].description, 'offline · ↑ 0.97 · primary');
    assert.equal(list[2].description, 'business · ↑ 0.8');
    assert.match(metrics.getChildren(list[0])[0].label, /^Below 97% every form/);
    const checks = metrics.getChildren(top[1]);
    assert.deepEqual(labels(checks), ['ops-demo']);
    assert.equal(checks[0].contextValue, 'realityCheck.node');
    assert.equal(checks[0].description, 'planned · demo · cnn · 2026-12-15');
    assert.equal((metrics.getTreeItem(checks[0]).iconPath as vscode.ThemeIcon).id, 'calendar');
  });

  it('Decisions: one item per record the decisions index holds, opening the file', async () => {
    const api = await extensionApi();
    const entry = api.services.store.get(demoRoadmapUri());
    assert.ok(entry);
    const records = api.services.decisions.records(entry);
    const { decisions } = await viewsHandle();
    const nodes = decisions.getChildren();
    assert.equal(nodes.length, records.length);
    for (const node of nodes) {
      assert.equal(node.contextValue, 'decision');
      assert.equal(decisions.getTreeItem(node).command?.command, 'vscode.open');
    }
  });

  it('refreshes the Roadmap view within about 300 ms of an edit, from the unsaved text', async () => {
    const { roadmap } = await viewsHandle();
    const fired: number[] = [];
    const started = Date.now();
    const listener = roadmap.onDidChangeTreeData(() => fired.push(Date.now() - started));
    try {
      const doc = await editDocument(
        demoRoadmapUri(),
        'title: Estimate cost and benefit of each candidate\n        status: todo',
        'title: Estimate cost and benefit of each candidate\n        status: doing',
      );
      assert.equal(doc.isDirty, true);
      await waitFor('the Roadmap view to show the step as doing', () => {
        const step = nodeAt(roadmap, 'Discovery', /Ideate/, 'Estimate cost and benefit of each candidate');
        return step.description === 'doing';
      }, 3000);
      assert.ok(fired.length >= 1);
      assert.ok(fired[0] < 1000, `the view refreshed after ${fired[0]} ms`);
    } finally {
      listener.dispose();
    }
  });

  it('fires no tree change for an edit that changes nothing the view shows', async () => {
    const { metrics } = await viewsHandle();
    const api = await extensionApi();
    const storeText = () => api.services.store.get(demoRoadmapUri())?.text ?? '';
    // For each change event: did the store already hold the second edit (the one the Metrics view shows)?
    const fired: boolean[] = [];
    const listener = metrics.onDidChangeTreeData(() => fired.push(storeText().includes('target: 0.95')));
    try {
      await editDocument(demoRoadmapUri(), 'title: Nightly training job', 'title: Nightly training run');
      await waitFor('the store to read the edit', () => storeText().includes('Nightly training run'), 3000);
      // A change the view shows, read after the first: its event comes after any the first edit fired.
      await editDocument(demoRoadmapUri(), '    target: 0.96\n', '    target: 0.95\n');
      await waitFor('the Metrics view to fire for the new target', () => fired.includes(true), 3000);
      assert.deepEqual(fired, [true], 'the first edit fired no change');
    } finally {
      listener.dispose();
    }
  });

  it('shows the phase and its progress in the status bar', async () => {
    const { statusBar } = await viewsHandle();
    assert.match(statusBar.item.text, /^\$\((beaker|warning)\) Discovery 5\/12$/);
    assert.equal(statusBar.item.name, 'ML Roadmap');
    assert.equal((statusBar.item.command as vscode.Command).command, 'mlroadmap.showBoard');
  });

  it('Copy Focus as Markdown puts a checklist on the clipboard', async () => {
    const markdown = await vscode.commands.executeCommand<string>('mlroadmap.copyFocus', demoRoadmapUri());
    assert.ok(markdown);
    assert.match(markdown, /^## Focus: Digit recognizer/);
    assert.match(markdown, /^- \[ \] /m);
    assert.equal(await vscode.env.clipboard.readText(), markdown);
  });

  it('groups every view by roadmap when a monorepo holds a second mlroadmap.yaml', async () => {
    const api = await extensionApi();
    const { roadmap, candidates } = await viewsHandle();
    const second = vscode.Uri.joinPath(workspaceFolder().uri, 'services', 'ocr', 'mlroadmap.yaml');
    await vscode.workspace.fs.writeFile(second, new TextEncoder().encode(original().replace('name: Digit recognizer', 'name: OCR service')));
    try {
      await waitFor('the store to find the second roadmap', () => api.services.store.all().length === 2, 15_000);
      await waitFor('the Roadmap view to group by roadmap', () => roadmap.getChildren().length === 2 && roadmap.getChildren()[0].contextValue === 'roadmapGroup', 3000);
      const groups = roadmap.getChildren();
      assert.deepEqual(
        groups.map((g) => g.label).sort(),
        api.services.store.all().map((e) => e.label).sort(),
      );
      assert.deepEqual(labels(roadmap.getChildren(groups[0])), ['Focus', 'Discovery', 'Production']);
      assert.equal(candidates.getChildren().length, 2);
      // A file below services/ocr belongs to the inner roadmap, not the outer one whose folder holds it too.
      const inner = vscode.Uri.joinPath(workspaceFolder().uri, 'services', 'ocr', 'train.py');
      await vscode.workspace.fs.writeFile(inner, new TextEncoder().encode('print("ocr")\n'));
      await vscode.window.showTextDocument(inner);
      assert.equal(api.services.store.active()?.uri.toString(), second.toString());
    } finally {
      // The folder deleted outside VS Code (as `rm -rf services` would): the store drops the roadmaps inside it.
      rmSync(vscode.Uri.joinPath(workspaceFolder().uri, 'services').fsPath, { recursive: true, force: true });
    }
    await waitFor('the store to drop the second roadmap', () => api.services.store.all().length === 1, 15_000);
    await waitFor('the Roadmap view to ungroup', () => labels(roadmap.getChildren())[0] === 'Focus', 3000);
  });
});

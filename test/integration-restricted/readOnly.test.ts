// Restricted Mode, read-only side: the window really is untrusted, and ML Roadmap still activates and shows the
// demo roadmap (store, diagnostics that follow unsaved edits, sidebar trees, results, decisions, comparison),
// while offering nothing that runs code: no Evaluate CodeLens (tasks: tasks.test.ts).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor } from '../integration/support/extension';
import { demoRoadmapUri, extensionApi, readDisk, workspaceFolder } from '../integration/support/roadmapFile';
import { editDocument, labels, viewsHandle } from '../integration/support/views';
import { assertSameFiles, snapshotFiles, type FileSnapshot } from './support/workspaceFiles';

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'ML Roadmap');
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

describe('Restricted Mode: the roadmap read-only', () => {
  let files: FileSnapshot;

  before(async () => {
    files = snapshotFiles(workspaceFolder().uri.fsPath);
    await extensionApi();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assertSameFiles(files, snapshotFiles(workspaceFolder().uri.fsPath), 'reading the roadmap in Restricted Mode');
  });

  it('runs in an untrusted window (Workspace Trust on, the folder not trusted)', () => {
    assert.equal(process.env.MLROADMAP_WORKSPACE_TRUST, 'restricted', 'the harness opened the folder for Restricted Mode');
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('activates and the store holds the demo roadmap', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded in Restricted Mode (untrustedWorkspaces: limited)`);
    const api = await extensionApi();
    assert.equal(extension.isActive, true);
    const entry = api.services.store.get(demoRoadmapUri());
    assert.ok(entry, 'the demo roadmap is in the store');
    assert.equal(entry.roadmap?.project.name, 'Digit recognizer');
    assert.deepEqual(entry.roadmap?.candidates.map((c) => c.id), ['majority', 'logreg', 'cnn', 'mlp', 'knn']);
  });

  it('publishes the analysis diagnostics on mlroadmap.yaml', async () => {
    const api = await extensionApi();
    const entry = api.services.store.get(demoRoadmapUri());
    assert.ok(entry);
    const expected = api.services.analysis.get(entry).diagnostics.map((d) => d.code).sort();
    await waitFor('the diagnostics to be published', () => ours(demoRoadmapUri()).length === expected.length, 5000);
    assert.deepEqual(ours(demoRoadmapUri()).map(codeOf).sort(), expected);
  });

  it('diagnostics follow an unsaved edit in the editor, and the file on disk is not touched', async () => {
    const before = await readDisk(demoRoadmapUri());
    // The web workbench saves dirty editors after a delay by default; this test's edit must stay unsaved.
    const files = vscode.workspace.getConfiguration('files');
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    try {
      const doc = await editDocument(demoRoadmapUri(), '  deadline: 2027-03-31\n', '  deadline: 2027-03-31\n  colour: blue\n');
      try {
        await waitFor('a diagnostic on the unknown key', () => ours(demoRoadmapUri()).some((d) => codeOf(d) === 'schema/unknown-key'), 5000);
        assert.equal(doc.isDirty, true, 'the edit stays in the editor');
      } finally {
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    } finally {
      await files.update('autoSave', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('the diagnostic to go with the revert', () => !ours(demoRoadmapUri()).some((d) => codeOf(d) === 'schema/unknown-key'), 5000);
    assert.equal(await readDisk(demoRoadmapUri()), before);
  });

  it('the sidebar trees show the roadmap, candidates, metrics and decisions', async () => {
    const views = await viewsHandle();
    assert.deepEqual(labels(views.roadmap.getChildren()), ['Focus', 'Discovery', 'Production']);
    const candidates = views.candidates.getChildren().flatMap((n) => [n, ...views.candidates.getChildren(n)]);
    for (const id of ['majority', 'logreg', 'cnn', 'mlp', 'knn']) {
      assert.ok(candidates.some((n) => n.itemId === id), `candidate ${id} in the Candidates view: ${labels(candidates).join(' | ')}`);
    }
    const metrics = views.metrics.getChildren().flatMap((n) => [n, ...views.metrics.getChildren(n)]);
    assert.ok(metrics.some((n) => n.itemId === 'accuracy'), `accuracy in the Metrics view: ${labels(metrics).join(' | ')}`);
    await waitFor('the decision records in the Decisions view', () => {
      const records = views.decisions.getChildren().flatMap((n) => [n, ...views.decisions.getChildren(n)]);
      return records.some((n) => /shortlist a small cnn/i.test(n.label));
    }, 10_000);
  });

  it('reads the committed results and compares a candidate with the baseline (a read-only document)', async () => {
    const api = await extensionApi();
    const entry = api.services.store.get(demoRoadmapUri());
    assert.ok(entry);
    await waitFor('the logreg result in the results index', () => api.services.results.latest(entry, 'logreg') !== undefined, 20_000);
    assert.ok(Object.keys(api.services.results.latest(entry, 'logreg')!.metrics).includes('accuracy'));
    const compared = await vscode.commands.executeCommand<{ done: boolean; uri: string; text: string }>('mlroadmap.compareCandidate', {
      roadmap: demoRoadmapUri().toString(),
      candidate: 'logreg',
    });
    assert.equal(compared.done, true);
    assert.notEqual(vscode.Uri.parse(compared.uri).scheme, 'file', 'the comparison is a virtual document, not a file');
    assert.match(compared.text, /accuracy/);
  });

  it('CodeLens shows results but no Evaluate action', async () => {
    await vscode.window.showTextDocument(demoRoadmapUri());
    let lenses: vscode.CodeLens[] = [];
    await waitFor('the CodeLens on the candidates', async () => {
      lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', demoRoadmapUri());
      return lenses.some((l) => l.command?.title.includes('accuracy'));
    }, 10_000);
    const commands = lenses.map((l) => l.command?.command).filter((c) => c);
    assert.ok(!commands.includes('mlroadmap.evaluateCandidate'), `no Evaluate lens: ${JSON.stringify(lenses.map((l) => l.command))}`);
  });
});

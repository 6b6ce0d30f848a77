// Diagnostics of mlroadmap.yaml in the real extension host: published from the analysis, following edits of
// the unsaved text, ranged on the node they are about, cleared when a roadmap goes away; and the context keys.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { contextKeyValues, hasDecisions } from '../../src/workspace/diagnostics';
import { demoRoadmapUri, extensionApi, readDisk, restoreDemoRoadmapAfterEach, workspaceFolder } from './support/roadmapFile';
import { waitFor } from './support/extension';
import { editDocument, lineOf } from './support/views';

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'ML Roadmap');
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

describe('diagnostics and context keys', () => {
  const original = restoreDemoRoadmapAfterEach({ closeEditors: true });

  it('publishes exactly the analysis diagnostics of the demo, with source and code', async () => {
    const api = await extensionApi();
    const entry = api.services.store.get(demoRoadmapUri());
    assert.ok(entry);
    const expected = api.services.analysis.get(entry).diagnostics;
    await waitFor('the diagnostics to be published', () => ours(demoRoadmapUri()).length === expected.length, 3000);
    const published = ours(demoRoadmapUri());
    assert.deepEqual(published.map(codeOf).sort(), expected.map((d) => d.code).sort());
    assert.equal(
      expected.filter((d) => d.code.startsWith('yaml/') || d.code.startsWith('schema/')).length,
      0,
      'the demo parses cleanly',
    );
  });

  it('an unknown key gets a ranged diagnostic that disappears when the edit is undone', async () => {
    const doc = await editDocument(demoRoadmapUri(), '  deadline: 2027-03-31\n', '  deadline: 2027-03-31\n  colour: blue\n');
    const line = lineOf(doc.getText(), 'colour: blue');
    await waitFor('a diagnostic on the unknown key', () => ours(demoRoadmapUri()).some((d) => codeOf(d) === 'schema/unknown-key'), 3000);
    const d = ours(demoRoadmapUri()).find((x) => codeOf(x) === 'schema/unknown-key');
    assert.ok(d);
    assert.equal(d.range.start.line, line);
    assert.equal(d.range.start.character, 2);
    await editDocument(demoRoadmapUri(), '  colour: blue\n', '');
    await waitFor('the diagnostic to disappear', () => !ours(demoRoadmapUri()).some((x) => codeOf(x) === 'schema/unknown-key'), 3000);
  });

  it('a malformed edit gives a ranged YAML error and never rewrites the file', async () => {
    const doc = await editDocument(demoRoadmapUri(), '  phase: discovery ', '  phase: [discovery ');
    const edited = doc.getText();
    await waitFor('a YAML syntax diagnostic', () => ours(demoRoadmapUri()).some((d) => codeOf(d) === 'yaml/syntax' && d.severity === vscode.DiagnosticSeverity.Error), 3000);
    const d = ours(demoRoadmapUri()).find((x) => codeOf(x) === 'yaml/syntax');
    assert.ok(d);
    assert.ok(d.range.start.line >= lineOf(edited, 'phase: [discovery'), `diagnostic at line ${d.range.start.line + 1}`);
    // Typing goes on: once the extension has read this later edit, it has handled the malformed one.
    const api = await extensionApi();
    await editDocument(demoRoadmapUri(), 'version: 1\n', 'version: 1\n# still typing\n');
    await waitFor('the store to read the later edit', () => api.services.store.get(demoRoadmapUri())?.text.includes('# still typing') ?? false, 3000);
    assert.equal(doc.getText(), edited.replace('version: 1\n', 'version: 1\n# still typing\n'), 'the editor text is left as typed');
    assert.equal(await readDisk(demoRoadmapUri()), original(), 'the file on disk is untouched');
    assert.equal(contextKeyValues(api.services)['mlroadmap.hasErrors'], true);
  });

  it('clears the diagnostics of a roadmap that goes away', async () => {
    const api = await extensionApi();
    const second = vscode.Uri.joinPath(workspaceFolder().uri, 'broken', 'mlroadmap.yaml');
    await vscode.workspace.fs.writeFile(second, new TextEncoder().encode('version: 1\nproject: {phase: discovery}\nmetrics: [\n'));
    try {
      await waitFor('diagnostics on the second roadmap', () => ours(second).length > 0, 15_000);
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder().uri, 'broken'), { recursive: true });
    }
    await waitFor('the second roadmap to leave the store', () => api.services.store.all().length === 1, 15_000);
    await waitFor('its diagnostics to be cleared', () => ours(second).length === 0, 3000);
    assert.ok(ours(demoRoadmapUri()).length === api.services.analysis.get(api.services.store.all()[0]).diagnostics.length);
  });

  it('computes the context keys views and menus depend on', async () => {
    const api = await extensionApi();
    const keys = contextKeyValues(api.services);
    assert.equal(keys['mlroadmap.hasRoadmap'], true);
    assert.equal(keys['mlroadmap.hasErrors'], false);
    assert.equal(keys['mlroadmap.phase'], 'discovery');
    assert.equal(keys['mlroadmap.hasCandidates'], true);
    assert.equal(keys['mlroadmap.hasMetrics'], true);
    const focused = api.services.analysis.focused();
    assert.equal(keys['mlroadmap.gateBlocked'], focused?.gate !== undefined && !focused.gate.passed);
    const entry = api.services.store.all()[0];
    assert.equal(hasDecisions(api.services), api.services.decisions.records(entry).length > 0);
  });
});

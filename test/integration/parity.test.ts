// One rule in the editor and in CI: on every roadmap fixture, copied into the workspace with its results files and
// history, the extension's diagnostics and production gate are the ones `dist/cli.js check --json --gate production`
// prints for the same folder (a hand-written results file included: it counts in neither).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { EvaluationResultsIndex } from '../../src/evaluation/resultsIndex';
import { EXTENSION_ID, waitFor } from './support/extension';
import { extensionApi, workspaceFolder } from './support/roadmapFile';

interface Finding {
  code: string;
  severity: string;
  message: string;
  line: number;
  column: number;
}

interface Gate {
  target: string;
  passed: boolean;
  unmet: { id: string; message: string }[];
}

const SEVERITY: Record<number, string> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

function sorted(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.line - b.line || a.column - b.column || a.message.localeCompare(b.message));
}

function published(uri: vscode.Uri): Finding[] {
  return sorted(
    vscode.languages
      .getDiagnostics(uri)
      .filter((d) => d.source === 'ML Roadmap')
      .map((d) => ({
        code: String(typeof d.code === 'object' ? d.code.value : d.code),
        severity: SEVERITY[d.severity],
        message: d.message,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
      })),
  );
}

/** The fixtures: each parity folder, and each roadmap of test/fixtures/roadmaps with that folder's results and history. */
function fixtures(repo: string): { name: string; copy: (to: string) => void }[] {
  const parity = path.join(repo, 'test', 'fixtures', 'parity');
  const roadmaps = path.join(repo, 'test', 'fixtures', 'roadmaps');
  const folders = fs
    .readdirSync(parity, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: d.name, copy: (to: string) => fs.cpSync(path.join(parity, d.name), to, { recursive: true }) }));
  const files = fs
    .readdirSync(roadmaps)
    .filter((f) => f.endsWith('.yaml') && f !== 'broken-yaml.yaml') // the CLI holds a roadmap with syntax errors on purpose
    .map((f) => ({
      name: path.basename(f, '.yaml'),
      copy: (to: string) => {
        fs.mkdirSync(to, { recursive: true });
        fs.cpSync(path.join(roadmaps, 'results'), path.join(to, 'results'), { recursive: true });
        fs.cpSync(path.join(roadmaps, '.mlroadmap'), path.join(to, '.mlroadmap'), { recursive: true });
        fs.copyFileSync(path.join(roadmaps, f), path.join(to, 'mlroadmap.yaml'));
      },
    }));
  return [...folders, ...files];
}

describe('the editor and `mlroadmap check --gate production` agree', function () {
  this.timeout(120_000);
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  const repo = extension?.extensionPath ?? '';
  const cli = path.join(repo, 'dist', 'cli.js');
  const parent = () => path.join(workspaceFolder().uri.fsPath, 'parity-fixtures');

  after(async () => {
    fs.rmSync(parent(), { recursive: true, force: true });
    const api = await extensionApi();
    await waitFor('the fixture roadmaps to leave the store', () => api.services.store.all().length === 1, 15_000);
  });

  it('on every roadmap fixture, the hand-written results files included', async () => {
    assert.ok(fs.existsSync(cli), `${cli} is built`);
    const api = await extensionApi();
    const index = api.services.results as EvaluationResultsIndex;
    const cases = fixtures(repo);
    for (const c of cases) c.copy(path.join(parent(), c.name));
    const uris = cases.map((c) => vscode.Uri.file(path.join(parent(), c.name, 'mlroadmap.yaml')));
    await waitFor('the fixture roadmaps in the store', () => uris.every((u) => api.services.store.get(u)?.roadmap !== undefined), 30_000);

    for (const [i, uri] of uris.entries()) {
      const name = cases[i].name;
      const { stdout } = await promisify(execFile)(process.execPath, [cli, 'check', '--json', '--gate', 'production', path.dirname(uri.fsPath)], {
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' })); // exit 1 on errors or an unmet gate
      const expected = JSON.parse(stdout) as { diagnostics: Finding[]; gate: Gate };

      const entry = api.services.store.get(uri);
      assert.ok(entry, name);
      await index.reload(entry);
      // Every fixture is in Discovery: the editor checks the production gate, as asked of the CLI.
      const gate = api.services.analysis.get(entry).gate;
      assert.equal(gate?.target, 'production', name);
      assert.deepEqual({ target: gate.target, passed: gate.passed, unmet: gate.unmet.map((u) => ({ id: u.id, message: u.message })) }, expected.gate, `${name}: the gate`);
      if (name === 'hand-written-unmarked') {
        // The editor used to count this results file as evaluated; the CLI did not.
        assert.deepEqual(gate.unmet.map((u) => u.id), ['baseline-evaluated']);
        assert.ok(expected.diagnostics.some((d) => d.message.startsWith("The results of 'majority' in 'results/majority.json' are not from the pipeline")));
      }
      const want = sorted(expected.diagnostics);
      await waitFor(`${name}: the Problems panel to show the diagnostics`, () => JSON.stringify(published(uri)) === JSON.stringify(want), 15_000).catch(() => undefined);
      assert.deepEqual(published(uri), want, `${name}: the diagnostics`);
    }
    assert.ok(cases.some((c) => c.name === 'hand-written-unmarked'), 'the fixtures hold a hand-written results file');
  });
});

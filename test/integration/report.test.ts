// Export Discovery Report… in the real extension host: the page and the Markdown written where asked, from what the
// editor shows — the snapshot embedded in the page holds Compare Candidates' rows exactly as the panel's model has
// them (the same numbers), and the page's CSP allows nothing but its own script and style by hash.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExportReportOutcome } from '../../src/commands/exportReport';
import type { ReportSnapshot } from '../../src/core/report/model';
import { COMPARE } from '../../src/panels/compare';
import { waitFor } from './support/extension';
import { acceptFlowDefaults } from './support/flows';
import { demoRoadmapUri, extensionApi } from './support/roadmapFile';

describe('Export Discovery Report', function () {
  this.timeout(60_000);
  let tmp = '';
  before(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mlroadmap-report-'))));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes the HTML page with the numbers Compare shows', async () => {
    const api = await extensionApi();
    const uri = demoRoadmapUri();
    const entry = api.services.store.get(uri);
    assert.ok(entry);
    await waitFor('the committed results in the index', () => api.services.results.latest(entry, 'logreg') !== undefined, 30_000);
    const out = path.join(tmp, 'report.html');
    // No `since` argument: the command asks for a git ref in an InputBox; its default (empty) means no comparison.
    const { result: outcome, prompts } = await acceptFlowDefaults(() => vscode.commands.executeCommand<ExportReportOutcome>('mlroadmap.exportReport', { roadmap: uri.toString(), out }));
    assert.deepEqual(prompts, [{ title: 'Export Discovery Report', step: 1, totalSteps: 1, kind: 'input' }]);
    assert.equal(outcome?.done, true, outcome?.message);
    const html = fs.readFileSync(out, 'utf8');
    assert.match(html, /content="default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-[^']+'/);
    const json = /id="mlroadmap-report-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
    assert.ok(json);
    const snapshot = JSON.parse(json) as ReportSnapshot;
    assert.equal(snapshot.project.name, 'Digit recognizer');
    assert.equal(snapshot.since, undefined);
    const panelModel = COMPARE.model(api.services, uri);
    assert.deepEqual(snapshot.compare.rows, JSON.parse(JSON.stringify(panelModel.rows)));
    assert.deepEqual(snapshot.compare.scatter, JSON.parse(JSON.stringify(panelModel.scatter)));
  });

  it('writes Markdown for a .md file; `since` given (empty: no comparison) asks nothing', async () => {
    const out = path.join(tmp, 'report.md');
    const api = await extensionApi();
    let shown = 0;
    const listener = api.onDidShowFlowPrompt(() => shown++);
    let outcome: ExportReportOutcome | undefined;
    try {
      outcome = await vscode.commands.executeCommand<ExportReportOutcome>('mlroadmap.exportReport', { roadmap: demoRoadmapUri().toString(), out, since: '' });
    } finally {
      listener.dispose();
    }
    assert.equal(shown, 0);
    assert.equal(outcome?.done, true, outcome?.message);
    assert.doesNotMatch(fs.readFileSync(out, 'utf8'), /## Since/);
    assert.match(fs.readFileSync(out, 'utf8'), /^# Discovery report: Digit recognizer\n[\s\S]*## Open pitfall findings/);
  });

  it('the git ref asked and the prompt closed: cancelled, nothing written', async () => {
    const api = await extensionApi();
    const out = path.join(tmp, 'cancelled.html');
    let shown = 0;
    const listener = api.onDidShowFlowPrompt(() => shown++);
    try {
      const running = vscode.commands.executeCommand<ExportReportOutcome>('mlroadmap.exportReport', { roadmap: demoRoadmapUri().toString(), out });
      await waitFor('the git ref prompt', () => shown > 0, 30_000);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      const outcome = await running;
      assert.deepEqual([outcome?.done, outcome?.reason], [false, 'cancelled']);
      assert.ok(!fs.existsSync(out));
    } finally {
      listener.dispose();
    }
  });

  it('since: a "Since <ref>" section when the workspace is a git repository; an unknown ref or no repository writes nothing', async () => {
    const uri = demoRoadmapUri();
    const root = path.dirname(uri.fsPath);
    const out = path.join(tmp, 'since.md');
    // The test workspace is a copy outside any repository.
    const none = await vscode.commands.executeCommand<ExportReportOutcome>('mlroadmap.exportReport', { roadmap: uri.toString(), out, since: 'HEAD' });
    assert.equal(none?.done, false);
    assert.match(none?.message ?? '', /not in a git repository.*Nothing was written/);
    assert.ok(!fs.existsSync(out));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' });
    try {
      git('init', '-q');
      git('add', '--', 'mlroadmap.yaml');
      git('commit', '-q', '-m', 'roadmap');
      const bad = await vscode.commands.executeCommand<ExportReportOutcome>('mlroadmap.exportReport', { roadmap: uri.toString(), out, since: 'no-such-branch' });
      assert.equal(bad?.done, false);
      assert.match(bad?.message ?? '', /'no-such-branch' is not a commit/);
      assert.ok(!fs.existsSync(out));
      const ok = await vscode.commands.executeCommand<ExportReportOutcome>('mlroadmap.exportReport', { roadmap: uri.toString(), out, since: 'HEAD' });
      assert.equal(ok?.done, true, ok?.message);
      // Only the roadmap was committed: every decision record counts as added since HEAD.
      const md = fs.readFileSync(out, 'utf8');
      assert.match(md, /\n## Since HEAD\n\nChanges since HEAD \(commit [0-9a-f]{7}, /);
      assert.match(md, /### Decisions\n\n\| Number \| Decision \| Before \| Now \|\n\| --- \| --- \| --- \| --- \|\n\| 0001 \| .* \| new \| accepted \|/);
      assert.doesNotMatch(md.slice(md.indexOf('## Since'), md.indexOf('## Progress')), /### Steps|### Candidates|### Metric targets/);
    } finally {
      fs.rmSync(path.join(root, '.git'), { recursive: true, force: true });
    }
  });
});

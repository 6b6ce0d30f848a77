/* global describe, it, before, after */
// End to end: with 1,000 runs in the demo's .mlroadmap/history.jsonl, "ML Roadmap: Show Evaluation Review" from the
// palette opens the Evaluation Review in the real workbench: the summary with pass/fail, the uPlot chart, the run
// table virtualised (only the rows in view are in the page); diff-only hides the metric that never changes; a pinned
// run shows deltas; both survive a window reload; the page runs under its strict CSP without a console error.
// Screenshots: test-results/screenshots/review-*.png.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectPageProblems, openWorkbench, panelFrame, poll, runFromPalette, selectColorTheme, waitForRoadmap } from './support/workbench.mjs';

const RUNS = 1000;

function history() {
  const lines = [];
  for (let i = 0; i < RUNS; i++) {
    const candidate = ['logreg', 'cnn', 'mlp'][i % 3];
    const accuracy = Number((0.9 + (i % 3) * 0.03 + (i / RUNS) * 0.02).toFixed(4));
    lines.push(
      JSON.stringify({
        candidate,
        metrics: { accuracy, macro_f1: Number((accuracy - 0.01).toFixed(4)), seed: 42 },
        source: `results/${candidate}.json`,
        format: 'mlroadmap',
        git: { commit: (i * 7919).toString(16).padStart(40, '0'), dirty: i % 10 === 0 },
        dataset: { path: 'data/digits.csv', sha256: 'f'.repeat(64), size: 1, mtimeMs: 1 },
        command: 'python evaluate.py',
        recordedAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
      }),
    );
  }
  return lines.join('\n') + '\n';
}

describe('Evaluation Review webview', function () {
  this.timeout(240_000);
  let workbench;
  let problems = [];

  before(async () => {
    workbench = await openWorkbench();
    mkdirSync(join(workbench.workspace.path, '.mlroadmap'), { recursive: true });
    writeFileSync(join(workbench.workspace.path, '.mlroadmap', 'history.jsonl'), history());
    problems = collectPageProblems(workbench.page, /review|uplot/i);
    await waitForRoadmap(workbench.page);
  });

  after(async () => {
    await workbench?.close();
  });

  const review = () => panelFrame(workbench.page);

  it('opens from the palette with the summary, the chart and the virtualised run table', async () => {
    await runFromPalette(workbench.page, 'ML Roadmap: Show Evaluation Review');
    await review().locator('h2', { hasText: `Runs (${RUNS})` }).waitFor({ state: 'visible', timeout: 60_000 });
    await review().locator('table.summary th', { hasText: 'accuracy' }).first().waitFor({ state: 'visible' });
    assert.ok((await review().locator('table.summary .verdict.pass').count()) > 0, 'a candidate meets a target');
    assert.ok((await review().locator('table.summary .verdict.fail').count()) > 0, 'a candidate misses a target');
    await review().locator('.plot canvas').first().waitFor({ state: 'visible' });
    const rows = await poll('rows drawn', () => review().locator('.inner .row').count(), (n) => n > 0);
    assert.ok(rows < 100, `only the rows in view are in the page (${rows} of ${RUNS})`);
    assert.deepEqual(await review().locator('.row.head .cell').allTextContents(), ['', 'run', 'candidate', 'recorded', 'commit', 'dataset', 'accuracy', 'macro_f1', 'seed']);
    await workbench.screenshot('review-1-opened');
  });

  it('scrolls to the last of the runs', async () => {
    await review().locator('.scroller').evaluate((e) => (e.scrollTop = e.scrollHeight));
    await review().locator(`.inner .row[data-run-id="run-${RUNS - 1}"]`).waitFor({ state: 'visible', timeout: 10_000 });
    await review().locator('.scroller').evaluate((e) => (e.scrollTop = 0));
    await review().locator('.inner .row[data-run-id="run-0"]').waitFor({ state: 'visible', timeout: 10_000 });
  });

  it('diff-only hides the metric that is the same in every run', async () => {
    await review().locator('#diff-only').check();
    await poll('the header without seed', () => review().locator('.row.head .cell').allTextContents(), (t) => !t.includes('seed') && t.includes('accuracy'));
    await workbench.screenshot('review-2-diff-only');
  });

  it('pins a run as the baseline: the table shows deltas against it', async () => {
    await review().locator('.inner .row[data-run-id="run-1"] button.pin').click();
    await review().locator('.baseline.pinned', { hasText: 'pinned run-1' }).waitFor({ state: 'visible', timeout: 30_000 });
    const cells = await review().locator('.inner .row[data-run-id="run-1"] .cell.num').allTextContents();
    assert.match(cells[0] ?? '', /\(±0\)$/, 'the pinned run against itself');
    const other = await review().locator('.inner .row[data-run-id="run-4"] .cell.num').allTextContents();
    assert.match(other[0] ?? '', /\([+−][0-9.e+-]+\)$/, 'another run shows its delta');
    await workbench.screenshot('review-3-pinned');
  });

  it('keeps diff-only and the pinned run across a window reload (state restored through the panel serializer)', async () => {
    const { page } = workbench;
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type('>Developer: Reload Window');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Reload Window' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
    await review().locator('.baseline.pinned', { hasText: 'pinned run-1' }).waitFor({ state: 'visible', timeout: 120_000 });
    assert.equal(await review().locator('#diff-only').isChecked(), true);
    assert.ok(!(await review().locator('.row.head .cell').allTextContents()).includes('seed'));
  });

  for (const [kind, theme, bodyClass] of [
    ['dark', 'Default Dark Modern', 'vscode-dark'],
    ['high-contrast', 'Default High Contrast', 'vscode-high-contrast'],
    ['light', 'Default Light Modern', 'vscode-light'],
  ]) {
    it(`reads in the ${theme} theme`, async () => {
      await selectColorTheme(workbench.page, theme, kind);
      await review().locator(`body.${bodyClass}`).waitFor({ state: 'attached', timeout: 30_000 });
      await review().locator('[data-run-id]').first().waitFor({ state: 'visible' });
      await workbench.screenshot(`review-theme-${kind}`);
    });
  }

  it('ran under its Content Security Policy without errors', () => {
    assert.deepEqual(problems, []);
  });
});

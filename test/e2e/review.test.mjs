/* global describe, it, before, after */
// End to end: with 1,000 runs in the demo's .mlroadmap/history.jsonl, "ML Roadmap: Show Evaluation Review" from the
// palette opens the Evaluation Review in the real workbench: the summary with pass/fail, the uPlot chart, the run
// table virtualised (only the rows in view are in the page; the snapshot carries the first rows, the rest come in
// pages the webview asks for after its first paint); diff-only hides the metric that never changes; a pinned
// run shows deltas; both survive a window reload; selecting a run with per-class results shows its table (sortable),
// one without says so; clicking a point of the chart opens that run's commit (the workspace is a real git repository
// here); the page runs under its strict CSP without a console error.
// Screenshots: test-results/screenshots/review-*.png.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectPageProblems, openWorkbench, panelFrame, poll, runFromPalette, selectColorTheme, waitForRoadmap } from './support/workbench.mjs';

const RUNS = 1000;

/** Makes the workspace a git repository with two commits; returns their ids, oldest first. */
function makeRepo(dir) {
  const git = (...args) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'demo');
  const first = git('rev-parse', 'HEAD');
  appendFileSync(join(dir, 'evaluate.py'), '# second commit of the review test\n');
  git('commit', '-qam', 'tune the evaluation script');
  return [first, git('rev-parse', 'HEAD')];
}

/** Per-class values of the ten digits, as the demo's evaluate.py writes them (own format's per_class). */
function perClass(i) {
  const classes = {};
  for (let d = 0; d < 10; d++) classes[String(d)] = { precision: Number((0.9 + ((d * 7 + i) % 10) / 100).toFixed(2)), recall: Number((0.95 - d / 100).toFixed(2)), support: 30 + d };
  return { classes };
}

function history(commits) {
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
        git: { commit: commits[i < RUNS / 2 ? 0 : 1], dirty: i % 10 === 0 },
        dataset: { path: 'data/digits.csv', sha256: 'f'.repeat(64), size: 1, mtimeMs: 1 },
        command: 'python evaluate.py',
        recordedAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
        // logreg's runs carry per-class values (the others do not).
        ...(candidate === 'logreg' ? { perClass: perClass(i) } : {}),
      }),
    );
  }
  return lines.join('\n') + '\n';
}

describe('Evaluation Review webview', function () {
  this.timeout(240_000);
  let workbench;
  let problems = [];
  let commits = [];

  before(async () => {
    workbench = await openWorkbench();
    commits = makeRepo(workbench.workspace.path);
    mkdirSync(join(workbench.workspace.path, '.mlroadmap'), { recursive: true });
    writeFileSync(join(workbench.workspace.path, '.mlroadmap', 'history.jsonl'), history(commits));
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

  it('scrolls to the last of the runs (the rest of the table came in pages after the first paint)', async () => {
    await review().locator('.table[aria-busy="false"]').waitFor({ state: 'attached', timeout: 30_000 });
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

  it('selecting a run with per-class results shows its table, sortable; a run without says so', async () => {
    await review().locator('.scroller').evaluate((e) => (e.scrollTop = 0));
    await review().locator('.inner .row[data-run-id="run-3"] .cell').nth(1).click();
    const table = review().locator('#run-detail table.per-class');
    await table.waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await review().locator('#run-detail h2').textContent(), 'Run run-3: logreg, 2026-01-01T03:00:00.000Z');
    assert.deepEqual(await table.locator('thead th').allTextContents(), ['class ▲', 'precision', 'recall', 'support']);
    assert.deepEqual(await table.locator('tbody th').allTextContents(), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    assert.equal(await review().locator('.inner .row[data-run-id="run-3"]').getAttribute('aria-selected'), 'true');
    await table.locator('thead button', { hasText: 'recall' }).click();
    await poll('sorted by recall, highest first', () => table.locator('tbody th').allTextContents(), (t) => t.join() === '0,1,2,3,4,5,6,7,8,9');
    await table.locator('thead button', { hasText: 'recall' }).click();
    await poll('sorted by recall, lowest first', () => table.locator('tbody th').allTextContents(), (t) => t.join() === '9,8,7,6,5,4,3,2,1,0');
    await review().locator('#run-detail').scrollIntoViewIfNeeded();
    await workbench.screenshot('review-4-per-class');
    await review().locator('.inner .row[data-run-id="run-4"] .cell').nth(1).click();
    await review().locator('#run-detail .no-per-class', { hasText: 'run-4 (cnn) has no per-class values' }).waitFor({ state: 'visible', timeout: 30_000 });
  });

  it("clicking a point of the chart opens that run's commit", async () => {
    const over = review().locator('.plot .u-over').first();
    await over.scrollIntoViewIfNeeded();
    const box = await over.boundingBox();
    assert.ok(box, 'the chart is drawn');
    // Near the right end: a run of the second half, so the second commit.
    await over.click({ position: { x: box.width * 0.9, y: box.height / 2 } });
    const selected = await poll('a run selected by the point', () => review().locator('#run-detail h2').textContent(), (t) => /^Run run-\d+:/.test(t ?? ''));
    const run = Number(/run-(\d+)/.exec(selected)[1]);
    assert.ok(run >= 800, `the point near the right end is a late run (${selected})`);
    const short = commits[1].slice(0, 7);
    const tab = workbench.page.locator('.tabs-container .tab', { hasText: short });
    await tab.first().waitFor({ state: 'visible', timeout: 60_000 });
    // The git extension's view of the commit (its one changed file), or the git show document (its --stat line).
    await workbench.page.locator('.multiDiffEditor, .editor-instance .monaco-editor').filter({ hasText: 'evaluate.py' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await workbench.screenshot('review-5-commit');
  });

  it('ran under its Content Security Policy without errors', () => {
    assert.deepEqual(problems, []);
  });
});

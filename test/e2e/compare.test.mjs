/* global describe, it, before, after, window, getComputedStyle */
// End to end: "ML Roadmap: Compare Candidates" from the palette opens the webview in the real workbench; the table
// sorts by a column (aria-sort follows), filters by status and by text, a column can be hidden, the scatter is drawn,
// a selected candidate offers its actions, the state survives a window reload, and the page runs under its strict
// CSP without a console error.
// Screenshots: test-results/screenshots/compare-*.png.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectPageProblems, openWorkbench, panelFrame, runFromPalette, selectColorTheme, waitForRoadmap } from './support/workbench.mjs';

describe('Compare Candidates webview', function () {
  this.timeout(240_000);
  let workbench;
  let problems = [];

  before(async () => {
    workbench = await openWorkbench();
    problems = collectPageProblems(workbench.page, /compare|uplot/i);
    await waitForRoadmap(workbench.page);
  });

  after(async () => {
    await workbench?.close();
  });

  const compare = () => panelFrame(workbench.page);
  const rowIds = async () => compare().locator('tbody tr.row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-candidate')));

  it('opens from the palette with every candidate, and the scatter', async () => {
    await runFromPalette(workbench.page, 'ML Roadmap: Compare Candidates');
    await compare().locator('tbody tr.row').first().waitFor({ state: 'visible', timeout: 60_000 });
    assert.deepEqual(await rowIds(), ['majority', 'logreg', 'cnn', 'mlp', 'knn']);
    // The committed results: logreg's accuracy with its delta against the baseline majority, and its target check.
    const logreg = compare().locator('tr[data-candidate="logreg"]');
    assert.match((await logreg.locator('td[data-column="value:accuracy"]').textContent()) ?? '', /^0\.\d+/);
    assert.match((await logreg.locator('td[data-column="delta:accuracy"]').textContent()) ?? '', /^\+0\.\d+/);
    await compare().locator('section.scatter canvas').first().waitFor({ state: 'visible' });
    assert.match((await compare().locator('section.scatter .chart').getAttribute('aria-label')) ?? '', /Pareto front: .*mlp/);
    await workbench.screenshot('compare-1-open');
  });

  it('sorts by a column when its header is clicked, both ways, with aria-sort', async () => {
    const header = compare().locator('th[data-column="effort"]');
    await header.locator('button').click();
    await compare().locator('th[data-column="effort"][aria-sort="ascending"]').waitFor();
    // Effort days: logreg 0.5, knn 1, mlp 2, cnn 5; majority has none and comes last.
    assert.deepEqual(await rowIds(), ['logreg', 'knn', 'mlp', 'cnn', 'majority']);
    await compare().locator('th[data-column="effort"] button').click();
    await compare().locator('th[data-column="effort"][aria-sort="descending"]').waitFor();
    assert.deepEqual(await rowIds(), ['cnn', 'mlp', 'knn', 'logreg', 'majority']);
    assert.equal(await compare().locator('th[data-column="status"]').getAttribute('aria-sort'), 'none');
  });

  it('filters by status and by text, hides a column, and a selected row offers its actions', async () => {
    await compare().locator('input[data-status="evaluated"]').check();
    assert.deepEqual(await rowIds(), ['logreg', 'majority']);
    await compare().locator('input[data-status="evaluated"]').uncheck();
    // Typed key by key: the table follows every key and the caret stays at the end of the text.
    await compare().locator('input.search').pressSequentially('lecun');
    assert.equal(await compare().locator('input.search').inputValue(), 'lecun');
    assert.deepEqual(await rowIds(), ['cnn', 'mlp'], 'by the literature they are based on');
    await compare().locator('input.search').fill('');
    await compare().locator('details.columns summary').click();
    await compare().locator('input[data-column="risk"]').uncheck();
    assert.equal(await compare().locator('th[data-column="risk"]').count(), 0);
    await compare().locator('details.columns summary').click();
    await compare().locator('tr[data-candidate="mlp"]').click();
    await compare().locator('tr[data-candidate="mlp"][aria-selected="true"]').waitFor();
    for (const action of ['revealCandidate', 'evaluateCandidate', 'recordDecision']) {
      await compare().locator(`.actions vscode-button[data-action="${action}"]`).waitFor({ state: 'visible' });
    }
    await workbench.screenshot('compare-2-sorted-selected');
  });

  it('keeps the sort, the columns and the selection across a window reload (state restored through the panel serializer)', async () => {
    const { page } = workbench;
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type('Developer: Reload Window');
    const entry = page.locator('.quick-input-widget .monaco-list-row', { hasText: /^Developer: Reload Window/ }).first();
    await entry.waitFor({ state: 'visible', timeout: 30_000 });
    await entry.click();
    await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
    await compare().locator('th[data-column="effort"][aria-sort="descending"]').waitFor({ state: 'visible', timeout: 120_000 });
    assert.deepEqual(await rowIds(), ['cnn', 'mlp', 'knn', 'logreg', 'majority']);
    assert.equal(await compare().locator('th[data-column="risk"]').count(), 0);
    await compare().locator('tr[data-candidate="mlp"][aria-selected="true"]').waitFor();
  });

  it('follows a switch to the dark theme (the scatter redrawn in its colours)', async () => {
    const { page } = workbench;
    // The canvas' own pixels (transparent background): they change only when the chart is drawn again.
    const pixels = () => compare().locator('section.scatter canvas').first().evaluate((c) => c.toDataURL());
    const before = await pixels();
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type('Toggle between Light/Dark Themes');
    const entry = page.locator('.quick-input-widget .monaco-list-row', { hasText: /Toggle between Light\/Dark Themes/ }).first();
    await entry.waitFor({ state: 'visible', timeout: 30_000 });
    await entry.click();
    await compare().locator('body.vscode-dark').waitFor({ state: 'attached', timeout: 30_000 });
    const deadline = Date.now() + 30_000;
    while ((await pixels()) === before) {
      assert.ok(Date.now() < deadline, 'the canvas is drawn again in the dark colours');
      await new Promise((ok) => setTimeout(ok, 200));
    }
    await workbench.screenshot('compare-3-dark');
  });

  it('reads in the high contrast theme', async () => {
    await selectColorTheme(workbench.page, 'Default High Contrast', 'high-contrast');
    await compare().locator('body.vscode-high-contrast').waitFor({ state: 'attached', timeout: 30_000 });
    await compare().locator('section.scatter canvas').first().waitFor({ state: 'visible' });
    await workbench.screenshot('compare-5-high-contrast');
  });

  it('shows hostile strings from the roadmap as text: no element injected, no script run, no javascript: link', async () => {
    const roadmapPath = join(workbench.workspace.path, 'mlroadmap.yaml');
    const original = readFileSync(roadmapPath, 'utf8');
    const hostile = [
      'literature:',
      '  - id: evil',
      '    title: "</script><script>window.__pwned = 2</script>"',
      '    url: "javascript:window.__pwned = 3"',
    ].join('\n');
    const candidate = [
      '  - id: hostile',
      '    title: "<img src=x onerror=\\"window.__pwned = 1\\">\u202Eevil"',
      '    based_on: [evil]',
      '    cost: { effort_days: 1 }',
      '    benefit: { expected: { accuracy: 0.5 } }',
      '    status: idea',
      '',
      'evaluation:',
    ].join('\n');
    writeFileSync(roadmapPath, original.replace('literature:', hostile).replace('\nevaluation:', `\n${candidate}`));
    try {
      const row = compare().locator('tr[data-candidate="hostile"]');
      await row.waitFor({ state: 'visible', timeout: 60_000 });
      assert.match((await row.locator('td[data-column="title"] .title').textContent()) ?? '', /^<img src=x onerror="window.__pwned = 1">/);
      assert.equal(await row.locator('td[data-column="title"] .title').evaluate((e) => getComputedStyle(e).unicodeBidi), 'isolate', 'the right-to-left override stays in the title');
      await compare().locator('details.columns summary').click();
      await compare().locator('input[data-column="literature"]').check();
      const literature = row.locator('td[data-column="literature"]');
      assert.equal(await literature.textContent(), '</script><script>window.__pwned = 2</script>');
      assert.equal(await literature.locator('button.link').count(), 0, 'a javascript: URL is no link');
      assert.equal(await compare().locator('#app img, #app script').count(), 0);
      assert.equal(await compare().locator('body').evaluate(() => window.__pwned), undefined);
      await workbench.screenshot('compare-4-hostile');
    } finally {
      writeFileSync(roadmapPath, original);
    }
  });

  it('ran under its Content Security Policy without errors', () => {
    assert.deepEqual(problems, []);
  });
});

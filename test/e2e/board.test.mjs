/* global describe, it, before, after */
// End to end: "ML Roadmap: Show Board" from the palette opens the Roadmap Board webview in the real workbench;
// a card moves by keyboard (its "Move to…" menu) and by mouse (drag and drop), and mlroadmap.yaml on disk follows;
// the page runs under its strict CSP without a console error. Screenshots: test-results/screenshots/board-*.png.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectPageProblems, openWorkbench, panelFrame, runFromPalette, selectColorTheme, waitForRoadmap } from './support/workbench.mjs';

/** The status of a block-style step, read from the roadmap text. */
function stepStatus(text, id) {
  const m = new RegExp(`- id: ${id}\\n(?:\\s+(?!- )[a-z_]+: .*\\n)*?\\s+status: (\\w+)`).exec(text);
  return m?.[1];
}

async function waitUntil(what, predicate, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((ok) => setTimeout(ok, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('Roadmap Board webview', function () {
  this.timeout(240_000);
  let workbench;
  let roadmapPath;
  let problems = [];

  before(async () => {
    workbench = await openWorkbench();
    roadmapPath = join(workbench.workspace.path, 'mlroadmap.yaml');
    problems = collectPageProblems(workbench.page, /board/i);
    await waitForRoadmap(workbench.page);
  });

  after(async () => {
    await workbench?.close();
  });

  const board = () => panelFrame(workbench.page);

  it('opens from the palette with the five Discovery stages, the gate and the findings', async () => {
    await runFromPalette(workbench.page, 'ML Roadmap: Show Board');
    const columns = board().locator('section.column h2');
    await columns.first().waitFor({ state: 'visible', timeout: 60_000 });
    const titles = (await columns.allTextContents()).map((t) => t.replace(/\d+\/\d+$/, ''));
    assert.deepEqual(titles, ['Understand', 'Define', 'Ideate', 'Prototype', 'Test']);
    await board().locator('.gate', { hasText: 'Gate to production' }).waitFor({ state: 'visible' });
    await board().locator('article.card[data-step-id="cost-benefit"]').waitFor({ state: 'visible' });
    await workbench.screenshot('board-1-discovery');
  });

  it('moves a card by keyboard through its "Move to…" menu; the move is announced and written to mlroadmap.yaml', async () => {
    const { page } = workbench;
    assert.equal(stepStatus(readFileSync(roadmapPath, 'utf8'), 'cost-benefit'), 'todo');
    const card = board().locator('article.card[data-step-id="cost-benefit"]');
    await card.locator('button.handle').focus();
    await page.keyboard.press('Enter');
    const menu = board().locator('vscode-context-menu');
    await menu.waitFor({ state: 'visible' });
    await workbench.screenshot('board-2-move-menu');
    // The first entry is "Move to Doing" (the statuses other than the card's, in workflow order).
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await waitUntil('mlroadmap.yaml to hold the new status', () => stepStatus(readFileSync(roadmapPath, 'utf8'), 'cost-benefit') === 'doing');
    await board().locator('.lane.doing article.card[data-step-id="cost-benefit"]').first().waitFor({ state: 'visible', timeout: 30_000 });
    await waitUntil('the move to be announced', async () => (await board().locator('#announcer[role="status"]').textContent()) === 'Moved "Estimate cost and benefit of each candidate" to Doing.');
  });

  it('moves a card by mouse to another lane of its column (drag and drop)', async () => {
    const card = board().locator('article.card[data-step-id="cost-benefit"]');
    const doneLane = board().locator('section.column[data-column="discovery:ideate"] .lane.done');
    await card.dragTo(doneLane);
    await waitUntil('mlroadmap.yaml to hold "done"', () => stepStatus(readFileSync(roadmapPath, 'utf8'), 'cost-benefit') === 'done');
    await board().locator('.lane.done article.card[data-step-id="cost-benefit"]').first().waitFor({ state: 'visible', timeout: 30_000 });
    const text = readFileSync(roadmapPath, 'utf8');
    assert.equal(stepStatus(text, 'candidates'), 'doing', 'other steps untouched');
    await workbench.screenshot('board-3-after-moves');
  });

  it('undoes a board move as a user does: Ctrl+Z in the mlroadmap.yaml editor, then save; the file and the board are as before', async () => {
    const { page } = workbench;
    const before = readFileSync(roadmapPath);
    assert.equal(stepStatus(before.toString('utf8'), 'cost-benefit'), 'done');
    // A move by keyboard: Done -> To do (the first entry of the menu). The pointer, left over the lanes by the drag
    // above, is moved away first: a menu entry under it would take the highlight from the keyboard.
    await page.mouse.move(1, 1);
    await board().locator('article.card[data-step-id="cost-benefit"] button.handle').focus();
    await page.keyboard.press('Enter');
    await board().locator('vscode-context-menu').waitFor({ state: 'visible' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await waitUntil('mlroadmap.yaml to hold "todo"', () => stepStatus(readFileSync(roadmapPath, 'utf8'), 'cost-benefit') === 'todo').catch((e) => {
      throw new Error(`${e.message} (it holds "${stepStatus(readFileSync(roadmapPath, 'utf8'), 'cost-benefit')}")`);
    });
    await board().locator('.lane.todo article.card[data-step-id="cost-benefit"]').first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.ok(!readFileSync(roadmapPath).equals(before), 'the move changed the file');
    // Open mlroadmap.yaml to the side through Quick Open (the board stays visible), then undo there and save.
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('mlroadmap.yaml');
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'mlroadmap.yaml' }).waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Control+Enter');
    await input.waitFor({ state: 'hidden' });
    await page.locator('.tab.active[aria-label^="mlroadmap.yaml"]').waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Control+Z');
    // The move was one WorkspaceEdit, so one Ctrl+Z takes it back. VS Code saves a file a workspace edit saved when
    // that edit is undone (files.refactoring.autoSave), so the tab may never show dirty; the user saves anyway.
    await page.keyboard.press('Control+S');
    await page.locator('.tab.active[aria-label^="mlroadmap.yaml"]:not(.dirty)').waitFor({ state: 'visible', timeout: 30_000 });
    await waitUntil('mlroadmap.yaml on disk to be byte for byte what it was before the move', () => readFileSync(roadmapPath).equals(before));
    await board().locator('.lane.done article.card[data-step-id="cost-benefit"]').first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await board().locator('article.card[data-step-id="cost-benefit"]').count(), 1, 'the card is in one lane only');
    await workbench.screenshot('board-5-move-undone');
    // Close the editor by its tab's close button, so the board has the window to itself again for the tests below.
    await page.locator('.tab[aria-label^="mlroadmap.yaml"] .tab-actions .action-label').click();
    await page.locator('.tab[aria-label^="mlroadmap.yaml"]').waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('keeps the chosen phase across a window reload (state restored through the panel serializer)', async () => {
    const { page } = workbench;
    await board().locator('button.tab', { hasText: 'Production' }).click();
    await board().locator('section.column h2', { hasText: 'training' }).first().waitFor({ state: 'visible' });
    await workbench.screenshot('board-4-production');
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type('>Developer: Reload Window');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Reload Window' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
    const tab = board().locator('button.tab[aria-selected="true"]');
    await tab.waitFor({ state: 'visible', timeout: 120_000 });
    assert.match((await tab.textContent()) ?? '', /^Production/);
    await board().locator('section.column h2', { hasText: 'training' }).first().waitFor({ state: 'visible' });
  });

  for (const [kind, theme, bodyClass] of [
    ['dark', 'Default Dark Modern', 'vscode-dark'],
    ['high-contrast', 'Default High Contrast', 'vscode-high-contrast'],
    ['light', 'Default Light Modern', 'vscode-light'],
  ]) {
    it(`follows the ${theme} theme`, async () => {
      await selectColorTheme(workbench.page, theme, kind);
      await board().locator(`body.${bodyClass}`).waitFor({ state: 'attached', timeout: 30_000 });
      await board().locator('section.column h2').first().waitFor({ state: 'visible' });
      // The cards take the theme's colours from its variables.
      const [card, editor] = await board()
        .locator('article.card')
        .first()
        .evaluate((el) => {
          const view = el.ownerDocument.defaultView;
          return [view.getComputedStyle(el).backgroundColor, view.getComputedStyle(el.ownerDocument.body).backgroundColor];
        });
      assert.equal(card, editor, 'a card wears the editor background of the theme');
      await workbench.screenshot(`board-theme-${kind}`);
    });
  }

  it('shows hostile strings from the roadmap as text: no element injected, no script run', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const script = '</script><script>window.__pwned=2</script>';
    const text = readFileSync(roadmapPath, 'utf8')
      .replace('title: Estimate cost and benefit of each candidate', `title: '${hostile}'`)
      .replace('title: List several architecture candidates', `title: '${script}'`);
    writeFileSync(roadmapPath, text);
    await board().locator('button.tab', { hasText: 'Discovery' }).click();
    const card = board().locator('article.card[data-step-id="cost-benefit"] .title');
    await card.filter({ hasText: hostile }).waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await card.textContent(), hostile);
    assert.equal(await board().locator('article.card[data-step-id="candidates"] .title').textContent(), script);
    const injected = await board()
      .locator('body')
      .evaluate((body) => ({
        images: body.ownerDocument.querySelectorAll('img').length,
        scripts: [...body.ownerDocument.querySelectorAll('script')].filter((s) => s.textContent.includes('__pwned')).length,
        pwned: body.ownerDocument.defaultView.__pwned,
      }));
    assert.deepEqual(injected, { images: 0, scripts: 0, pwned: undefined });
    await workbench.screenshot('board-hostile-strings');
  });

  it('ran under its Content Security Policy without errors', () => {
    assert.deepEqual(problems, []);
  });
});

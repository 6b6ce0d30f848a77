/* global describe, it, before, after */
// End to end: the first minutes in a project that has data but no roadmap yet. Every ML Roadmap view says what it is
// for and offers the one button that fills it; the walkthrough opens once; Initialize Roadmap from the Roadmap view's
// welcome fills the views and names the Focus items by what to do.
// Screenshots: test-results/screenshots/first-run-empty.png, first-run-walkthrough-{dark,high-contrast}.png,
// first-run-initialized.png.
import * as assert from 'node:assert/strict';
import { mkdirSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, panelFrame, poll, selectColorTheme } from './support/workbench.mjs';

/** A project with one data file and nothing else: what a team has before it adopts the roadmap. */
function emptyProject(folder) {
  for (const name of readdirSync(folder)) rmSync(join(folder, name), { recursive: true, force: true });
  mkdirSync(join(folder, 'data'));
  writeFileSync(join(folder, 'data', 'train.csv'), 'pixel_0,pixel_1,label\n0,12,3\n4,0,7\n');
}

describe('the first run in a project without a roadmap', function () {
  this.timeout(240_000);
  let workbench;

  before(async () => {
    workbench = await openWorkbench({ prepare: emptyProject });
  });

  after(async () => {
    await workbench?.close();
  });

  it('shows a welcome with its button in every ML Roadmap view, and opens the walkthrough', async () => {
    const { page } = workbench;
    const entry = page.locator('.activitybar .action-item a[aria-label^="ML Roadmap"]');
    await entry.waitFor({ state: 'visible', timeout: 60_000 });
    await entry.click();
    const sidebar = page.locator('.sidebar');
    const welcomes = sidebar.locator('.welcome-view-content');
    // Until the workbench has resolved Workspace Trust (off here) its isWorkspaceTrusted context key is unset, so the
    // views may show their Restricted Mode welcome for a moment first: wait for the trusted one.
    const texts = await poll(
      'a welcome in each of the four views, the trusted one',
      () => welcomes.evaluateAll((els) => els.filter((el) => el.checkVisibility()).map((el) => el.textContent ?? '')),
      (t) => t.length === 4 && !/Restricted Mode/.test(t.join('\n')),
      60_000,
    );
    assert.match(texts.join('\n'), /No mlroadmap\.yaml in this workspace yet/);
    assert.match(texts.join('\n'), /Candidates are the architectures you weigh/);
    assert.match(texts.join('\n'), /Metrics with their targets, and the reality checks/);
    assert.match(texts.join('\n'), /Architecture decisions, recorded as Markdown records/);
    const buttons = await sidebar.locator('.welcome-view-content .monaco-button', { hasText: 'Initialize Roadmap' }).count();
    assert.equal(buttons, 4, 'each view offers Initialize Roadmap');
    // The extension activated (the views were opened) in a workspace without a roadmap: the walkthrough opens.
    await page.locator('.part.editor', { hasText: 'Start an ML Roadmap' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await workbench.screenshot('first-run-empty');
  });

  for (const [kind, theme] of [
    ['dark', 'Default Dark Modern'],
    ['high-contrast', 'Default High Contrast'],
  ]) {
    it(`the walkthrough's steps and their media read in ${theme}`, async () => {
      const { page } = workbench;
      // The walkthrough's media is a webview in the editor area: the click that focuses the workbench goes to the side bar's title.
      await selectColorTheme(page, theme, kind, { x: 190, y: 50 });
      const editor = page.locator('.part.editor');
      await editor.getByText('Compare several candidates').first().click();
      // The step's media (Markdown in a webview, drawn in the theme's colours) replaces the first one's.
      await panelFrame(page).getByText('Several candidates, ranked by cost and benefit').first().waitFor({ state: 'visible', timeout: 30_000 });
      await workbench.screenshot(`first-run-walkthrough-${kind}`);
    });
  }

  it('Initialize Roadmap from the welcome writes the roadmap; the views fill and Focus says what to do', async () => {
    const { page } = workbench;
    // The walkthrough is closed first: its media webview, still loading, may take the focus, which closes a quick input.
    const tab = page.locator('.tabs-container .tab', { hasText: 'Walkthrough' });
    await tab.hover();
    await tab.locator('.tab-actions .action-label').first().click();
    await tab.waitFor({ state: 'detached' });
    await page.locator('.sidebar .welcome-view-content .monaco-button', { hasText: 'Initialize Roadmap' }).first().click();
    const input = page.locator('.quick-input-widget input');
    // Project name (the folder's name is offered), then the problem.
    await input.waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await poll('the problem prompt', () => page.locator('.quick-input-widget').textContent(), (t) => /problem/i.test(t ?? ''));
    await page.keyboard.type('Route scanned forms by the digit written on them');
    await page.keyboard.press('Enter');
    // A list of what was found in the project, when there is one to confirm, is kept as proposed.
    const state = await poll(
      'the prompts to end',
      async () => ((await input.isVisible()) ? ((await page.locator('.quick-input-widget .monaco-list-row').count()) > 0 ? 'list' : 'input') : 'done'),
      (s) => s !== 'input',
    );
    if (state === 'list') {
      await page.keyboard.press('Enter');
      await input.waitFor({ state: 'hidden' });
    }
    await poll('mlroadmap.yaml on disk', () => existsSync(join(workbench.workspace.path, 'mlroadmap.yaml')), (x) => x);
    const rows = page.locator('.sidebar .monaco-list-row');
    const focus = rows.filter({ hasText: /^Focus/ });
    await focus.first().waitFor({ state: 'visible', timeout: 60_000 });
    const labels = await poll(
      'the Focus items',
      () => rows.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? el.textContent ?? '')),
      (all) => all.some((l) => /Configure the evaluation command/.test(l)),
    );
    assert.ok(!labels.some((l) => /^Faulty evaluation\b/.test(l)), `Focus items are named by what to do: ${labels.join(' | ')}`);
    await workbench.screenshot('first-run-initialized');
  });
});

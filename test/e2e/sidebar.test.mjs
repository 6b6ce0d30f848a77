/* global describe, it, before, after */
// End to end: the ML Roadmap side bar and status bar item on the demo workspace, in a light and a dark theme.
// Screenshots: test-results/screenshots/sidebar-light.png, sidebar-dark.png.
import * as assert from 'node:assert/strict';
import { openWorkbench, poll, selectColorTheme } from './support/workbench.mjs';

describe('ML Roadmap side bar and status bar', function () {
  this.timeout(180_000);
  let workbench;

  before(async () => {
    workbench = await openWorkbench();
    const { page } = workbench;
    await page.locator('.statusbar', { hasText: 'Activating Extensions' }).waitFor({ state: 'detached', timeout: 60_000 }).catch(() => undefined);
  });

  after(async () => {
    await workbench?.close();
  });

  it('opens the ML Roadmap container from the activity bar and lists the roadmap', async () => {
    const { page } = workbench;
    const entry = page.locator('.activitybar .action-item a[aria-label^="ML Roadmap"]');
    await entry.waitFor({ state: 'visible', timeout: 60_000 });
    await entry.click();
    const sidebar = page.locator('.sidebar');
    await sidebar.locator('.pane-header', { hasText: 'Roadmap' }).first().waitFor({ state: 'visible' });
    const tree = sidebar.locator('.monaco-list-row', { hasText: 'Focus' });
    await tree.first().waitFor({ state: 'visible', timeout: 30_000 });
    const rows = await sidebar.locator('.monaco-list-row').allTextContents();
    assert.ok(rows.some((r) => r.startsWith('Discovery') && r.includes('current')), `rows: ${rows.join(' | ')}`);
    assert.ok(rows.some((r) => r.startsWith('Focus') && /\d+ next|nothing open/.test(r)), `rows: ${rows.join(' | ')}`);
    assert.ok(rows.some((r) => /^Majority classbaseline/.test(r)), `the baseline is marked: ${rows.join(' | ')}`);
  });

  it('shows the phase and its progress in the status bar', async () => {
    const { page } = workbench;
    const item = page.locator('.statusbar-item', { hasText: /Discovery \d+\/\d+/ });
    await item.first().waitFor({ state: 'visible', timeout: 30_000 });
    const text = (await item.first().textContent())?.trim() ?? '';
    assert.match(text, /^Discovery \d+\/\d+$/);
    const icon = item.first().locator('.codicon');
    assert.match((await icon.first().getAttribute('class')) ?? '', /codicon-(beaker|warning)/);
  });

  for (const [kind, theme] of [
    ['light', 'Default Light Modern'],
    ['dark', 'Default Dark Modern'],
  ]) {
    it(`renders the side bar in ${theme}`, async () => {
      const { page } = workbench;
      await selectColorTheme(page, theme, kind);
      // The theme picker is gone and the tree rows show their icons again, in the new theme's colours.
      await page.locator('.quick-input-widget input').waitFor({ state: 'hidden' });
      const icons = page.locator('.sidebar .monaco-list-row .custom-view-tree-node-item-icon, .sidebar .monaco-list-row .codicon');
      const shown = await poll('the tree rows to carry icons', () => icons.evaluateAll((els) => els.filter((el) => el.checkVisibility()).length), (n) => n > 5);
      await workbench.screenshot(`sidebar-${kind}`);
      assert.ok(shown > 5, `tree rows carry icons (${shown})`);
    });
  }
});

/* global describe, it, before, after */
// End to end: the packed extension installed in code-server, driven in headless Chromium like a user would.
import * as assert from 'node:assert/strict';
import { contributedPaletteTitles, openWorkbench, paletteEntries, waitForPaletteEntry } from './support/workbench.mjs';

describe('ML Roadmap in the workbench', function () {
  this.timeout(300_000); // generous: the machine may be busy with other work
  let workbench;

  before(async () => {
    workbench = await openWorkbench();
  });

  after(async () => {
    await workbench?.close();
  });

  it('shows the ML Roadmap activity bar entry on the demo workspace', async () => {
    const item = workbench.page.locator('.activitybar .action-item a[aria-label^="ML Roadmap"]');
    await item.waitFor({ state: 'visible', timeout: 120_000 });
    await workbench.screenshot('01-workbench');
  });

  it('lists the commands the extension contributes in the command palette', async () => {
    const { page } = workbench;
    const titles = new Set(contributedPaletteTitles());
    assert.ok(titles.has('ML Roadmap: Refresh'), 'package.json contributes "ML Roadmap: Refresh"');
    const entries = await waitForPaletteEntry(page, 'ML Roadmap:', (label) => titles.has(label.split(',')[0]));
    await workbench.screenshot('02-command-palette');
    await page.keyboard.press('Escape');
    const listed = entries.map((label) => label.split(',')[0]).filter((label) => titles.has(label));
    assert.ok(listed.length > 0, `palette entries: ${entries.join(' | ')}`);
  });

  it('runs "ML Roadmap: Focus on Roadmap View" from the palette and shows the ML Roadmap side bar', async () => {
    const { page } = workbench;
    const entries = await paletteEntries(page, 'ML Roadmap: Focus on Roadmap View');
    assert.ok(entries[0]?.startsWith('ML Roadmap: Focus on Roadmap View'), `palette entries: ${entries.join(' | ')}`);
    await page.keyboard.press('Enter');
    const title = page.locator('.sidebar .composite.title');
    await title.waitFor({ state: 'visible' });
    const headers = page.locator('.sidebar .pane-header');
    await headers.first().waitFor({ state: 'visible' });
    await page.locator('.statusbar', { hasText: 'Activating Extensions' }).waitFor({ state: 'detached', timeout: 120_000 });
    await page.waitForTimeout(1000); // let the views paint before the screenshot
    await workbench.screenshot('03-sidebar');
    assert.match((await title.textContent()) ?? '', /ML Roadmap/i);
    const names = await headers.allTextContents();
    assert.ok(names.some((h) => /Roadmap/i.test(h)), `view headers: ${names.join(' | ')}`);
  });
});

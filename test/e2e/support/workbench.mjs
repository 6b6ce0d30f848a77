// Opens the demo workspace in code-server with the packed extension installed, in headless Chromium.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../../../scripts/browser.mjs';
import { installExtension, makeProfile, startCodeServer } from '../../../scripts/code-server.mjs';
import { REPO, freePort, prepareWorkspace } from '../../../scripts/vscode-env.mjs';

export const SCREENSHOTS = join(REPO, 'test-results', 'screenshots');

/**
 * Starts code-server on a copy of the demo workspace with the .vsix named by MLROADMAP_E2E_VSIX installed,
 * opens it in Chromium and waits for the workbench. Returns { page, workspace, screenshot(name), close() }.
 */
export async function openWorkbench() {
  const vsix = process.env.MLROADMAP_E2E_VSIX;
  if (!vsix) throw new Error('MLROADMAP_E2E_VSIX is not set: run the e2e layer through scripts/test-e2e.mjs');
  const profile = makeProfile('e2e');
  installExtension(vsix, profile);
  const workspace = prepareWorkspace();
  const server = await startCodeServer({ port: await freePort(), folder: workspace.path, profile });
  const { browser, context } = await launchBrowser();
  const page = await context.newPage();
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace.path)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    page,
    workspace,
    profile,
    screenshot: (name) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) }),
    close: async () => {
      await browser.close().catch(() => undefined);
      await server.stop();
    },
  };
}

/** Opens the command palette with F1, types `text` and returns the labels of the entries it lists. */
export async function paletteEntries(page, text) {
  const input = page.locator('.quick-input-widget input');
  if (!(await input.isVisible())) await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${text}`);
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  await rows.first().waitFor({ state: 'visible' });
  await page.waitForTimeout(200); // the list filters as it renders
  return rows.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? el.textContent ?? ''));
}

/**
 * Types `text` into the palette until an entry satisfies `accept` (commands appear once the workbench has
 * restored its state and the extension's when-clauses hold); returns the entries last listed.
 */
export async function waitForPaletteEntry(page, text, accept, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let entries = [];
  while (Date.now() < deadline) {
    entries = await paletteEntries(page, text);
    if (entries.some(accept)) return entries;
    await page.waitForTimeout(500);
  }
  return entries;
}

/**
 * Types each of `titles` into the palette in turn, until one is listed under exactly that title (commands show
 * once the extension host has registered the extension and their when-clauses hold); returns it, or undefined.
 */
export async function firstListedTitle(page, titles, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const title of titles) {
      const entries = await paletteEntries(page, title);
      if (entries.some((label) => label.split(',')[0] === title)) return title;
    }
    await page.waitForTimeout(500);
  }
  return undefined;
}

/** The palette titles ("ML Roadmap: Refresh") of the commands package.json contributes. */
export function contributedPaletteTitles() {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  return (pkg.contributes?.commands ?? []).map((c) => (c.category ? `${c.category}: ${c.title}` : c.title));
}

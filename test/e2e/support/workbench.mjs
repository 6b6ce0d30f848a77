// Opens the demo workspace in code-server with the packed extension installed, in headless Chromium.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../../../scripts/browser.mjs';
import { installExtension, makeProfile, startCodeServer } from '../../../scripts/code-server.mjs';
import { REPO, freePort, prepareWorkspace } from '../../../scripts/vscode-env.mjs';

export const SCREENSHOTS = join(REPO, 'test-results', 'screenshots');

/**
 * Starts code-server on a copy of the demo workspace with the .vsix named by MLROADMAP_E2E_VSIX installed,
 * opens it in Chromium and waits for the workbench. `prepare(folder)` may change the copy before the editor opens it;
 * `prepareProfile(profile)` the profile once the extension is installed (another extension, a language pack);
 * `locale` is the display language. Returns { page, workspace, screenshot(name), close() }.
 */
export async function openWorkbench({ prepare, prepareProfile, locale } = {}) {
  const vsix = process.env.MLROADMAP_E2E_VSIX;
  if (!vsix) throw new Error('MLROADMAP_E2E_VSIX is not set: run the e2e layer through scripts/test-e2e.mjs');
  const profile = makeProfile('e2e');
  installExtension(vsix, profile);
  await prepareProfile?.(profile);
  const workspace = prepareWorkspace();
  await prepare?.(workspace.path);
  const server = await startCodeServer({ port: await freePort(), folder: workspace.path, profile, locale });
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

/**
 * Reads what the page shows with `read` until `accept` holds for it (like Playwright's expect.poll); returns the
 * last value read. Throws, naming `what` and that value, after `timeoutMs`.
 */
export async function poll(what, read, accept, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(value)}`);
    await new Promise((ok) => setTimeout(ok, 100));
    value = await read();
  }
  return value;
}

/** True when `label` holds the characters of `text` in order (what any of the palette's matchers requires). */
function matchesFilter(label, text) {
  const wanted = text.toLowerCase().replace(/\s+/g, '');
  const have = label.toLowerCase();
  let at = 0;
  for (const ch of wanted) {
    at = have.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/**
 * Opens the command palette with F1, types `text` and returns the labels of the entries it lists once the list
 * is filtered by it (every label above "similar commands" matches the text).
 */
export async function paletteEntries(page, text) {
  const input = page.locator('.quick-input-widget input');
  if (!(await input.isVisible())) await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${text}`);
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  await rows.first().waitFor({ state: 'visible' });
  const labels = () => rows.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? el.textContent ?? ''));
  // Below its matches the palette may list "similar commands", which need not match.
  const filtered = (all) => {
    const similar = all.findIndex((l) => l.endsWith(', similar commands'));
    return all.length > 0 && (similar < 0 ? all : all.slice(0, similar)).every((l) => matchesFilter(l.split(',')[0], text));
  };
  return poll(`the palette to list the entries matching "${text}"`, labels, filtered);
}

/**
 * Opens the palette on `text` again and again until an entry satisfies `accept` (commands appear once the
 * workbench has restored its state and the extension's when-clauses hold); returns the entries last listed.
 */
export async function waitForPaletteEntry(page, text, accept, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let entries = [];
  while (Date.now() < deadline) {
    entries = await reopenedPaletteEntries(page, text);
    if (entries.some(accept)) return entries;
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
      const entries = await reopenedPaletteEntries(page, title);
      if (entries.some((label) => label.split(',')[0] === title)) return title;
    }
  }
  return undefined;
}

/** The palette collects its commands when it opens: close it first, so that a retry sees newly registered ones. */
async function reopenedPaletteEntries(page, text) {
  const input = page.locator('.quick-input-widget input');
  if (await input.isVisible()) {
    await page.keyboard.press('Escape');
    await input.waitFor({ state: 'hidden' });
  }
  return paletteEntries(page, text);
}

/** The palette titles ("ML Roadmap: Refresh") of the commands package.json contributes. */
export function contributedPaletteTitles() {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  const nls = JSON.parse(readFileSync(join(REPO, 'package.nls.json'), 'utf8'));
  // the manifest's strings are `%key%` references to package.nls.json, as VS Code shows them in English
  const english = (value) => value?.replace(/^%(.+)%$/, (_, key) => nls[key] ?? value);
  return (pkg.contributes?.commands ?? []).map((c) => (c.category ? `${english(c.category)}: ${english(c.title)}` : english(c.title)));
}

/** The workbench's class for each kind of colour theme. */
const THEME_CLASS = { light: 'vs', dark: 'vs-dark', 'high-contrast': 'hc-black' };

/** Picks a colour theme in the theme picker (Ctrl+K Ctrl+T) and waits until the workbench wears it. */
export async function selectColorTheme(page, theme, kind, focusAt = { x: 800, y: 450 }) {
  // A click gives the workbench the keyboard (`focusAt`: a place outside any webview, which would keep the keys).
  const input = await openQuickInput(page, async () => {
    await page.locator('.monaco-workbench').click({ position: focusAt });
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+T');
  });
  const label = theme.replace(/^Default /, '');
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: label });
  await row.first().waitFor({ state: 'visible' });
  await input.fill(label);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: label }).waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator(`.monaco-workbench.${THEME_CLASS[kind]}`).waitFor({ state: 'attached', timeout: 30_000 });
  await input.waitFor({ state: 'hidden' });
}

/** The active webview panel's document, inside the webview's two iframes. */
export function panelFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** Console errors mentioning `pattern` or a Content Security Policy refusal, and page errors, collected from now on. */
export function collectPageProblems(page, pattern) {
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && (pattern.test(m.text()) || /Content Security Policy|Refused/i.test(m.text()))) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  return problems;
}

/** Waits until the extension has read the demo roadmap: its status bar item shows the phase and progress. */
export async function waitForRoadmap(page) {
  await page.locator('.statusbar-item', { hasText: /Discovery \d+\/\d+/ }).first().waitFor({ state: 'visible', timeout: 120_000 });
}

/**
 * Opens a quick input with `keys` (the palette, the theme picker) and returns its input box. Keys can miss: right after
 * the workbench loads they may reach the page before it listens, and a webview (the walkthrough's media, a panel) may
 * hold the keyboard; then the keys are pressed again, until `timeoutMs`.
 */
export async function openQuickInput(page, keys, timeoutMs = 30_000) {
  const input = page.locator('.quick-input-widget input');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await keys();
    const opened = await input.waitFor({ state: 'visible', timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (opened) return input;
    if (Date.now() > deadline) throw new Error(`the quick input did not open within ${timeoutMs} ms`);
    await page.bringToFront();
  }
}

/** Runs a command from the palette by its full title ("ML Roadmap: Show Board"), clicking its entry once listed. */
export async function runFromPalette(page, title) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  // F1 opens the palette with its '>' already typed.
  await page.keyboard.type(title);
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const entry = page.locator('.quick-input-widget .monaco-list-row', { hasText: new RegExp(`^${escaped}`) }).first();
  await entry.waitFor({ state: 'visible', timeout: 60_000 });
  await entry.click();
}

/**
 * Runs a command from the palette by keyboard alone: F1, its full title typed, Enter once the highlighted entry is
 * the command (`title` may be a view's generated command, "ML Roadmap: Focus on Roadmap View", or VS Code's own).
 * The palette lists the commands registered when it opens: until the command is there (the extension's contributions
 * load after the workbench), it is closed with Escape and opened again.
 */
export async function runByKeyboard(page, title, timeoutMs = 120_000) {
  const input = page.locator('.quick-input-widget input');
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const entry = page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: new RegExp(`^${escaped}`) }).first();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await input.isVisible()) {
      await page.keyboard.press('Escape');
      await input.waitFor({ state: 'hidden' });
    }
    await openQuickInput(page, () => page.keyboard.press('F1'), Math.max(5_000, deadline - Date.now()));
    // F1 opens the palette with its '>' already typed.
    await page.keyboard.type(title);
    const listed = await entry.waitFor({ state: 'visible', timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (listed) break;
    if (Date.now() > deadline) throw new Error(`the palette does not list "${title}" after ${timeoutMs} ms`);
  }
  await page.keyboard.press('Enter');
}

/**
 * Opens `file` from Quick Open and brings `text` into view with Find, then clicks its line: VS Code (1.100) asks for
 * CodeLenses a moment after the editor gets its document and drops that request when the editor text loses the focus
 * first (as it does to Find) until it has the focus again; the click gives it back (Escape may not, when something
 * else took the focus meanwhile). The editor draws only what is in view, hence Find.
 */
export async function openEditorAt(page, file, text) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(file);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: file }).waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active[aria-label^="${file}"]`).waitFor({ state: 'visible', timeout: 30_000 });
  await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.press('Control+F');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.locator('.editor-group-container.active .view-line', { hasText: text }).first().click();
  // The Escape above reaches Find only while its input still has the keyboard; otherwise it is closed from the editor
  // text, which keeps the focus (and so the CodeLens request).
  const find = page.locator('.editor-group-container.active .find-widget.visible');
  if (await find.isVisible()) {
    await page.keyboard.press('Escape');
    await find.waitFor({ state: 'hidden', timeout: 10_000 });
  }
}

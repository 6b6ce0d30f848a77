/* global describe, it, before, after */
// End to end: the extension in another display language. With a pseudo language (support/pseudo-locale.mjs) every
// text that goes through translation shows as ⟦text⟧, so English left on screen is a text that never reached a
// translator: the manifest's titles (package.nls.json), the host's texts (vscode.l10n), the core's diagnostics,
// pitfalls and stage titles (@vscode/l10n, handed the bundle by the host) and a webview's own texts (the bundle written
// into the page). Screenshots: test-results/screenshots/translation-*.png.
import * as assert from 'node:assert/strict';
import { openQuickInput, openWorkbench, panelFrame, poll } from './support/workbench.mjs';
import { CLOSE, OPEN, installPseudoLocale, PSEUDO_LOCALE } from './support/pseudo-locale.mjs';

const translated = (text) => text.trim().startsWith(OPEN);
/** The texts among `texts` that did not go through translation. */
const english = (texts) => texts.map((t) => t.trim()).filter((t) => t !== '' && !translated(t));

describe('the extension in another display language', function () {
  this.timeout(240_000);
  let workbench;

  before(async () => {
    workbench = await openWorkbench({ prepareProfile: installPseudoLocale, locale: PSEUDO_LOCALE });
  });

  after(async () => {
    await workbench?.close();
  });

  it("shows the container, its views' titles and the host's tree labels translated", async () => {
    const { page } = workbench;
    const entry = page.locator(`.activitybar .action-item a[aria-label^="${OPEN}ML Roadmap${CLOSE}"]`);
    await entry.waitFor({ state: 'visible', timeout: 120_000 });
    await entry.click();
    const sidebar = page.locator('.sidebar');
    await sidebar.locator('.monaco-list-row', { hasText: `${OPEN}Focus${CLOSE}` }).first().waitFor({ state: 'visible', timeout: 60_000 });
    // The Focus list's findings (a warning or error icon) are the core's pitfall actions; its steps are the roadmap's.
    const findings = sidebar.locator('.monaco-list-row:has(.codicon-warning), .monaco-list-row:has(.codicon-error)');
    const actions = await poll('the Focus findings', () => findings.allTextContents(), (a) => a.length > 0, 60_000);
    assert.deepEqual(english(actions), [], 'the Focus findings');
    const headers = await sidebar.locator('.pane-header .title').allTextContents();
    assert.ok(headers.length >= 4, `view headers: ${headers.join(' | ')}`);
    assert.deepEqual(english(headers), [], 'every view title is translated');
    await workbench.screenshot('translation-1-side-bar');
  });

  it("shows the core's texts translated: the phase in the status bar, the pitfall findings in Problems", async () => {
    const { page } = workbench;
    // The status bar's phase and progress ("Discovery 5/12"): the phase's name comes from the core.
    const phase = page.locator('.statusbar-item', { hasText: /\d+\/\d+/ }).first();
    await phase.waitFor({ state: 'visible', timeout: 60_000 });
    assert.ok(translated((await phase.textContent()) ?? ''), `status bar: ${await phase.textContent()}`);
    await page.keyboard.press('Control+Shift+M');
    // A marker's row: its icon, then the message, the source and the position (VS Code's own words stay English).
    const markers = page.locator('.markers-panel .monaco-list-row:has(.marker-icon)');
    const messages = await poll('the roadmap findings in Problems', () => markers.allTextContents(), (ms) => ms.length > 0, 60_000);
    await workbench.screenshot('translation-2-problems');
    assert.deepEqual(english(messages), [], `Problems: ${messages.join(' | ')}`);
  });

  it("opens the Board from the palette by its translated title; the board's own texts and the core's stage titles are translated", async () => {
    const { page } = workbench;
    const input = await openQuickInput(page, () => page.keyboard.press('F1'));
    await input.fill(`>${OPEN}ML Roadmap${CLOSE}: ${OPEN}Show Board${CLOSE}`);
    const entries = page.locator('.quick-input-widget .monaco-list-row');
    await entries.first().waitFor({ state: 'visible', timeout: 60_000 });
    await page.keyboard.press('Enter');
    const board = panelFrame(page);
    const columns = board.locator('section.column h2');
    await columns.first().waitFor({ state: 'visible', timeout: 60_000 });
    const titles = await columns.allTextContents();
    assert.equal(titles.length, 5, titles.join(' | '));
    assert.deepEqual(english(titles), [], 'the Discovery stages');
    // The board's own texts and the core's model texts it shows (not the user's: the project's name, the steps' titles).
    const own = (
      await board
        .locator('.tabs .tab, select.filter option, .progress, .gate strong, .gate li, .findings .link, .findings vscode-button, section.column h2, .subtitle, .lane h3')
        .allTextContents()
    ).filter((t) => t.trim() !== '');
    assert.ok(own.length >= 20, `the board's texts: ${own.length}`);
    await workbench.screenshot('translation-3-board');
    assert.deepEqual(english(own), [], `board: ${own.join(' | ')}`);
  });
});

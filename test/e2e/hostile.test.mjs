/* global describe, it, before, after, window, document, NodeFilter, Node */
// End to end: every string from the roadmap, a results file, the history and a decision record is rendered as text.
// The demo's copy is filled with hostile strings before the workbench opens (test/e2e/support/hostile.mjs): markup
// with handlers, closing script tags, javascript: and data: URLs, 100 KB strings, right-to-left controls. The Board,
// Compare Candidates and the Evaluation Review are opened from the palette; in each, no payload ran (in any frame), no
// element came from the data, the hostile text is on the page as text, a right-to-left control reorders no UI text
// after it, long strings are cut with an ellipsis; in Compare only the https link can be followed, through VS Code's
// "open external website" confirmation (cancelled: nothing opens). Screenshots: test-results/screenshots/hostile-*.png.
import * as assert from 'node:assert/strict';
import { collectPageProblems, openWorkbench, panelFrame, poll, runFromPalette, waitForRoadmap } from './support/workbench.mjs';
import { BIG, HOSTILE, IMG, RLI, RLO, SAFE_URL, SCRIPT, SVG, writeHostileWorkspace } from './support/hostile.mjs';

/** `__pwned` of every frame of the page (the workbench, the webview hosts, the panels): set only by an injected payload. */
async function pwnedMarks(page) {
  const marks = [];
  for (const frame of page.frames()) {
    const mark = await frame.evaluate(() => window.__pwned).catch(() => undefined);
    if (mark !== undefined) marks.push(`${frame.url().slice(0, 80)}: ${mark}`);
  }
  return marks;
}

/** What in the panel's document could only have come from markup in the data (open shadow roots included). */
function injectedElements(body) {
  const found = [];
  const scripts = [];
  const visit = (root) => {
    for (const e of root.querySelectorAll('*')) {
      const tag = e.tagName.toLowerCase();
      // The web components draw their own icons in their shadow roots.
      if (tag === 'svg' || e.closest('svg')) if (root !== document) continue;
      if (['img', 'iframe', 'object', 'embed', 'svg', 'frame', 'link', 'meta', 'base', 'form', 'a'].includes(tag) && root !== document.head && !e.closest('head')) found.push(tag);
      if (tag === 'script') scripts.push(e.getAttribute('src') ?? `inline: ${e.textContent.slice(0, 60)}`);
      if (tag === 'script' && e.textContent.includes('__pwned')) found.push('script with a payload');
      for (const a of e.getAttributeNames()) if (/^on/i.test(a)) found.push(`${tag}[${a}]`);
      if (e.shadowRoot) visit(e.shadowRoot);
    }
  };
  visit(body.ownerDocument);
  return { found, scripts };
}

/**
 * Text the page draws right to left although it is not hostile data: in every text node, the parts outside the hostile
 * strings (UI text, and data that is not hostile) must read left to right, word order and letter order. A right-to-left
 * control that is not isolated reverses the text after it: its first letter is drawn right of its last.
 */
function reversedUiText(body, hostile) {
  const doc = body.ownerDocument;
  const reversed = [];
  const bidi = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
  const walker = doc.createTreeWalker(doc.getElementById('app'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data;
    // Mask the hostile strings (and the isolating controls around them) by position, keeping offsets.
    const masked = text.split('');
    // As given, and as a message quotes it (isolated, its stray isolate closers dropped).
    for (const h of hostile.flatMap((x) => [x, x.replace(/\u2069/g, '')])) {
      for (let at = text.indexOf(h); at >= 0; at = text.indexOf(h, at + h.length)) for (let i = at; i < at + h.length; i++) masked[i] = '\0';
    }
    // A hostile string cut short by the page (a commit or a fingerprint shows its first characters) ends the text.
    for (const h of hostile) {
      for (let n = Math.min(h.length - 1, text.length, 300); n >= 5; n--) {
        if (text.endsWith(h.slice(0, n))) {
          for (let i = text.length - n; i < text.length; i++) masked[i] = '\0';
          break;
        }
      }
    }
    // What a message put between FIRST STRONG ISOLATE and its POP DIRECTIONAL ISOLATE is data, isolated.
    for (let i = 0, depth = 0; i < text.length; i++) {
      if (text[i] === '\u2068') depth++;
      if (depth > 0) masked[i] = '\0';
      if (text[i] === '\u2069' && depth > 0) depth--;
    }
    for (let i = 0; i < masked.length; i++) if (bidi.test(masked[i])) masked[i] = '\0';
    const segments = masked.join('').split(/\0+/);
    let offset = 0;
    for (const segment of segments) {
      const start = masked.join('').indexOf(segment, offset);
      offset = start + segment.length;
      const letters = [...segment.matchAll(/[A-Za-z]/g)].map((m) => start + m.index);
      if (letters.length < 2) continue;
      const rect = (i) => {
        const r = doc.createRange();
        r.setStart(node, i);
        r.setEnd(node, i + 1);
        return r.getClientRects()[0];
      };
      const first = rect(letters[0]);
      const last = rect(letters[letters.length - 1]);
      if (!first || !last || first.width === 0 || last.width === 0 || Math.abs(first.top - last.top) > 2) continue;
      if (first.left > last.left) reversed.push(`${segment.trim().slice(0, 60)} (in: ${JSON.stringify(text.slice(0, 300))})`);
    }
  }
  return reversed;
}

/** The elements showing one of the long strings: how wide they are and whether they end in an ellipsis. */
function longTextLayout(body, big) {
  const view = body.ownerDocument.defaultView;
  const out = [];
  for (const e of body.ownerDocument.querySelectorAll('#app *')) {
    if (![...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.data.includes(big.slice(0, 200)))) continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0) continue;
    const s = view.getComputedStyle(e);
    out.push({ tag: `${e.tagName.toLowerCase()}.${e.className}`, width: Math.round(r.width), height: Math.round(r.height), ellipsis: s.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth });
  }
  return { elements: out, pageWidth: body.ownerDocument.documentElement.scrollWidth, viewWidth: view.innerWidth };
}

describe('hostile strings in the webviews', function () {
  this.timeout(300_000);
  let workbench;
  let problems = [];

  before(async () => {
    workbench = await openWorkbench({ prepare: writeHostileWorkspace });
    problems = collectPageProblems(workbench.page, /board|compare|review|uplot/i);
    await waitForRoadmap(workbench.page);
  });

  after(async () => {
    await workbench?.close();
  });

  const panel = () => panelFrame(workbench.page);
  const body = () => panel().locator('body');

  /** The checks every panel passes once it shows the data. */
  async function checkPanel(name) {
    assert.deepEqual(await pwnedMarks(workbench.page), [], 'no payload ran in any frame');
    const { found, scripts } = await body().evaluate(injectedElements);
    assert.deepEqual(found, [], 'no element or handler came from the data');
    // VS Code's own inline script (it defines acquireVsCodeApi) and the panel's bundle, nothing else.
    const own = scripts.filter((src) => !src.startsWith('inline: ') && new RegExp(`/dist/webview/${name}\\.js$`).test(src));
    const vscodes = scripts.filter((src) => /^inline: \s*globalThis\.acquireVsCodeApi/.test(src));
    assert.deepEqual([own.length, vscodes.length, scripts.length], [1, 1, 2], `only VS Code's and the panel's own scripts: ${JSON.stringify(scripts)}`);
    assert.deepEqual(await body().evaluate(reversedUiText, HOSTILE), [], 'no UI text is drawn reversed by a right-to-left control in the data');
    const layout = await body().evaluate(longTextLayout, BIG);
    console.log(`      ${name}: 100 KB strings in ${layout.elements.length} elements, page ${layout.pageWidth}px wide in a ${layout.viewWidth}px view: ${JSON.stringify(layout.elements.slice(0, 6))}`);
    assert.ok(layout.pageWidth <= layout.viewWidth, `the page does not scroll sideways (${layout.pageWidth}px in ${layout.viewWidth}px)`);
    return layout;
  }

  async function closeEditors() {
    await runFromPalette(workbench.page, 'View: Close All Editors');
    await poll('the panel to close', () => workbench.page.locator('iframe.webview.ready').count(), (n) => n === 0);
  }

  it('Roadmap Board: the hostile titles, owners, notes and tracks are text; nothing ran or was injected', async () => {
    await runFromPalette(workbench.page, 'ML Roadmap: Show Board');
    const card = panel().locator('article.card[data-step-id="plain-step"]');
    await card.waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal(await card.locator('.title bdi').textContent(), `${IMG}${RLO}`);
    assert.equal(await card.locator('.owner').textContent(), RLO);
    assert.equal(await card.locator('.notes').textContent(), `${SCRIPT} ${RLI}`);
    await panel().locator(`article.card[data-step-id="${IMG.replace(/"/g, '\\"')}"] .title`, { hasText: SVG }).waitFor({ state: 'visible' });
    assert.equal(await panel().locator('h1').textContent(), `${IMG}${RLO}`);
    const layout = await checkPanel('board');
    for (const e of layout.elements) assert.ok(e.width < layout.viewWidth, `a 100 KB string stays inside the view: ${JSON.stringify(e)}`);
    await workbench.screenshot('hostile-1-board');
    await card.scrollIntoViewIfNeeded();
    // The cards are painted once in view (content-visibility: auto): two frames later.
    await body().evaluate(() => new Promise((ok) => window.requestAnimationFrame(() => window.requestAnimationFrame(ok))));
    await workbench.screenshot('hostile-1b-board-cards');
    await panel().locator('button.tab', { hasText: 'Production' }).click();
    await panel().locator('section.column h2', { hasText: RLO }).first().waitFor({ state: 'visible' });
    const production = await checkPanel('board');
    for (const e of production.elements) assert.ok(e.width < production.viewWidth, `a 100 KB track name stays inside the view: ${JSON.stringify(e)}`);
    await workbench.screenshot('hostile-2-board-production');
    await closeEditors();
  });

  it('Compare Candidates: the hostile candidates, metrics, literature and decision are text; only the https link is followable, through the confirmation', async () => {
    const { page } = workbench;
    await runFromPalette(page, 'ML Roadmap: Compare Candidates');
    const row = panel().locator(`tr[data-candidate="${IMG.replace(/"/g, '\\"')}"]`);
    await row.waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal(await row.locator('td[data-column="title"] .title').textContent(), `${SCRIPT}${RLO}`);
    await panel().locator('details.columns summary').click();
    await panel().locator('input[data-column="literature"]').check();
    await panel().locator('details.columns summary').click();
    const literature = row.locator('td[data-column="literature"]');
    await literature.waitFor({ state: 'visible' });
    assert.equal(await literature.textContent(), `${SCRIPT} js link${IMG} data linkbidi link ${RLO}safe link ${RLI}`);
    // Only the https link without bidi controls is offered as a link.
    assert.deepEqual(await literature.locator('button.link').allTextContents(), [`safe link ${RLI}`]);
    await poll('the decision title from the record', () => row.locator('td[data-column="decision"]').textContent(), (t) => t.startsWith(`0003: decision ${IMG}`));
    await checkPanel('compare');
    await workbench.screenshot('hostile-3-compare');

    // The javascript:, data: and bidi entries are plain text: clicking them asks nothing. The https link asks first.
    const pagesBefore = page.context().pages().length;
    for (const title of [`${SCRIPT} js link`, `${IMG} data link`, `bidi link ${RLO}`]) await literature.getByText(title, { exact: true }).click();
    await literature.locator('button.link').click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    const asked = (await dialog.textContent()) ?? '';
    assert.match(asked, /open the external website/i);
    assert.ok(asked.includes(SAFE_URL), `the confirmation names the link: ${asked}`);
    assert.equal(await dialog.count(), 1, 'one confirmation, for the https link only');
    await workbench.screenshot('hostile-4-open-external');
    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(page.context().pages().length, pagesBefore, 'cancelled: no page opened');
    assert.deepEqual(await pwnedMarks(page), []);
    await closeEditors();
  });

  it('Evaluation Review: the hostile candidates, metric names, commits and datasets of the history are text', async () => {
    await runFromPalette(workbench.page, 'ML Roadmap: Show Evaluation Review');
    await panel().locator('h2', { hasText: /^Runs \(\d+\)$/ }).waitFor({ state: 'visible', timeout: 60_000 });
    await panel().locator('table.summary th', { hasText: IMG }).first().waitFor({ state: 'visible' });
    await panel().locator('.inner .row').first().waitFor({ state: 'visible' });
    const header = await panel().locator('.row.head .cell').allTextContents();
    for (const name of [IMG, RLO, BIG]) assert.ok(header.includes(name), `the metric ${name.slice(0, 40)} is a column`);
    assert.ok(!header.includes(SVG), 'a value that is no number is no metric');
    const candidates = await panel().locator('#run-candidate option').allTextContents();
    for (const c of [IMG, RLO, BIG]) assert.ok(candidates.some((t) => t.includes(c)), `the candidate ${c.slice(0, 40)} is offered`);
    const layout = await checkPanel('review');
    const cells = layout.elements.filter((e) => e.tag.startsWith('div.cell'));
    assert.ok(cells.length > 0 && cells.every((e) => e.ellipsis), `the 100 KB cells end in an ellipsis: ${JSON.stringify(cells)}`);
    await workbench.screenshot('hostile-5-review');
    // Pinned, a run of the right-to-left candidate is named in the header with the time after it.
    const run = panel().locator('.inner .row', { hasText: RLO }).first();
    const runId = await run.getAttribute('data-run-id');
    await run.locator('button.pin').click();
    const pinned = panel().locator('.baseline.pinned', { hasText: `pinned ${runId}` });
    await pinned.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match((await pinned.textContent()) ?? '', new RegExp(`^Baseline: pinned ${runId} \\(evil\u202Eexe\\.txt, 2026-11-01T03:00:00\\.000Z\\)$`));
    await checkPanel('review');
    await workbench.screenshot('hostile-6-review-pinned');
    await panel().locator('.scroller').evaluate((e) => (e.scrollLeft = 0));
    await closeEditors();
  });

  it('no payload ran anywhere, and the pages ran under their Content Security Policy without errors', async () => {
    assert.deepEqual(await pwnedMarks(workbench.page), []);
    assert.deepEqual(problems, []);
  });
});

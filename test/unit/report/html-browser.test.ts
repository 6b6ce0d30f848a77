// The HTML report written by `mlroadmap report`, opened from file:// in headless Chromium (playwright-core, no
// workbench): it draws with no console error, no CSP violation and no request beyond its own file; the chart is drawn;
// light and dark follow prefers-color-scheme; every hostile string of a hostile roadmap is on the page as text and
// nothing in it ran. Screenshots: test-results/screenshots/report-*.png. Skipped where Chromium is missing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { memoryIo } from '../../../src/cli/io';
import { reportHtml } from '../../../src/core/report/html';
import { loadReportSnapshot } from '../../../src/core/report/load';
import { pseudoBundle, PSEUDO_OPEN } from '../support/pseudoL10n';
import { runReport } from '../../../src/cli/report';
// @ts-expect-error: a plain ES module of the scripts, without types
import { launchBrowser } from '../../../scripts/browser.mjs';
import { makeTempRepo } from '../git/tempRepo';
import { evidenceWorkspace, HOSTILE_COST, HOSTILE_OPTION } from './evidenceWorkspace';
// @ts-expect-error: a plain ES module of the scripts, without types
import { CHROMIUM } from '../../../scripts/vscode-env.mjs';
// @ts-expect-error: a plain ES module of the e2e support, without types
import { HOSTILE, IMG, RLO, SCRIPT, writeHostileWorkspace } from '../../e2e/support/hostile.mjs';

const ROOT = path.resolve(__dirname, '../../..');
const DEMO = path.join(ROOT, 'examples/digits');
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
}

describe('the HTML report in Chromium', function () {
  this.timeout(60_000);
  let tmp = '';
  let assetsDir = '';
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  before(async function () {
    // Chromium comes with the project's setup (scripts/setup-vscode.sh): without it this is a failure, not a skip.
    assert.ok(existsSync(CHROMIUM as string), `no Chromium at ${String(CHROMIUM)}: run npm run setup:vscode`);
    tmp = mkdtempSync(path.join(tmpdir(), 'mlroadmap-report-html-'));
    // The page bundle as `npm run build` makes it, built into the temporary folder.
    assetsDir = path.join(tmp, 'assets');
    const built = spawnSync(process.execPath, ['scripts/build.mjs', `--report-out=${assetsDir}`], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(built.status, 0, built.stderr);
    ({ browser, context } = (await launchBrowser({ viewport: { width: 1200, height: 900 } })) as { browser: Browser; context: BrowserContext });
    mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  async function write(roadmapDir: string, name: string): Promise<string> {
    const out = path.join(tmp, `${name}.html`);
    const io = memoryIo(roadmapDir);
    const code = await runReport(['--out', out], io, { assetsDir, now: new Date('2026-12-01T09:00:00Z') });
    assert.equal(code, 0, io.stderr.join('\n'));
    return out;
  }

  async function open(file: string, scheme: 'light' | 'dark'): Promise<Opened> {
    const page = await context!.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('#app[aria-busy="false"]');
    return { page, errors, requests };
  }

  it('the demo: small, no console error, no request but its own file, the chart drawn, light and dark', async () => {
    const file = await write(DEMO, 'demo');
    assert.ok(statSync(file).size <= 300 * 1024, `${statSync(file).size} bytes`);
    for (const scheme of ['light', 'dark'] as const) {
      const { page, errors, requests } = await open(file, scheme);
      assert.deepEqual(errors, []);
      assert.deepEqual(requests, [pathToFileURL(file).href]);
      assert.equal(await page.locator('h1').textContent(), 'Discovery report: Digit recognizer');
      // The same numbers as Compare, in Compare's own table (webview/shared/candidateTable.ts), drawn static:
      // logreg's accuracy flagged as the panel flags it, its delta against the baseline, target met.
      const logreg = page.locator('table.compare tr[data-candidate="logreg"]');
      assert.match((await logreg.textContent()) ?? '', /0\.9721 not from the pipeline.*\+0\.8718.*met/);
      assert.equal(await logreg.locator('td[data-column="delta:accuracy"]').getAttribute('class'), 'num better');
      // Static: no sort button, no focus stop, no handler-only markup.
      assert.equal(await page.locator('table.compare button, table.compare [tabindex], table.compare .codicon').count(), 0);
      assert.equal(await page.locator('table.compare th').first().textContent(), 'Candidate');
      // The chart: a canvas with pixels painted, its legend, the ranking with its formula.
      const painted = await page.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>('section.scatter canvas');
        if (!canvas) return 0;
        const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let n = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) n++;
        return n;
      });
      assert.ok(painted > 1000, `painted ${painted} pixels`);
      assert.match((await page.locator('.formula').first().textContent()) ?? '', /^score = gain × confidence weight ÷ cost/);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(background, scheme === 'dark' ? 'rgb(31, 31, 31)' : 'rgb(255, 255, 255)');
      await page.screenshot({ path: path.join(SHOTS, `report-demo-${scheme}.png`), fullPage: true });
      await page.close();
    }
  });

  it('prints on A4 (a PDF of one or more pages)', async () => {
    const { page } = await open(path.join(tmp, 'demo.html'), 'dark');
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 10_000);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
    await page.close();
  });

  it('a hostile roadmap: every string as text, nothing ran, no request', async () => {
    const dir = path.join(tmp, 'hostile');
    mkdirSync(dir);
    writeHostileWorkspace(dir);
    const file = await write(dir, 'hostile');
    const json = /id="mlroadmap-report-data">([\s\S]*?)<\/script>/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
    assert.ok(json.length > 100_000, 'the 100 KB string is in the data');
    assert.doesNotMatch(json, /[<>]/, 'the embedded JSON holds no markup');
    const { page, errors, requests } = await open(file, 'light');
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, [pathToFileURL(file).href]);
    const found = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      // Elements that only the data could have made.
      injected: document.querySelectorAll('#app img, #app svg, #app iframe, #app script, #app a').length,
      text: document.body.innerText,
    }));
    assert.deepEqual([found.pwned, found.injected], [null, 0]);
    assert.ok(found.text.includes(IMG), 'the <img> payload as text');
    assert.ok(found.text.includes(SCRIPT), 'the </script> payload as text');
    assert.ok(found.text.includes(RLO), 'the right-to-left override as text');
    // Every right-to-left override from the data is inside a <bdi>.
    const unisolated = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.getElementById('app')!, NodeFilter.SHOW_TEXT);
      let n = 0;
      for (let t = walker.nextNode(); t; t = walker.nextNode()) if (/[\u202E\u2067]/.test(t.textContent ?? '') && !t.parentElement?.closest('bdi')) n++;
      return n;
    });
    assert.equal(unisolated, 0);
    assert.ok((HOSTILE as string[]).length > 5);
    await page.screenshot({ path: path.join(SHOTS, 'report-hostile.png') });
    await page.close();
  });

  it('--since: the "Since" section drawn from the same snapshot field as the Markdown', async () => {
    const repo = makeTempRepo();
    try {
      repo.write('mlroadmap.yaml', readFileSync(path.join(DEMO, 'mlroadmap.yaml'), 'utf8'));
      repo.git('add', '--', 'mlroadmap.yaml');
      repo.git('commit', '-q', '-m', 'before');
      repo.write('mlroadmap.yaml', readFileSync(path.join(DEMO, 'mlroadmap.yaml'), 'utf8').replace(/(- id: knn\n(?:.*\n)*?\s+status: )idea/, '$1rejected'));
      repo.write('docs/decisions/0001-use-a-cnn.md', '---\nstatus: accepted\n---\n\n# Use a <b>CNN</b>\n');
      repo.git('add', '--', 'mlroadmap.yaml', 'docs');
      repo.git('commit', '-q', '-m', 'after');
      const out = path.join(tmp, 'since.html');
      const io = memoryIo(repo.dir);
      assert.equal(await runReport(['--since', 'HEAD~1', '--out', out], io, { assetsDir, gitEnv: repo.env }), 0, io.stderr.join('\n'));
      const { page, errors } = await open(out, 'light');
      assert.deepEqual(errors, []);
      const since = page.locator('section.since');
      assert.equal(await since.locator('h2').textContent(), 'Since HEAD~1');
      const rows = await since.locator('tbody tr').allInnerTexts();
      assert.deepEqual(
        rows.map((r) => r.replace(/\s+/g, ' ').trim()),
        ['k-nearest neighbours (knn) idea rejected', '0001 Use a <b>CNN</b> new accepted'],
      );
      await since.screenshot({ path: path.join(SHOTS, 'report-since.png') });
      await page.close();
    } finally {
      repo.cleanup();
    }
  });

  it("each decision's embedded evidence under its row, as text; a record without evidence shows none", async () => {
    const ws = evidenceWorkspace();
    try {
      const { page, errors } = await open(await write(ws.dir, 'evidence'), 'light');
      assert.deepEqual(errors, []);
      const rows = await page.locator('table.decisions tbody tr').evaluateAll((trs) => trs.map((tr) => `${tr.className}: ${(tr as HTMLElement).innerText.replace(/\s+/g, ' ').trim()}`));
      assert.equal(rows.length, 5, rows.join('\n'));
      assert.deepEqual(rows.map((r) => r.slice(0, r.indexOf(':'))), ['decision', 'decision', 'decision', 'evidence', 'decision']);
      assert.match(rows[2], /^decision: 0003 Choose the small CNN accepted 2024-05-02$/);
      const evidence = page.locator('tr.evidence td[aria-label="Evidence of 0003"]');
      const items = await evidence.locator('li').allInnerTexts();
      assert.equal(items.length, 2);
      // The option's title and its cost as the record writes them: text, nothing made of them.
      assert.equal(await evidence.locator('li strong bdi').first().textContent(), HOSTILE_OPTION);
      assert.equal(await evidence.locator('li').first().locator('dd bdi').first().textContent(), HOSTILE_COST);
      assert.match(items[0].replace(/\s+/g, ' '), /Evaluation accuracy 0\.983 \(baseline 0\.1003, delta \+0\.8827\), commit 3f2a9c1/);
      assert.match(items[1].replace(/\s+/g, ' '), /One-hidden-layer MLP \(mlp\) Cost 2 effort days, 1 compute hours, risk low Evaluation not measured yet/);
      const found = await page.evaluate(() => ({ pwned: (window as unknown as { __pwned?: number }).__pwned ?? null, injected: document.querySelectorAll('#app img, #app a, #app script').length }));
      assert.deepEqual(found, { pwned: null, injected: 0 });
      await page.locator('section[aria-labelledby="decisions"]').screenshot({ path: path.join(SHOTS, 'report-evidence.png') });
      await page.close();
    } finally {
      ws.cleanup();
    }
  });

  it('in the display language: the translations written into the page draw its headings, table headers and notes', async () => {
    // As Export Discovery Report writes it in a window whose display language has a translation (here, every text
    // pseudo-translated to ⟦text⟧): the page's lang and the bundle beside the snapshot.
    const snapshot = await loadReportSnapshot(path.join(DEMO, 'mlroadmap.yaml'), 'mlroadmap.yaml', new Date('2026-12-01T09:00:00Z'));
    const assets = { script: readFileSync(path.join(assetsDir, 'report.js'), 'utf8'), css: readFileSync(path.join(assetsDir, 'report.css'), 'utf8') };
    const file = path.join(tmp, 'translated.html');
    writeFileSync(file, reportHtml(snapshot, assets, { lang: 'qps-ploc', bundle: await pseudoBundle() }));
    const { page, errors, requests } = await open(file, 'light');
    try {
      assert.equal(await page.locator('html').getAttribute('lang'), 'qps-ploc');
      await page.screenshot({ path: path.join(SHOTS, 'report-translated.png'), fullPage: false });
      // Not the headers that are the roadmap's own words: a metric's measured-value column is headed by its id.
      const own = (await page.locator('h2, thead th:not([data-column^="value:"]), caption, .note, .empty').allTextContents()).map((t) => t.trim()).filter(Boolean);
      assert.ok(own.length >= 15, `the page's headings and headers: ${own.length}`);
      // Every heading and header begins with translated text (a column may name a metric inside its sentence).
      assert.deepEqual(own.filter((t) => !t.startsWith(PSEUDO_OPEN) && !/^[a-z_]+\b.*⟦/.test(t)), []);
      assert.deepEqual(errors, []);
      assert.deepEqual(requests.filter((r) => r !== pathToFileURL(file).href), []);
    } finally {
      await page.close();
    }
  });
});

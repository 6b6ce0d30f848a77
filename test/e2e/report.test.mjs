/* global describe, it, before, after */
// End to end: ML Roadmap: Export Discovery Report… from the palette on the demo workspace. It asks for a git ref to
// compare with (left empty here), then code-server's save dialog, which
// is VS Code's simple file dialog (a quick input holding a path): the test types a path in the workspace and presses
// Enter; the page written there opens from file:// in a new Chromium page with every section drawn and no console
// error; `mlroadmap report` from a terminal writes a page with the same sections and candidate rows.
// Screenshot: test-results/screenshots/report-export.png.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO } from '../../scripts/vscode-env.mjs';
import { SCREENSHOTS, openWorkbench, poll, runFromPalette, waitForRoadmap } from './support/workbench.mjs';

describe('Export Discovery Report… from the palette', function () {
  this.timeout(180_000);
  let workbench;

  before(async () => {
    workbench = await openWorkbench();
  });

  after(async () => {
    await workbench?.close();
  });

  it('writes the page where the save dialog is answered; it opens offline with every section', async () => {
    const { page } = workbench;
    await waitForRoadmap(page);
    const out = join(workbench.workspace.path, 'report.html');
    await runFromPalette(page, 'ML Roadmap: Export Discovery Report…');
    const input = page.locator('.quick-input-widget input');
    // First the git ref to compare with: left empty, no "Since" section.
    await page.locator('.quick-input-widget', { hasText: 'Compare with a git ref, e.g. HEAD~7 or a tag; empty: no comparison' }).waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await input.inputValue(), '');
    await page.keyboard.press('Enter');
    // The simple file dialog: a quick input holding the default path (discovery-report.html in the workspace).
    const offered = await poll('the save dialog with its default path', () => input.inputValue().catch(() => ''), (v) => v.endsWith('discovery-report.html'));
    assert.ok(offered.includes(workbench.workspace.path.split('/').pop()), offered);
    await input.fill(out);
    await page.keyboard.press('Enter');
    await poll('report.html on disk', () => existsSync(out), (x) => x);
    await page.locator('.notification-toast', { hasText: 'Discovery report written to report.html.' }).first().waitFor({ state: 'visible', timeout: 30_000 });

    const html = readFileSync(out, 'utf8');
    assert.match(html, /content="default-src 'none'; script-src 'sha256-/);
    const report = await page.context().newPage();
    const errors = [];
    report.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    report.on('pageerror', (e) => errors.push(String(e)));
    try {
      await report.goto(pathToFileURL(out).href);
      await report.waitForSelector('#app[aria-busy="false"]', { timeout: 10_000 });
      assert.equal(await report.locator('h1').textContent(), 'Discovery report: Digit recognizer');
      const headings = await report.locator('#app > section > h2').allTextContents();
      assert.deepEqual(headings, ['Progress', 'Blocked', 'Metrics', 'Candidates', 'Reality checks', 'Decisions', 'Open pitfall findings']);
      assert.ok((await report.locator('section.scatter canvas').count()) > 0, 'the cost-versus-benefit chart is drawn');
      assert.deepEqual(errors, []);
      await report.screenshot({ path: join(SCREENSHOTS, 'report-export.png'), fullPage: true });
    } finally {
      await report.close();
    }
  });

  it('mlroadmap report from a terminal writes a page that shows the same sections and candidate rows', async () => {
    const { page } = workbench;
    const fromPalette = join(workbench.workspace.path, 'report.html');
    const fromCli = join(workbench.workspace.path, 'cli-report.html');
    execFileSync(process.execPath, [join(REPO, 'dist', 'cli.js'), 'report', join(workbench.workspace.path, 'mlroadmap.yaml'), '--out', fromCli], { encoding: 'utf8' });
    const read = async (file) => {
      const tab = await page.context().newPage();
      try {
        await tab.goto(pathToFileURL(file).href);
        await tab.waitForSelector('#app[aria-busy="false"]', { timeout: 10_000 });
        return {
          headings: await tab.locator('#app > section > h2').allTextContents(),
          candidates: await tab.locator('table.compare tbody tr').allTextContents(),
        };
      } finally {
        await tab.close();
      }
    };
    const cli = await read(fromCli);
    assert.ok(cli.candidates.length > 0, 'the CLI page lists the candidates');
    assert.deepEqual(cli, await read(fromPalette));
  });
});

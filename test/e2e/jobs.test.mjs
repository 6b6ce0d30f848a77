/* global describe, it, before, after */
// End to end: the demo's five candidates evaluated on the single-node Slurm test cluster from the palette; the Jobs
// view and the status bar follow them; the window is reloaded while they run and still watches them to the end; every
// result lands in the history. Screenshots: test-results/screenshots/jobs-*.png.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, poll, runFromPalette, waitForRoadmap } from './support/workbench.mjs';

const CANDIDATES = ['majority', 'logreg', 'cnn', 'mlp', 'knn'];

/** The demo sent to Slurm; each job waits a few seconds first, so the reload happens while they run. */
function prepare(folder) {
  const file = join(folder, 'mlroadmap.yaml');
  const text = readFileSync(file, 'utf8').replace(/^evaluation:.*\n/m, (line) => `${line}  executor: slurm\n  slurm:\n    setup: sleep 10\n`);
  writeFileSync(file, text);
  mkdirSync(join(folder, '.vscode'), { recursive: true });
  writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'mlroadmap.pythonPath': '/usr/bin/python3' }, null, 2) + '\n');
}

function history(folder) {
  const file = join(folder, '.mlroadmap', 'history.jsonl');
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : [];
}

async function openJobsView(page) {
  const header = page.locator('.sidebar .pane-header', { has: page.locator('h3.title', { hasText: /^Jobs$/i }) }).first();
  // Submitting focuses the Jobs view (the side bar opens on it); after a reload the side bar may be closed.
  if (!(await header.isVisible().catch(() => false))) {
    await header.waitFor({ state: 'visible', timeout: 5000 }).catch(async () => {
      const entry = page.locator('.activitybar .action-item a[aria-label^="ML Roadmap"]');
      await entry.waitFor({ state: 'visible', timeout: 60_000 });
      await entry.click();
    });
  }
  await header.waitFor({ state: 'visible', timeout: 60_000 });
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  return header.locator('xpath=..');
}

const rowsOf = (pane) => pane.locator('.monaco-list-row').allTextContents();

describe('Slurm jobs in the workbench', function () {
  this.timeout(300_000);
  let workbench;

  before(async () => {
    workbench = await openWorkbench({ prepare });
    await waitForRoadmap(workbench.page);
  });

  after(async function () {
    if (this.currentTest?.state === 'failed' || this.test?.parent?.tests.some((t) => t.state === 'failed')) await workbench?.screenshot('jobs-failed').catch(() => undefined);
    await workbench?.close();
  });

  it('Evaluate All submits every candidate; the Jobs view and the status bar follow them, through a window reload, to the results', async () => {
    const { page, workspace } = workbench;
    await runFromPalette(page, 'ML Roadmap: Evaluate All Candidates');
    const pane = await openJobsView(page);
    const submitted = await poll('a row per candidate in the Jobs view', () => rowsOf(pane), (rows) => CANDIDATES.every((c) => rows.some((r) => r.startsWith(c))), 60_000);
    assert.ok(submitted.every((r) => /job \d+/.test(r)), `rows name their job: ${submitted.join(' | ')}`);
    const status = page.locator('.statusbar-item', { hasText: /\d+ (running|pending)/ }).first();
    await status.waitFor({ state: 'visible', timeout: 30_000 });
    await poll('a job running', () => rowsOf(pane), (rows) => rows.some((r) => /running \d/.test(r)), 60_000);
    await workbench.screenshot('jobs-1-running');

    // A reload mid-run: the new window reads .mlroadmap/jobs.jsonl and watches the jobs again.
    assert.ok(history(workspace.path).length < CANDIDATES.length, 'the reload happens before every job has ended');
    await page.reload();
    await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
    await waitForRoadmap(page);
    const again = await openJobsView(page);
    const done = await poll('every job completed after the reload', () => rowsOf(again), (rows) => rows.length >= CANDIDATES.length && rows.every((r) => /completed/.test(r)), 180_000);
    assert.equal(done.length, CANDIDATES.length, done.join(' | '));
    await poll('the status bar count to go', () => page.locator('.statusbar-item', { hasText: /\d+ (running|pending)/ }).count(), (n) => n === 0);
    await workbench.screenshot('jobs-2-completed');
    const records = await poll('a history record per candidate', () => history(workspace.path), (r) => r.length === CANDIDATES.length, 30_000);
    assert.deepEqual(records.map((r) => r.candidate).sort(), [...CANDIDATES].sort());
  });
});

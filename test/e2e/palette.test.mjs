/* global describe, it, before, after */
// End to end: "ML Roadmap: Set Step Status…" from the command palette, driven by the keyboard through its
// QuickPick steps in headless Chromium; the step's status changes in mlroadmap.yaml on disk.
// Screenshots: test-results/screenshots/palette-*.png.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, poll } from './support/workbench.mjs';

/** The status of a block-style step, read from the roadmap text. */
function stepStatus(text, id) {
  const m = new RegExp(`- id: ${id}\\n(?:\\s+(?!- )[a-z_]+: .*\\n)*?\\s+status: (\\w+)`).exec(text);
  return m?.[1];
}

/** Waits until `predicate` holds for what the page shows. */
const waitUntil = (what, predicate, timeoutMs = 30_000) => poll(what, predicate, Boolean, timeoutMs);

describe('ML Roadmap palette flows', function () {
  this.timeout(240_000); // generous: the machine may be busy with other work
  let workbench;
  let roadmapPath;

  before(async () => {
    workbench = await openWorkbench();
    roadmapPath = join(workbench.workspace.path, 'mlroadmap.yaml');
    // The status bar item appears once the extension has activated and read the roadmap.
    await workbench.page.locator('.statusbar-item', { hasText: /Discovery \d+\/\d+/ }).first().waitFor({ state: 'visible', timeout: 120_000 });
  });

  after(async () => {
    await workbench?.close();
  });

  it('sets a step status through the palette and its QuickPick steps, by keyboard, with Back', async () => {
    const { page } = workbench;
    assert.equal(stepStatus(readFileSync(roadmapPath, 'utf8'), 'cost-benefit'), 'todo');
    const input = page.locator('.quick-input-widget input');
    const rows = page.locator('.quick-input-widget .monaco-list-row');

    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible' });
    await page.keyboard.type('>ML Roadmap: Set Step Status');
    await rows.filter({ hasText: 'Set Step Status' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await page.keyboard.press('Enter');

    // Step 1 of 2: the steps, grouped by stage, each with its status; filter by typing (Enter takes the highlighted one).
    const title = page.locator('.quick-input-widget .quick-input-title');
    await rows.filter({ hasText: 'Understand the business problem' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.match((await title.textContent()) ?? '', /Set Step Status \(1\/2\)/);
    await workbench.screenshot('palette-1-steps');
    await page.keyboard.type('Estimate cost');
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'Estimate cost and benefit of each candidate' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');

    // Step 2 of 2: the new status; the usual next one (doing) is highlighted, move to "done" with the arrow key.
    await rows.filter({ hasText: 'blocked' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    const focused = page.locator('.quick-input-widget .monaco-list-row.focused');
    await waitUntil('"doing" to be highlighted', async () => /doing/.test((await focused.first().textContent()) ?? ''));
    assert.match((await title.textContent()) ?? '', /Set Step Status \(2\/2\)/);
    const back = page.locator('.quick-input-widget .codicon-quick-input-back');
    assert.equal(await back.count(), 1, 'a Back button on the second step');
    // Back returns to the step list; pick the step again.
    await back.click();
    await waitUntil('step 1 again', async () => /\(1\/2\)/.test((await title.textContent()) ?? ''));
    await page.keyboard.type('Estimate cost');
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'Estimate cost and benefit of each candidate' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await waitUntil('step 2 again', async () => /\(2\/2\)/.test((await title.textContent()) ?? ''));
    await waitUntil('"doing" to be highlighted again', async () => /doing/.test((await focused.first().textContent()) ?? ''));
    await page.keyboard.press('ArrowDown');
    await waitUntil('"done" to be highlighted', async () => /done/.test((await focused.first().textContent()) ?? ''));
    await workbench.screenshot('palette-2-status');
    await page.keyboard.press('Enter');

    await waitUntil('mlroadmap.yaml to hold the new status', () => stepStatus(readFileSync(roadmapPath, 'utf8'), 'cost-benefit') === 'done');
    await input.waitFor({ state: 'hidden' });
    await workbench.screenshot('palette-3-done');
    const text = readFileSync(roadmapPath, 'utf8');
    assert.equal(stepStatus(text, 'cost-benefit'), 'done');
    assert.equal(stepStatus(text, 'candidates'), 'doing', 'other steps untouched');
    assert.ok(text.includes('        status: done          # todo | doing | done | blocked | skipped'), 'comments kept');
  });

  it('validates a new candidate id as it is typed', async () => {
    const { page } = workbench;
    const input = page.locator('.quick-input-widget input');
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible' });
    await page.keyboard.type('>ML Roadmap: Add Candidate');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Add Candidate' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'Id of the candidate' }).waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.type('cnn');
    const message = page.locator('.quick-input-widget .quick-input-message');
    await waitUntil('the "already used" message', async () => /already used/.test((await message.textContent()) ?? ''));
    await page.keyboard.press('Enter'); // refused: the flow stays on this step
    assert.ok(await input.isVisible());
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Big CNN');
    await waitUntil('the format message', async () => /lower-case/.test((await message.textContent()) ?? ''));
    await workbench.screenshot('palette-4-validation');
    await page.keyboard.press('Escape');
    await input.waitFor({ state: 'hidden' });
  });
});

/* global describe, it, document */
// End to end: the day in the life again, shorter, by keyboard only — no click, no pointer: F1 and the palette (VS Code's
// own commands too, such as "Focus on Roadmap View" and "Close All Editors"), typing, Enter, Escape, the arrows, Tab
// and Space. From an empty git repository holding one CSV: Initialize Roadmap from the Roadmap view's welcome button
// reached with Tab → a metric with a target → literature → Scaffold Baseline (dumb) → Evaluate All and Re-run → the
// Evaluation Review's run table walked with the arrows, a run selected and pinned from the keyboard → Add Candidate
// (its reviewed work ticked with Space) → Record Architecture Decision (a real commit) → Advance Phase past the gate
// through its modal → a card moved on the board by its "Move to…" menu, twice → the side bar's trees walked with the
// arrows (a node folded and unfolded). Each step checks the outcome (the bytes of mlroadmap.yaml, the history, git, the views' DOM) and where the
// keyboard is (document.activeElement, in the page and in the webview), and takes a screenshot:
// test-results/screenshots/keyboard-NN-<step>.png.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { commitTheDay, decisionCommit, git, walkHooks } from './support/walk.mjs';
import { panelFrame, poll, runByKeyboard } from './support/workbench.mjs';

describe('a day in the life, by keyboard only', function () {
  this.timeout(240_000);
  let page;
  let dir;
  let waitForPrompt, answer, choose, done, initialize, literature, scaffold, costBenefit, decision;

  const roadmapText = () => (existsSync(join(dir, 'mlroadmap.yaml')) ? readFileSync(join(dir, 'mlroadmap.yaml'), 'utf8') : '');
  const roadmap = () => parse(roadmapText()) ?? {};
  const historyLines = () => (existsSync(join(dir, '.mlroadmap', 'history.jsonl')) ? readFileSync(join(dir, '.mlroadmap', 'history.jsonl'), 'utf8').trim().split('\n').filter(Boolean) : []);
  const stepStatus = (id) => (roadmap().production ?? []).flatMap((t) => t.steps ?? []).find((s) => s.id === id)?.status;
  const screenshot = walkHooks('keyboard', (w) => {
    ({ page, dir } = w);
    ({ waitForPrompt, answer, choose, done, initialize, literature, scaffold, costBenefit, decision } = w.prompts);
  });

  /** Where the page's keyboard focus is: the workbench part holding document.activeElement, and what it is. */
  const pageFocus = () =>
    page.evaluate(() => {
      const a = document.activeElement;
      const part = a?.closest('.quick-input-widget')
        ? 'quick-input'
        : a?.closest('.monaco-dialog-box')
          ? 'dialog'
          : a?.closest('.sidebar')
            ? 'sidebar'
            : a?.matches('iframe.webview')
              ? 'webview'
              : a?.closest('.editor-group-container')
                ? 'editor'
                : a === document.body || !a
                  ? 'body'
                  : 'other';
      return { part, tag: a?.tagName ?? '', text: (a?.textContent ?? '').trim().slice(0, 80), label: a?.getAttribute('aria-label') ?? '', quickList: Boolean(a?.closest('.quick-input-list')) };
    });

  /** The keyboard is in the workbench part `part` (waits for it). */
  const focusIsIn = (part, what = part) => poll(`the keyboard in the ${what}`, pageFocus, (f) => f.part === part);

  /** The keyboard is somewhere a user can go on from (not lost on the page's body) once a command is done. */
  const focusNotLost = () => poll('the keyboard somewhere in the workbench (not on the body)', pageFocus, (f) => f.part !== 'body');

  /** Where the keyboard is inside the active webview panel (its document, inside the webview's two iframes). */
  const webviewFocus = () =>
    panelFrame(page)
      .locator('body')
      .evaluate(() => {
        const a = document.activeElement;
        const card = a?.closest('article.card');
        const row = a?.closest('.inner .row');
        return {
          hasFocus: document.hasFocus(),
          tag: a?.tagName ?? '',
          cls: typeof a?.className === 'string' ? a.className : '',
          label: a?.getAttribute('aria-label') ?? '',
          card: card?.getAttribute('data-step-id') ?? undefined,
          row: row?.getAttribute('data-run-id') ?? undefined,
        };
      });

  /** Presses Tab until the webview's focused element satisfies `accept` (at most `max` presses); returns it. */
  async function tabTo(what, accept, max = 80) {
    let f = await webviewFocus();
    for (let i = 0; i < max && !accept(f); i++) {
      await page.keyboard.press('Tab');
      f = await webviewFocus();
    }
    assert.ok(accept(f), `Tab reaches ${what}; the keyboard is on ${JSON.stringify(f)}`);
    return f;
  }

  /** The side bar's focused tree row (VS Code's list marks it `.focused`). */
  const focusedSidebarRow = () =>
    page.evaluate(() => {
      const list = document.querySelector('.sidebar .monaco-list:focus-within');
      const row = list?.querySelector('.monaco-list-row.focused');
      if (!row) return { active: `${document.activeElement?.tagName} ${document.activeElement?.className} ${document.activeElement?.getAttribute('aria-label')}` };
      return { label: row.getAttribute('aria-label') ?? '', expanded: row.getAttribute('aria-expanded') ?? undefined, level: row.getAttribute('aria-level') ?? '' };
    });

  /**
   * Presses `key` until the side bar's focused row satisfies `accept` (at most three presses): a tree that is drawn
   * again just then (its rows' counts change as the extension reads the roadmap) may drop a key. Returns the row.
   */
  async function pressInTree(key, what, accept) {
    for (let i = 0; ; i++) {
      await page.keyboard.press(key);
      try {
        return await poll(what, focusedSidebarRow, accept, 5_000);
      } catch (e) {
        if (i === 2) throw e;
      }
    }
  }

  it('01 Initialize Roadmap: the Roadmap view focused from the palette, its welcome button reached with Tab, the prompts answered', async () => {
    await runByKeyboard(page, 'ML Roadmap: Focus on Roadmap View');
    // The first opening of the views also opens the getting-started walkthrough, which takes the keyboard: closed
    // from the palette, then back to the view.
    await page.locator('.tabs-container .tab', { hasText: 'Walkthrough' }).waitFor({ state: 'visible', timeout: 60_000 });
    await runByKeyboard(page, 'View: Close All Editors');
    await page.locator('.tabs-container .tab', { hasText: 'Walkthrough' }).waitFor({ state: 'detached', timeout: 30_000 });
    await runByKeyboard(page, 'ML Roadmap: Focus on Roadmap View');
    await focusIsIn('sidebar', 'Roadmap view');
    let f = await pageFocus();
    for (let i = 0; i < 10 && f.text !== 'Initialize Roadmap'; i++) {
      await page.keyboard.press('Tab');
      f = await pageFocus();
    }
    assert.equal(f.text, 'Initialize Roadmap', `Tab reaches the welcome button: ${JSON.stringify(f)}`);
    assert.equal(f.part, 'sidebar');
    await page.keyboard.press('Enter');
    await initialize();
    await poll('mlroadmap.yaml on disk', () => roadmap().evaluation?.dataset, (d) => d === 'data/digits.csv');
    assert.equal(roadmap().project?.name, 'Form router');
    // The new roadmap opens in the editor, and has the keyboard.
    await page.locator('.tab.active[aria-label^="mlroadmap.yaml"]').waitFor({ state: 'visible', timeout: 30_000 });
    await focusNotLost();
    await screenshot('initialized');
  });

  it('02 Add Metric: an offline metric with its target', async () => {
    await runByKeyboard(page, 'ML Roadmap: Add Metric…');
    await answer(/Id of the metric/, 'accuracy');
    await choose(/What kind of metric/, 'offline');
    // The direction's list walked with the arrow keys: maximize is the first entry, minimize the next.
    await waitForPrompt(/higher or lower/);
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'maximize' }).waitFor({ state: 'visible' });
    await page.keyboard.press('ArrowDown');
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'minimize' }).waitFor({ state: 'visible' });
    await page.keyboard.press('ArrowUp');
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'maximize' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await answer(/Target: the value/, '0.9');
    await answer(/Why this target/, 'Below 90% clerks check every form again');
    await done();
    const metric = await poll('accuracy in mlroadmap.yaml', () => roadmap().metrics?.find((m) => m.id === 'accuracy'), (m) => m?.target === 0.9);
    assert.equal(metric.kind, 'offline');
    assert.equal(metric.goal, 'maximize');
    assert.match(roadmapText(), /why: Below 90% clerks check every form again/);
    await focusNotLost();
    await screenshot('metric');
  });

  it('03 Add Literature Entry', async () => {
    await runByKeyboard(page, 'ML Roadmap: Add Literature Entry…');
    await literature();
    const entry = await poll('the entry in mlroadmap.yaml', () => roadmap().literature?.[0], (e) => e?.id === 'lecun98');
    assert.equal(entry.title, 'Gradient-based learning applied to document recognition');
    await focusNotLost();
    await screenshot('literature');
  });

  it('04 Scaffold Baseline (dumb): written, registered as the baseline and the evaluation command', async () => {
    await runByKeyboard(page, 'ML Roadmap: Scaffold Baseline…');
    await scaffold('Dumb', 'Dumb baseline');
    await page.locator('.tab.active[aria-label^="evaluate.py"]').waitFor({ state: 'visible', timeout: 30_000 });
    const r = await poll('the baseline registered', roadmap, (x) => x.evaluation?.command !== undefined && x.candidates?.some((c) => c.id === 'majority'));
    assert.equal(r.evaluation.baseline, 'majority');
    assert.ok(existsSync(join(dir, 'baselines', 'majority', 'evaluate.py')));
    await focusNotLost();
    await screenshot('scaffold');
  });

  it('05 Evaluate All Candidates, then Re-run Last Evaluation: two runs in the history', async () => {
    await runByKeyboard(page, 'ML Roadmap: Evaluate All Candidates');
    await poll('the first run recorded', historyLines, (lines) => lines.length === 1 && existsSync(join(dir, 'results', 'majority.json')), 120_000);
    await runByKeyboard(page, 'ML Roadmap: Re-run Last Evaluation');
    const lines = await poll('the second run recorded', historyLines, (l) => l.length === 2, 120_000);
    for (const line of lines) assert.equal(JSON.parse(line).candidate, 'majority');
    assert.ok(JSON.stringify(JSON.parse(readFileSync(join(dir, 'results', 'majority.json'), 'utf8'))).includes('accuracy'));
    await focusNotLost();
    await screenshot('evaluated');
  });

  it('06 Evaluation Review: the keyboard lands in the webview, walks the run table with the arrows, selects and pins a run', async () => {
    await runByKeyboard(page, 'ML Roadmap: Show Evaluation Review');
    const review = panelFrame(page);
    await review.locator('h2', { hasText: /Runs \(2\)/ }).waitFor({ state: 'visible', timeout: 60_000 });
    await review.locator('.inner .row[data-run-id]').nth(1).waitFor({ state: 'visible', timeout: 30_000 });
    await focusIsIn('webview', 'Evaluation Review');
    await poll('the review document focused', webviewFocus, (f) => f.hasFocus);
    // Tab to the run table: its rows take the keyboard (one of them a tab stop).
    const first = await tabTo('a row of the run table', (f) => f.row !== undefined && f.cls.includes('row'));
    await page.keyboard.press('ArrowDown');
    const second = await poll('the next row focused', webviewFocus, (f) => f.row !== undefined && f.row !== first.row && f.cls.includes('row'));
    await page.keyboard.press('ArrowUp');
    await poll('the first row focused again', webviewFocus, (f) => f.row === first.row);
    await page.keyboard.press('End');
    await poll('the last row focused', webviewFocus, (f) => f.row === second.row);
    // Enter selects the run: its detail shows below the table.
    await page.keyboard.press('Enter');
    await review.locator('#run-detail h2', { hasText: `Run ${second.row}: majority` }).waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await review.locator(`.inner .row[data-run-id="${second.row}"]`).getAttribute('aria-selected'), 'true');
    assert.equal((await webviewFocus()).row, second.row, 'the keyboard stays on the selected row');
    // Tab to the row's pin button; Enter pins the run as the baseline, and the keyboard stays on the button.
    await page.keyboard.press('Tab');
    const pin = await webviewFocus();
    assert.equal(pin.label, `Pin ${second.row} as the baseline`);
    await page.keyboard.press('Enter');
    await review.locator('.baseline.pinned', { hasText: `pinned ${second.row}` }).waitFor({ state: 'visible', timeout: 30_000 });
    await poll('the keyboard on the pressed button after the redraw', webviewFocus, (f) => f.label === `Unpin ${second.row}`);
    await screenshot('review');
    // Back to the workbench: the review closed from the palette (F1 works from inside the webview).
    await runByKeyboard(page, 'View: Close All Editors');
    await page.locator('.tabs-container .tab[aria-label^="Evaluation Review"]').waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('07 Add Candidate: the reviewed work ticked with Space in the multi-select', async () => {
    await runByKeyboard(page, 'ML Roadmap: Add Candidate…');
    await answer(/Id of the candidate/, 'small-cnn');
    await answer(/Title: the architecture/, 'Small CNN on the 8x8 images');
    await waitForPrompt(/Which reviewed work/);
    await page.keyboard.type('lecun');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'lecun98' }).waitFor({ state: 'visible', timeout: 30_000 });
    // Tab takes the keyboard from the filter into the list, where Space ticks the highlighted entry.
    let f = await pageFocus();
    for (let i = 0; i < 4 && !f.quickList; i++) {
      await page.keyboard.press('Tab');
      f = await pageFocus();
    }
    assert.ok(f.quickList, `Tab reaches the list: ${JSON.stringify(f)}`);
    // A multi-select highlights no entry: Home goes to the first.
    await page.keyboard.press('Home');
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'lecun98' }).waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Space');
    await poll('the paper ticked', () => page.locator('.quick-input-widget').textContent(), (t) => /1 Selected/.test(t ?? ''));
    await page.keyboard.press('Enter');
    await costBenefit({ effort: '5', compute: '4', risk: 'medium', expected: '0.99', confidence: 'medium' });
    const c = await poll('small-cnn in mlroadmap.yaml', roadmap, (x) => x.candidates?.some((k) => k.id === 'small-cnn'));
    assert.deepEqual(c.candidates.find((k) => k.id === 'small-cnn').based_on, ['lecun98']);
    await focusNotLost();
    await screenshot('candidate');
  });

  it('08 Record Architecture Decision: small-cnn chosen, in a commit of its own', async () => {
    const before = commitTheDay(dir, 'Roadmap, baseline and its first results');
    await runByKeyboard(page, 'ML Roadmap: Record Architecture Decision…');
    await decision('Small CNN', 'Small CNN', 'The paper reads digits at over 99%, far past the target');
    const files = await decisionCommit(dir, before);
    assert.match(git(dir, 'show', '--stat', '--format=', 'HEAD'), /^ 2 files changed, \d+ insertions?\(\+\)/m);
    assert.match(readFileSync(join(dir, files[0]), 'utf8'), /The paper reads digits at over 99%/);
    await poll('small-cnn chosen on disk', roadmap, (x) => x.candidates?.find((c) => c.id === 'small-cnn')?.status === 'chosen');
    await page.locator('.tab.active[aria-label^="0001-"]').waitFor({ state: 'visible', timeout: 30_000 });
    await focusNotLost();
    await screenshot('decision');
  });

  it('09 Advance Phase: the gate is not met; its modal answered by keyboard, the phase advanced with the reason', async () => {
    await runByKeyboard(page, 'ML Roadmap: Advance Phase…');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    await focusIsIn('dialog', 'gate modal');
    await screenshot('gate');
    let f = await pageFocus();
    for (let i = 0; i < 6 && f.text !== 'Advance anyway…'; i++) {
      await page.keyboard.press('Tab');
      f = await pageFocus();
    }
    assert.equal(f.text, 'Advance anyway…', `Tab reaches the button: ${JSON.stringify(f)}`);
    await page.keyboard.press('Enter');
    await answer(/Why advance to Production/, 'The pilot with the clerks starts Monday: the gaps are known');
    await done();
    await poll('the phase on disk', () => roadmap().project?.phase, (p) => p === 'production');
    assert.equal(roadmap().overrides?.[0]?.reason, 'The pilot with the clerks starts Monday: the gaps are known');
    await page.locator('.statusbar-item', { hasText: /Production \d+\/\d+/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await focusNotLost();
    await screenshot('production');
  });

  it('10 Roadmap Board: Tab to a card, its "Move to…" menu moves it; the keyboard stays on the card to move it again', async () => {
    await runByKeyboard(page, 'ML Roadmap: Show Board');
    const board = panelFrame(page);
    await board.locator('button.tab[aria-selected="true"]', { hasText: 'Production' }).waitFor({ state: 'visible', timeout: 60_000 });
    await focusIsIn('webview', 'board');
    await poll('the board document focused', webviewFocus, (f) => f.hasFocus);
    const id = (roadmap().production ?? [])[0]?.steps?.[0]?.id;
    assert.ok(id, 'a Production step');
    assert.equal(stepStatus(id), 'todo');
    await tabTo(`the move button of ${id}`, (f) => f.card === id && f.cls.includes('handle'));
    await page.keyboard.press('Enter');
    await board.locator('vscode-context-menu').waitFor({ state: 'visible' });
    // The menu lists the other statuses in workflow order: Doing first.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await poll(`${id} doing on disk`, () => stepStatus(id), (s) => s === 'doing');
    await board.locator(`.lane.doing article.card[data-step-id="${id}"]`).waitFor({ state: 'visible', timeout: 30_000 });
    await board.locator('#announcer', { hasText: 'to Doing' }).waitFor({ state: 'attached', timeout: 30_000 });
    await poll('the keyboard back on the moved card', webviewFocus, (f) => f.card === id);
    await screenshot('board-doing');
    // Again from where the keyboard is: the card's move button, Doing -> Done (the menu: To do, Done, …).
    const f = await webviewFocus();
    if (!f.cls.includes('handle')) await page.keyboard.press('Tab');
    assert.ok((await webviewFocus()).cls.includes('handle'), 'the move button of the moved card');
    await page.keyboard.press('Enter');
    await board.locator('vscode-context-menu').waitFor({ state: 'visible' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await poll(`${id} done on disk`, () => stepStatus(id), (s) => s === 'done');
    await board.locator(`.lane.done article.card[data-step-id="${id}"]`).waitFor({ state: 'visible', timeout: 30_000 });
    await poll('the keyboard still on the card', webviewFocus, (f2) => f2.card === id);
    // Escape closes the menu without a move, and gives the keyboard back to the card's button.
    await page.keyboard.press('Enter');
    await board.locator('vscode-context-menu').waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await board.locator('vscode-context-menu').waitFor({ state: 'detached', timeout: 10_000 });
    await poll('the keyboard back on the move button', webviewFocus, (f2) => f2.card === id && f2.cls.includes('handle'));
    assert.equal(stepStatus(id), 'done');
    await screenshot('board-done');
    await runByKeyboard(page, 'View: Close All Editors');
  });

  it('11 The ML Roadmap side bar: focused from the palette, its tree walked and unfolded with the arrows', async () => {
    await runByKeyboard(page, 'ML Roadmap: Focus on Roadmap View');
    await focusIsIn('sidebar', 'Roadmap view');
    await page.keyboard.press('Home');
    const top = await poll('a focused row in the Roadmap tree', focusedSidebarRow, (r) => r.label !== undefined);
    const next = await pressInTree('ArrowDown', 'the next row focused', (r) => r.label !== undefined && r.label !== top.label);
    assert.notEqual(next.label, top.label);
    // Down the tree: every arrow press moves the keyboard one row on.
    const walked = [top.label, next.label];
    for (let i = 0; i < 3; i++) walked.push((await pressInTree('ArrowDown', 'the next row focused', (r) => r.label !== undefined && !walked.includes(r.label))).label);
    await screenshot('sidebar');
    // Home, back to the Focus list (unfolded): Left folds it, Right unfolds it, Down goes to its first item.
    await page.keyboard.press('Home');
    const focusRow = await poll('the Focus row focused', focusedSidebarRow, (r) => /^Focus/.test(r.label ?? '') && r.expanded === 'true');
    await pressInTree('ArrowLeft', 'the Focus list folded', (r) => r.label === focusRow.label && r.expanded === 'false');
    await pressInTree('ArrowRight', 'the Focus list unfolded', (r) => r.label === focusRow.label && r.expanded === 'true');
    const child = await pressInTree('ArrowDown', 'its first item focused', (r) => r.label !== undefined && Number(r.level) === Number(focusRow.level) + 1);
    assert.ok(child.label.length > 0);
    // The Candidates view, by its own focus command: the candidates are there for the keyboard.
    await runByKeyboard(page, 'ML Roadmap: Focus on Candidates View');
    await focusIsIn('sidebar', 'Candidates view');
    await page.keyboard.press('Home');
    const rows = [];
    let r = await poll('a focused candidate', focusedSidebarRow, (x) => x.label !== undefined);
    for (let i = 0; i < 8; i++) {
      if (r.label !== undefined && !rows.includes(r.label)) rows.push(r.label);
      await page.keyboard.press('ArrowDown');
      r = await focusedSidebarRow();
    }
    assert.ok(rows.some((l) => /Small CNN/.test(l)) && rows.some((l) => /Majority|majority/.test(l)), `the candidates walked: ${rows.join(' | ')}`);
    await screenshot('candidates');
  });
});

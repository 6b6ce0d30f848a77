/* global describe, it */
// End to end: a day in the life of a team that starts a new model, walked in the real workbench as a user does it,
// from an empty git repository holding one CSV file to a shipped roadmap. Every step goes through the command palette
// and its QuickPick/InputBox prompts answered by keyboard (the board's cards move through their keyboard "Move to…"
// menu); each step checks what the user sees — the Focus list of the Roadmap view and the Problems count for the
// pitfalls, the file on disk, the views and webviews, git for the decision's commit — and takes a screenshot:
// test-results/screenshots/day-NN-<step>.png. One `it` per step, so a failure names the step; the steps build on each
// other (mocha runs them in order and stops the walk's meaning at the first failure).
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { commitTheDay, decisionCommit, git, walkHooks } from './support/walk.mjs';
import { openEditorAt, panelFrame, poll, runFromPalette } from './support/workbench.mjs';

describe('a day in the life: from an empty folder with a CSV to a shipped model', function () {
  this.timeout(180_000);
  let page;
  let dir;

  const roadmapText = () => (existsSync(join(dir, 'mlroadmap.yaml')) ? readFileSync(join(dir, 'mlroadmap.yaml'), 'utf8') : '');
  const roadmap = () => parse(roadmapText()) ?? {};
  // The prompts' answers by keyboard (set once the workbench is open).
  let waitForPrompt, answer, choose, done, initialize, literature, scaffold, costBenefit, decision;
  /** `day-NN-<name>.png`, NN the number of the step (the test's title starts with it). */
  const screenshot = walkHooks('day', (w) => {
    ({ page, dir } = w);
    ({ waitForPrompt, answer, choose, done, initialize, literature, scaffold, costBenefit, decision } = w.prompts);
  });

  /** Scaffold Baseline… on the data set's `label` column, the template picked by `filter` (its label `label`). */
  async function scaffoldBaseline(filter, label) {
    await runFromPalette(page, 'ML Roadmap: Scaffold Baseline…');
    await scaffold(filter, label);
  }

  /**
   * Closes the editor tab whose label starts with `label` by its close button. A webview left open may take the
   * focus while it loads more (the Review's run table does after its first paint), which closes a quick input.
   */
  async function closeTab(label) {
    const tab = page.locator(`.tabs-container .tab[aria-label^="${label}"]`).first();
    await page.mouse.move(1, 1);
    await tab.hover();
    await tab.locator('.tab-actions .action-label').first().click();
    await tab.waitFor({ state: 'detached' });
  }

  /** Opens the ML Roadmap container (its Roadmap view holds the Focus list). */
  async function showRoadmapViews() {
    // The item as a whole: the badge with the count of open pitfall findings lies over its link and takes the clicks.
    const entry = page.locator('.activitybar .action-item:has(a[aria-label^="ML Roadmap"])');
    if (!(await page.locator('.sidebar .pane-header', { hasText: 'Roadmap' }).first().isVisible())) await entry.click();
    await page.locator('.sidebar .pane-header', { hasText: 'Roadmap' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  }

  /** The labels of the side bar's rows (the Focus items among them). */
  const sidebarRows = () => page.locator('.sidebar .monaco-list-row').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? el.textContent ?? ''));

  /** Waits until the Focus list shows every item of `present` and none of `absent` (substrings of the rows). */
  async function focusShows({ present = [], absent = [] }) {
    await showRoadmapViews();
    return poll(
      `the Focus list to show ${JSON.stringify(present)} and not ${JSON.stringify(absent)}`,
      sidebarRows,
      (rows) => present.every((p) => rows.some((r) => r.includes(p))) && absent.every((a) => !rows.some((r) => r.includes(a))),
      60_000,
    );
  }

  /** [errors, warnings] of the Problems indicator in the status bar. */
  async function problemCounts() {
    const item = page.locator('.statusbar-item[id="status.problems"]');
    const label = (await item.getAttribute('aria-label')) ?? (await item.textContent()) ?? '';
    const errors = /(\d+)\s*Errors?/i.exec(label) ?? /Errors?:\s*(\d+)/i.exec(label);
    const warnings = /(\d+)\s*Warnings?/i.exec(label) ?? /Warnings?:\s*(\d+)/i.exec(label);
    if (errors || warnings) return [Number(errors?.[1] ?? 0), Number(warnings?.[1] ?? 0)];
    const numbers = (label.match(/\d+/g) ?? []).map(Number);
    return [numbers[0] ?? 0, numbers[1] ?? 0];
  }
  const problemsAre = (what, accept) => poll(`the Problems count: ${what}`, problemCounts, accept, 60_000);

  const stepStatus = (id) =>
    [...(roadmap().discovery ?? []).flatMap((s) => s.steps ?? []), ...(roadmap().production ?? []).flatMap((t) => t.steps ?? [])].find((s) => s.id === id)?.status;

  it('01 Initialize Roadmap: the views offer it; the starter roadmap is written with the dataset found, and the pitfalls of an empty roadmap appear', async () => {
    await page.locator('.activitybar .action-item a[aria-label^="ML Roadmap"]').click({ timeout: 60_000 });
    const button = page.locator('.sidebar .welcome-view-content .monaco-button', { hasText: 'Initialize Roadmap' }).first();
    await button.waitFor({ state: 'visible', timeout: 60_000 });
    // The first opening of the views also opens the getting-started walkthrough: read, then closed, as a user does.
    const walkthrough = page.locator('.tabs-container .tab', { hasText: 'Walkthrough' });
    await walkthrough.waitFor({ state: 'visible', timeout: 60_000 });
    await walkthrough.hover();
    await walkthrough.locator('.tab-actions .action-label').first().click();
    await walkthrough.waitFor({ state: 'detached' });
    await button.click();
    // What Initialize finds in the folder, the CSV as the evaluation dataset, is kept.
    await initialize();
    await poll('mlroadmap.yaml on disk', () => roadmap().evaluation?.dataset, (d) => d === 'data/digits.csv');
    await focusShows({ present: ['Configure the evaluation command', 'Add a metric customers feel', 'Review existing work (add literature)'] });
    await problemsAre('one error (no evaluation command) and warnings', ([e, w]) => e === 1 && w >= 2);
    await screenshot('initialized');
  });

  it('02 Add Metric: an offline metric with its target, then a business metric with how it is measured', async () => {
    await runFromPalette(page, 'ML Roadmap: Add Metric…');
    await answer(/Id of the metric/, 'accuracy');
    await choose(/What kind of metric/, 'offline');
    await choose(/higher or lower/, '', 'maximize');
    await answer(/Target: the value/, '0.9');
    await answer(/Why this target/, 'Below 90% clerks check every form again');
    await done();
    await poll('accuracy in mlroadmap.yaml', () => roadmap().metrics?.find((m) => m.id === 'accuracy'), (m) => m?.target === 0.9 && m.kind === 'offline');

    await runFromPalette(page, 'ML Roadmap: Add Metric…');
    await answer(/Id of the metric/, 'forms_routed_unaided');
    await choose(/What kind of metric/, 'business');
    await choose(/higher or lower/, '', 'maximize');
    await answer(/Target: the value/, '0.8');
    await answer(/Why this target/, 'Below 80% the clerks save no time');
    await answer(/How is it measured/, 'Share of forms routed without a clerk, from the routing log, weekly');
    await done();
    const business = await poll('the business metric in mlroadmap.yaml', () => roadmap().metrics?.find((m) => m.id === 'forms_routed_unaided'), (m) => m !== undefined);
    assert.equal(business.kind, 'business');
    assert.equal(business.measured_by, 'Share of forms routed without a clerk, from the routing log, weekly');
    await focusShows({ present: ['Configure the evaluation command', 'Review existing work (add literature)'], absent: ['Add a metric customers feel'] });
    await screenshot('metrics');
  });

  it('03 Add Literature Entry: the "no literature" pitfall goes', async () => {
    await runFromPalette(page, 'ML Roadmap: Add Literature Entry…');
    await literature();
    await poll('the entry in mlroadmap.yaml', () => roadmap().literature?.[0]?.id, (id) => id === 'lecun98');
    await focusShows({ present: ['Configure the evaluation command'], absent: ['Review existing work (add literature)'] });
    await screenshot('literature');
  });

  it('04 Scaffold Baseline (dumb): the evaluation command is configured with it; the faulty-evaluation error goes', async () => {
    await scaffoldBaseline('Dumb', 'Dumb baseline');
    await page.locator('.tab.active[aria-label^="evaluate.py"]').waitFor({ state: 'visible', timeout: 30_000 });
    const r = await poll('the baseline registered', roadmap, (x) => x.evaluation?.command !== undefined && x.candidates?.some((c) => c.id === 'majority'));
    assert.equal(r.evaluation.baseline, 'majority');
    assert.deepEqual(r.candidates.map((c) => c.id), ['majority'], "the starter's proposed dumb baseline is replaced by the scaffolded one");
    assert.ok(existsSync(join(dir, 'baselines', 'majority', 'evaluate.py')));
    await focusShows({ absent: ['Configure the evaluation command', 'Add a baseline candidate'] });
    await problemsAre('no error', ([e]) => e === 0);
    await screenshot('scaffold-dumb');
  });

  it('05 Scaffold Baseline (scikit-learn): a real candidate, and the pitfalls of a lone, unestimated, unfounded prototype appear', async () => {
    await scaffoldBaseline('scikit', 'scikit-learn');
    await poll('logreg registered', roadmap, (x) => x.candidates?.some((c) => c.id === 'logreg'));
    await focusShows({ present: ["Add candidates besides 'logreg'", "Link the work 'logreg' builds on", "Estimate the cost and benefit of 'logreg'"] });
    await screenshot('scaffold-sklearn');
  });

  it('06 Evaluate All Candidates: both baselines run as tasks and their results are recorded', async () => {
    await runFromPalette(page, 'ML Roadmap: Evaluate All Candidates');
    await poll(
      'both results files and their history records',
      () => ['majority', 'logreg'].every((c) => existsSync(join(dir, 'results', `${c}.json`))) && existsSync(join(dir, '.mlroadmap', 'history.jsonl')) && readFileSync(join(dir, '.mlroadmap', 'history.jsonl'), 'utf8').trim().split('\n').length >= 2,
      Boolean,
      120_000,
    );
    const logreg = JSON.parse(readFileSync(join(dir, 'results', 'logreg.json'), 'utf8'));
    assert.ok(JSON.stringify(logreg).includes('accuracy'), 'the scikit-learn baseline reports accuracy');
    await screenshot('evaluated');
  });

  it('07 sees the results: the pass/fail marks in mlroadmap.yaml, the Candidates view, the Testing view', async () => {
    // mlroadmap.yaml, opened afresh from Quick Open (the editor Initialize opened is closed first).
    if (await page.locator('.tabs-container .tab[aria-label^="mlroadmap.yaml"]').count()) await closeTab('mlroadmap.yaml');
    // To the candidates: the Testing integration marks each candidate × target in the editor, the baseline's miss of
    // the target written beside it; the results CodeLens above each candidate gives its primary metric against the
    // target and the delta against the baseline.
    await openEditorAt(page, 'mlroadmap.yaml', 'id: logreg');
    await page.locator('.monaco-editor').getByText(/majority accuracy = 0\.1\d*, target ≥ 0\.9/).first().waitFor({ state: 'visible', timeout: 30_000 });
    const lens = (text) => page.locator('.monaco-editor .codelens-decoration', { hasText: text }).first();
    await lens(/^accuracy 0\.1\d* · target 0\.9 ✗ · /).waitFor({ state: 'visible', timeout: 30_000 });
    await lens(/^accuracy 0\.9\d* · \+0\.\d+ vs majority · target 0\.9 ✓ · .*Evaluate.*Compare.*Review/).waitFor({ state: 'visible', timeout: 30_000 });
    await showRoadmapViews();
    await poll('the Candidates view with the latest results', sidebarRows, (rows) => rows.some((r) => /Linear model/.test(r) && /accuracy/.test(r)), 60_000);
    await screenshot('editor-candidates');
    await page.locator('.activitybar .action-item a[aria-label^="Testing"]').click();
    await poll('the Testing view listing the candidates', sidebarRows, (rows) => rows.some((r) => /logreg|Linear model|majority|Majority/.test(r)), 60_000);
    await screenshot('testing');
  });

  it('08 Show Evaluation Review: each candidate against the baseline and the target', async () => {
    await runFromPalette(page, 'ML Roadmap: Show Evaluation Review');
    const review = panelFrame(page);
    await review.locator('table.summary th', { hasText: 'accuracy' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await review.locator('h2', { hasText: /Runs \(2\)/ }).waitFor({ state: 'visible', timeout: 30_000 });
    assert.ok((await review.locator('table.summary .verdict.pass').count()) > 0, 'logreg meets the 0.9 accuracy target');
    await screenshot('review');
    await closeTab('Evaluation Review');
  });

  it('09 Estimate Cost and Benefit of logreg, Add Candidate ×2 with cost and benefit: the one-architecture and too-incremental pitfalls go', async () => {
    await runFromPalette(page, 'ML Roadmap: Estimate Cost and Benefit…');
    await choose(/Which candidate/, 'logreg');
    await costBenefit({ effort: '1', compute: '0.1', risk: 'low', expected: '0.96', confidence: 'high' });
    await focusShows({ absent: ["Estimate the cost and benefit of 'logreg'"] });

    for (const [id, title, estimate] of [
      ['small-cnn', 'Small CNN on the 8x8 images', { effort: '5', compute: '4', risk: 'medium', expected: '0.99', confidence: 'medium' }],
      ['knn', 'k-nearest neighbours on raw pixels', { effort: '1', compute: '0', risk: 'low', expected: '0.97', confidence: 'medium' }],
    ]) {
      await runFromPalette(page, 'ML Roadmap: Add Candidate…');
      await answer(/Id of the candidate/, id);
      await answer(/Title: the architecture/, title);
      await waitForPrompt(/Which reviewed work/);
      // Built on the reviewed paper: its row ticked (a click on the row toggles its box), then OK with Enter.
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'lecun98' }).first().click();
      await poll('the paper ticked', () => page.locator('.quick-input-widget').textContent(), (t) => /1 Selected/.test(t ?? ''));
      await page.keyboard.press('Enter');
      await costBenefit(estimate);
      await poll(`${id} in mlroadmap.yaml`, roadmap, (x) => x.candidates?.find((c) => c.id === id)?.based_on?.[0] === 'lecun98');
    }
    await focusShows({ absent: ["Add candidates besides 'logreg'", 'Estimate the cost and benefit', "Try '"] });
    await screenshot('candidates-estimated');
  });

  it('10 Acknowledge the "reinventing" finding on logreg with the reason: it goes', async () => {
    await runFromPalette(page, 'ML Roadmap: Acknowledge Pitfall Finding…');
    await choose(/Which finding does the team accept/, 'reinventing', 'logreg');
    await answer(/Why does the team accept/, 'A scaled linear model is the textbook baseline: there is nothing to look up');
    await done();
    await poll('the acknowledgement in mlroadmap.yaml', roadmap, (x) => x.acknowledged?.some((a) => a.target === 'logreg'));
    await focusShows({ absent: ["Link the work 'logreg' builds on"] });
    await screenshot('acknowledged');
  });

  it('11 Compare Candidates: every candidate side by side, with the cost-versus-benefit scatter', async () => {
    await runFromPalette(page, 'ML Roadmap: Compare Candidates');
    const compare = panelFrame(page);
    await compare.locator('tbody tr.row').first().waitFor({ state: 'visible', timeout: 60_000 });
    const ids = await compare.locator('tbody tr.row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-candidate')));
    assert.deepEqual([...ids].sort(), ['knn', 'logreg', 'majority', 'small-cnn']);
    assert.match((await compare.locator('tr[data-candidate="logreg"] td[data-column="delta:accuracy"]').textContent()) ?? '', /^\+0\.\d+/);
    await compare.locator('section.scatter canvas').first().waitFor({ state: 'visible' });
    await screenshot('compare');
    await closeTab('Compare');
  });

  it('12 Set Candidate Status: logreg evaluated; the missing reality check appears', async () => {
    await runFromPalette(page, 'ML Roadmap: Set Candidate Status…');
    await choose(/Which candidate/, 'logreg');
    await choose(/New status of "logreg"/, 'evaluated');
    await done();
    await focusShows({ present: ["Check 'logreg' in real conditions"] });
    await screenshot('evaluated-status');
  });

  it('13 Log Reality Check: a demo to the clerks, passed; the pitfall goes', async () => {
    await runFromPalette(page, 'ML Roadmap: Log Reality Check…');
    await choose(/How will the candidate meet real conditions/, 'demo');
    await choose(/Which candidate/, 'logreg');
    await answer(/Date of the check/);
    await answer(/Id of the check/);
    await choose(/Verdict/, 'passed');
    await done();
    await poll('the check in mlroadmap.yaml', roadmap, (x) => x.reality_checks?.some((c) => c.candidate === 'logreg' && c.verdict === 'passed'));
    await focusShows({ absent: ["Check 'logreg' in real conditions"] });
    await screenshot('reality-check');
  });

  it('14 Record Architecture Decision: logreg chosen, in a commit of its own (the record and the roadmap edit only)', async () => {
    const before = commitTheDay(dir, 'Roadmap, baselines and their first results');
    await runFromPalette(page, 'ML Roadmap: Record Architecture Decision…');
    await decision('Linear', 'Linear model', 'It meets the accuracy target at a fraction of the cost, and passed the demo');
    await decisionCommit(dir, before);
    const changed = git(dir, 'show', '--format=', '-U0', 'HEAD', '--', 'mlroadmap.yaml')
      .split('\n')
      .filter((l) => /^[+-](?![+-])/.test(l));
    assert.ok(changed.length > 0 && changed.every((l) => /status: (prototyping|evaluated|chosen)|decision: "?0001"?/.test(l)), `only logreg's status and decision change:\n${changed.join('\n')}`);
    await poll('logreg chosen on disk', roadmap, (x) => x.candidates?.find((c) => c.id === 'logreg')?.status === 'chosen');
    await page.locator('.tab.active[aria-label^="0001-"]').waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot('decision');
  });

  it('15 Advance Phase: the gate passes; the roadmap is in Production', async () => {
    await runFromPalette(page, 'ML Roadmap: Advance Phase…');
    await poll('the phase on disk', () => roadmap().project?.phase, (p) => p === 'production');
    assert.equal(roadmap().overrides, undefined, 'no override: the gate passed');
    await page.locator('.statusbar-item', { hasText: /Production \d+\/\d+/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot('production');
  });

  it('16 Roadmap Board: every Production card moved to Done by its keyboard "Move to…" menu', async () => {
    await runFromPalette(page, 'ML Roadmap: Show Board');
    const board = panelFrame(page);
    // The board opens on the current phase: Production.
    await board.locator('button.tab[aria-selected="true"]', { hasText: 'Production' }).waitFor({ state: 'visible', timeout: 60_000 });
    await board.locator('section.column h2', { hasText: 'serving' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot('board-production');
    const ids = (roadmap().production ?? []).flatMap((t) => t.steps.map((s) => s.id));
    assert.equal(ids.length, 8);
    for (const id of ids) {
      await page.mouse.move(1, 1);
      await board.locator(`article.card[data-step-id="${id}"] button.handle`).focus();
      await page.keyboard.press('Enter');
      await board.locator('vscode-context-menu').waitFor({ state: 'visible' });
      // The menu lists the statuses other than the card's in workflow order: Doing, then Done.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await poll(`${id} done on disk`, () => stepStatus(id), (s) => s === 'done');
      await board.locator(`.lane.done article.card[data-step-id="${id}"]`).first().waitFor({ state: 'visible', timeout: 30_000 });
    }
    await screenshot('board-done');
    await closeTab('Board: ');
  });

  it('17 Advance Phase: the production gate passes; shipped', async () => {
    await runFromPalette(page, 'ML Roadmap: Advance Phase…');
    await poll('the phase on disk', () => roadmap().project?.phase, (p) => p === 'shipped');
    await page.locator('.statusbar-item', { hasText: /Shipped/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await problemsAre('no error', ([e]) => e === 0);
    await screenshot('shipped');
  });
});

/* global before, after, beforeEach, afterEach */
// What the walks through a whole day share (test/e2e/day-in-the-life.test.mjs by palette, keyboard.test.mjs by
// keyboard only): the empty project they start from, git in it, and the answers to the commands' QuickPick and
// InputBox prompts, given by keyboard, and their mocha hooks.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../../../scripts/vscode-env.mjs';
import { openWorkbench, poll, SCREENSHOTS } from './workbench.mjs';

/** git in `dir`, as the team's member Dana Lee; its output, trimmed. */
export const git = (dir, ...args) =>
  execFileSync('git', ['-c', 'user.name=Dana Lee', '-c', 'user.email=dana@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' }).trim();

/** An empty project: a git repository whose first commit holds the data set, and nothing else. */
export function emptyRepository(folder) {
  for (const name of readdirSync(folder)) rmSync(join(folder, name), { recursive: true, force: true });
  mkdirSync(join(folder, 'data'));
  copyFileSync(join(REPO, 'examples', 'digits', 'data', 'digits.csv'), join(folder, 'data', 'digits.csv'));
  // The team's interpreter, the one with scikit-learn (a pyenv shim may come first on the PATH here).
  mkdirSync(join(folder, '.vscode'));
  writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'mlroadmap.pythonPath': '/usr/bin/python3' }, null, 2) + '\n');
  git(folder, 'init', '-q', '-b', 'main');
  // The identity the extension's own commits use (the decision record).
  git(folder, 'config', 'user.name', 'Dana Lee');
  git(folder, 'config', 'user.email', 'dana@example.com');
  git(folder, 'config', 'commit.gpgsign', 'false');
  git(folder, 'add', 'data/digits.csv', '.vscode/settings.json');
  git(folder, 'commit', '-qm', 'The scanned forms: 1,797 digits');
}

/** The team commits the day's work in `dir` (as in a terminal), so that a decision's commit holds the decision alone. */
export function commitTheDay(dir, message) {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', message);
  return git(dir, 'rev-parse', 'HEAD');
}

/**
 * Waits for decision 0001's commit on top of `before` and checks it holds the record and mlroadmap.yaml only;
 * returns their paths, the record first.
 */
export async function decisionCommit(dir, before) {
  const head = await poll('the decision commit', () => git(dir, 'rev-parse', 'HEAD'), (h) => h !== before, 60_000);
  assert.equal(git(dir, 'rev-parse', `${head}~1`), before, 'one commit on top of the work');
  assert.match(git(dir, 'log', '-1', '--format=%s'), /^docs\(decision\): 0001 /);
  const files = git(dir, 'show', '--name-only', '--format=', 'HEAD').split('\n').filter(Boolean).sort();
  assert.equal(files.length, 2, `the commit holds the record and the roadmap: ${files.join(', ')}`);
  assert.match(files[0], /^docs\/decisions\/0001-.+\.md$/);
  assert.equal(files[1], 'mlroadmap.yaml');
  return files;
}

/** Answers to the quick input's prompts on `page`, by keyboard. */
export function prompts(page) {
  const input = () => page.locator('.quick-input-widget input');

  /** Waits until the quick input shows a step whose prompt, placeholder or title matches `re`. */
  async function waitForPrompt(re) {
    await poll(
      `the prompt ${re}`,
      async () => {
        if (!(await input().isVisible())) return '';
        const text = (await page.locator('.quick-input-widget').textContent()) ?? '';
        return `${text} ${(await input().getAttribute('placeholder')) ?? ''}`;
      },
      (t) => re.test(t),
    );
  }

  /** Answers an InputBox step: replaces its value with `text` (keeps the proposed value when undefined) and accepts. */
  async function answer(re, text) {
    await waitForPrompt(re);
    if (text !== undefined) {
      await page.keyboard.press('Control+A');
      if (text === '') await page.keyboard.press('Delete');
      else await page.keyboard.type(text);
      await poll('the typed answer', () => input().inputValue(), (v) => v === text);
    }
    await page.keyboard.press('Enter');
  }

  /** Answers a QuickPick step: types `filter` and accepts once the highlighted entry holds `label` (default: the filter). */
  async function choose(re, filter, label = filter) {
    await waitForPrompt(re);
    if (filter) await page.keyboard.type(filter);
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: label }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Enter');
  }

  /** Accepts a multi-select step as proposed. */
  async function acceptAsProposed(re) {
    await waitForPrompt(re);
    await page.keyboard.press('Enter');
  }

  /** Waits until the quick input is gone (the command's last prompt answered). */
  const done = () => input().waitFor({ state: 'hidden', timeout: 30_000 });

  // The walks' answers to whole commands, once the command is started (by the palette or by the keyboard alone).

  /** Initialize Roadmap: the project and its problem; what it found in the folder (the CSV, as the dataset) kept. */
  async function initialize() {
    await answer(/Project name/, 'Form router');
    await answer(/business problem/, 'Clerks type every handwritten digit on incoming forms by hand');
    await waitForPrompt(/Found in the project/);
    assert.match((await page.locator('.quick-input-widget').textContent()) ?? '', /data\/digits\.csv/);
    await page.keyboard.press('Enter');
    await done();
  }

  /** Add Literature Entry: the paper both walks review. */
  async function literature() {
    await answer(/Id of the entry/, 'lecun98');
    await answer(/Title of the paper/, 'Gradient-based learning applied to document recognition');
    await answer(/Link/, 'http://yann.lecun.com/exdb/publis/pdf/lecun-98.pdf');
    await answer(/Takeaway/, 'Small CNNs read handwritten digits at over 99%');
    await done();
  }

  /** Scaffold Baseline…: the template picked by `filter` (its label `label`), on the data set's `label` column. */
  async function scaffold(filter, label) {
    await choose(/Which baseline/, filter, label);
    await choose(/Dataset: a CSV/, 'digits', 'data/digits.csv');
    await choose(/Column to predict/, '', 'label');
    await choose(/Problem type/, '', 'Classification');
    await answer(/Folder to write the baseline into/);
    await answer(/Candidate id in the roadmap/);
    await done();
  }

  /** The cost and benefit prompts (Estimate Cost and Benefit, the end of Add Candidate). */
  async function costBenefit({ effort, compute, risk, expected, confidence }) {
    await answer(/effort in person-days/, effort);
    await answer(/compute hours/, compute);
    await choose(/risk that it does not work out/, risk);
    await answer(/Expected benefit: accuracy/, expected);
    await choose(/How confident/, confidence);
    await done();
  }

  /** Record Architecture Decision…: the candidate picked by `filter` (its label `label`) chosen, for `reason`, accepted. */
  async function decision(filter, label, reason) {
    await choose(/What is decided/, 'Choose a candidate');
    await choose(/Which candidate is chosen/, filter, label);
    await acceptAsProposed(/Which options were considered/);
    await acceptAsProposed(/Mark any of the other options as rejected/);
    await acceptAsProposed(/Which metrics drove the decision/);
    await answer(/Why\? The reason goes into the record/, reason);
    await choose(/Status of the decision/, '', 'accepted');
    await answer(/Title of the decision record/);
    await done();
  }

  return { input, waitForPrompt, answer, choose, acceptAsProposed, done, initialize, literature, scaffold, costBenefit, decision };
}

/**
 * The mocha hooks of a walk (called in its `describe`): before the first step the walk's screenshots of an earlier run
 * (`<prefix>-*.png`) are removed and the workbench opens on an empty repository, handed to `opened`
 * ({ workbench, page, dir, prompts }); after the last it closes. Each step's number is the first two characters of its
 * title; a step that fails leaves a screenshot named `failed`. Returns `screenshot(name)`: `<prefix>-NN-<name>.png`.
 */
export function walkHooks(prefix, opened) {
  let workbench;
  let step = '00';
  const screenshot = (name) => workbench.screenshot(`${prefix}-${step}-${name}`);
  before(async () => {
    for (const name of existsSync(SCREENSHOTS) ? readdirSync(SCREENSHOTS) : []) if (name.startsWith(`${prefix}-`)) rmSync(join(SCREENSHOTS, name));
    workbench = await openWorkbench({ prepare: emptyRepository });
    opened({ workbench, page: workbench.page, dir: workbench.workspace.path, prompts: prompts(workbench.page) });
  });
  after(async () => {
    await workbench?.close();
  });
  beforeEach(function () {
    step = this.currentTest?.title.slice(0, 2) ?? '00';
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await screenshot('failed').catch(() => undefined);
  });
  return screenshot;
}

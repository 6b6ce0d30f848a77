/* global before, after, beforeEach, afterEach */
// What the walks through a whole day share (test/e2e/day-in-the-life.test.mjs by palette, keyboard.test.mjs by
// keyboard only): the empty project they start from, git in it, and the answers to the commands' QuickPick and
// InputBox prompts, given by keyboard, and their mocha hooks.
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

  return { input, waitForPrompt, answer, choose, acceptAsProposed, done };
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

// The getting-started walkthrough opens by itself once per user, in a workspace without a roadmap, and never where
// the user turned walkthroughs opening by themselves off.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openWalkthroughOnce, WALKTHROUGH_SHOWN_KEY } from '../../src/commands/walkthrough';
import { waitFor } from './support/extension';
import { extensionApi } from './support/roadmapFile';

const walkthroughTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => /Walkthrough/i.test(t.label));

describe('the walkthrough, opened once', function () {
  this.timeout(60_000);
  let kept: unknown;

  before(async () => {
    kept = (await extensionApi()).services.context.globalState.get(WALKTHROUGH_SHOWN_KEY);
  });

  after(async () => {
    const { context } = (await extensionApi()).services;
    await context.globalState.update(WALKTHROUGH_SHOWN_KEY, kept);
    await vscode.window.tabGroups.close(walkthroughTabs());
  });

  it('opens in a workspace without a roadmap the first time only; never where a roadmap exists', async () => {
    const { context } = (await extensionApi()).services;
    await context.globalState.update(WALKTHROUGH_SHOWN_KEY, undefined);
    assert.equal(await openWalkthroughOnce(context, 1), false, 'a workspace with a roadmap gets no walkthrough');
    assert.equal(context.globalState.get(WALKTHROUGH_SHOWN_KEY), undefined, 'and it is not counted as shown');
    assert.equal(await openWalkthroughOnce(context, 0), true);
    await waitFor('the walkthrough editor', () => walkthroughTabs().length === 1, 15_000);
    await vscode.window.tabGroups.close(walkthroughTabs());
    assert.equal(await openWalkthroughOnce(context, 0), false, 'the second time, nothing opens');
    assert.equal(walkthroughTabs().length, 0);
  });

  it('stays closed when the user turned walkthroughs opening by themselves off', async () => {
    const { context } = (await extensionApi()).services;
    await context.globalState.update(WALKTHROUGH_SHOWN_KEY, undefined);
    const settings = vscode.workspace.getConfiguration('workbench.welcomePage');
    await settings.update('walkthroughs.openOnInstall', false, vscode.ConfigurationTarget.Global);
    try {
      assert.equal(await openWalkthroughOnce(context, 0), false);
      assert.equal(context.globalState.get(WALKTHROUGH_SHOWN_KEY), undefined);
    } finally {
      await settings.update('walkthroughs.openOnInstall', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});

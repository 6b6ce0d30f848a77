// The panels' serializer inside the real extension host: the state a webview kept with `setState` is what VS Code
// hands back to the WebviewPanelSerializer after a reload. For each of the three panels, that state (sort, filters,
// columns, pinned run, the roadmap's URI) reopens the panel on the same roadmap with the same state, sent once to the
// webview with its first snapshot (the Review also pins the run again on the host). The state comes from the webview,
// so it is validated by the panel's contract: a malformed one, or one naming a roadmap the workspace does not have,
// opens the panel on the workspace's roadmap with the default state (`{}`, which replaces the webview's), and the log
// says why. `Panels.restore` is what the serializer calls; here it is called with a fresh webview panel.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ServicesWithBoard } from '../../src/panels/board';
import { webviewOptions } from '../../src/panels/html';
import type { ServicesWithCompare } from '../../src/panels/compare';
import type { KeptState, Panels, RestoreOutcome } from '../../src/panels/panels';
import type { ServicesWithReview } from '../../src/panels/review';
import { waitFor } from './support/extension';
import { demoRoadmapUri, extensionApi, workspaceFolder } from './support/roadmapFile';

type AnyPanels = Panels<unknown, { readonly type: string }>;

const RECORDS = [
  { candidate: 'logreg', metrics: { accuracy: 0.95, macro_f1: 0.94 }, recordedAt: '2026-01-01T10:00:00.000Z' },
  { candidate: 'cnn', metrics: { accuracy: 0.98, macro_f1: 0.97 }, recordedAt: '2026-01-02T10:00:00.000Z' },
].map((r) => ({ ...r, source: `results/${r.candidate}.json`, format: 'mlroadmap', git: { commit: 'b'.repeat(40), dirty: false }, dataset: null, command: 'python evaluate.py' }));

async function panelsOf(kind: 'board' | 'compare' | 'review'): Promise<AnyPanels> {
  const services = (await extensionApi()).services as ServicesWithBoard & ServicesWithCompare & ServicesWithReview;
  const panels = services[kind]?.panels;
  assert.ok(panels, `services.${kind}.panels is exposed`);
  return panels as unknown as AnyPanels;
}

const VIEW_TYPES = { board: 'mlroadmap.board', compare: 'mlroadmap.compare', review: 'mlroadmap.review' } as const;

/** What VS Code does after a reload: a webview panel of the kind, handed to the serializer with the kept state. */
async function restore(kind: keyof typeof VIEW_TYPES, kept: unknown): Promise<RestoreOutcome<unknown, { readonly type: string }>> {
  // With the options the panel was made with (VS Code keeps them across the reload).
  const options = webviewOptions((await extensionApi()).context.extensionUri);
  const panel = vscode.window.createWebviewPanel(VIEW_TYPES[kind], 'restoring', vscode.ViewColumn.Active, options);
  return (await panelsOf(kind)).restore(panel, kept);
}

function restored(outcome: RestoreOutcome<unknown, { readonly type: string }>) {
  assert.ok('restored' in outcome, `the panel reopened (${'closed' in outcome ? outcome.closed : ''})`);
  return outcome;
}

describe('Panel serializer: restoring the kept state after a reload', function () {
  this.timeout(120_000);
  const demo = () => demoRoadmapUri().toString();
  const historyFile = () => path.join(workspaceFolder().uri.fsPath, '.mlroadmap', 'history.jsonl');
  let savedHistory: string | undefined;

  before(async () => {
    savedHistory = fs.existsSync(historyFile()) ? fs.readFileSync(historyFile(), 'utf8') : undefined;
    fs.mkdirSync(path.dirname(historyFile()), { recursive: true });
    fs.writeFileSync(historyFile(), RECORDS.map((r) => JSON.stringify(r) + '\n').join(''));
    const api = await extensionApi();
    const entry = api.services.store.get(demoRoadmapUri());
    assert.ok(entry);
    await waitFor('the results index to read the history', () => api.services.results.history(entry).length === RECORDS.length, 30_000);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (savedHistory === undefined) fs.rmSync(historyFile(), { force: true });
    else fs.writeFileSync(historyFile(), savedHistory);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const kept = {
    board: () => ({ roadmap: demo(), phase: 'production', owner: 'alice', role: 'ml_engineer' }),
    compare: () => ({ roadmap: demo(), sort: { key: 'rank', direction: 'descending' }, statuses: ['evaluated', 'shortlisted'], text: 'cnn', columns: ['status', 'rank', 'metric:accuracy'], columnsOpen: true, selected: 'cnn' }),
    review: () => ({ roadmap: demo(), metric: 'macro_f1', candidate: 'cnn', diffOnly: true, pinned: 'run-1', scrollTop: 52 }),
  };

  for (const kind of ['board', 'compare', 'review'] as const) {
    it(`${kind}: reopens on the roadmap the state names, with the same state, sent with the first snapshot`, async () => {
      const state = kept[kind]();
      const outcome = restored(await restore(kind, state));
      assert.equal(outcome.fellBack, undefined);
      assert.equal(outcome.restored.uri.toString(), demo());
      assert.equal(outcome.restored.panel.viewType, VIEW_TYPES[kind]);
      assert.deepEqual(outcome.state, state, 'every key the webview kept is kept');
      const sent = await sentSnapshot(outcome.restored);
      assert.deepEqual(sent.state, state, 'the webview is given the state back with its first snapshot');
      if (kind === 'review') {
        // The pinned run is pinned again by the host, in that first snapshot already (not only once the webview asks).
        assert.equal((sent.model as { pinned?: string }).pinned, 'run-1');
      }
    });

    it(`${kind}: a malformed state opens the workspace's roadmap with the default state`, async () => {
      const api = await extensionApi();
      const bad = [
        'garbage',
        42,
        { ...kept[kind](), roadmap: 17 },
        kind === 'board' ? { roadmap: demo(), phase: 'shipped' } : kind === 'compare' ? { roadmap: demo(), sort: { key: 'rank', direction: 'sideways' } } : { roadmap: demo(), pinned: '../../etc/passwd' },
      ];
      for (const [i, state] of bad.entries()) {
        const outcome = restored(await restore(kind, state));
        assert.match(outcome.fellBack ?? '', /malformed/, JSON.stringify(state));
        assert.equal(outcome.restored.uri.toString(), (api.services.store.active()?.uri ?? api.services.store.all()[0]?.uri)?.toString());
        assert.deepEqual(outcome.state, {}, 'the default state');
        // What the webview is sent, for the last (a webview's load takes seconds here: one is enough).
        if (i < bad.length - 1) {
          outcome.restored.panel.dispose();
          continue;
        }
        assert.deepEqual((await sentSnapshot(outcome.restored)).state, {}, 'the webview is told to drop what it kept');
        if (kind === 'review') assert.equal((outcome.restored.lastSent as { pinned?: string }).pinned, undefined, 'nothing pinned');
      }
    });

    it(`${kind}: a state naming a roadmap the workspace no longer has opens the workspace's roadmap with the default state`, async () => {
      const gone = vscode.Uri.joinPath(workspaceFolder().uri, 'gone', 'mlroadmap.yaml').toString();
      for (const roadmap of ['file:///etc/passwd', gone]) {
        const outcome = restored(await restore(kind, { ...kept[kind](), roadmap }));
        assert.match(outcome.fellBack ?? '', /not in the workspace/);
        assert.equal(outcome.restored.uri.toString(), demo());
        assert.deepEqual(outcome.state, {});
        if (roadmap !== gone) {
          outcome.restored.panel.dispose();
          continue;
        }
        assert.deepEqual((await sentSnapshot(outcome.restored)).state, {});
        if (kind === 'review') assert.equal((outcome.restored.lastSent as { pinned?: string }).pinned, undefined, 'the state of another roadmap pins nothing');
      }
    });
  }
});

/** The first snapshot the restored panel sent to its webview (with the state), once the webview said ready. */
async function sentSnapshot(panel: { lastSent: unknown; sentRestore: { state: KeptState; model: unknown } | undefined }): Promise<{ state?: KeptState; model?: unknown }> {
  await waitFor('the webview to say ready and get its snapshot', () => panel.lastSent !== undefined, 60_000);
  return { ...panel.sentRestore };
}

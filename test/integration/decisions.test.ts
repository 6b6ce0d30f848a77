// Architecture decisions inside the real extension host, on a real git repository made of the demo workspace:
// Record Architecture Decision driven by arguments (record, roadmap, a commit of exactly those files), a roadmap
// with the user's uncommitted and staged edits (the commit holds the decision alone), Set Decision Status, Supersede, the index README, number
// collisions renumbered, `git init` offered when the folder is not a repository.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RecordDecisionResult } from '../../src/decisions/recordArgs';
import type { LifecycleResult } from '../../src/decisions/lifecycle';
import type { GenerateIndexResult } from '../../src/decisions/generateIndex';
import type { ServicesWithDecisions } from '../../src/decisions';
import type { DecisionView } from '../../src/services';
import { waitFor } from './support/extension';
import { acceptFlowDefaults } from './support/flows';
import { commitAll, git } from './support/git';
import { demoRoadmapUri, extensionApi, readDisk, restoreFile, workspaceFolder } from './support/roadmapFile';
import { child, viewsHandle } from './support/views';

async function records(): Promise<readonly DecisionView[]> {
  const api = await extensionApi();
  const entry = api.services.store.get(demoRoadmapUri());
  assert.ok(entry, 'the demo roadmap is in the store');
  return api.services.decisions.records(entry);
}

async function record(args: object): Promise<RecordDecisionResult> {
  const result = await vscode.commands.executeCommand<RecordDecisionResult>('mlroadmap.recordDecision', { roadmap: demoRoadmapUri().toString(), open: false, ...args });
  assert.ok(result, 'the command returns its result');
  return result;
}

describe('architecture decisions in git', function () {
  this.timeout(120_000);
  let root = '';
  let decisionsDir = '';
  let originalRoadmap = '';
  let originalReadme = '';
  const originalRecords = new Map<string, string>();
  let demoCommit = '';

  before(async () => {
    root = workspaceFolder().uri.fsPath;
    decisionsDir = path.join(root, 'docs', 'decisions');
    originalRoadmap = await readDisk(demoRoadmapUri());
    originalReadme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const f of fs.readdirSync(decisionsDir)) originalRecords.set(f, fs.readFileSync(path.join(decisionsDir, f), 'utf8'));
    // VS Code's git extension is off while the test repository exists (its background calls fail once it is removed).
    await vscode.workspace.getConfiguration('git').update('enabled', false, vscode.ConfigurationTarget.Global);
    commitAll(root);
    demoCommit = git(root, 'rev-parse', 'HEAD');
    const api = await extensionApi();
    const entry = api.services.store.get(demoRoadmapUri());
    assert.ok(entry);
    await waitFor('the committed logreg result', () => api.services.results.latest(entry, 'logreg') !== undefined, 20_000);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.join(root, '.git'), { recursive: true, force: true });
    for (const f of fs.readdirSync(decisionsDir)) if (!originalRecords.has(f)) fs.rmSync(path.join(decisionsDir, f));
    for (const [f, text] of originalRecords) fs.writeFileSync(path.join(decisionsDir, f), text);
    fs.writeFileSync(path.join(root, 'README.md'), originalReadme);
    await restoreFile(demoRoadmapUri(), originalRoadmap);
    await vscode.workspace.getConfiguration('git').update('enabled', undefined, vscode.ConfigurationTarget.Global);
  });

  it('the index lists the demo records, and the Decisions tree shows them with their status', async () => {
    await waitFor('the two demo records', async () => (await records()).length === 2);
    const [first, second] = await records();
    assert.deepEqual([first.number, first.title, first.status, first.date], [1, 'Use accuracy and macro-F1 as the offline metrics', 'accepted', '2026-10-12']);
    assert.deepEqual([second.number, second.status], [2, 'proposed']);
    const { decisions } = await viewsHandle();
    const node = child(decisions, /^0002 Shortlist a small CNN/);
    assert.equal(node.file, second.file);
    assert.equal(node.contextValue, 'decision');
  });

  it('records a choice: MADR 4 record with the evidence, candidates chosen and rejected, one commit of exactly those two files', async () => {
    // An unrelated change of the user's, which must stay modified and unstaged.
    fs.appendFileSync(path.join(root, 'README.md'), '\nA line the user is still writing.\n');
    const result = await record({
      kind: 'choose-candidate',
      title: 'Go on with the small CNN',
      candidates: ['cnn', 'mlp', 'knn', 'logreg'],
      chosen: 'cnn',
      rejected: ['knn'],
      reason: 'it is the only candidate expected above the 0.97 target with margin',
      consulted: ['Sam'],
      confirm: true,
    });
    assert.equal(result.committed, true, JSON.stringify(result));
    assert.equal(result.number, 3);
    assert.equal(result.file, path.join(decisionsDir, '0003-go-on-with-the-small-cnn.md'));
    const text = fs.readFileSync(result.file!, 'utf8');
    const date = new Date();
    const today = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    assert.ok(
      text.startsWith(
        `---\nstatus: accepted\ndate: ${today}\ndecision-makers:\n  - Dana\n  - Ari\n  - Lee\nconsulted:\n  - Sam\ncandidates:\n  - cnn\n  - knn\n---\n# Go on with the small CNN\n`,
      ),
      text,
    );
    assert.match(text, /## Decision Drivers\n\n\* accuracy \(offline\): maximize, target 0\.97\. Below 97%/);
    assert.match(text, /## Considered Options\n\n\* Small CNN on 8x8 images \(`cnn`\)\n\* One-hidden-layer MLP \(`mlp`\)\n\* k-nearest neighbours \(`knn`\)\n\* Logistic regression on scaled pixels \(`logreg`\)\n/);
    assert.match(text, /Chosen option: "Small CNN on 8x8 images", because it is the only candidate expected above the 0\.97 target with margin\./);
    assert.match(text, /### Small CNN on 8x8 images\n\nCandidate `cnn`\.\n\n\* Cost: 5 effort days, 4 compute hours, risk medium\n\* Benefit: expected accuracy 0\.99; confidence medium\n\* Evaluation: not measured yet\n/);
    assert.match(text, /### Logistic regression on scaled pixels\n\nCandidate `logreg`\.\n\n\* Cost: 0\.5 effort days, 0 compute hours, risk low\n\* Evaluation: accuracy 0\.9721 \(baseline 0\.1003, delta \+0\.8718\)/);

    const roadmap = await readDisk(demoRoadmapUri());
    const block = (id: string) => roadmap.slice(roadmap.indexOf(`- id: ${id}\n`)).split('\n  - ')[0];
    assert.match(block('cnn'), /status: chosen/);
    assert.match(block('cnn'), /decision: "0003"/);
    assert.match(block('knn'), /status: rejected/);
    assert.match(block('knn'), /decision: "0003"/);
    assert.match(block('mlp'), /status: prototyping/);

    assert.equal(git(root, 'log', '-1', '--format=%s'), 'docs(decision): 0003 Go on with the small CNN');
    assert.deepEqual(git(root, 'log', '-1', '--name-only', '--format=').split('\n').sort(), ['docs/decisions/0003-go-on-with-the-small-cnn.md', 'mlroadmap.yaml']);
    assert.equal(git(root, 'status', '--porcelain'), 'M README.md');
    assert.equal(git(root, 'diff', '--cached', '--name-only'), '');

    await waitFor('the new record in the index', async () => (await records()).some((r) => r.number === 3));
    assert.deepEqual((await records()).find((r) => r.number === 3)?.candidates, ['cnn', 'knn']);
    const { decisions } = await viewsHandle();
    await waitFor('the record in the Decisions tree', () => decisions.getChildren().some((n) => n.label === '0003 Go on with the small CNN'));
  });

  it("the roadmap's saved but uncommitted edit and its staged hunk stay the user's: the commit holds the decision alone", async () => {
    const before = git(root, 'rev-parse', 'HEAD');
    const show = (spec: string) => execFileSync('git', ['show', spec], { cwd: root, encoding: 'utf8' });
    const changed = (args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).split('\n').filter((l) => /^[+-][^+-]/.test(l));
    const committed = show('HEAD:mlroadmap.yaml');
    // A staged hunk (the title comment), then a saved but uncommitted edit (a target agreed with the business).
    const staged = committed.replace('# ML roadmap of the digit recognizer.', '# The ML roadmap of the digit recognizer.');
    assert.notEqual(staged, committed);
    await restoreFile(demoRoadmapUri(), staged);
    git(root, 'add', 'mlroadmap.yaml');
    const userText = staged.replace('    target: 0.8', '    target: 0.85');
    assert.notEqual(userText, staged);
    await restoreFile(demoRoadmapUri(), userText);
    const api = await extensionApi();
    await waitFor('the store to see the edit', () => api.services.store.get(demoRoadmapUri())?.text === userText);

    const result = await record({ kind: 'reject-candidates', title: 'Drop the MLP', rejected: ['mlp'], reason: 'the CNN is chosen', confirm: false });
    assert.equal(result.committed, true, JSON.stringify(result));
    assert.equal(result.number, 4);
    assert.deepEqual(git(root, 'log', '-1', '--name-only', '--format=').split('\n').sort(), ['docs/decisions/0004-drop-the-mlp.md', 'mlroadmap.yaml']);
    // The commit: the decision's lines only.
    assert.deepEqual(changed(['diff', 'HEAD~1', 'HEAD', '--', 'mlroadmap.yaml']), [
      '-    status: prototyping       # Lee: trying hidden sizes 32-128',
      '+    status: rejected       # Lee: trying hidden sizes 32-128',
      '+    decision: "0004"',
    ]);
    // The user's work: the staged hunk still staged, the saved edit still unstaged, byte for byte.
    const title = committed.split('\n').find((l) => l.startsWith('# ML roadmap of the digit recognizer.')) ?? '';
    assert.deepEqual(changed(['diff', '--cached', '--', 'mlroadmap.yaml']), [`-${title}`, `+${title.replace('# ML', '# The ML')}`]);
    assert.deepEqual(changed(['diff', '--', 'mlroadmap.yaml']), ['-    target: 0.8', '+    target: 0.85']);
    assert.equal(await readDisk(demoRoadmapUri()), show('HEAD:mlroadmap.yaml').replace('# ML roadmap of the digit recognizer.', '# The ML roadmap of the digit recognizer.').replace('    target: 0.8', '    target: 0.85'));
    assert.equal(git(root, 'status', '--porcelain', '--', 'docs/decisions'), '');

    // Undo for the next tests: back to the commit before, the user's edits dropped.
    git(root, 'reset', '-q', '--hard', before);
    await api.services.store.reload(demoRoadmapUri());
  });

  it("Set Decision Status edits only the status and commits only that change; the user's uncommitted note in the record stays uncommitted", async () => {
    const file = path.join(decisionsDir, '0002-shortlist-a-small-cnn.md');
    const committed = fs.readFileSync(file, 'utf8');
    const before = committed + '\nA note the team lead is still writing.\n';
    fs.writeFileSync(file, before);
    // Written by another program just before the command: an editor open on the record has the old text until it
    // reloads, and the command waits for it rather than make its edit on the old text.
    const result = await vscode.commands.executeCommand<LifecycleResult>('mlroadmap.setDecisionStatus', { file, itemId: '2', contextValue: 'decision', status: 'accepted', confirm: false });
    assert.equal(result?.committed, true, JSON.stringify(result));
    assert.equal(fs.readFileSync(file, 'utf8'), before.replace('status: proposed', 'status: accepted'));
    assert.equal(git(root, 'log', '-1', '--format=%s'), 'docs(decision): 0002 accepted: Shortlist a small CNN on the 8x8 images');
    assert.equal(git(root, 'log', '-1', '--name-only', '--format='), 'docs/decisions/0002-shortlist-a-small-cnn.md');
    assert.equal(execFileSync('git', ['show', 'HEAD:docs/decisions/0002-shortlist-a-small-cnn.md'], { cwd: root, encoding: 'utf8' }), committed.replace('status: proposed', 'status: accepted'));
    assert.equal(git(root, 'diff', '--', 'docs/decisions'), git(root, 'diff', '--', file));
    assert.match(git(root, 'diff', '--', file), /\n\+A note the team lead is still writing\.$/);
    // Committed for the tests that follow.
    git(root, 'commit', '-q', '-m', 'note', '--', file);
    await waitFor('the index to show the status', async () => (await records()).find((r) => r.number === 2)?.status === 'accepted');
  });

  it('Supersede Decision takes the superseding record as a file too (here itself: refused, nothing changed)', async () => {
    const before = git(root, 'rev-parse', 'HEAD');
    const file = path.join(decisionsDir, '0002-shortlist-a-small-cnn.md');
    const result = await vscode.commands.executeCommand<LifecycleResult>('mlroadmap.supersedeDecision', { roadmap: demoRoadmapUri().toString(), number: 2, by: file, confirm: true });
    assert.equal(result?.committed, false);
    assert.deepEqual(result?.failure, { kind: 'invalid', message: 'A decision cannot supersede itself.' });
    assert.equal(git(root, 'rev-parse', 'HEAD'), before);
  });

  it('Supersede Decision links both records both ways, in one commit', async () => {
    const result = await vscode.commands.executeCommand<LifecycleResult>('mlroadmap.supersedeDecision', { roadmap: demoRoadmapUri().toString(), number: 2, by: 3, confirm: true });
    assert.equal(result?.committed, true, JSON.stringify(result));
    const old = fs.readFileSync(path.join(decisionsDir, '0002-shortlist-a-small-cnn.md'), 'utf8');
    const next = fs.readFileSync(path.join(decisionsDir, '0003-go-on-with-the-small-cnn.md'), 'utf8');
    assert.match(old, /^status: superseded by \[ADR-0003\]\(0003-go-on-with-the-small-cnn\.md\)$/m);
    assert.match(next, /^# Go on with the small CNN\n\nSupersedes \[ADR-0002\]\(0002-shortlist-a-small-cnn\.md\)$/m);
    assert.equal(git(root, 'log', '-1', '--format=%s'), 'docs(decision): 0003 supersedes 0002');
    assert.deepEqual(git(root, 'log', '-1', '--name-only', '--format=').split('\n').sort(), [
      'docs/decisions/0002-shortlist-a-small-cnn.md',
      'docs/decisions/0003-go-on-with-the-small-cnn.md',
    ]);
    await waitFor('the links in the index', async () => {
      const rs = await records();
      return rs.find((r) => r.number === 2)?.supersededBy[0] === 3 && rs.find((r) => r.number === 3)?.supersedes[0] === 2;
    });
    assert.equal((await records()).find((r) => r.number === 2)?.category, 'superseded');
    assert.equal((await records()).find((r) => r.number === 2)?.status, 'superseded by adr-0003');
  });

  it('Generate Decision Index writes README.md with every record, and opens it', async () => {
    const result = await vscode.commands.executeCommand<GenerateIndexResult>('mlroadmap.generateDecisionIndex', { roadmap: demoRoadmapUri().toString() });
    assert.equal(result?.written, true, JSON.stringify(result));
    const text = fs.readFileSync(path.join(decisionsDir, 'README.md'), 'utf8');
    assert.match(text, /\| \[0002\]\(0002-shortlist-a-small-cnn\.md\) \| Shortlist a small CNN on the 8x8 images \| superseded by adr-0003 \(superseded by 0003\) \| 2026-11-20 \|/);
    assert.match(text, /\| \[0003\]\(0003-go-on-with-the-small-cnn\.md\) \| Go on with the small CNN \| accepted \(supersedes 0002\) \|/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, path.join(decisionsDir, 'README.md'));
  });

  it('Generate Decision Index replaces only the block between its markers: the text around it stays byte for byte on disk', async () => {
    const readme = path.join(decisionsDir, 'README.md');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const before = Buffer.from('# Our decisions\r\n\r\nWritten by the team: caf\u00e9, na\u00efve \u2014 keep   \r\n\r\n', 'utf8');
    const after = Buffer.from('\r\n\r\n## Notes\r\n\r\nThis paragraph is ours.\r\nNo newline at the end', 'utf8');
    const stale = Buffer.from('<!-- mlroadmap:decision-index:begin -->\r\n| stale row |\r\n<!-- mlroadmap:decision-index:end -->', 'utf8');
    fs.writeFileSync(readme, Buffer.concat([before, stale, after]));
    const result = await vscode.commands.executeCommand<GenerateIndexResult>('mlroadmap.generateDecisionIndex', { roadmap: demoRoadmapUri().toString(), open: false });
    assert.deepEqual([result?.written, result?.how], [true, 'replaced'], JSON.stringify(result));
    const bytes = fs.readFileSync(readme);
    assert.ok(bytes.subarray(0, before.length).equals(before), 'the text before the markers');
    assert.ok(bytes.subarray(bytes.length - after.length).equals(after), 'the text after the markers');
    const block = bytes.subarray(before.length, bytes.length - after.length).toString('utf8');
    assert.doesNotMatch(block, /stale row/);
    assert.match(block, /^<!-- mlroadmap:decision-index:begin[^\n]*-->\r\n/);
    assert.match(block, /\| \[0003\]\(0003-go-on-with-the-small-cnn\.md\) \| Go on with the small CNN \| accepted \(supersedes 0002\) \|/);
    assert.match(block, /<!-- mlroadmap:decision-index:end -->$/);
  });

  it('Generate Decision Index appends the block to a README.md without markers, keeps every byte of it, and says so', async () => {
    const readme = path.join(decisionsDir, 'README.md');
    const mine = '# Decisions\n\nHow we decide: a short meeting, then a record.\n\n| Our | own table |\n|---|---|\n| is | kept |\n';
    fs.writeFileSync(readme, mine);
    const result = await vscode.commands.executeCommand<GenerateIndexResult>('mlroadmap.generateDecisionIndex', { roadmap: demoRoadmapUri().toString(), open: false });
    assert.deepEqual([result?.written, result?.how], [true, 'appended'], JSON.stringify(result));
    assert.match(result?.message ?? '', /had no decision index markers: the index was added at its end/);
    const text = fs.readFileSync(readme, 'utf8');
    assert.ok(text.startsWith(mine), text);
    assert.match(text.slice(mine.length), /^\n<!-- mlroadmap:decision-index:begin[^\n]*-->\n[\s\S]*\| \[0001\]\(0001-use-accuracy-and-macro-f1-as-offline-metrics\.md\) [\s\S]*<!-- mlroadmap:decision-index:end -->\n$/);
    fs.rmSync(readme);
  });

  it('a number used twice (two branches merged) is renumbered: file renamed, links to it rewritten', async () => {
    const api = await extensionApi();
    const entry = api.services.store.get(demoRoadmapUri());
    assert.ok(entry);
    const twin = path.join(decisionsDir, '0003-serve-on-cpu.md');
    fs.writeFileSync(twin, '---\nstatus: proposed\ndate: 2099-01-01\n---\n# Serve on CPU\n\n## Context and Problem Statement\n\nThe form router has no GPU.\n');
    fs.appendFileSync(path.join(decisionsDir, '0001-use-accuracy-and-macro-f1-as-offline-metrics.md'), '\nSee also [ADR-0003](0003-serve-on-cpu.md).\n');
    const handle = (api.services as ServicesWithDecisions).decisionsFeature;
    assert.ok(handle, 'the decisions feature exposes its handle');
    const result = await handle.collisions.renumber(entry);
    assert.equal(result.failure, undefined);
    assert.equal(result.renamed.length, 1);
    assert.equal(result.renamed[0].to, path.join(decisionsDir, '0004-serve-on-cpu.md'));
    assert.match(result.renamed[0].message, /0003-serve-on-cpu\.md is renumbered to 0004 \(0004-serve-on-cpu\.md\) because it is dated later/);
    assert.ok(!fs.existsSync(twin));
    assert.ok(fs.existsSync(path.join(decisionsDir, '0004-serve-on-cpu.md')));
    const first = path.join(decisionsDir, '0001-use-accuracy-and-macro-f1-as-offline-metrics.md');
    await waitFor('the link to the renamed record rewritten on disk', () => fs.readFileSync(first, 'utf8').includes('See also [ADR-0004](0004-serve-on-cpu.md).'), 5000).catch(() =>
      assert.fail(fs.readFileSync(first, 'utf8').split('\n').slice(-3).join('\n')),
    );
    assert.deepEqual((await records()).map((r) => r.number), [1, 2, 3, 4]);
  });

  it("a gate override (as Advance Phase passes it) asks the remaining questions; accepted on their defaults; the override gets the record's number", async () => {
    // Advance Phase has written the override into the roadmap (committed here, so the commit below shows its change).
    const withOverride = (await readDisk(demoRoadmapUri())) + 'overrides:\n  - { from: discovery, to: production, reason: the operations demo is booked for next week }\n';
    await restoreFile(demoRoadmapUri(), withOverride);
    git(root, 'commit', '-q', '-m', 'advance anyway', '--', 'mlroadmap.yaml');
    const api = await extensionApi();
    await waitFor('the store to see the override', () => (api.services.store.get(demoRoadmapUri())?.roadmap?.overrides.length ?? 0) === 1);
    const { result, prompts } = await acceptFlowDefaults(() =>
      vscode.commands.executeCommand<RecordDecisionResult>('mlroadmap.recordDecision', {
        kind: 'override-gate',
        roadmap: demoRoadmapUri().toString(),
        from: 'discovery',
        to: 'production',
        reason: 'the operations demo is booked for next week',
        confirm: true,
        open: false,
      }),
    );
    // Drivers (every metric), status (accepted), consulted (nobody), title (derived).
    assert.deepEqual(prompts.map((p) => `${p.step}/${p.totalSteps} ${p.kind}`), ['1/4 pickMany', '2/4 pick', '3/4 pickMany', '4/4 input']);
    assert.equal(result?.committed, true, JSON.stringify(result));
    assert.equal(result?.number, 5);
    const text = fs.readFileSync(result!.file!, 'utf8');
    assert.match(text, /^status: accepted$/m);
    assert.match(text, /^informed:\n {2}- Sam$/m);
    assert.match(text, /^# Advance from discovery to production before the gate is met$/m);
    assert.match(text, /The gate from discovery to production is not met, and the project moves on anyway: the operations demo is booked for next week\./);
    assert.match(text, /Decision: Move from discovery to production before the gate is met, because the operations demo is booked for next week\./);
    assert.match(text, /\* forms_auto_routed \(business\): maximize, target 0\.8/);
    assert.equal(
      git(root, 'log', '-1', '--name-only', '--format='),
      'docs/decisions/0005-advance-from-discovery-to-production-before-the-gate-is-met.md\nmlroadmap.yaml',
    );
    assert.equal(await readDisk(demoRoadmapUri()), withOverride.replace('next week }', 'next week, decision: "0005" }'));
  });

  it('offers git init when the folder is not a repository, then commits the decision', async () => {
    fs.rmSync(path.join(root, '.git'), { recursive: true, force: true });
    // The new repository has no local identity: git takes it from the environment the extension host passes on.
    const identity = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' };
    const saved = Object.fromEntries(Object.keys(identity).map((k) => [k, process.env[k]]));
    Object.assign(process.env, identity);
    const result = await record({
      kind: 'change-metric',
      metric: 'macro_f1',
      title: 'Raise the macro-F1 target',
      outcome: 'Raise the macro_f1 target to 0.97',
      reason: 'operations report misread 7s on postcodes',
      initRepo: true,
      confirm: true,
      open: true,
    }).finally(() => {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    });
    assert.equal(result.committed, true, JSON.stringify(result));
    assert.equal(result.number, 6);
    assert.equal(git(root, 'log', '-1', '--format=%s'), 'docs(decision): 0006 Raise the macro-F1 target');
    assert.equal(git(root, 'log', '-1', '--name-only', '--format='), 'docs/decisions/0006-raise-the-macro-f1-target.md');
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, result.file, 'the record is opened');
    assert.notEqual(demoCommit, '');
  });
});

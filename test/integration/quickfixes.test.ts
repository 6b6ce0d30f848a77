// Quick fixes on mlroadmap.yaml inside the real extension host: each pitfall finding offers the flow that gets
// out of it plus "Acknowledge…", an unknown key offers "Change to '<suggestion>'"; each is applied and the
// file and diagnostics checked after.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseRoadmap } from '../../src/core/roadmap/parse';
import { waitFor } from './support/extension';
import { demoRoadmapUri, extensionApi, readDisk, restoreFile, setFileText } from './support/roadmapFile';
import { lineOf } from './support/views';

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

function diagnostics(code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(demoRoadmapUri()).filter((d) => d.source === 'ML Roadmap' && codeOf(d) === code);
}

async function diagnosticAppears(code: string, matching: (d: vscode.Diagnostic) => boolean = () => true): Promise<vscode.Diagnostic> {
  await waitFor(`a ${code} diagnostic`, () => diagnostics(code).some(matching), 10_000);
  return diagnostics(code).find(matching) as vscode.Diagnostic;
}

async function diagnosticGone(code: string, matching: (d: vscode.Diagnostic) => boolean = () => true): Promise<void> {
  await waitFor(`the ${code} diagnostic to go`, () => !diagnostics(code).some(matching), 10_000);
}

async function quickFixes(diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    demoRoadmapUri(),
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return actions.filter((a) => a.diagnostics?.some((d) => codeOf(d) === codeOf(diagnostic)) ?? true);
}

function actionFor(actions: vscode.CodeAction[], command: string): vscode.CodeAction {
  const found = actions.find((a) => a.command?.command === command);
  assert.ok(found, `a quick fix running ${command}; got ${actions.map((a) => `${a.title} (${a.command?.command ?? 'edit'})`).join(', ')}`);
  return found;
}

/** Runs a quick fix's command with the answers a user would give in its flow. */
async function runWith(action: vscode.CodeAction, answers: object = {}): Promise<{ done: boolean; message?: string }> {
  assert.ok(action.command);
  const [first, ...rest] = action.command.arguments ?? [];
  return vscode.commands.executeCommand(action.command.command, { ...(first as object), ...answers }, ...rest);
}

async function writeDemo(text: string): Promise<void> {
  await setFileText(demoRoadmapUri(), text);
}

describe('quick fixes on mlroadmap.yaml', () => {
  let original = '';

  before(async () => {
    await extensionApi();
    original = await readDisk(demoRoadmapUri());
    await vscode.window.showTextDocument(demoRoadmapUri());
  });

  afterEach(async () => {
    await restoreFile(demoRoadmapUri(), original);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("offers Change to 'owner' for a misspelt key, as the preferred direct edit", async () => {
    const typo = original.replace(
      '        title: Estimate cost and benefit of each candidate\n',
      '        title: Estimate cost and benefit of each candidate\n        ownr: Sam\n',
    );
    assert.notEqual(typo, original);
    await writeDemo(typo);
    const diagnostic = await diagnosticAppears('schema/unknown-key');
    const actions = await quickFixes(diagnostic);
    const change = actions.find((a) => a.title === "Change to 'owner'");
    assert.ok(change, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(change.isPreferred, true);
    assert.ok(change.edit, 'a direct edit, no command');
    assert.ok(await vscode.workspace.applyEdit(change.edit));
    const doc = await vscode.workspace.openTextDocument(demoRoadmapUri());
    await doc.save();
    const after = await readDisk(demoRoadmapUri());
    assert.equal(after, original.replace('        title: Estimate cost and benefit of each candidate\n', '        title: Estimate cost and benefit of each candidate\n        owner: Sam\n'));
    await diagnosticGone('schema/unknown-key');
  });

  it('one-architecture: "Add another architecture candidate…" adds one; "Acknowledge…" records the reason and silences it', async () => {
    await writeDemo(`${original}settings: { min_candidates: 5 }\n`);
    const diagnostic = await diagnosticAppears('pitfall/one-architecture');
    const actions = await quickFixes(diagnostic);
    const add = actionFor(actions, 'mlroadmap.addCandidate');
    assert.equal(add.isPreferred, true);
    const added = await runWith(add, { id: 'random-forest', title: 'Random forest on raw pixels', basedOn: ['alpaydin98'] });
    assert.equal(added.done, true, added.message);
    assert.ok(parseRoadmap(await readDisk(demoRoadmapUri())).roadmap?.candidates.some((c) => c.id === 'random-forest'));

    const stillOpen = await diagnosticAppears('pitfall/one-architecture');
    const acknowledge = actionFor(await quickFixes(stillOpen), 'mlroadmap.acknowledgeFinding');
    const acked = await runWith(acknowledge, { reason: 'Only four designs fit the 8x8 input; agreed with Dana.' });
    assert.equal(acked.done, true, acked.message);
    const roadmap = parseRoadmap(await readDisk(demoRoadmapUri())).roadmap;
    assert.deepEqual(
      roadmap?.acknowledged.map((a) => ({ code: a.code, target: a.target, reason: a.reason })),
      [{ code: 'pitfall/one-architecture', target: 'mlp', reason: 'Only four designs fit the 8x8 input; agreed with Dana.' }],
    );
    await diagnosticGone('pitfall/one-architecture');
  });

  it('reinventing-the-wheel: "Add a literature entry…" runs Add Literature; too-incremental: "Estimate the candidate\'s cost and benefit…" fills them in', async () => {
    const withGbm = original.replace(
      '    status: idea              # cheap, but slow at serving time on the full archive\n',
      '    status: idea              # cheap, but slow at serving time on the full archive\n  - { id: gbm, title: Gradient boosting, status: shortlisted }\n',
    );
    assert.notEqual(withGbm, original);
    await writeDemo(withGbm);
    const reinventing = await diagnosticAppears('pitfall/reinventing-the-wheel');
    const addLiterature = actionFor(await quickFixes(reinventing), 'mlroadmap.addLiterature');
    const added = await runWith(addLiterature, { id: 'friedman01', title: 'Greedy function approximation: a gradient boosting machine', url: 'https://example.org/friedman01.pdf', takeaway: 'Boosted trees are strong on tabular pixels.' });
    assert.equal(added.done, true, added.message);
    assert.ok(parseRoadmap(await readDisk(demoRoadmapUri())).roadmap?.literature.some((l) => l.id === 'friedman01'));
    // gbm still builds on nothing: the finding stays (on its new line) and can be acknowledged instead.
    actionFor(await quickFixes(await diagnosticAppears('pitfall/reinventing-the-wheel')), 'mlroadmap.acknowledgeFinding');

    const incremental = await diagnosticAppears('pitfall/too-incremental');
    const actions = await quickFixes(incremental);
    const reveal = actionFor(actions, 'mlroadmap.revealInRoadmap');
    await runWith(reveal);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), demoRoadmapUri().toString());
    assert.match(editor?.document.lineAt(editor.selection.active.line).text ?? '', /id: gbm/, 'the cursor is on the candidate');
    actionFor(actions, 'mlroadmap.setCandidateStatus');
    const estimate = actionFor(actions, 'mlroadmap.estimateCandidate');
    assert.equal(estimate.isPreferred, true);
    const outcome = await runWith(estimate, { effortDays: 10, computeHours: 2, risk: 'high', expected: { accuracy: 0.9 }, confidence: 'low' });
    assert.equal(outcome.done, true, outcome.message);
    const gbm = parseRoadmap(await readDisk(demoRoadmapUri())).roadmap?.candidates.find((c) => c.id === 'gbm');
    assert.deepEqual([gbm?.cost, gbm?.benefit], [{ effort_days: 10, compute_hours: 2, risk: 'high' }, { expected: { accuracy: 0.9 }, confidence: 'low' }]);
    await diagnosticGone('pitfall/too-incremental');
  });

  it('metric-misalignment: "Set the metric\'s target…" sets the target of an offline metric without one; Acknowledge… names the metric', async () => {
    const added = await vscode.commands.executeCommand<{ done: boolean }>('mlroadmap.addMetric', { roadmap: demoRoadmapUri().toString(), id: 'recall_7', kind: 'offline', goal: 'maximize' });
    assert.equal(added.done, true);
    const diagnostic = await diagnosticAppears('pitfall/metric-misalignment');
    const actions = await quickFixes(diagnostic);
    const acknowledge = actionFor(actions, 'mlroadmap.acknowledgeFinding');
    assert.deepEqual((acknowledge.command?.arguments?.[0] as { target?: string }).target, 'recall_7');
    const setTarget = actionFor(actions, 'mlroadmap.setMetricTarget');
    assert.equal(setTarget.isPreferred, true);
    const set = await runWith(setTarget, { target: 0.9 });
    assert.equal(set.done, true, set.message);
    assert.equal(parseRoadmap(await readDisk(demoRoadmapUri())).roadmap?.metrics.find((m) => m.id === 'recall_7')?.target, 0.9);
    await diagnosticGone('pitfall/metric-misalignment');
  });

  it('faulty-evaluation: "Configure the evaluation pipeline…" sets the missing dataset', async () => {
    const noDataset = original.replace('  dataset: data/digits.csv\n', '');
    assert.notEqual(noDataset, original);
    await writeDemo(noDataset);
    const aboutDataset = (d: vscode.Diagnostic) => d.message.includes('No `evaluation.dataset`');
    const diagnostic = await diagnosticAppears('pitfall/faulty-evaluation', aboutDataset);
    const configure = actionFor(await quickFixes(diagnostic), 'mlroadmap.configureEvaluation');
    assert.equal(configure.isPreferred, true);
    const outcome = await runWith(configure, { dataset: 'data/digits.csv' });
    assert.equal(outcome.done, true, outcome.message);
    assert.equal(parseRoadmap(await readDisk(demoRoadmapUri())).roadmap?.evaluation?.dataset, 'data/digits.csv');
    await diagnosticGone('pitfall/faulty-evaluation', aboutDataset);
  });

  it('faulty-evaluation: a results file the pipeline did not produce offers "Evaluate the candidate…" for that candidate', async () => {
    // The demo ships results files but no history: nothing it shows was recorded by an evaluation run.
    const notFromPipeline = (d: vscode.Diagnostic) => d.message.startsWith("The results of 'majority' in 'results/majority.json' are not from the pipeline");
    const diagnostic = await diagnosticAppears('pitfall/faulty-evaluation', notFromPipeline);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diagnostic.range.start.line, lineOf(original, '- id: majority'));
    const evaluate = actionFor(await quickFixes(diagnostic), 'mlroadmap.evaluateCandidate');
    assert.equal(evaluate.isPreferred, true);
    assert.equal((evaluate.command?.arguments?.[0] as { candidate?: string }).candidate, 'majority');
  });
});

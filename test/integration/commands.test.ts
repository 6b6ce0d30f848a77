// Every palette flow driven with arguments inside the real extension host, on the demo workspace:
// the file is re-read from disk after each command, comments are kept and only the intended lines change.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseRoadmap } from '../../src/core/roadmap/parse';
import { assertOneLineChanged, demoRoadmapUri, insertedBlock, readDisk, restoreDemoRoadmapAfterEach } from './support/roadmapFile';

interface Outcome {
  done: boolean;
  reason?: string;
  message?: string;
  [key: string]: unknown;
}

function run(command: string, args: object): Thenable<Outcome> {
  return vscode.commands.executeCommand<Outcome>(command, { roadmap: demoRoadmapUri().toString(), ...args });
}

describe('palette commands driven with arguments', () => {
  const original = restoreDemoRoadmapAfterEach();

  it('Set Step Status changes only the status on the step line, keeping its comment', async () => {
    const outcome = await run('mlroadmap.setStepStatus', { stepId: 'business-problem', status: 'doing' });
    assert.equal(outcome.done, true, outcome.message);
    const after = await readDisk(demoRoadmapUri());
    assertOneLineChanged(original(), after, /status: done {10}# todo \| doing/, /^ {8}status: doing {10}# todo \| doing \| done \| blocked \| skipped$/);
  });

  it('Set Step Status accepts a tree item ({ roadmap, itemId }) and flow-style steps', async () => {
    const outcome = await vscode.commands.executeCommand<Outcome>('mlroadmap.setStepStatus', {
      roadmap: demoRoadmapUri().toString(),
      itemId: 'nightly-training',
      contextValue: 'step.node',
      status: 'blocked',
    });
    assert.equal(outcome.done, true, outcome.message);
    const after = await readDisk(demoRoadmapUri());
    assertOneLineChanged(original(), after, /id: nightly-training, .*status: todo/, /^ {6}- \{ id: nightly-training, title: Nightly training job, status: blocked \}$/);
  });

  it('Set Step Status refuses an unknown step and leaves the file alone', async () => {
    const outcome = await run('mlroadmap.setStepStatus', { stepId: 'no-such-step', status: 'done' });
    assert.equal(outcome.done, false);
    assert.equal(outcome.reason, 'invalid');
    assert.equal(await readDisk(demoRoadmapUri()), original());
  });

  it('Start Next Step starts the first todo step in stage order and says which', async () => {
    const outcome = await run('mlroadmap.startNextStep', {});
    assert.equal(outcome.done, true, outcome.message);
    assert.equal(outcome.stepId, 'cost-benefit');
    const after = await readDisk(demoRoadmapUri());
    const step = parseRoadmap(after).roadmap?.discovery.flatMap((s) => s.steps).find((s) => s.id === 'cost-benefit');
    assert.equal(step?.status, 'doing');
    assertOneLineChanged(original(), after, /status: todo/, /status: doing/);
  });

  it('Add Candidate appends a complete idea after the last candidate', async () => {
    const outcome = await run('mlroadmap.addCandidate', {
      id: 'random-forest',
      title: 'Random forest on raw pixels',
      basedOn: ['alpaydin98'],
      cost: { effort_days: 1, compute_hours: 0.5, risk: 'low' },
      benefit: { expected: { accuracy: 0.975 }, confidence: 'medium' },
    });
    assert.equal(outcome.done, true, outcome.message);
    const after = await readDisk(demoRoadmapUri());
    const added = insertedBlock(original(), after);
    assert.match(added[0], /^ {2}- id: random-forest$/);
    const parsed = parseRoadmap(after);
    assert.deepEqual(parsed.diagnostics.filter((d) => d.severity === 'error'), []);
    const candidate = parsed.roadmap?.candidates.find((c) => c.id === 'random-forest');
    assert.ok(candidate, 'the candidate is in the model');
    assert.equal(candidate.status, 'idea');
    assert.deepEqual(candidate.based_on, ['alpaydin98']);
    assert.deepEqual(candidate.cost, { effort_days: 1, compute_hours: 0.5, risk: 'low' });
    assert.deepEqual(candidate.benefit, { expected: { accuracy: 0.975 }, confidence: 'medium' });
    assert.equal(parsed.roadmap?.candidates.at(-1)?.id, 'random-forest', 'added at the end of the list');
    assert.ok(after.includes('status: idea              # cheap, but slow at serving time on the full archive'), 'comment of knn kept');
  });

  it('Add Candidate refuses a malformed or taken id', async () => {
    assert.equal((await run('mlroadmap.addCandidate', { id: 'Big CNN', title: 'x' })).reason, 'invalid');
    assert.equal((await run('mlroadmap.addCandidate', { id: 'cnn', title: 'again' })).reason, 'invalid');
    assert.equal(await readDisk(demoRoadmapUri()), original());
  });

  it('Set Candidate Status changes one line and keeps its trailing comment', async () => {
    const outcome = await run('mlroadmap.setCandidateStatus', { candidateId: 'knn', status: 'shortlisted' });
    assert.equal(outcome.done, true, outcome.message);
    const after = await readDisk(demoRoadmapUri());
    assertOneLineChanged(original(), after, /status: idea/, /^ {4}status: shortlisted +# cheap, but slow at serving time on the full archive$/);
  });

  it('Estimate Cost and Benefit changes the values inside the flow mappings, keeping their comments', async () => {
    const outcome = await run('mlroadmap.estimateCandidate', { candidateId: 'cnn', effortDays: 8, risk: 'high', expected: { accuracy: 0.985 } });
    assert.equal(outcome.done, true, outcome.message);
    const after = await readDisk(demoRoadmapUri());
    const changed = after.split('\n').filter((line, i) => line !== original().split('\n')[i]);
    assert.deepEqual(changed, [
      '    cost: { effort_days: 8, compute_hours: 4, risk: high }        # risk: low | medium | high',
      '    benefit: { expected: { accuracy: 0.985 }, confidence: medium }   # confidence: low | medium | high',
    ]);
    const refused = await run('mlroadmap.estimateCandidate', { candidateId: 'cnn', confidence: 'certain' });
    assert.equal(refused.done, false);
    assert.equal(await readDisk(demoRoadmapUri()), after, 'a bad level changes nothing');
  });

  it('Add Literature Entry appends an entry and refuses a URL that is not http(s)', async () => {
    const refused = await run('mlroadmap.addLiterature', { id: 'he16', title: 'Deep residual learning', url: 'javascript:alert(1)' });
    assert.equal(refused.reason, 'invalid');
    const outcome = await run('mlroadmap.addLiterature', {
      id: 'he16',
      title: 'Deep residual learning for image recognition',
      url: 'https://arxiv.org/abs/1512.03385',
      takeaway: 'Skip connections make deep nets trainable; overkill for 8x8 digits.',
    });
    assert.equal(outcome.done, true, outcome.message);
    const after = await readDisk(demoRoadmapUri());
    const added = insertedBlock(original(), after);
    assert.match(added[0], /^ {2}- id: he16$/);
    const entry = parseRoadmap(after).roadmap?.literature.find((l) => l.id === 'he16');
    assert.equal(entry?.url, 'https://arxiv.org/abs/1512.03385');
    assert.equal(entry?.takeaway, 'Skip connections make deep nets trainable; overkill for 8x8 digits.');
  });

  it('Add Metric appends a metric with kind, goal, target and why', async () => {
    const outcome = await run('mlroadmap.addMetric', { id: 'p95_latency_ms', kind: 'online', goal: 'minimize', target: 50, why: 'Forms wait in a queue.' });
    assert.equal(outcome.done, true, outcome.message);
    const after = await readDisk(demoRoadmapUri());
    insertedBlock(original(), after);
    const metric = parseRoadmap(after).roadmap?.metrics.find((m) => m.id === 'p95_latency_ms');
    assert.deepEqual(
      metric && { kind: metric.kind, goal: metric.goal, target: metric.target, why: metric.why },
      { kind: 'online', goal: 'minimize', target: 50, why: 'Forms wait in a queue.' },
    );
    assert.equal((await run('mlroadmap.addMetric', { id: 'accuracy', kind: 'offline' })).reason, 'invalid', 'a taken id is refused');
  });

  it('Set Metric Target replaces the target on its line and refuses an unknown metric', async () => {
    const outcome = await run('mlroadmap.setMetricTarget', { metricId: 'macro_f1', target: 0.95 });
    assert.equal(outcome.done, true, outcome.message);
    const after = await readDisk(demoRoadmapUri());
    assertOneLineChanged(original(), after, /target: 0\.96/, /^ {4}target: 0\.95$/);
    assert.equal((await run('mlroadmap.setMetricTarget', { metricId: 'recall', target: 0.9 })).reason, 'invalid');
  });

  it('Log Reality Check adds a check dated today by default', async () => {
    const outcome = await run('mlroadmap.logRealityCheck', { kind: 'user-study', candidate: 'mlp', verdict: 'planned' });
    assert.equal(outcome.done, true, outcome.message);
    assert.equal(outcome.id, 'mlp-user-study');
    const after = await readDisk(demoRoadmapUri());
    insertedBlock(original(), after);
    const check = parseRoadmap(after).roadmap?.reality_checks.find((c) => c.id === 'mlp-user-study');
    assert.equal(check?.candidate, 'mlp');
    assert.match(check?.date ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(check?.verdict, 'planned');
  });

  it('Log Reality Check updates the verdict of an existing check in place', async () => {
    const outcome = await run('mlroadmap.logRealityCheck', { checkId: 'ops-demo', verdict: 'promising' });
    assert.equal(outcome.done, true, outcome.message);
    const after = await readDisk(demoRoadmapUri());
    assertOneLineChanged(original(), after, /verdict: planned/, /^ {4}verdict: promising +# planned \| promising \| passed \| failed$/);
  });

  it('Configure Evaluation sets only the fields given and refuses an unknown baseline', async () => {
    assert.equal((await run('mlroadmap.configureEvaluation', { baseline: 'nope' })).reason, 'invalid');
    const outcome = await run('mlroadmap.configureEvaluation', { baseline: 'logreg' });
    assert.equal(outcome.done, true, outcome.message);
    const after = await readDisk(demoRoadmapUri());
    assertOneLineChanged(original(), after, /^ {2}baseline: majority$/, /^ {2}baseline: logreg$/);
    assert.equal((await run('mlroadmap.configureEvaluation', { results: '../outside/${candidate}.json' })).reason, 'invalid');
  });

  it('edits an open editor with unsaved changes without losing them, and the edit can be undone', async function () {
    this.timeout(60_000); // opens an editor, undoes and reverts: slow on a busy machine
    const uri = demoRoadmapUri();
    // The web workbench saves dirty editors after a delay by default; this test needs the edit to stay unsaved.
    const files = vscode.workspace.getConfiguration('files');
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    try {
      const editor = await vscode.window.showTextDocument(uri);
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# unsaved note\n'));
      assert.ok(editor.document.isDirty);
      const outcome = await run('mlroadmap.setCandidateStatus', { candidateId: 'mlp', status: 'evaluated' });
      assert.equal(outcome.done, true, outcome.message);
      const text = editor.document.getText();
      assert.ok(text.startsWith('# unsaved note\n'), 'the unsaved change is still there');
      assert.equal(parseRoadmap(text).roadmap?.candidates.find((c) => c.id === 'mlp')?.status, 'evaluated');
      assert.ok(editor.document.isDirty, 'left unsaved for the user');
      assert.equal(await readDisk(uri), original(), 'the disk is untouched while the editor is dirty');
      await vscode.commands.executeCommand('undo');
      assert.equal(parseRoadmap(editor.document.getText()).roadmap?.candidates.find((c) => c.id === 'mlp')?.status, 'prototyping', 'undo reverts the status');
      assert.ok(editor.document.getText().startsWith('# unsaved note\n'));
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await files.update('autoSave', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});

describe('phase transitions and gates', () => {
  const original = restoreDemoRoadmapAfterEach();

  it('refuses to leave Discovery while the gate is unmet, listing each condition', async () => {
    const outcome = await run('mlroadmap.advancePhase', { force: false });
    assert.equal(outcome.advanced, false);
    assert.equal(outcome.from, 'discovery');
    assert.equal(outcome.to, 'production');
    const unmet = outcome.unmet as string[];
    assert.ok(Array.isArray(unmet) && unmet.length > 0, `unmet conditions: ${JSON.stringify(unmet)}`);
    assert.ok(unmet.every((u) => typeof u === 'string' && u.length > 0));
    assert.equal(await readDisk(demoRoadmapUri()), original(), 'nothing written');
    const noReason = await run('mlroadmap.advancePhase', { force: true });
    assert.equal(noReason.advanced, false);
    assert.equal(noReason.reason, 'invalid', 'an override needs a reason');
  });

  it('advances anyway with force and a reason, recording the override; Move Back records its reason too', async () => {
    const reason = 'The customer pilot starts in January; the reality check runs in parallel.';
    const outcome = await run('mlroadmap.advancePhase', { force: true, reason });
    assert.equal(outcome.advanced, true, outcome.message);
    assert.equal(outcome.overridden, true);
    const after = await readDisk(demoRoadmapUri());
    const parsed = parseRoadmap(after);
    assert.deepEqual(parsed.diagnostics.filter((d) => d.severity === 'error'), []);
    assert.equal(parsed.roadmap?.project.phase, 'production');
    const override = parsed.roadmap?.overrides.at(-1);
    assert.deepEqual(override && { from: override.from, to: override.to, reason: override.reason }, { from: 'discovery', to: 'production', reason });
    assert.match(override?.date ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(after.includes('  phase: production            # discovery | production | shipped'), 'the phase line keeps its comment');
    assert.ok(after.startsWith(original().slice(0, original().indexOf('  phase: discovery'))), 'nothing before the phase line changed');

    const back = await run('mlroadmap.moveBackPhase', { reason: 'The pilot showed the CNN fails on faxed forms.' });
    assert.equal(back.done, true, back.message);
    assert.equal(back.to, 'discovery');
    const reverted = parseRoadmap(await readDisk(demoRoadmapUri())).roadmap;
    assert.equal(reverted?.project.phase, 'discovery');
    assert.deepEqual(
      reverted?.overrides.map((o) => [o.from, o.to]),
      [
        ['discovery', 'production'],
        ['production', 'discovery'],
      ],
    );
  });

  it('lets Production ship only when every production step is done or skipped', async () => {
    assert.equal((await run('mlroadmap.advancePhase', { force: true, reason: 'Test setup: start Production.' })).advanced, true);
    const blocked = await run('mlroadmap.advancePhase', { force: false });
    assert.equal(blocked.to, 'shipped');
    assert.equal(blocked.advanced, false);
    assert.ok((blocked.unmet as string[]).length > 0);
    const steps = parseRoadmap(await readDisk(demoRoadmapUri())).roadmap?.production.flatMap((t) => t.steps) ?? [];
    assert.ok(steps.length > 0);
    for (const [i, step] of steps.entries()) {
      const status = i === 0 ? 'skipped' : 'done';
      assert.equal((await run('mlroadmap.setStepStatus', { stepId: step.id, status })).done, true);
    }
    const shipped = await run('mlroadmap.advancePhase', { force: false });
    assert.deepEqual(shipped.unmet, []);
    assert.equal(shipped.advanced, true, shipped.message);
    assert.equal(shipped.overridden, undefined);
    assert.equal(parseRoadmap(await readDisk(demoRoadmapUri())).roadmap?.project.phase, 'shipped');
  });
});


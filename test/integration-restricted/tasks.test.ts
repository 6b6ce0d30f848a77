// Restricted Mode, tasks: ML Roadmap's task provider offers no evaluation task and resolves none, and the runner
// every evaluation task's terminal calls refuses to run, writing nothing. VS Code's own listing
// (vscode.tasks.fetchTasks) is not asked here: in an untrusted window VS Code first asks for trust, a modal the
// test workbench refuses to show, so that request never answers.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ServicesWithEvaluation } from '../../src/evaluation';
import { demoRoadmapUri, extensionApi, workspaceFolder } from '../integration/support/roadmapFile';
import { assertSameFiles, snapshotFiles } from './support/workspaceFiles';

async function evaluationHandle() {
  const api = await extensionApi();
  const evaluation = (api.services as ServicesWithEvaluation).evaluation;
  assert.ok(evaluation, 'the evaluation feature exposes its task provider and runner on services.evaluation');
  return { api, evaluation };
}

function mlroadmapExecutions(): string[] {
  return vscode.tasks.taskExecutions.filter((t) => t.task.definition.type === 'mlroadmap').map((t) => t.task.name);
}

describe('Restricted Mode: no evaluation task', () => {
  it('the mlroadmap task provider offers none and resolves none, though the demo has an evaluation command', async () => {
    const { api, evaluation } = await evaluationHandle();
    const entry = api.services.store.get(demoRoadmapUri());
    assert.ok(entry?.roadmap?.evaluation?.command, 'the demo roadmap has an evaluation command (trusted, it would get tasks)');
    const candidates = entry.roadmap.candidates.map((c) => c.id);
    assert.ok(candidates.includes('logreg'));
    assert.deepEqual(await evaluation.tasks.provideTasks(), []);
    for (const candidate of [...candidates, '*']) {
      const definition = { type: 'mlroadmap', candidate, roadmap: 'mlroadmap.yaml' };
      const task = new vscode.Task(definition, workspaceFolder(), `evaluate ${candidate}`, 'mlroadmap');
      assert.equal(evaluation.tasks.resolveTask(task), undefined, `a task.json task for ${candidate} is not resolved`);
    }
    assert.deepEqual(mlroadmapExecutions(), []);
  });

  it("an evaluation task's run refuses: it says Restricted Mode, exits 1, starts no process and writes nothing", async () => {
    const { api, evaluation } = await evaluationHandle();
    const root = workspaceFolder().uri.fsPath;
    const logs = path.join(api.services.context.logUri.fsPath, 'evaluations');
    const logsBefore = fs.existsSync(logs) ? fs.readdirSync(logs) : [];
    const files = snapshotFiles(root);
    let written = '';
    let cancellable = false;
    // What the task's pseudoterminal does when VS Code opens it.
    const outcome = await evaluation.evaluations.execute(demoRoadmapUri(), 'logreg', {
      write: (text) => (written += text),
      onCancel: () => (cancellable = true),
    });
    assert.deepEqual(
      { ok: outcome.ok, exitCode: outcome.exitCode, cancelled: outcome.cancelled, steps: outcome.steps, logFile: outcome.logFile },
      { ok: false, exitCode: 1, cancelled: false, steps: [], logFile: undefined },
    );
    assert.match(outcome.message ?? '', /does not run evaluations in Restricted Mode/);
    assert.equal(written, `${outcome.message}\n`, 'the terminal shows why');
    assert.equal(cancellable, false, 'no process was started that a close could cancel');
    assert.equal(evaluation.evaluations.isRunning(demoRoadmapUri(), 'logreg'), false);
    assertSameFiles(files, snapshotFiles(root), 'the refused run');
    assert.deepEqual(fs.existsSync(logs) ? fs.readdirSync(logs) : [], logsBefore, 'no run log was started');
    assert.deepEqual(mlroadmapExecutions(), []);
  });
});

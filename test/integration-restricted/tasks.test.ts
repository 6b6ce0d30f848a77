// Restricted Mode, tasks: ML Roadmap's task provider offers no evaluation task and resolves none, and VS Code's
// own task list has no mlroadmap task. Last of the suite (by file name): in an untrusted window VS Code asks for
// trust before it lists tasks, a modal that the test workbench refuses to show, so that request stays pending.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ServicesWithEvaluation } from '../../src/evaluation';
import { demoRoadmapUri, extensionApi, workspaceFolder } from '../integration/support/roadmapFile';

/** How long VS Code gets to answer a task listing before the answer counts as withheld (pending its trust prompt). */
const LISTING_MS = 5000;

describe('Restricted Mode: no evaluation task', () => {
  it('the mlroadmap task provider offers none and resolves none, though the demo has an evaluation command', async () => {
    const api = await extensionApi();
    const entry = api.services.store.get(demoRoadmapUri());
    assert.ok(entry?.roadmap?.evaluation?.command, 'the demo roadmap has an evaluation command (trusted, it would get tasks)');
    const tasks = (api.services as ServicesWithEvaluation).evaluation?.tasks;
    assert.ok(tasks, 'the evaluation feature exposes its task provider on services.evaluation');
    assert.deepEqual(await tasks.provideTasks(), []);
    const definition = { type: 'mlroadmap', candidate: 'logreg', roadmap: 'mlroadmap.yaml' };
    const task = new vscode.Task(definition, workspaceFolder(), 'evaluate logreg', 'mlroadmap');
    assert.equal(tasks.resolveTask(task), undefined);
  });

  it('vscode.tasks.fetchTasks lists no mlroadmap task', async () => {
    let timer: NodeJS.Timeout | undefined;
    const withheld = new Promise<'withheld'>((ok) => (timer = setTimeout(() => ok('withheld'), LISTING_MS)));
    const listed = await Promise.race([Promise.resolve(vscode.tasks.fetchTasks({ type: 'mlroadmap' })), withheld]);
    clearTimeout(timer);
    // VS Code lists tasks only once the workspace is trusted: until then it answers nothing, which offers nothing too.
    if (listed !== 'withheld') assert.deepEqual(listed.map((t) => t.name), []);
    assert.deepEqual(vscode.tasks.taskExecutions.filter((t) => t.task.definition.type === 'mlroadmap').map((t) => t.task.name), []);
  });
});

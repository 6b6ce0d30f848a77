// Restricted Mode, refusing side: every ML Roadmap command that edits a file, runs code or commits is called with
// complete arguments (so nothing would be asked) and must refuse, saying Restricted Mode: afterwards every file of
// the workspace is byte-identical, the open roadmap is not even edited unsaved, the git repository has no new
// commit or staged change, and no mlroadmap task was started or is offered.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from '../integration/support/extension';
import { demoRoadmapUri, extensionApi, readDisk, workspaceFolder } from '../integration/support/roadmapFile';
import { assertSameFiles, commitAll, gitState, snapshotFiles } from './support/workspaceFiles';

/** The shapes the commands return: `{ done, reason }`, `{ committed, failure }` (decisions) or `{ written, failure }`. */
interface Refusable {
  readonly done?: boolean;
  readonly committed?: boolean;
  readonly written?: boolean;
  readonly reason?: string;
  readonly message?: string;
  readonly failure?: { readonly kind: string; readonly message: string };
}

/** How long a command may take to refuse; longer means it is waiting for an answer (QuickPick, input box). */
const REFUSE_WITHIN_MS = 20_000;

/**
 * Runs the command. When it shows a flow prompt, or has not returned in time (another question), dismisses what
 * it asks and fails.
 */
async function runCommand(command: string, args: unknown): Promise<Refusable | undefined> {
  const api = await extensionApi();
  const prompts: string[] = [];
  const listener = api.onDidShowFlowPrompt((p) => prompts.push(`${p.title} ${p.step}/${p.totalSteps}`));
  let outcome: { readonly result: Refusable | undefined } | { readonly error: unknown } | undefined;
  Promise.resolve(vscode.commands.executeCommand<Refusable | undefined>(command, args)).then(
    (result) => (outcome = { result }),
    (error: unknown) => (outcome = { error }),
  );
  try {
    await waitFor(`${command} to return`, () => outcome !== undefined || prompts.length > 0, REFUSE_WITHIN_MS).catch(() => undefined);
    if (outcome && 'error' in outcome) throw outcome.error;
    if (outcome && prompts.length === 0) return outcome.result;
    for (let i = 0; i < 10; i++) await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await waitFor(`${command} to return once its questions are dismissed`, () => outcome !== undefined, 5000).catch(() => undefined);
    assert.fail(`${command} asked for input in Restricted Mode instead of refusing (${prompts.join(', ') || `no answer within ${REFUSE_WITHIN_MS} ms`})`);
  } finally {
    listener.dispose();
  }
}

function assertRefused(command: string, result: Refusable | undefined): void {
  assert.ok(result, `${command} returns its outcome`);
  const kind = result.reason ?? result.failure?.kind;
  const message = result.message ?? result.failure?.message ?? '';
  assert.equal(kind, 'restricted', `${command} refuses because of Restricted Mode: ${JSON.stringify(result)}`);
  assert.notEqual(result.done, true);
  assert.notEqual(result.committed, true);
  assert.notEqual(result.written, true);
  assert.match(message, /Restricted Mode/, `${command} says why it refuses`);
}

describe('Restricted Mode: commands that edit, run or commit refuse', function () {
  this.timeout(60_000);
  let root = '';
  let roadmap = '';
  let fresh = '';
  let original = '';
  let document: vscode.TextDocument;
  let resultsBefore: string[] = [];
  let decisionsBefore: string[] = [];
  const started: string[] = [];
  let filesAtStart: ReturnType<typeof snapshotFiles> = new Map();
  let repoAtStart: ReturnType<typeof gitState> | undefined;
  let listener: vscode.Disposable | undefined;

  before(async () => {
    root = workspaceFolder().uri.fsPath;
    roadmap = demoRoadmapUri().toString();
    // a folder without a roadmap, for Initialize; and a git repository, so that a commit would show
    fresh = path.join(root, 'fresh');
    fs.mkdirSync(fresh, { recursive: true });
    fs.writeFileSync(path.join(fresh, '.keep'), '');
    commitAll(root);
    resultsBefore = fs.readdirSync(path.join(root, 'results')).sort();
    decisionsBefore = fs.readdirSync(path.join(root, 'docs', 'decisions')).sort();
    const api = await extensionApi();
    await api.services.store.refresh();
    original = await readDisk(demoRoadmapUri());
    document = await vscode.workspace.openTextDocument(demoRoadmapUri());
    await vscode.window.showTextDocument(document);
    filesAtStart = snapshotFiles(root);
    repoAtStart = gitState(root);
    listener = vscode.tasks.onDidStartTask((e) => {
      if (e.execution.task.definition.type === 'mlroadmap' || e.execution.task.source === 'mlroadmap') started.push(e.execution.task.name);
    });
  });

  after(async () => {
    listener?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const decisionFile = () => path.join(root, 'docs', 'decisions', '0002-shortlist-a-small-cnn.md');

  const cases: { readonly title: string; readonly command: string; readonly args: () => unknown }[] = [
    { title: 'Set Step Status', command: 'mlroadmap.setStepStatus', args: () => ({ roadmap, stepId: 'business-problem', status: 'doing' }) },
    { title: 'Start Next Step', command: 'mlroadmap.startNextStep', args: () => ({ roadmap }) },
    { title: 'Advance Phase (even forced past the gate)', command: 'mlroadmap.advancePhase', args: () => ({ roadmap, force: true, reason: 'test', recordDecision: false }) },
    { title: 'Move Back Phase', command: 'mlroadmap.moveBackPhase', args: () => ({ roadmap, reason: 'test' }) },
    {
      title: 'Add Candidate',
      command: 'mlroadmap.addCandidate',
      args: () => ({ roadmap, id: 'random-forest', title: 'Random forest on raw pixels', basedOn: ['alpaydin98'], cost: { effort_days: 1, compute_hours: 0.5, risk: 'low' } }),
    },
    { title: 'Set Candidate Status', command: 'mlroadmap.setCandidateStatus', args: () => ({ roadmap, candidateId: 'knn', status: 'shortlisted' }) },
    { title: 'Estimate Cost and Benefit', command: 'mlroadmap.estimateCandidate', args: () => ({ roadmap, candidateId: 'knn', effortDays: 2 }) },
    { title: 'Set Metric Target', command: 'mlroadmap.setMetricTarget', args: () => ({ roadmap, metricId: 'accuracy', target: 0.9 }) },
    { title: 'Add Literature', command: 'mlroadmap.addLiterature', args: () => ({ roadmap, id: 'svm', title: 'SVMs on digits', url: 'https://example.com/svm', takeaway: 'Strong on 8x8 digits.' }) },
    { title: 'Add Metric', command: 'mlroadmap.addMetric', args: () => ({ roadmap, id: 'recall_7', kind: 'offline', goal: 'maximize', target: 0.95, why: 'Sevens matter.' }) },
    { title: 'Log Reality Check', command: 'mlroadmap.logRealityCheck', args: () => ({ roadmap, checkId: 'ops-demo', verdict: 'passed', notes: 'test' }) },
    { title: 'Configure Evaluation', command: 'mlroadmap.configureEvaluation', args: () => ({ roadmap, command: 'python3 other.py', dataset: 'data/digits.csv', results: 'results/${candidate}.json', baseline: 'logreg' }) },
    { title: 'Acknowledge Finding', command: 'mlroadmap.acknowledgeFinding', args: () => ({ roadmap, code: 'pitfall/one-architecture', reason: 'test' }) },
    { title: 'Initialize Roadmap (into a folder without one)', command: 'mlroadmap.initialize', args: () => ({ folder: vscode.Uri.file(fresh).toString(), name: 'Fresh', problem: 'A problem', open: false }) },
    { title: 'Evaluate Candidate', command: 'mlroadmap.evaluateCandidate', args: () => ({ roadmap, candidate: 'logreg' }) },
    { title: 'Evaluate All Candidates', command: 'mlroadmap.evaluateAll', args: () => ({ roadmap }) },
    { title: 'Re-run Last Evaluation', command: 'mlroadmap.rerunLastEvaluation', args: () => undefined },
    { title: 'Cancel Job (Slurm)', command: 'mlroadmap.cancelJob', args: () => ({ roadmap, job: '1' }) },
    { title: 'Re-submit Job (Slurm)', command: 'mlroadmap.resubmitJob', args: () => ({ roadmap, job: '1' }) },
    {
      title: 'Scaffold Baseline (complete arguments, overwrite allowed)',
      command: 'mlroadmap.scaffoldBaseline',
      args: () => ({ roadmap, template: 'dumb', dataset: 'data/digits.csv', target: 'label', folder: 'baselines/dumb', name: 'dumb', overwrite: true }),
    },
    {
      title: 'Record Architecture Decision (complete arguments, commit confirmed)',
      command: 'mlroadmap.recordDecision',
      args: () => ({ roadmap, kind: 'choose-candidate', title: 'Go on with the small CNN', candidates: ['cnn', 'mlp'], chosen: 'cnn', rejected: ['mlp'], reason: 'test', confirm: true, initRepo: true, open: false }),
    },
    { title: 'Set Decision Status', command: 'mlroadmap.setDecisionStatus', args: () => ({ roadmap, file: decisionFile(), itemId: '2', contextValue: 'decision', status: 'accepted', confirm: true }) },
    { title: 'Supersede Decision', command: 'mlroadmap.supersedeDecision', args: () => ({ roadmap, number: 2, by: 1, confirm: true }) },
    { title: 'Generate Decision Index', command: 'mlroadmap.generateDecisionIndex', args: () => ({ roadmap, overwrite: true, open: false }) },
    { title: 'Export Discovery Report (file given)', command: 'mlroadmap.exportReport', args: () => ({ roadmap, out: path.join(root, 'discovery-report.html') }) },
  ];

  for (const c of cases) {
    it(`${c.title} (${c.command}) refuses and changes nothing`, async () => {
      const files = snapshotFiles(root);
      const repo = gitState(root);
      const result = await runCommand(c.command, c.args());
      assertRefused(c.command, result);
      assertSameFiles(files, snapshotFiles(root), c.command);
      assert.deepEqual(gitState(root), repo, `${c.command} made no commit and staged nothing`);
      assert.equal(document.getText(), original, `${c.command} did not edit the open roadmap`);
      assert.equal(document.isDirty, false);
      assert.deepEqual(started, [], 'no mlroadmap task was started');
      assert.deepEqual(vscode.tasks.taskExecutions.filter((t) => t.task.definition.type === 'mlroadmap').map((t) => t.task.name), []);
    });
  }

  it('afterwards: no roadmap in the new folder, no results, history, baseline or decision written', async () => {
    // Anything a command started and left running (a save, a write, a task, a commit) has had the whole suite to land.
    assertSameFiles(filesAtStart, snapshotFiles(root), 'the whole suite');
    assert.deepEqual(gitState(root), repoAtStart, 'no commit and nothing staged over the whole suite');
    assert.deepEqual(started, [], 'no mlroadmap task was started');
    assert.equal(fs.existsSync(path.join(fresh, 'mlroadmap.yaml')), false);
    assert.deepEqual(fs.readdirSync(path.join(root, 'results')).sort(), resultsBefore);
    assert.equal(fs.existsSync(path.join(root, '.mlroadmap', 'history.jsonl')), false);
    assert.equal(fs.existsSync(path.join(root, '.mlroadmap', 'jobs.jsonl')), false, 'no Slurm job submitted');
    assert.deepEqual(fs.readdirSync(path.join(root, 'docs', 'decisions')).sort(), decisionsBefore);
    assert.equal(fs.existsSync(path.join(root, 'baselines')), false);
    assert.equal(await readDisk(demoRoadmapUri()), original);
    assert.equal(vscode.workspace.isTrusted, false, 'no command trusted the workspace on its own');
  });
});

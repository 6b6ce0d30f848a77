// Evaluations through a real Slurm cluster (a single-node cluster on the test machine, started by the test
// scripts): submitted from the palette, watched through pending, running and completed, gathered into the history
// with the commit they were submitted on; a failing job, a cancelled one, and a job submitted from a terminal.
import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EvaluateResult } from '../../src/evaluation/commands';
import type { JobsHandle, SubmittedOutcome } from '../../src/jobs';
import type { JobRecord } from '../../src/core/jobs/types';
import { waitFor } from './support/extension';
import { commitAll, git } from './support/git';
import { demoRoadmapUri, extensionApi, readDisk, restoreFile, setFileText, workspaceFolder } from './support/roadmapFile';

const PYTHON = '/usr/bin/python3';
const CANDIDATES = ['majority', 'logreg', 'cnn', 'mlp', 'knn'];

async function jobsHandle(): Promise<JobsHandle> {
  const api = await extensionApi();
  assert.ok(api.services.jobs, 'the jobs feature exposes its handle on services.jobs');
  return api.services.jobs;
}

function historyLines(root: string): Record<string, unknown>[] {
  const file = path.join(root, '.mlroadmap', 'history.jsonl');
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Every line of jobs.jsonl, in order (a job appears once per change). */
function jobLines(root: string): JobRecord[] {
  const file = path.join(root, '.mlroadmap', 'jobs.jsonl');
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as JobRecord);
}

async function evaluate(command: 'mlroadmap.evaluateAll' | 'mlroadmap.evaluateCandidate', args: object = {}): Promise<SubmittedOutcome> {
  const result = await vscode.commands.executeCommand<EvaluateResult>(command, { roadmap: demoRoadmapUri().toString(), ...args });
  assert.ok(result && 'submitted' in result && result.submitted, `the command submitted jobs: ${JSON.stringify(result)}`);
  return result.submitted;
}

/** The demo roadmap with the evaluation sent to Slurm, and `extra` candidates appended. */
function slurmRoadmap(original: string, extraCandidates = ''): string {
  const withExecutor = original.replace(/^evaluation:.*\n/m, (line) => `${line}  executor: slurm\n`);
  return extraCandidates ? withExecutor.replace(/^evaluation:/m, `${extraCandidates}\nevaluation:`) : withExecutor;
}

describe('evaluation on a Slurm cluster', function () {
  this.timeout(240_000);
  let root = '';
  let original = '';
  const saved = new Map<string, Buffer>();

  before(async () => {
    assert.ok(execFileSync('sinfo', ['-h', '-o', '%t']).toString().trim().length > 0, 'the test cluster answers (scripts/slurm-cluster.mjs start)');
    root = workspaceFolder().uri.fsPath;
    original = await readDisk(demoRoadmapUri());
    for (const f of fs.readdirSync(path.join(root, 'results'))) saved.set(f, fs.readFileSync(path.join(root, 'results', f)));
    await vscode.workspace.getConfiguration('mlroadmap').update('pythonPath', PYTHON, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('git').update('enabled', false, vscode.ConfigurationTarget.Global);
    commitAll(root);
    // Each job waits a moment before its command, so the watcher sees it running.
    await setFileText(demoRoadmapUri(), slurmRoadmap(original).replace(/^ {2}executor: slurm\n/m, (l) => `${l}  slurm: { setup: sleep 3 }\n`));
    await jobsHandle();
  });

  after(async () => {
    await restoreFile(demoRoadmapUri(), original);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('mlroadmap').update('pythonPath', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('git').update('enabled', undefined, vscode.ConfigurationTarget.Global);
    fs.rmSync(path.join(root, '.git'), { recursive: true, force: true });
    fs.rmSync(path.join(root, '.mlroadmap'), { recursive: true, force: true });
    for (const f of fs.readdirSync(path.join(root, 'results'))) if (!saved.has(f)) fs.rmSync(path.join(root, 'results', f), { force: true });
    for (const [f, bytes] of saved) fs.writeFileSync(path.join(root, 'results', f), bytes);
    const entry = (await extensionApi()).services.store.get(demoRoadmapUri());
    const evaluation = (await extensionApi()).services as { evaluation?: { index: { reload(e: unknown): Promise<void> } } };
    if (entry) await evaluation.evaluation?.index.reload(entry);
  });

  it('Evaluate All submits one job per candidate; each goes from pending to completed and its result is recorded with the commit it was submitted on', async () => {
    const h = await jobsHandle();
    const entry = (await extensionApi()).services.store.get(demoRoadmapUri())!;
    const submittedOn = git(root, 'rev-parse', 'HEAD');
    const before = historyLines(root).length;
    const submitted = await evaluate('mlroadmap.evaluateAll');
    assert.deepEqual(submitted.errors, []);
    assert.deepEqual(submitted.jobs.map((j) => j.candidate), CANDIDATES);
    assert.ok(submitted.jobs.every((j) => j.state === 'pending' && /^\d+$/.test(j.id)), 'every job starts pending with its Slurm id');
    // The work tree moves on while the jobs wait: the results stay attributed to what was submitted.
    fs.appendFileSync(path.join(root, 'README.md'), '\nchanged after submitting\n');
    git(root, 'commit', '-qam', 'a later commit');
    assert.notEqual(git(root, 'rev-parse', 'HEAD'), submittedOn);

    // The scripts are readable and hold the exact command.
    const script = fs.readFileSync(path.join(root, submitted.jobs[0].script), 'utf8');
    assert.match(script, /^#!\/bin\/bash/);
    assert.match(script, /#SBATCH --job-name=mlroadmap-majority/);
    assert.ok(script.includes('evaluate.py') && script.includes('--candidate') && script.includes('majority'), script);

    const jobs = await h.jobs.whenSettled(entry, 200_000);
    const ours = jobs.filter((j) => submitted.jobs.some((s) => s.id === j.id));
    assert.deepEqual(ours.map((j) => [j.candidate, j.state, j.exitCode, j.gathered?.recorded]), CANDIDATES.map((c) => [c, 'completed', 0, true]));
    assert.ok(ours.every((j) => j.started && j.ended && Date.parse(j.ended) >= Date.parse(j.started)), 'start and end times from Slurm');
    // Every state change is a line: each job was written pending first and completed last.
    const seen = new Set<string>();
    for (const j of ours) {
      const states = jobLines(root).filter((l) => l.id === j.id).map((l) => l.state);
      assert.equal(states[0], 'pending');
      assert.equal(states[states.length - 1], 'completed');
      states.forEach((s) => seen.add(s));
    }
    assert.ok(seen.has('running'), `jobs were seen running on the way: ${[...seen].join(', ')}`);
    const records = historyLines(root).slice(before);
    assert.deepEqual(records.map((r) => r.candidate).sort(), [...CANDIDATES].sort());
    for (const r of records) {
      assert.equal((r.git as { commit: string }).commit, submittedOn, `${String(r.candidate)} is stamped with the submit-time commit`);
      assert.match(String(r.command), /evaluate\.py --candidate/);
    }
    // The sidebar and the CodeLens read the same index: the candidates' latest results are these.
    const index = ((await extensionApi()).services as unknown as { evaluation: { index: { latest(e: unknown, c: string): { record?: { git?: { commit: string } } } | undefined } } }).evaluation.index;
    await waitFor('the index to show the Slurm results', () => CANDIDATES.every((c) => index.latest(entry, c) !== undefined), 15_000);
    // The Jobs view lists the jobs, newest first, with their state (it is rebuilt on the jobs' change event, which may
    // come a moment after the wait for them to settle returned).
    await waitFor('the Jobs view to show the newest job completed', () => /completed/.test(h.provider.getChildren()[0]?.description ?? ''), 10_000);
    const nodes = h.provider.getChildren();
    assert.equal(nodes.length, jobs.length);
    assert.match(nodes[0].description ?? '', /completed/);
    assert.deepEqual(h.jobs.counts(), { pending: 0, running: 0 }, 'nothing left to watch: the status bar count is gone');
  });

  it('a job whose command fails ends failed: exit code, its log, a diagnostic on the candidate and the traceback in Problems', async () => {
    const h = await jobsHandle();
    // evaluate.py raises on a candidate it does not know.
    await setFileText(demoRoadmapUri(), slurmRoadmap(original, '  - id: broken\n    title: Not a model evaluate.py knows\n    status: idea'));
    const entry = (await extensionApi()).services.store.get(demoRoadmapUri())!;
    await waitFor('the roadmap to hold the broken candidate', () => entry.roadmap?.candidates.some((c) => c.id === 'broken') ?? false, 10_000);
    const submitted = await evaluate('mlroadmap.evaluateCandidate', { candidate: 'broken' });
    assert.equal(submitted.jobs.length, 1);
    const id = submitted.jobs[0].id;
    const jobs = await h.jobs.whenSettled(entry, 120_000);
    const job = jobs.find((j) => j.id === id)!;
    assert.equal(job.state, 'failed');
    assert.ok(job.exitCode !== 0 && job.exitCode !== undefined, `a non-zero exit code: ${job.exitCode}`);
    assert.equal(job.gathered?.recorded, false);
    const log = fs.readFileSync(path.join(root, job.log), 'utf8');
    assert.match(log, /Traceback/);
    const failedJob = () => vscode.languages.getDiagnostics(demoRoadmapUri()).find((d) => d.code === 'evaluation/job-failed');
    await waitFor('the failed-job diagnostic on the candidate', () => failedJob() !== undefined, 15_000);
    const onRoadmap = failedJob()!;
    assert.match(onRoadmap.message, new RegExp(`Slurm job ${id} of 'broken'`));
    const line = (await readDisk(demoRoadmapUri())).split('\n').findIndex((l) => l.includes('id: broken'));
    assert.equal(onRoadmap.range.start.line, line, 'on the candidate');
    const traceback = vscode.languages.getDiagnostics(vscode.Uri.file(path.join(root, 'evaluate.py'))).filter((d) => d.source === 'python');
    assert.ok(traceback.length > 0, 'the traceback shows in Problems on evaluate.py');
    // Show Job Log opens the log.
    const shown = await vscode.commands.executeCommand<{ done: boolean; file?: string }>('mlroadmap.showJobLog', { roadmap: demoRoadmapUri().toString(), job: id });
    assert.equal(shown?.file, path.join(root, job.log));
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, path.join(root, job.log));
    // A result of the candidate recorded after the failed job (a later evaluation) clears the failure's diagnostic.
    const later = { candidate: 'broken', metrics: { accuracy: 0.5 }, source: 'results/broken.json', format: 'mlroadmap-result/1', git: null, dataset: null, command: 'a later run', recordedAt: new Date().toISOString() };
    fs.appendFileSync(path.join(root, '.mlroadmap', 'history.jsonl'), JSON.stringify(later) + '\n');
    await waitFor('the failed-job diagnostic to go once a later result is recorded', () => failedJob() === undefined, 15_000);
  });

  it('Cancel Job on a long job ends it cancelled and records nothing', async () => {
    const h = await jobsHandle();
    await setFileText(demoRoadmapUri(), slurmRoadmap(original, '  - id: slow\n    title: Sleeps before it runs\n    status: idea\n    slurm: { setup: sleep 120 }'));
    const entry = (await extensionApi()).services.store.get(demoRoadmapUri())!;
    await waitFor('the roadmap to hold the slow candidate', () => entry.roadmap?.candidates.some((c) => c.id === 'slow') ?? false, 10_000);
    const before = historyLines(root).length;
    const submitted = await evaluate('mlroadmap.evaluateCandidate', { candidate: 'slow' });
    const id = submitted.jobs[0].id;
    await waitFor('the slow job to run', async () => (await h.jobs.whenRead(), h.jobs.jobsOf(entry).find((j) => j.id === id)?.state === 'running'), 60_000);
    assert.match(h.statusBar.text, /1 running/);
    const cancelled = await vscode.commands.executeCommand<{ done: boolean }>('mlroadmap.cancelJob', { roadmap: demoRoadmapUri().toString(), job: id });
    assert.equal(cancelled?.done, true);
    const jobs = await h.jobs.whenSettled(entry, 60_000);
    assert.equal(jobs.find((j) => j.id === id)?.state, 'cancelled');
    assert.equal(historyLines(root).length, before, 'nothing recorded');
  });

  it('a job submitted from a terminal (mlroadmap evaluate) is watched and gathered by the window, as after a reload', async () => {
    const h = await jobsHandle();
    await setFileText(demoRoadmapUri(), slurmRoadmap(original));
    const entry = (await extensionApi()).services.store.get(demoRoadmapUri())!;
    const cli = path.join(vscode.extensions.getExtension('mlroadmap.mlroadmap')!.extensionPath, 'dist', 'cli.js');
    const before = historyLines(root).length;
    // Submitted without --wait: the terminal leaves the job to whoever watches it.
    const out = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [cli, 'evaluate', 'knn', '--python', PYTHON, '--json'], { cwd: root, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += String(d)));
      child.stderr.on('data', (d) => (stderr += String(d)));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    assert.equal(out.code, 0, out.stderr);
    const id = (JSON.parse(out.stdout) as { evaluations: { job: string }[] }).evaluations[0].job;
    await waitFor('the window to see the terminal\'s job', async () => (await h.jobs.whenRead(), h.jobs.jobsOf(entry).some((j) => j.id === id)), 20_000);
    const jobs = await h.jobs.whenSettled(entry, 120_000);
    assert.equal(jobs.find((j) => j.id === id)?.gathered?.recorded, true);
    const records = historyLines(root).slice(before);
    assert.deepEqual(records.map((r) => r.candidate), ['knn'], 'recorded once, by the window');
  });

  it('Re-submit Job submits an ended job\'s candidate again, as a new job that is recorded too', async () => {
    const h = await jobsHandle();
    const entry = (await extensionApi()).services.store.get(demoRoadmapUri())!;
    await h.jobs.whenRead();
    const ended = [...h.jobs.jobsOf(entry)].reverse().find((j) => j.candidate === 'knn' && j.state === 'completed');
    assert.ok(ended, 'an ended knn job from the test before');
    const before = historyLines(root).length;
    const result = await vscode.commands.executeCommand<SubmittedOutcome>('mlroadmap.resubmitJob', { roadmap: demoRoadmapUri().toString(), job: ended.id });
    assert.equal(result?.done, true, JSON.stringify(result));
    assert.equal(result.jobs.length, 1);
    assert.notEqual(result.jobs[0].id, ended.id);
    assert.equal(result.jobs[0].candidate, 'knn');
    const jobs = await h.jobs.whenSettled(entry, 120_000);
    assert.equal(jobs.find((j) => j.id === result.jobs[0].id)?.gathered?.recorded, true);
    assert.deepEqual(historyLines(root).slice(before).map((r) => r.candidate), ['knn']);
  });

  it('a candidate that overrides the executor runs here while the others go to Slurm, from one Evaluate All', async () => {
    const h = await jobsHandle();
    const local = slurmRoadmap(original).replace(/^ {2}- id: knn\n/m, (l) => `${l}    executor: local\n`);
    await setFileText(demoRoadmapUri(), local);
    const entry = (await extensionApi()).services.store.get(demoRoadmapUri())!;
    await waitFor('the roadmap to run knn here', () => entry.roadmap?.candidates.find((c) => c.id === 'knn')?.executor === 'local', 10_000);
    const before = historyLines(root).length;
    const result = await vscode.commands.executeCommand<EvaluateResult>('mlroadmap.evaluateAll', { roadmap: demoRoadmapUri().toString() });
    assert.ok(result && 'steps' in result, `a local run beside the jobs: ${JSON.stringify(result)}`);
    assert.deepEqual(result.steps.map((s) => s.candidate), ['knn'], 'only knn ran here');
    assert.equal(result.ok, true);
    assert.deepEqual(result.submitted?.jobs.map((j) => j.candidate), ['majority', 'logreg', 'cnn', 'mlp']);
    await h.jobs.whenSettled(entry, 200_000);
    assert.deepEqual(historyLines(root).slice(before).map((r) => r.candidate).sort(), [...CANDIDATES].sort());
  });
});

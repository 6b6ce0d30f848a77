// Evaluate All with `evaluation.parallel` on the demo project inside the real extension host: each candidate's own
// task, at most N at once, every record kept in the history; N = 1 is the one sequential "evaluate all" task; a task
// stopped mid-run cancels only its candidate and starts no further one.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EvaluationHandle, ServicesWithEvaluation } from '../../src/evaluation';
import type { EvaluateResult } from '../../src/evaluation/commands';
import { waitFor } from './support/extension';
import { demoRoadmapUri, extensionApi, restoreDemoRoadmapAfterEach, restoreFile, workspaceFolder } from './support/roadmapFile';

const PYTHON = '/usr/bin/python3';
/** The demo's candidates, in roadmap order. */
const CANDIDATES = ['majority', 'logreg', 'cnn', 'mlp', 'knn'];
/** Where the test's evaluation writes, under the workspace folder. */
const OUT = '.parallel-test';

/**
 * The evaluation: notes when it starts and ends (seconds since the epoch) beside its results, sleeping in between
 * (1.5 s, or what OUT/sleep-<candidate> says), and writes a result in the extension's own format.
 */
const SCRIPT = `import json, os, sys, time
candidate, out = sys.argv[1], sys.argv[2]
folder = ${JSON.stringify(OUT)}
started = time.time()
open(os.path.join(folder, candidate + ".started"), "w").write(repr(started))
sleep = os.path.join(folder, "sleep-" + candidate)
time.sleep(float(open(sleep).read()) if os.path.exists(sleep) else 1.5)
json.dump({"format": "mlroadmap-result/1", "candidate": candidate, "metrics": {"accuracy": 0.5}}, open(out, "w"))
open(os.path.join(folder, candidate + ".times"), "w").write(json.dumps([started, time.time()]))
print(candidate + ": done")
`;

async function handle(): Promise<EvaluationHandle> {
  const evaluation = ((await extensionApi()).services as ServicesWithEvaluation).evaluation;
  assert.ok(evaluation, 'the evaluation feature exposes its handle on services.evaluation');
  return evaluation;
}

/** Every line of the history, each one parsed (a line that is not whole JSON fails the test). */
function historyLines(root: string): { candidate: string }[] {
  const file = path.join(root, '.mlroadmap', 'history.jsonl');
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, 'utf8');
  assert.ok(text === '' || text.endsWith('\n'), 'the history ends with a whole line');
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l) as { candidate: string };
      } catch {
        assert.fail(`history line ${i + 1} is not JSON: ${l.slice(0, 200)}`);
      }
    });
}

/** The most evaluations that ran at once, from the start and end times they noted. */
function mostAtOnce(intervals: readonly (readonly [number, number])[]): number {
  const events = intervals.flatMap(([start, end]) => [
    { at: start, delta: 1 },
    { at: end, delta: -1 },
  ]);
  // An end and a start at the same instant do not overlap.
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let now = 0;
  let most = 0;
  for (const e of events) most = Math.max(most, (now += e.delta));
  return most;
}

/** Counts the mlroadmap tasks started and the most running at once while `run` runs. */
async function watchingTasks<T>(run: () => Thenable<T>): Promise<{ result: T; started: string[]; mostTasks: number }> {
  const started: string[] = [];
  let running = 0;
  let mostTasks = 0;
  const subs = [
    vscode.tasks.onDidStartTask((e) => {
      if (e.execution.task.definition.type !== 'mlroadmap') return;
      started.push(e.execution.task.name);
      mostTasks = Math.max(mostTasks, ++running);
    }),
    vscode.tasks.onDidEndTask((e) => {
      if (e.execution.task.definition.type === 'mlroadmap') running--;
    }),
  ];
  try {
    const result = await run();
    return { result, started, mostTasks };
  } finally {
    subs.forEach((s) => s.dispose());
  }
}

describe('Evaluate All with evaluation.parallel (local tasks)', function () {
  this.timeout(180_000);
  let root = '';
  /** The history before the suite (another suite's runs), put back after it; undefined when there was none. */
  let history: string | undefined;
  const original = restoreDemoRoadmapAfterEach();

  /** The demo's roadmap with the test's evaluation command, and `parallel: n` when given. */
  async function useEvaluation(parallel?: number): Promise<void> {
    const text = original();
    const command = '  command: ${python} evaluate.py --candidate ${candidate} --dataset ${dataset} --out ${results}\n';
    const results = '  results: results/${candidate}.json\n';
    assert.ok(text.includes(command) && text.includes(results), 'the demo evaluation as the test knows it');
    const edited = text
      .replace(command, `  command: ${PYTHON} ${OUT}/slow_eval.py \${candidate} \${results}\n`)
      .replace(results, `  results: ${OUT}/\${candidate}.json\n${parallel !== undefined ? `  parallel: ${parallel}\n` : ''}`);
    await restoreFile(demoRoadmapUri(), edited);
    const entry = (await extensionApi()).services.store.get(demoRoadmapUri());
    assert.equal(entry?.roadmap?.evaluation?.parallel, parallel, 'the roadmap is read with its parallel key');
  }

  function times(): [number, number][] {
    return CANDIDATES.map((c) => JSON.parse(fs.readFileSync(path.join(root, OUT, `${c}.times`), 'utf8')) as [number, number]);
  }

  before(async () => {
    root = workspaceFolder().uri.fsPath;
    const file = path.join(root, '.mlroadmap', 'history.jsonl');
    history = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    await handle();
  });

  beforeEach(() => {
    fs.rmSync(path.join(root, OUT), { recursive: true, force: true });
    fs.mkdirSync(path.join(root, OUT));
    fs.writeFileSync(path.join(root, OUT, 'slow_eval.py'), SCRIPT);
  });

  after(async () => {
    fs.rmSync(path.join(root, OUT), { recursive: true, force: true });
    if (history === undefined) fs.rmSync(path.join(root, '.mlroadmap'), { recursive: true, force: true });
    else fs.writeFileSync(path.join(root, '.mlroadmap', 'history.jsonl'), history);
    const entry = (await extensionApi()).services.store.get(demoRoadmapUri());
    if (entry) await (await handle()).index.reload(entry);
  });

  it('parallel: 2 runs each candidate as its own task, two at once and never more, and keeps every record', async () => {
    await useEvaluation(2);
    const before = historyLines(root).length;
    const { result, started, mostTasks } = await watchingTasks(() =>
      vscode.commands.executeCommand<EvaluateResult>('mlroadmap.evaluateAll', { roadmap: demoRoadmapUri().toString() }),
    );
    assert.equal(result.done, true, JSON.stringify(result));
    assert.ok('steps' in result);
    assert.deepEqual([result.candidate, result.ok, result.exitCode, result.cancelled], ['*', true, 0, false]);
    assert.deepEqual(result.steps.map((s) => [s.candidate, s.exitCode, s.record?.candidate]), CANDIDATES.map((c) => [c, 0, c]), 'every step, in roadmap order');
    assert.deepEqual([...started].sort(), CANDIDATES.map((c) => `evaluate ${c}`).sort(), 'one task per candidate, no "evaluate all"');
    // A slot is free once a candidate's evaluation ended: its terminal stays open a moment longer (tasks.ts), so the
    // task system may count one more task while the next candidate starts.
    assert.ok(mostTasks >= 2, 'tasks run at once');
    assert.equal(mostAtOnce(times()), 2, `two evaluations overlap in time, never three: ${JSON.stringify(times())}`);

    const lines = historyLines(root);
    assert.equal(lines.length, before + CANDIDATES.length, 'one new record per candidate');
    assert.deepEqual(lines.slice(before).map((l) => l.candidate).sort(), [...CANDIDATES].sort());
    const h = await handle();
    assert.deepEqual(
      [h.evaluations.last?.roadmap.toString(), h.evaluations.last?.candidate],
      [demoRoadmapUri().toString(), '*'],
      'Re-run Last Evaluation evaluates all candidates again',
    );
  });

  it('parallel: 1 (or none) is the one "evaluate all" task, the candidates one after the other', async () => {
    await useEvaluation(1);
    const before = historyLines(root).length;
    const { result, started } = await watchingTasks(() =>
      vscode.commands.executeCommand<EvaluateResult>('mlroadmap.evaluateAll', { roadmap: demoRoadmapUri().toString() }),
    );
    assert.equal(result.done, true, JSON.stringify(result));
    assert.ok('steps' in result);
    assert.deepEqual(result.steps.map((s) => s.candidate), CANDIDATES);
    assert.deepEqual(started, ['evaluate all']);
    assert.equal(mostAtOnce(times()), 1, `no overlap: ${JSON.stringify(times())}`);
    assert.equal(historyLines(root).length, before + CANDIDATES.length, 'one new record per candidate');
  });

  it('while a parallel Evaluate All runs, the "evaluate all" task (Tasks: Run Task) and one running candidate are refused, so no candidate runs twice', async () => {
    await useEvaluation(2);
    fs.writeFileSync(path.join(root, OUT, 'sleep-majority'), '4');
    const before = historyLines(root).length;
    const h = await handle();
    const running = vscode.commands.executeCommand<EvaluateResult>('mlroadmap.evaluateAll', { roadmap: demoRoadmapUri().toString() });
    await waitFor('majority to run', () => fs.existsSync(path.join(root, OUT, 'majority.started')), 30_000);
    const io = { write: () => undefined, onCancel: () => undefined };
    const all = await h.evaluations.execute(demoRoadmapUri(), '*', io);
    const again = await h.evaluations.execute(demoRoadmapUri(), 'majority', io);
    assert.deepEqual([all.ok, all.steps.length, all.message], [false, 0, 'The evaluation of majority is already running.']);
    assert.deepEqual([again.ok, again.steps.length, again.message], [false, 0, 'The evaluation of majority is already running.']);
    const result = await running;
    assert.equal(result.done, true, JSON.stringify(result));
    // The other way round: while all candidates run as one task, a candidate's own run is refused.
    assert.equal(historyLines(root).length, before + CANDIDATES.length);
    fs.writeFileSync(path.join(root, OUT, 'sleep-majority'), '3');
    fs.rmSync(path.join(root, OUT, 'majority.started'));
    const sequential = h.evaluations.execute(demoRoadmapUri(), '*', io);
    await waitFor('majority to run again', () => fs.existsSync(path.join(root, OUT, 'majority.started')), 30_000);
    const one = await h.evaluations.execute(demoRoadmapUri(), 'knn', io);
    assert.deepEqual([one.ok, one.message], [false, 'The evaluation of all candidates is already running.']);
    assert.equal((await sequential).ok, true);
    const lines = historyLines(root).slice(before).map((l) => l.candidate);
    assert.deepEqual([...lines].sort(), [...CANDIDATES, ...CANDIDATES].sort(), `each candidate recorded once per Evaluate All: ${lines.join(', ')}`);
  });

  it('a task stopped mid-run cancels its candidate only: the one running beside it is recorded, no further one starts', async () => {
    await useEvaluation(2);
    fs.writeFileSync(path.join(root, OUT, 'sleep-majority'), '60');
    fs.writeFileSync(path.join(root, OUT, 'sleep-logreg'), '3');
    const before = historyLines(root).length;
    const { result, started } = await watchingTasks(async () => {
      const running = vscode.commands.executeCommand<EvaluateResult>('mlroadmap.evaluateAll', { roadmap: demoRoadmapUri().toString() });
      await waitFor('majority and logreg to run', () => ['majority', 'logreg'].every((c) => fs.existsSync(path.join(root, OUT, `${c}.started`))), 30_000);
      const majority = vscode.tasks.taskExecutions.find((e) => e.task.name === 'evaluate majority');
      assert.ok(majority, 'majority runs as its own task');
      majority.terminate();
      return running;
    });
    assert.equal(result.done, false);
    assert.ok('steps' in result, JSON.stringify(result));
    assert.deepEqual([result.ok, result.cancelled, result.exitCode], [false, true, 1]);
    assert.deepEqual(
      result.steps.map((s) => [s.candidate, s.cancelled, s.record?.candidate]),
      [
        ['majority', true, undefined],
        ['logreg', false, 'logreg'],
      ],
    );
    assert.equal(
      result.message,
      'Evaluation of majority was cancelled; nothing was recorded. Evaluation of all candidates was cancelled: 3 of 5 candidate(s) were not evaluated.',
    );
    assert.deepEqual([...started].sort(), ['evaluate logreg', 'evaluate majority']);
    const lines = historyLines(root);
    assert.deepEqual(lines.slice(before).map((l) => l.candidate), ['logreg'], "logreg's record is kept, nothing else recorded");
  });
});

// The Discovery report's snapshot says what the CLI says: the same pitfall findings and gate as `mlroadmap check
// --json`, the same latest values (formatted by the one formatter) as `mlroadmap results --json` on each candidate's
// results file, the same records as `mlroadmap decisions --json`, on the demo and the parity fixtures.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { runCheck } from '../../../src/cli/check';
import { runDecisions } from '../../../src/cli/decisions';
import { memoryIo } from '../../../src/cli/io';
import { runResults } from '../../../src/cli/results';
import { loadReportSnapshot } from '../../../src/core/report/load';
import { formatNumber } from '../../../src/core/results/numbers';
import { evidenceWorkspace, HOSTILE_OPTION } from './evidenceWorkspace';

const ROOT = path.resolve(__dirname, '../../..');
const DEMO = path.join(ROOT, 'examples/digits/mlroadmap.yaml');
const PARITY = path.join(ROOT, 'test/fixtures/parity');
const ROADMAPS = [DEMO, ...['pipeline', 'hand-written', 'edited-after-run'].map((n) => path.join(PARITY, n, 'mlroadmap.yaml'))];

async function cliJson<T>(run: typeof runCheck, args: string[], cwd: string): Promise<T> {
  const io = memoryIo(cwd);
  await run(args, io);
  return JSON.parse(io.stdout.join('\n')) as T;
}

interface CheckJson {
  diagnostics: { code: string; severity: string; message: string; line: number }[];
  gate?: { target: string; passed: boolean; unmet: { id: string; message: string }[] };
}

describe('report snapshot = the CLI JSON', () => {
  for (const file of ROADMAPS) {
    const name = path.relative(ROOT, file);
    const root = path.dirname(file);

    it(`findings and gate as mlroadmap check on ${name}`, async () => {
      const snapshot = await loadReportSnapshot(file, name);
      const check = await cliJson<CheckJson>(runCheck, [file, '--json', '--gate', 'production'], root);
      const key = (d: { code: string; severity: string; message: string; line: number }) => `${d.line} ${d.code} ${d.severity} ${d.message}`;
      assert.deepEqual(snapshot.findings.map(key).sort(), check.diagnostics.filter((d) => d.code.startsWith('pitfall/')).map(key).sort());
      assert.equal(snapshot.project.phase, 'discovery');
      assert.deepEqual(snapshot.gate && { to: snapshot.gate.to, passed: snapshot.gate.passed, unmet: snapshot.gate.unmet }, {
        to: check.gate?.target,
        passed: check.gate?.passed,
        unmet: check.gate?.unmet.map((u) => u.message),
      });
    });

    it(`latest values as mlroadmap results on ${name}`, async () => {
      const snapshot = await loadReportSnapshot(file, name);
      let compared = 0;
      for (const row of snapshot.compare.rows) {
        const results = path.join(root, 'results', `${row.id}.json`);
        if (!existsSync(results)) continue;
        const out = await cliJson<{ runs: { metrics: Record<string, { last: number }> }[] }>(runResults, ['--json', results], root);
        for (const cell of row.metrics) {
          const last = out.runs[0]?.metrics[cell.metric]?.last;
          assert.equal(cell.value?.text, last === undefined ? undefined : formatNumber(last), `${row.id} ${cell.metric}`);
          if (last !== undefined) compared++;
        }
      }
      assert.ok(compared >= 2, `compared ${compared} values`);
    });
  }

  it('the demo: decisions as mlroadmap decisions, deltas against the baseline, ranks with their formula', async () => {
    const root = path.dirname(DEMO);
    const snapshot = await loadReportSnapshot(DEMO, 'mlroadmap.yaml');
    const decisions = await cliJson<{ decisions: { number: number; title: string; status: string | null; date: string | null }[] }>(runDecisions, ['--json', 'docs/decisions'], root);
    assert.deepEqual(
      snapshot.decisions.map((d) => [Number(d.number), d.title, d.status ?? null, d.date ?? null]),
      decisions.decisions.map((d) => [d.number, d.title, d.status, d.date]),
    );
    assert.equal(snapshot.project.name, 'Digit recognizer');
    assert.equal(snapshot.project.deadline, '2027-03-31');
    assert.deepEqual(snapshot.progress, { phase: 'discovery', done: 5, total: 12 });
    assert.deepEqual(snapshot.groups.slice(0, 5).map((g) => [g.title, g.done, g.total]), [
      ['Understand', 3, 3],
      ['Define', 2, 3],
      ['Ideate', 0, 2],
      ['Prototype', 0, 2],
      ['Test', 0, 2],
    ]);
    const logreg = snapshot.compare.rows.find((r) => r.id === 'logreg');
    const accuracy = logreg?.metrics.find((m) => m.metric === 'accuracy');
    assert.deepEqual([accuracy?.value?.text, accuracy?.delta?.text, accuracy?.targetMet, logreg?.result?.notFromPipeline], ['0.9721', '+0.8718', true, true]);
    assert.deepEqual(snapshot.compare.rows.filter((r) => r.rank).map((r) => [r.id, r.rank?.position]), [['cnn', 3], ['mlp', 2], ['knn', 1]]);
    assert.match(snapshot.compare.rankFormula, /^score = gain × confidence weight ÷ cost/);
    assert.deepEqual(snapshot.realityChecks.map((r) => [r.id, r.verdict]), [['ops-demo', 'planned']]);
    assert.ok(snapshot.compare.scatter.points.length >= 3);
  });

  it("each decision's embedded evidence, as the decision reader reads it; none for records that embed none", async () => {
    const ws = evidenceWorkspace();
    try {
      const snapshot = await loadReportSnapshot(ws.roadmap, 'mlroadmap.yaml');
      assert.deepEqual(
        snapshot.decisions.map((d) => [d.number, d.evidence.map((o) => o.candidate)]),
        [['0001', []], ['0002', []], ['0003', ['cnn', 'mlp']], ['0004', []]],
      );
      const cnn = snapshot.decisions[2].evidence[0];
      assert.equal(cnn.title, HOSTILE_OPTION);
      assert.equal(cnn.evaluation, 'accuracy 0.983 (baseline 0.1003, delta +0.8827), commit 3f2a9c1, measured 2026-11-30T10:00:00Z');
    } finally {
      ws.cleanup();
    }
  });
});

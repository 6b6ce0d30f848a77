// The results core speaks the display language: every problem a reader reports, every stale-result finding and its
// action, every command template and evaluation plan error, and the comparison report's prose go through l10n. Run
// over the result fixtures and broken files of every format with the pseudo-translation in place.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildArgv, buildShellCommand, splitTemplate } from '../../../src/core/results/commandTemplate';
import { comparisonReport, formatAge, type ReportInput } from '../../../src/core/results/comparisonReport';
import { mergeResults } from '../../../src/core/results/evaluated';
import { describeFsError, formatBytes } from '../../../src/core/results/file-access';
import { fingerprintFile } from '../../../src/core/results/fingerprint';
import { readHistory, type HistoryRecord } from '../../../src/core/results/history';
import { readMlflowRun } from '../../../src/core/results/mlflow-reader';
import { validateOwnResult } from '../../../src/core/results/own-format';
import { describeCut } from '../../../src/core/results/per-class';
import { planEvaluations } from '../../../src/core/results/plan';
import { allProblems, readResultFile, readResults } from '../../../src/core/results/read-results';
import type { Roadmap } from '../../../src/core/roadmap/model';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import { FIXTURES, tempDir } from '../results/helpers';
import { dataWords, outside, untranslated, withPseudoL10n } from '../support/pseudoL10n';
import { DEMO_ROADMAP, minimalRoadmap } from '../support/roadmaps';

/** Words of a composed text that are neither in a translated span nor part of the data it was made from. */
function strayWords(text: string, data: unknown): string[] {
  const allowed = [...dataWords(data)];
  return [...new Set(outside(text).match(/[A-Za-z]{2,}/g) ?? [])].filter((w) => !allowed.some((d) => d.includes(w)));
}

function roadmapOf(text: string): Roadmap {
  const { roadmap } = parseRoadmap(text);
  assert.ok(roadmap);
  return roadmap;
}

/** Broken result files of every format, and the folders the readers refuse. */
function writeBrokenFiles(dir: string): void {
  const write = (name: string, text: string | Buffer) => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  };
  write('binary/metrics.csv', Buffer.from([0x61, 0x00, 0x62]));
  write('binary/metrics.jsonl', Buffer.from([0x7b, 0x00, 0x7d]));
  write('binary/scores.json', Buffer.from([0x7b, 0x00, 0x7d]));
  write('csv/empty/metrics.csv', '');
  write('csv/ragged/metrics.csv', 'step,loss\n1,0.5,9\n2,0.4\n');
  write('csv/quotes/metrics.csv', 'step,loss\n1,"0.5\n');
  write('jsonl/bad/metrics.jsonl', ['{"loss": 1}', 'not json', '[1, 2]', '{"loss": NaN}', '{"loss": NaN}', '{"acc": NaN}', 'x'.repeat(200)].join('\n'));
  write('jsonl/text/metrics.jsonl', '{"note": "no numbers"}\n');
  write('jsonl/many/metrics.jsonl', 'nope\n'.repeat(120));
  write('json/list/scores.json', '[1, 2, 3]');
  write('json/broken/scores.json', '{"accuracy": ');
  write('json/text/scores.json', '{"note": "none"}');
  write('dvc/bad-yaml/dvc.yaml', 'stages: [unclosed');
  write('dvc/no-metrics/dvc.yaml', 'stages:\n  train:\n    cmd: python train.py\n');
  write('dvc/odd/dvc.yaml', 'metrics:\n  - scores.txt\n  - list.yaml\n  - broken.yaml\n');
  write('dvc/odd/scores.txt', 'accuracy 0.9\n');
  write('dvc/odd/list.yaml', '- 1\n- 2\n');
  write('dvc/odd/broken.yaml', 'a: [1\n');
  write('hf/out/trainer_state.json', '{"best_metric": 0.9}');
  write('hf/out/all_results.json', '{"eval_loss": ');
  write('mlflow/run/meta.yaml', 'name: run\n');
  write('mlflow/run/metrics/loss', `1 0.5 0\nnot a line\n1 ${'9'.repeat(200)} 1\n`);
  write('mlflow/run/metrics/acc/sub', '1 0.5 0\n');
  write('mlflow/no-metrics/meta.yaml', 'name: run\n');
  mkdirSync(path.join(dir, 'mlflow/no-metrics/metrics-missing'), { recursive: true });
  const classes = Object.fromEntries(Array.from({ length: 1003 }, (_, i) => [`c${i}`, Object.fromEntries(Array.from({ length: 52 }, (_, k) => [`m${k}`, 0.5]))]));
  write('own/cut.json', JSON.stringify({ format: 'mlroadmap-result/1', candidate: 'cnn', metrics: { acc: 0.5 }, per_class: classes }));
  write('own/future.json', JSON.stringify({ format: 'mlroadmap-result/9', candidate: 'cnn', metrics: {} }));
  write('own/none.json', JSON.stringify({ format: 'other', candidate: 'cnn', metrics: {} }));
  write('unknown/notes.txt', 'hello');
  mkdirSync(path.join(dir, 'empty-folder'), { recursive: true });
  write('history.jsonl', ['not json', '[1]', '{"metrics": {}}', '{"candidate": "cnn"}', '{"candidate": "cnn", "metrics": {}, "recordedAt": "never"}', ''].join('\n'));
}

describe('l10n: the results core', function () {
  this.timeout(60_000);

  it('every problem of every reader, every finding, error and report line is translated', async () => {
    const dir = tempDir();
    try {
      writeBrokenFiles(dir);
      const texts: string[] = [];
      const composed: { text: string; data: unknown }[] = [];
      await withPseudoL10n(async () => {
        // Readers: the fixtures of every format, then the broken files.
        const fixtures = await readResults([FIXTURES]);
        const broken = await readResults([dir, path.join(dir, 'no-such-file.csv'), path.join(dir, 'empty-folder'), path.join(dir, 'unknown/notes.txt')], {
          maxLineBytes: 100,
        });
        const truncated = await readResults([FIXTURES], { maxEntries: 3 });
        const small = await readResults([path.join(dir, 'json/text/scores.json')], { maxWholeFileBytes: 2 });
        const direct = [
          ...(await readResultFile(path.join(dir, 'csv'), 'json')),
          ...(await readResultFile(path.join(dir, 'no-such.json'), 'json')),
          ...(await readResultFile(path.join(dir, 'no-such.jsonl'), 'jsonl')),
          ...(await readResultFile(path.join(dir, 'json/list/scores.json'), 'json')),
          await readMlflowRun(path.join(dir, 'mlflow/no-metrics')),
        ];
        for (const out of [fixtures, broken, truncated, small]) texts.push(...allProblems(out).map((p) => p.message));
        texts.push(...direct.flatMap((r) => r.problems.map((p) => p.message)));

        const history = await readHistory(path.join(dir, 'history.jsonl'));
        texts.push(...history.problems.map((p) => p.message));
        const fingerprint = await fingerprintFile(path.join(dir, 'no-such-data.csv'), new Map());
        assert.equal(fingerprint.ok, false);
        if (!fingerprint.ok) texts.push(fingerprint.message);

        texts.push(...['ENOENT', 'EACCES', 'EPERM', 'EISDIR'].map((code) => describeFsError(Object.assign(new Error(code), { code }))));
        texts.push(formatBytes(12), formatBytes(4096), formatBytes(5 * 1024 * 1024));

        // The own format's checks, field by field.
        for (const value of [
          [],
          { format: 'mlroadmap-result/2' },
          { format: 'other' },
          { format: 'mlroadmap-result/1', candidate: '', metrics: 'x', extra: 1 },
          {
            format: 'mlroadmap-result/1',
            candidate: 'cnn',
            metrics: { a: 'high', b: null, c: [1], d: true, e: 'x'.repeat(60) },
            per_class: { cat: 'x', dog: { acc: 'y' } },
            slices: 3,
            dataset: { path: 'data.csv', sha256: 'nope' },
            command: 3,
            git: { commit: 'zz' },
            started: 'yesterday',
          },
          { format: 'mlroadmap-result/1', candidate: 'cnn', metrics: {}, dataset: 1 },
          { format: 'mlroadmap-result/1', candidate: 'cnn', metrics: {}, dataset: { path: '' } },
          { format: 'mlroadmap-result/1', candidate: 'cnn', metrics: {}, dataset: { path: 'd.csv', sha256: 'a'.repeat(64), rows: -1 } },
          { format: 'mlroadmap-result/1', candidate: 'cnn', metrics: {}, started: '2025-03-02T00:00:00Z', finished: '2025-03-01T00:00:00Z' },
        ]) {
          const check = validateOwnResult(value);
          texts.push(...check.errors, ...check.warnings);
        }
        for (const cut of [{ classes: 1, metrics: 0 }, { classes: 0, metrics: 1 }, { classes: 2, metrics: 3 }]) texts.push(describeCut(cut) ?? '');

        // Command templates and evaluation plans.
        for (const template of ["python 'x", 'python "x', '   ']) {
          const split = splitTemplate(template);
          if (!split.ok) texts.push(split.error);
        }
        for (const out of [buildArgv('${python} ${nope} ${candidate}', {}), buildShellCommand('  ', {}), buildShellCommand('${results} ${dataset}', { candidate: 'a' })]) {
          if (!out.ok) texts.push(out.error);
        }
        const demo = roadmapOf(DEMO_ROADMAP);
        const base = { root: dir, workspaceFolder: dir, python: 'python3' };
        for (const [roadmap, candidates] of [
          [roadmapOf(minimalRoadmap()), ['a']],
          [roadmapOf(DEMO_ROADMAP.replace(/candidates:[\s\S]*?evaluation:/, 'candidates: []\nevaluation:')), []],
          [demo, ['nope']],
          [roadmapOf(DEMO_ROADMAP.replace('  results: results/${candidate}.json\n', '')), ['cnn']],
          [roadmapOf(DEMO_ROADMAP.replace('--out ${results}', '--out ${results} ${nope}')), ['cnn']],
          [roadmapOf(DEMO_ROADMAP.replace('  baseline: majority\n', '  baseline: majority\n  shell: true\n').replace('--out ${results}', "--out ${results} ${nope}")), ['cnn']],
        ] as const) {
          const plan = planEvaluations({ ...base, roadmap, candidates });
          assert.equal(plan.ok, false);
          if (!plan.ok) texts.push(plan.error);
        }

        // Results not from the pipeline and stale ones: messages and the actions that fix them.
        const record = (candidate: string, sha: string, command: string, at = '2025-03-01T00:00:00Z'): HistoryRecord => ({
          candidate,
          metrics: { accuracy: 0.5 },
          source: `results/${candidate}.json`,
          format: 'mlroadmap',
          git: null,
          dataset: { path: 'data/digits.csv', sha256: sha, size: 1, mtimeMs: 1 },
          command,
          recordedAt: at,
        });
        const file = (candidate: string): HistoryRecord => ({ ...record(candidate, 'c'.repeat(64), 'x', '2025-04-01T00:00:00Z'), metrics: { accuracy: 0.9 }, command: null });
        const merged = mergeResults(demo, {
          history: [record('majority', 'a'.repeat(64), 'old'), record('logreg', 'b'.repeat(64), 'old'), record('forest', 'a'.repeat(64), 'old')],
          files: new Map([
            ['forest', file('forest')],
            ['cnn', file('cnn')],
          ]),
          datasetFingerprint: { sha256: 'a'.repeat(64) },
          currentCommand: (id) => `python3 evaluate.py --candidate ${id}`,
        });
        assert.deepEqual(new Set(merged.findings.map((f) => f.kind)), new Set(['not-from-pipeline', 'dataset-changed', 'command-changed', 'baseline-different-data']));
        texts.push(...merged.findings.flatMap((f) => [f.message, f.action ?? '']));

        // The comparison report and the ages it shows.
        const now = new Date('2025-03-01T12:00:00Z');
        texts.push(...['2025-03-01T11:59:30Z', '2025-03-01T11:55:00Z', '2025-03-01T10:00:00Z', '2025-02-25T12:00:00Z'].map((t) => formatAge(t, now)));
        const metrics = [
          { id: 'acc', goal: 'maximize' as const, target: 0.97 },
          { id: 'lat', goal: 'minimize' as const },
        ];
        const cnn = { metrics: { acc: 0.96, lat: 14, f1: 0.9 }, at: '2025-03-01T10:00:00Z', commit: '3f2a9c1d7e0b8a6f', dirty: true, datasetSha256: 'a'.repeat(64), command: 'python eval.py', source: 'results/cnn.json', stale: 'zzz', notFromPipeline: true };
        const dumb = { metrics: { acc: 0.1, lat: 14 }, at: '2025-02-27T12:00:00Z', commit: '1111111111111111', datasetSha256: 'b'.repeat(64), notFromPipeline: true, stale: 'yyy' };
        const inputs: ReportInput[] = [
          { metrics, candidate: 'cnn', result: cnn, baselineId: 'dumb', baseline: dumb, now },
          { metrics, candidate: 'cnn', result: cnn, baselineId: 'dumb', baseline: dumb, now, onlyDifferences: true },
          { metrics, candidate: 'cnn', result: cnn, baselineId: 'dumb', now },
          { metrics, candidate: 'dumb', result: dumb, baselineId: 'dumb', now },
          { metrics, candidate: 'cnn', baselineId: 'dumb', now },
        ];
        for (const input of inputs) composed.push({ text: comparisonReport(input), data: input });
      });

      const all = texts.filter((t) => t !== '');
      assert.deepEqual(untranslated(all), []);
      assert.ok(new Set(all).size >= 90, `only ${new Set(all).size} distinct texts checked`);
      for (const { text, data } of composed) assert.deepEqual(strayWords(text, data), [], text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

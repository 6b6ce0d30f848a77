// Initialize Roadmap speaks the display language in the findings it shows (each a line of the pick list, with why a
// dataset was picked and where the search stopped) and never in the roadmap it writes.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describeFinding, detectProject, initialRoadmap, type Finding } from '../../../src/core/init';
import { nodeDetectInput } from '../../../src/core/init/node';
import { memoryFs } from '../support/memoryFs';
import { untranslated, withPseudoL10n } from '../support/pseudoL10n';

const PROJECTS = path.resolve(__dirname, '../../fixtures/projects');
const STARTER = { name: 'Fixture', problem: 'A problem.', today: '2026-12-07' };

const noRuns = async () => [];

/** A finding of each kind and shape the pick list shows. */
const CRAFTED: readonly Finding[] = [
  { kind: 'metric', key: 'm1', sources: ['a'], id: 'wer', goal: 'minimize', names: ['wer'] },
  { kind: 'metric', key: 'm2', sources: ['a'], id: 'wer', goal: 'minimize', names: ['eval_wer', 'test_wer'] },
  { kind: 'candidate', key: 'c1', sources: ['a'], id: 'cnn', title: 'cnn', evaluated: false, baseline: false },
  { kind: 'candidate', key: 'c2', sources: ['a'], id: 'cnn', title: 'My CNN', evaluated: true, baseline: false, results: 'r.json' },
  { kind: 'candidate', key: 'c3', sources: ['a'], id: 'dumb', title: 'dumb', evaluated: false, baseline: true },
  { kind: 'candidate', key: 'c4', sources: ['a'], id: 'dumb', title: 'dumb', evaluated: true, baseline: true, results: 'r.json' },
  { kind: 'command', key: 'x1', sources: ['a'], command: 'python eval.py' },
  { kind: 'command', key: 'x2', sources: ['a'], command: 'python eval.py', todo: 'eval.py takes no candidate flag' },
  { kind: 'decisions', key: 'd1', sources: ['a'], folder: 'docs/adr', records: 1 },
  { kind: 'decisions', key: 'd2', sources: ['a'], folder: 'docs/adr', records: 3 },
  { kind: 'literature', key: 'l1', sources: ['a'], id: 'a' },
  { kind: 'literature', key: 'l2', sources: ['a'], id: 'a', title: 'A paper' },
  { kind: 'literature', key: 'l3', sources: ['a'], id: 'a', url: 'https://a.example' },
  { kind: 'literature', key: 'l4', sources: ['a'], id: 'a', title: 'A paper', url: 'https://a.example' },
];

describe('l10n: Initialize Roadmap', () => {
  it('every finding line, reason and limit is translated; the roadmap written is not', async () => {
    const texts: string[] = [];
    const written: string[] = [];
    await withPseudoL10n(async () => {
      const found: Finding[] = [...CRAFTED];
      for (const name of ['adr-search', 'dvc-churn', 'hf-sentiment', 'mlflow-digits']) {
        const detected = await detectProject(nodeDetectInput(path.join(PROJECTS, name)));
        found.push(...detected.findings);
        const roadmap = initialRoadmap(STARTER, detected.findings);
        assert.ok(roadmap.ok);
        if (roadmap.ok) written.push(roadmap.text);
      }
      // Every reason a dataset is the one picked.
      for (const files of [
        { 'data/test.csv': '' },
        { 'data/all.csv': '' },
        { 'data/a.csv': '', 'data/b.csv': '' },
        { 'data/holdout.parquet.dvc': '' },
        { 'data/raw.dvc': '' },
        { 'data/raw.dvc': '', 'data/more.dvc': '' },
      ] as Record<string, string>[]) {
        found.push(...(await detectProject({ fs: memoryFs(files), readRuns: noRuns })).findings);
      }
      texts.push(...found.filter((f) => f.kind === 'dataset').map((f) => f.why));
      texts.push(...found.map(describeFinding));

      const bib = { 'a.bib': '@article{a, title={A}}', 'b.bib': '@article{b, title={B}}' };
      for (const limits of [{ maxFilesRead: 1 }, { maxTotalBytes: 10 }, { maxEntries: 1 }]) texts.push((await detectProject({ fs: memoryFs(bib), readRuns: noRuns, limits })).truncated ?? '');
      const todo = initialRoadmap(STARTER, [CRAFTED[7]]);
      if (todo.ok) written.push(todo.text);
    });
    const all = texts.filter((t) => t !== '');
    assert.deepEqual(untranslated(all), []);
    assert.ok(new Set(all).size >= 40, `only ${new Set(all).size} distinct texts checked`);
    assert.ok(written.length === 5 && written.every((t) => !t.includes('⟦')), written.join('\n---\n'));
    assert.match(written[4], /# TODO: eval\.py takes no candidate flag/);
  });
});

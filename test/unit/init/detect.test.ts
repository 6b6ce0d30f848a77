// The project detector and writer behind Initialize Roadmap, on fixture projects shaped like public ones (MLflow,
// DVC, Hugging Face, an ADR folder with references.bib) and on small in-memory projects for the edge cases.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { declaredFlags, detectProject, guessGoal, initialRoadmap, parseBibtex, readmeLinks, type Finding } from '../../../src/core/init';
import { nodeDetectInput } from '../../../src/core/init/node';
import { memoryFs } from '../support/memoryFs';
import { analyseRoadmap } from '../../../src/core/process/analysis';
import { STARTER_BASELINE_ID, starterRoadmap } from '../../../src/core/process/starter';
import type { Roadmap } from '../../../src/core/roadmap/model';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import { metricValue } from '../../../src/core/results/compare';

const PROJECTS = path.resolve(__dirname, '../../fixtures/projects');
const STARTER = { name: 'Fixture', problem: 'A problem.', today: '2026-12-07' };

async function detect(name: string) {
  const root = path.join(PROJECTS, name);
  const found = await detectProject(nodeDetectInput(root));
  const written = initialRoadmap(STARTER, found.findings);
  assert.ok(written.ok, written.ok ? '' : written.error);
  const parsed = parseRoadmap(written.text);
  const analysis = analyseRoadmap(written.text, parsed, { fileExists: (rel) => existsSync(path.join(root, rel)) });
  return { root, found, text: written.text, roadmap: parsed.roadmap as Roadmap, parsed, analysis };
}

function ofKind<K extends Finding['kind']>(findings: readonly Finding[], kind: K): Extract<Finding, { kind: K }>[] {
  return findings.filter((f): f is Extract<Finding, { kind: K }> => f.kind === kind);
}

/** Every finding names source files that exist; every value of the roadmap's found sections comes from a finding. */
function assertTraceable(root: string, findings: readonly Finding[], roadmap: Roadmap): void {
  for (const f of findings) {
    assert.ok(f.sources.length > 0, `${f.key} has a source`);
    for (const s of f.sources) assert.ok(existsSync(path.join(root, s)), `${f.key}: source ${s} exists`);
  }
  const metrics = ofKind(findings, 'metric');
  for (const m of roadmap.metrics) {
    const f = metrics.find((x) => x.id === m.id);
    assert.ok(f, `metric ${m.id} comes from a finding`);
    assert.equal(m.goal, f.goal);
    assert.equal(m.target, undefined, `no invented target for ${m.id}`);
    assert.equal(m.kind, undefined, `no invented kind for ${m.id}`);
  }
  const candidates = ofKind(findings, 'candidate');
  for (const c of roadmap.candidates) {
    if (c.id === STARTER_BASELINE_ID) {
      assert.equal(c.status, 'idea', 'the proposed dumb baseline is an idea');
      assert.ok(!candidates.some((x) => x.baseline), 'a dumb baseline is proposed only when no run looks like one');
      continue;
    }
    const f = candidates.find((x) => x.id === c.id);
    assert.ok(f, `candidate ${c.id} comes from a finding`);
    assert.equal(c.status, f.evaluated ? 'evaluated' : 'idea');
    assert.equal(c.results, f.evaluated ? f.results : undefined);
    if (c.results !== undefined) assert.ok(existsSync(path.join(root, c.results)), `results of ${c.id} exist`);
  }
  for (const l of roadmap.literature) {
    const f = ofKind(findings, 'literature').find((x) => x.id === l.id);
    assert.ok(f, `literature ${l.id} comes from a finding`);
    assert.equal(l.url, f.url);
    assert.equal(l.title, f.title);
  }
  const command = ofKind(findings, 'command')[0];
  if (roadmap.evaluation?.command !== undefined) assert.ok(command && roadmap.evaluation.command.startsWith(command.command), 'the command comes from a finding');
  const dataset = ofKind(findings, 'dataset')[0];
  assert.equal(roadmap.evaluation?.dataset, dataset?.path);
  assert.equal(roadmap.evaluation?.results, undefined, 'no invented results path');
  const decisions = ofKind(findings, 'decisions')[0];
  assert.equal(roadmap.decisions, decisions?.folder ?? 'docs/decisions');
}

function assertNoErrors(r: Awaited<ReturnType<typeof detect>>): void {
  const errors = r.analysis.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors.map((d) => `${d.code}: ${d.message}`), [], r.text);
}

describe('Initialize from the project: detector and writer', () => {
  it('MLflow project: metrics from mlruns, run names and an experiment as candidates, eval.py flags in the command', async () => {
    const r = await detect('mlflow-digits');
    const f = r.found.findings;
    assert.deepEqual(
      ofKind(f, 'metric').map((m) => [m.id, m.goal]),
      [
        ['accuracy', 'maximize'],
        ['loss', 'minimize'],
        ['latency_ms', 'minimize'],
      ],
      'epoch is bookkeeping, not a metric',
    );
    const candidates = ofKind(f, 'candidate');
    assert.deepEqual(candidates.map((c) => [c.id, c.evaluated, c.baseline]), [
      ['small-cnn', true, false],
      ['majority-baseline', true, true],
      ['resnet-finetune', true, false],
    ]);
    assert.ok(candidates[0].sources.includes('mlruns/1/5d1f0c2a9b7e4e43a1c0d7b2f8e6a901/tags/mlflow.runName'));
    assert.ok(candidates[2].sources.includes('mlruns/2/meta.yaml'), 'a run without a name is named by its experiment');
    assert.equal(ofKind(f, 'dataset')[0].path, 'data/test.csv');
    const command = ofKind(f, 'command')[0];
    assert.equal(command.command, '${python} eval.py --model ${candidate} --output ${results}');
    assert.equal(command.datasetFlag, '--data');
    assert.deepEqual(command.sources, ['eval.py']);
    assert.equal(r.roadmap.evaluation?.command, '${python} eval.py --model ${candidate} --output ${results} --data ${dataset}');
    assert.equal(r.roadmap.evaluation?.baseline, 'majority-baseline', 'the run that looks like a baseline is the baseline');
    assert.ok(!r.roadmap.candidates.some((c) => c.id === STARTER_BASELINE_ID), 'no dumb baseline proposed');
    assert.equal(r.roadmap.literature.length, 0);
    assertTraceable(r.root, f, r.roadmap);
    assertNoErrors(r);
  });

  it('DVC project: metrics.json declared by dvc.yaml, the evaluate stage as the command, its data dependency as the dataset', async () => {
    const r = await detect('dvc-churn');
    const f = r.found.findings;
    assert.deepEqual(ofKind(f, 'metric').map((m) => [m.id, m.goal, m.sources.join()]), [
      ['roc_auc', 'maximize', 'metrics.json'],
      ['avg_prec', 'maximize', 'metrics.json'],
      ['log_loss', 'minimize', 'metrics.json'],
    ]);
    assert.deepEqual(ofKind(f, 'candidate'), [], 'the workspace run names no model');
    assert.deepEqual(ofKind(f, 'dataset').map((d) => [d.path, d.sources.join()]), [['data/prepared/test.csv', 'dvc.yaml']]);
    const command = ofKind(f, 'command')[0];
    assert.equal(command.command, 'python src/score.py --model ${candidate} --test data/prepared/test.csv --out ${results}');
    assert.equal(command.todo, undefined);
    assert.deepEqual(r.roadmap.candidates.map((c) => c.id), [STARTER_BASELINE_ID], 'the dumb baseline is proposed');
    assertTraceable(r.root, f, r.roadmap);
    assertNoErrors(r);
  });

  it('Hugging Face outputs: all_results.json per run folder, a Makefile target with its variables', async () => {
    const r = await detect('hf-sentiment');
    const f = r.found.findings;
    assert.deepEqual(ofKind(f, 'metric').map((m) => [m.id, m.goal]), [
      ['accuracy', 'maximize'],
      ['f1', 'maximize'],
      ['loss', 'minimize'],
    ]);
    assert.deepEqual(ofKind(f, 'metric')[2].names, ['eval_loss', 'train_loss']);
    assert.deepEqual(ofKind(f, 'candidate').map((c) => [c.id, c.baseline, c.results]), [
      ['distilbert-sst2', false, 'outputs/distilbert-sst2'],
      ['tfidf-logreg-baseline', true, 'outputs/tfidf-logreg-baseline/all_results.json'],
    ]);
    assert.equal(ofKind(f, 'dataset')[0].path, 'data/validation.jsonl');
    assert.equal(ofKind(f, 'command')[0].command, 'make evaluate MODEL=${candidate} OUT=${results}');
    assert.equal(r.roadmap.evaluation?.baseline, 'tfidf-logreg-baseline');
    assertTraceable(r.root, f, r.roadmap);
    assertNoErrors(r);
  });

  it('ADR folder and references.bib: decisions folder, BibTeX entries and README related-work links; a command without flags gets a TODO', async () => {
    const r = await detect('adr-search');
    const f = r.found.findings;
    assert.deepEqual(ofKind(f, 'decisions').map((d) => [d.folder, d.records]), [['docs/adr', 2]]);
    assert.deepEqual(ofKind(f, 'literature').map((l) => [l.id, l.url, l.sources.join()]), [
      ['karpukhin2020dense', 'https://doi.org/10.18653/v1/2020.emnlp-main.550', 'references.bib'],
      ['robertson2009bm25', 'https://www.nowpublishers.com/article/Details/INR-019', 'references.bib'],
      ['nogueira2019passage', 'https://arxiv.org/abs/1901.04085', 'references.bib'],
      ['colbert-efficient-and-effective-passage', 'https://arxiv.org/abs/2004.12832', 'README.md'],
      ['github-com-beir-cellar-beir', 'https://github.com/beir-cellar/beir', 'README.md'],
    ]);
    assert.equal(ofKind(f, 'literature')[1].title, 'The Probabilistic Relevance Framework: BM25 and Beyond');
    assert.deepEqual(ofKind(f, 'metric'), [], 'no result files, no metrics');
    const command = ofKind(f, 'command')[0];
    assert.equal(command.command, '${python} scripts/evaluate.py');
    assert.match(command.todo ?? '', /takes no candidate or results flag/);
    assert.match(r.text, /\n {2}# TODO: scripts\/evaluate\.py takes no candidate or results flag[^\n]*\n {2}command: /);
    assert.equal(r.roadmap.decisions, 'docs/adr');
    assert.match(r.text, /\nmetrics:\n\n/, 'metrics stay empty, with the starter\'s commented example');
    assert.match(r.text, /# {3}- id: accuracy/);
    assertTraceable(r.root, f, r.roadmap);
    assertNoErrors(r);
  });

  it('writes only the findings kept: nothing kept is the plain starter', async () => {
    const { found } = await detect('mlflow-digits');
    const none = initialRoadmap(STARTER, []);
    assert.ok(none.ok);
    assert.equal(none.text, starterRoadmap(STARTER));
    const some = initialRoadmap(STARTER, found.findings.filter((x) => x.key === 'metric:accuracy' || x.key === 'candidate:small-cnn'));
    assert.ok(some.ok);
    const roadmap = parseRoadmap(some.text).roadmap as Roadmap;
    assert.deepEqual(roadmap.metrics.map((m) => m.id), ['accuracy']);
    assert.deepEqual(roadmap.candidates.map((c) => c.id), [STARTER_BASELINE_ID, 'small-cnn'], 'without the baseline run kept, the dumb baseline stays');
    assert.equal(roadmap.evaluation?.command, undefined);
    assert.match(some.text, /# command: python3 evaluate\.py/, 'the unknown command stays commented out with its example');
  });
});

const noRuns = async () => [];

describe('Initialize from the project: edge cases', () => {
  it('skips node_modules, .git and .venv, and stops reading at its limits', async () => {
    const fs = memoryFs({
      'node_modules/pkg/eval.py': 'parser.add_argument("--model")',
      '.git/refs/eval.py': '',
      '.venv/lib/evaluate.py': '',
      'docs/a.bib': '@article{a, title={A}}',
      'references.bib': '@article{b, title={B}}',
      'README.md': '# x\n## References\n- [C](https://c.example)\n',
    });
    const found = await detectProject({ fs, readRuns: noRuns });
    assert.ok(!fs.reads.some((p) => /node_modules|\.git|\.venv/.test(p)), fs.reads.join());
    assert.deepEqual(found.findings.map((f) => f.key), ['literature:a', 'literature:b', 'literature:c']);
    const capped = await detectProject({ fs: memoryFs({ 'a.bib': '@article{a, title={A}}', 'b.bib': '@article{b, title={B}}' }), readRuns: noRuns, limits: { maxFilesRead: 1 } });
    assert.deepEqual(capped.findings.map((f) => f.key), ['literature:a']);
    assert.match(capped.truncated ?? '', /stopped reading after 1 file$/);
    const wide = await detectProject({ fs: memoryFs(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.txt`, '']))), readRuns: noRuns, limits: { maxEntries: 10 } });
    assert.match(wide.truncated ?? '', /search stopped after 10/);
  });

  it("takes log4brains' adrFolder and adr-tools' .adr-dir before the usual folders", async () => {
    const found = await detectProject({
      fs: memoryFs({ '.log4brains.yml': '---\nproject:\n  tz: Europe/Paris\n  adrFolder: ./docs/architecture/adr\n', 'docs/architecture/adr/20200924-use-markdown.md': '# Use Markdown\n', 'docs/adr/0001-x.md': '# X\n' }),
      readRuns: noRuns,
    });
    assert.deepEqual(found.findings.map((f) => [f.key, f.sources.join()]), [['decisions:docs/architecture/adr', '.log4brains.yml']]);
    const adrTools = await detectProject({ fs: memoryFs({ '.adr-dir': 'doc/arch\n', 'doc/arch/0001-record.md': '# 1. Record\n' }), readRuns: noRuns });
    assert.deepEqual(adrTools.findings.map((f) => f.key), ['decisions:doc/arch']);
    const empty = await detectProject({ fs: memoryFs({ 'docs/adr/README.md': '# none yet' }), readRuns: noRuns });
    assert.deepEqual(empty.findings, [], 'a folder without records is not proposed');
  });

  it('leaves out counters and settings logged beside the metrics', async () => {
    const run = {
      source: 'logs/metrics.csv',
      format: 'csv' as const,
      problems: [],
      metrics: Object.fromEntries(
        ['epoch', 'train/box_loss', 'lr/pg0', 'data_time', 'eta_seconds', 'roi_head/num_fg_samples', 'eval_gen_len', 'eval_runtime', 'eval_samples_per_second', 'metrics/mAP50(B)', 'latency_ms'].map((n) => [
          n,
          { last: 1, best: 1, count: 1, goal: 'maximize' as const },
        ]),
      ),
    };
    const found = await detectProject({ fs: memoryFs({ 'logs/metrics.csv': 'epoch\n1\n' }), readRuns: async () => [run] });
    assert.deepEqual(ofKind(found.findings, 'metric').map((m) => m.id), ['box_loss', 'map50-b', 'latency_ms']);
    // `map50-b` is no name the results use: the metric keeps the one it is logged under; the others match by id.
    assert.deepEqual(ofKind(found.findings, 'metric').map((m) => m.loggedAs), [undefined, 'metrics/mAP50(B)', undefined]);
  });

  it('writes logged_as for a metric whose id matches none of its names, so the written roadmap reads the results', async () => {
    const yolo = {
      source: 'runs/detect/train/results.csv',
      format: 'csv' as const,
      problems: [],
      metrics: { 'metrics/mAP50(B)': { last: 0.61, best: 0.63, count: 3, goal: 'maximize' as const }, 'val/box_loss': { last: 1.2, best: 1.1, count: 3, goal: 'minimize' as const } },
    };
    const found = await detectProject({ fs: memoryFs({ 'runs/detect/train/results.csv': 'epoch\n1\n' }), readRuns: async () => [yolo] });
    const written = initialRoadmap({ name: 'detector', problem: 'Find the parcels on the belt.', today: '2026-12-07' }, found.findings);
    assert.ok(written.ok, JSON.stringify(written));
    const text = written.text;
    assert.match(text, /- id: map50-b\n\s+logged_as: metrics\/mAP50\(B\)\n/);
    const roadmap = parseRoadmap(text);
    assert.deepEqual(roadmap.diagnostics.filter((d) => d.severity === 'error'), []);
    const values = { 'metrics/mAP50(B)': 0.61, 'val/box_loss': 1.2 };
    assert.deepEqual(roadmap.roadmap?.metrics.map((m) => [m.id, metricValue(values, m)]), [
      ['map50-b', 0.61],
      ['box_loss', 1.2],
    ]);
  });

  it('guesses goals from names and reads argparse and click flags', () => {
    for (const n of ['loss', 'log_loss', 'error_rate', 'rmse', 'mae', 'latency_ms', 'wer', 'perplexity', 'cross_entropy']) assert.equal(guessGoal(n), 'minimize', n);
    for (const n of ['accuracy', 'f1', 'roc_auc', 'map50', 'bleu', 'recall']) assert.equal(guessGoal(n), 'maximize', n);
    assert.deepEqual(declaredFlags('p.add_argument("-o", "--output")\np.add_argument(\n  "--model-name", type=str)\n@click.option("--data")\np.add_argument("count")'), ['-o', '--output', '--model-name', '--data']);
  });

  it('reads BibTeX entries and only the README links under a related-work or references heading', () => {
    const bib = parseBibtex('@string{x = "y"}\n@Article{Key_1, title = {A {Nested} Title}, doi = "10.1/x", year = 2020}\n@comment{skip}');
    assert.deepEqual(bib, [{ key: 'Key_1', fields: { title: 'A Nested Title', doi: '10.1/x', year: '2020' } }]);
    const links = readmeLinks('# P\n[a](https://a.example)\n## Related Work\n- [B](https://b.example)\n### Sub\n<https://c.example>\n```\n[d](https://d.example)\n```\n## Usage\n[e](https://e.example)\n');
    assert.deepEqual(links.map((l) => l.url), ['https://b.example', 'https://c.example']);
  });

  it('a dvc stage with positional arguments keeps its command and says what is left to do', async () => {
    const found = await detectProject({
      fs: memoryFs({ 'dvc.yaml': 'stages:\n  evaluate:\n    cmd: python src/evaluate.py model.pkl data/features scores.json\n    deps:\n    - data/features\n    - model.pkl\n' }),
      readRuns: noRuns,
    });
    const command = ofKind(found.findings, 'command')[0];
    assert.equal(command.command, 'python src/evaluate.py model.pkl data/features scores.json');
    assert.match(command.todo ?? '', /the dvc stage 'evaluate' takes no candidate or results flag/);
    assert.equal(ofKind(found.findings, 'dataset')[0].path, 'data/features');
  });
});

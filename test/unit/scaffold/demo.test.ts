// The demo project examples/digits: its roadmap, its committed results and its evaluation script.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import { REPO, runPython, tempDir } from './helpers';

const DEMO = join(REPO, 'examples', 'digits');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as { format: string; candidate: string; metrics: Record<string, number>; dataset: { sha256: string; rows: number } };

describe('demo project examples/digits', function () {
  this.timeout(30_000);

  it('has a roadmap that parses without any diagnostic, in the middle of Discovery', () => {
    const { roadmap, diagnostics } = parseRoadmap(readFileSync(join(DEMO, 'mlroadmap.yaml'), 'utf8'));
    assert.deepEqual(diagnostics.map((d) => `${d.code}: ${d.message}`), []);
    assert.equal(roadmap?.project.phase, 'discovery');
    assert.equal(roadmap?.evaluation?.baseline, 'majority');
    assert.deepEqual(roadmap?.discovery.map((s) => s.stage), ['understand', 'define', 'ideate', 'prototype', 'test']);
    assert.ok(roadmap!.candidates.filter((c) => !c.baseline).length >= 3);
  });

  it('ships results of the two baselines, the majority class far below logistic regression', () => {
    const majority = readJson(join(DEMO, 'results', 'majority.json'));
    const logreg = readJson(join(DEMO, 'results', 'logreg.json'));
    for (const r of [majority, logreg]) {
      assert.equal(r.format, 'mlroadmap-result/1');
      assert.equal(r.dataset.rows, 1797);
    }
    assert.ok(majority.metrics.accuracy < 0.2 && logreg.metrics.accuracy > 0.95);
  });

  it('reproduces the committed majority result and hashes the committed CSV', async () => {
    const out = join(tempDir('demo'), 'majority.json');
    const r = await runPython(['evaluate.py', '--candidate', 'majority', '--dataset', 'data/digits.csv', '--out', out], DEMO);
    assert.equal(r.code, 0, r.stderr);
    const fresh = readJson(out);
    const committed = readJson(join(DEMO, 'results', 'majority.json'));
    assert.deepEqual(fresh.metrics, committed.metrics);
    assert.equal(fresh.dataset.sha256, committed.dataset.sha256);
  });

  it('fails with a traceback and a non-zero exit on an unknown candidate', async () => {
    const r = await runPython(['evaluate.py', '--candidate', 'transformer', '--dataset', 'data/digits.csv', '--out', join(tempDir('demo'), 'x.json')], DEMO);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /Traceback[\s\S]*ValueError: unknown candidate 'transformer' \(known: majority, logreg, knn, mlp, cnn\)/);
  });
});

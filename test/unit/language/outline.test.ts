import * as assert from 'node:assert/strict';
import { readSource } from '../../../src/core/roadmap/navigation';
import { outlineOf, type OutlineNode } from '../../../src/core/roadmap/outline';
import { SAMPLE } from './sample';

const contains = (outer: OutlineNode['range'], inner: OutlineNode['range']) =>
  (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
  (outer.end.line > inner.end.line || (outer.end.line === inner.end.line && outer.end.character >= inner.end.character));

describe('outlineOf', () => {
  const outline = outlineOf(readSource(SAMPLE));

  it('lists the top-level sections with their items, stages and steps', () => {
    assert.deepEqual(outline.map((n) => n.name), ['version', 'project', 'metrics', 'literature', 'candidates', 'evaluation', 'reality_checks', 'discovery', 'acknowledged']);
    const byName = (name: string) => outline.find((n) => n.name === name);
    assert.equal(byName('project')?.detail, 'Spam filter · discovery');
    assert.deepEqual(byName('metrics')?.children.map((c) => [c.name, c.kind, c.detail]), [
      ['recall', 'metric', 'offline · maximize · 0.9'],
      ['complaints', 'metric', 'business · minimize'],
    ]);
    assert.deepEqual(byName('candidates')?.children.map((c) => `${c.name}: ${c.detail}`), ['rules: evaluated · Keyword rules', 'nb: prototyping · Naive Bayes', 'bert: idea']);
    const stage = byName('discovery')?.children[0];
    assert.equal(stage?.name, 'understand');
    assert.deepEqual(stage?.children.map((s) => `${s.name}: ${s.detail}`), ['data: done', 'review: blocked']);
  });

  it('gives ranges that hold their selection and their children', () => {
    const check = (node: OutlineNode) => {
      assert.ok(contains(node.range, node.selectionRange), `${node.name}: selection inside the range`);
      for (const child of node.children) {
        assert.ok(contains(node.range, child.range), `${child.name} inside ${node.name}`);
        check(child);
      }
    };
    outline.forEach(check);
    const lines = SAMPLE.split('\n');
    const nb = outline.find((n) => n.name === 'candidates')?.children[1];
    assert.ok(nb);
    assert.equal(lines[nb.selectionRange.start.line].slice(nb.selectionRange.start.character, nb.selectionRange.end.character), 'nb');
  });

  it('is empty for a document that is not a mapping, and skips items without a name', () => {
    assert.deepEqual(outlineOf(readSource('- a\n- b\n')), []);
    assert.deepEqual(outlineOf(readSource('')), []);
    const partial = outlineOf(readSource('candidates:\n  - title: no id\n  - id: x\n  - 3\n'));
    assert.deepEqual(partial[0].children.map((c) => c.name), ['x']);
  });
});

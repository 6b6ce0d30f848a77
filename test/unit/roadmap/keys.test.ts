// Top-level key ranges come from the YAML tree: what a line looks like (a comment, a block scalar, a second
// document) never makes a key, and a quoted or flow-style key is one.
import assert from 'node:assert/strict';
import { analyseRoadmap } from '../../../src/core/process/analysis';
import type { Range } from '../../../src/core/roadmap/model';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import { minimalRoadmap } from '../support/roadmaps';

/** The line of a key range and the text it covers (key ranges are on one line). */
function at(text: string, range: Range | undefined): [number, string] | undefined {
  if (!range) return undefined;
  assert.equal(range.end.line, range.start.line, 'a key range is on one line');
  return [range.start.line, text.split(/\r\n|\r|\n/)[range.start.line].slice(range.start.character, range.end.character)];
}

function keyAt(text: string, key: string): [number, string] | undefined {
  return at(text, parseRoadmap(text).keys.get(key));
}

describe('top-level key ranges', () => {
  it('skip keys written in comments and nested mappings', () => {
    const text = '# literature: in a comment\nversion: 1 # metrics: in a comment\nproject:\n  name: x\n  literature: nested\nliterature: []  # the key\n';
    assert.deepEqual(keyAt(text, 'literature'), [5, 'literature']);
    assert.deepEqual(keyAt(text, 'version'), [1, 'version']);
    assert.equal(keyAt(text, 'metrics'), undefined);
    assert.equal(keyAt(text, 'name'), undefined);
  });

  it('find the keys of a flow mapping', () => {
    const text = '{ version: 1, project: { name: x },\n  literature: [], "metrics": [] }\n';
    assert.deepEqual(keyAt(text, 'version'), [0, 'version']);
    assert.deepEqual(keyAt(text, 'literature'), [1, 'literature']);
    assert.deepEqual(keyAt(text, 'metrics'), [1, '"metrics"']);
    assert.equal(keyAt(text, 'name'), undefined);
  });

  it('find quoted keys, quotes included', () => {
    const text = 'version: 1\n"literature": []\n\'metrics\': []\n';
    assert.deepEqual(keyAt(text, 'literature'), [1, '"literature"']);
    assert.deepEqual(keyAt(text, 'metrics'), [2, "'metrics'"]);
  });

  it('read the first document only, after its directives and `---`', () => {
    const marked = '%YAML 1.2\n---\nversion: 1\nliterature: []\n';
    assert.deepEqual(keyAt(marked, 'literature'), [3, 'literature']);
    const two = 'version: 1\n---\nliterature: []\n';
    assert.deepEqual(keyAt(two, 'version'), [0, 'version']);
    assert.equal(keyAt(two, 'literature'), undefined, 'a key of a second document is no key of the roadmap');
  });

  it('skip key-like text inside block scalars', () => {
    const text = 'project:\n  problem: |\n    literature: inside a block scalar\nnotes: >\n  metrics: folded text\nliterature: []\n';
    assert.deepEqual(keyAt(text, 'literature'), [5, 'literature']);
    assert.equal(keyAt(text, 'metrics'), undefined);
    // A document that is one block scalar may hold text at column 0 that looks like a key: it is none.
    const scalar = '--- |\nliterature: not a key\nmetrics: neither\n';
    assert.equal(parseRoadmap(scalar).keys.size, 0);
  });

  it('keep the first of duplicate keys and follow \\r\\n line breaks', () => {
    const text = 'version: 1\r\nliterature: []\r\nliterature: [x]\r\n';
    assert.deepEqual(keyAt(text, 'literature'), [1, 'literature']);
    assert.deepEqual(parseRoadmap(text).keys.get('literature'), { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } });
  });

  it('are empty when the text is no mapping', () => {
    assert.equal(parseRoadmap('- a\n- b\n').keys.size, 0);
    assert.equal(parseRoadmap('').keys.size, 0);
  });

  it('place a finding about a whole section on its key, quoted or not', () => {
    const text = minimalRoadmap('"literature": []\n');
    const { findings } = analyseRoadmap(text, parseRoadmap(text), { fileExists: () => true });
    const finding = findings.find((f) => f.code === 'pitfall/reinventing-the-wheel');
    assert.ok(finding, JSON.stringify(findings.map((f) => f.code)));
    assert.deepEqual(at(text, finding.range), [4, '"literature"']);
  });
});

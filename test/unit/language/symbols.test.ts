import * as assert from 'node:assert/strict';
import { readSource } from '../../../src/core/roadmap/navigation';
import { indexSymbols, targetAt } from '../../../src/core/roadmap/symbols';
import { SAMPLE, inSample } from './sample';

describe('indexSymbols', () => {
  const index = indexSymbols(readSource(SAMPLE));

  it('finds the definition of every id, in block and flow items, with its range and fields', () => {
    assert.deepEqual(
      index.definitions.map((d) => `${d.kind}:${d.id}`),
      ['metric:recall', 'metric:complaints', 'literature:graham02', 'literature:bert19', 'candidate:rules', 'candidate:nb', 'candidate:bert', 'realityCheck:pilot', 'step:data', 'step:review'],
    );
    const graham = index.definitionsOf('literature', 'graham02')[0];
    const line = SAMPLE.split('\n').findIndex((l) => l.includes('- id: graham02'));
    assert.deepEqual(graham.range, { start: { line, character: 8 }, end: { line, character: 16 } });
    assert.equal(SAMPLE.slice(graham.start, graham.end), 'graham02');
    assert.equal(graham.itemRange.start.line, line);
    assert.equal(graham.itemRange.end.line, line + 4, 'the item runs to the end of its takeaway');
    assert.equal(graham.fields.title, 'A plan for spam');
    assert.equal(graham.fields.takeaway, 'Naive Bayes on tokens catches most spam.');
    assert.equal(index.definitionsOf('metric', 'complaints')[0].fields.kind, 'business');
    assert.equal(index.definitionsOf('candidate', 'rules')[0].fields.baseline, 'true');
  });

  it('finds every reference: based_on (flow and block), expected keys, reality check candidate, evaluation baseline, acknowledgement target', () => {
    assert.deepEqual(
      index.references.map((r) => `${r.kind}:${r.id}:${r.on}:${r.path.join('.')}`),
      [
        'literature:graham02:value:candidates.1.based_on.0',
        'metric:recall:key:candidates.1.benefit.expected.recall',
        'literature:bert19:value:candidates.2.based_on.0',
        'candidate:rules:value:evaluation.baseline',
        'candidate:nb:value:reality_checks.0.candidate',
        'any:bert:value:acknowledged.0.target',
      ],
    );
    for (const r of index.references) assert.equal(SAMPLE.slice(r.start, r.end), r.id);
  });

  it('lists the references to a definition, an acknowledgement target included', () => {
    assert.deepEqual(index.referencesTo('candidate', 'nb').map((r) => r.path.join('.')), ['reality_checks.0.candidate']);
    assert.deepEqual(index.referencesTo('candidate', 'bert').map((r) => r.path.join('.')), ['acknowledged.0.target']);
    assert.deepEqual(index.referencesTo('metric', 'complaints'), []);
    assert.deepEqual(index.definitionsOf('any', 'bert').map((d) => d.kind), ['candidate']);
  });

  it('tells what the symbol at an offset names, from a reference and from a definition', () => {
    const ref = inSample('[graham02]', 3);
    assert.deepEqual(targetAt(indexSymbols(ref.source), ref.offset), { kind: 'literature', id: 'graham02' });
    const def = inSample('- id: graham02', 14);
    assert.deepEqual(targetAt(indexSymbols(def.source), def.offset), { kind: 'literature', id: 'graham02' });
    const ends = inSample('candidate: nb', 13);
    assert.deepEqual(targetAt(indexSymbols(ends.source), ends.offset), { kind: 'candidate', id: 'nb' }, 'the end of the id counts');
    const title = inSample('title: BERT', 8);
    assert.equal(targetAt(indexSymbols(title.source), title.offset), undefined);
  });

  it('keeps duplicated ids as several definitions', () => {
    const dup = indexSymbols(readSource('candidates:\n  - id: a\n  - id: a\nreality_checks:\n  - { id: r, candidate: a }\n'));
    assert.equal(dup.definitionsOf('candidate', 'a').length, 2);
    assert.equal(dup.referencesTo('candidate', 'a').length, 1);
  });

  it('names a numeric-looking id as written, as the parser and the edits do', () => {
    const idx = indexSymbols(readSource('candidates:\n  - id: 007\n    cost: 0.50\nreality_checks:\n  - { id: r, candidate: 007 }\n'));
    assert.deepEqual(idx.definitions.map((d) => d.id), ['007', 'r']);
    assert.equal(idx.definitionsOf('candidate', '007')[0].fields.cost, '0.50');
    assert.deepEqual(idx.referencesTo('candidate', '007').map((r) => r.id), ['007']);
  });

  it('indexes nothing in a document that is not a roadmap', () => {
    for (const text of ['', '- a', 'x: [', '{{{', 'candidates: 3', 'candidates:\n  - 3\n  - [id]\n']) {
      const idx = indexSymbols(readSource(text));
      assert.deepEqual([idx.definitions, idx.references], [[], []], text);
    }
  });
});

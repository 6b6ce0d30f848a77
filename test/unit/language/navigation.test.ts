import * as assert from 'node:assert/strict';
import { contextAt, readSource, specAt } from '../../../src/core/roadmap/navigation';
import { cursor, inSample } from './sample';

const at = (marked: string) => {
  const { source, offset } = cursor(marked);
  return contextAt(source, offset);
};

describe('contextAt', () => {
  it('gives the path of a value in a block list of mappings and in a flow list', () => {
    const { source, offset } = inSample('based_on: [graham02]', 12);
    const context = contextAt(source, offset);
    assert.equal(context.on, 'value');
    assert.deepEqual(context.path, ['candidates', 1, 'based_on', 0]);
    assert.equal(context.prefix, 'g');
    assert.equal(context.flow, true);
  });

  it('gives the path of a value in a block list of strings', () => {
    const { source, offset } = inSample('- bert19', 4);
    const context = contextAt(source, offset);
    assert.equal(context.on, 'value');
    assert.deepEqual(context.path, ['candidates', 2, 'based_on', 0]);
    assert.deepEqual(context.node, { start: offset - 2, end: offset + 4 });
  });

  it('tells a key from a value and lists the other keys of the mapping', () => {
    const key = contextAt(...args(inSample('status: prototyping', 3)));
    assert.equal(key.on, 'key');
    assert.deepEqual(key.path, ['candidates', 1, 'status']);
    assert.deepEqual(key.existingKeys, ['id', 'title', 'based_on', 'benefit']);
    const value = contextAt(...args(inSample('status: prototyping', 10)));
    assert.equal(value.on, 'value');
    assert.deepEqual(value.path, ['candidates', 1, 'status']);
  });

  it('reads flow mappings: keys and values inside `{ id: x, status: todo }`', () => {
    const value = contextAt(...args(inSample('{ id: data, status: done }', 21)));
    assert.equal(value.on, 'value');
    assert.deepEqual(value.path, ['discovery', 0, 'steps', 0, 'status']);
    assert.equal(value.flow, true);
    const key = contextAt(...args(inSample('{ id: data, status: done }', 2)));
    assert.equal(key.on, 'key');
    assert.deepEqual(key.path, ['discovery', 0, 'steps', 0, 'id']);
    assert.deepEqual(key.existingKeys, ['status']);
    const expected = contextAt(...args(inSample('recall: 0.85', 2)));
    assert.equal(expected.on, 'key');
    assert.deepEqual(expected.path, ['candidates', 1, 'benefit', 'expected', 'recall']);
  });

  it('reads an empty value being typed, with or without a space after the colon', () => {
    for (const marked of ['candidates:\n  - id: x\n    status: |\n  - id: y\n', 'candidates:\n  - id: x\n    status:|\n']) {
      const context = at(marked);
      assert.equal(context.on, 'value', marked);
      assert.deepEqual(context.path, ['candidates', 0, 'status']);
      assert.equal(context.prefix, '');
    }
    assert.deepEqual(at('steps:\n  - { id: x, status: | }\n').path, ['steps', 0, 'status']);
  });

  it('reads a half-typed key on its own line as a key of the mapping its indentation puts it in', () => {
    const typed = at('candidates:\n  - id: x\n    sta|\n  - id: y\n');
    assert.equal(typed.on, 'key');
    assert.deepEqual(typed.path, ['candidates', 0, 'sta']);
    assert.deepEqual(typed.existingKeys, ['id']);
    assert.equal(typed.prefix, 'sta');
    const blank = at('candidates:\n  - id: x\n    |\n');
    assert.deepEqual([blank.on, blank.path, blank.existingKeys], ['key', ['candidates', 0, ''], ['id']]);
    const newItem = at('candidates:\n  - id: x\n  - |\n');
    assert.deepEqual([newItem.on, newItem.path, newItem.existingKeys], ['key', ['candidates', 1, ''], []]);
    const top = at('version: 1\nproj|');
    assert.deepEqual([top.on, top.path, top.existingKeys], ['key', ['proj'], ['version']]);
    const nested = at('candidates:\n  - id: x\n    benefit:\n      expected:\n        |\n');
    assert.deepEqual([nested.on, nested.path], ['key', ['candidates', 0, 'benefit', 'expected', '']]);
  });

  it('reads a word typed as a new item of a list of strings as a value', () => {
    const context = at('candidates:\n  - id: x\n    based_on:\n      - a\n      - l|\n');
    assert.deepEqual([context.on, context.path, context.prefix], ['value', ['candidates', 0, 'based_on', 1], 'l']);
  });

  it('reads a new key in a flow mapping and a new item in a flow list', () => {
    const key = at('candidates:\n  - id: x\n    cost: { effort_days: 1, | }\n');
    assert.deepEqual([key.on, key.path, key.existingKeys, key.flow], ['key', ['candidates', 0, 'cost', ''], ['effort_days'], true]);
    const item = at('candidates:\n  - id: x\n    based_on: [a, |]\n');
    assert.deepEqual([item.on, item.path], ['value', ['candidates', 0, 'based_on', 1]]);
  });

  it('keeps the continuation line of a multi-line value a value', () => {
    const context = at('project:\n  problem: long\n    contin|\n');
    assert.deepEqual([context.on, context.path], ['value', ['project', 'problem']]);
  });

  it('gives the word the cursor is in, as far as it goes on both sides', () => {
    const context = at('evaluation:\n  baseline: maj|ority\n');
    assert.equal(context.prefix, 'maj');
    assert.equal(context.wordEnd - context.wordStart, 'majority'.length);
  });

  it('knows nothing in text that is not YAML, and never throws', () => {
    assert.equal(at(':::{[[\n|').on, 'none');
    for (const text of ['', '\n', '- a\n- b', '{', 'a: [', '"unterminated', 'a:\n  - b: {c: [d, {e: |']) {
      const source = readSource(text.replace('|', ''));
      for (let o = -1; o <= source.text.length + 1; o++) assert.doesNotThrow(() => contextAt(source, o));
    }
  });
});

describe('specAt', () => {
  it('gives the spec and the key pattern of a path', () => {
    assert.equal(specAt(['candidates', 3, 'status']).pattern, 'candidates[].status');
    assert.deepEqual(specAt(['candidates', 3, 'status']).spec?.kind, 'string');
    assert.equal(specAt(['candidates', 0, 'benefit', 'expected', 'recall']).pattern, 'candidates[].benefit.expected{}');
    assert.equal(specAt(['candidates', 0, 'benefit', 'expected', 'recall']).spec?.kind, 'number');
    assert.equal(specAt(['discovery', 1, 'steps', 2, 'id']).spec?.required, true);
    assert.equal(specAt(['nope', 1]).spec, undefined);
    assert.equal(specAt(['candidates', 'x']).spec, undefined);
  });
});

function args(at: { source: ReturnType<typeof readSource>; offset: number }): [ReturnType<typeof readSource>, number] {
  return [at.source, at.offset];
}

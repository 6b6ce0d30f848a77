// Data strings put into messages: isolated when they hold right-to-left text or controls, unchanged otherwise.
import assert from 'node:assert/strict';
import { hasBidi, isolateBidi } from '../../../src/core/bidi';

describe('isolating data strings in messages', () => {
  it('leaves left-to-right strings as they are', () => {
    for (const s of ['logreg', 'Small CNN on 8x8 images', '<img src=x onerror=alert(1)>', '']) {
      assert.equal(hasBidi(s), false);
      assert.equal(isolateBidi(s), s);
    }
  });

  it('wraps strings with right-to-left text or controls in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE', () => {
    assert.equal(isolateBidi('evil\u202Eexe.txt'), '\u2068evil\u202Eexe.txt\u2069');
    assert.equal(isolateBidi('שלום'), '\u2068שלום\u2069');
    assert.equal(isolateBidi('a\u2067b\u2069c'), '\u2068a\u2067b\u2069c\u2069', 'a balanced isolate inside is kept');
  });

  it('drops stray isolate closers, so the string cannot close the wrapper early', () => {
    assert.equal(isolateBidi('pdi\u2069\u202Eescape'), '\u2068pdi\u202Eescape\u2069');
    assert.equal(isolateBidi('\u2069\u2069\u202E'), '\u2068\u202E\u2069');
  });
});

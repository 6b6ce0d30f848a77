// Every language function on any text and offset: it answers, it never throws.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { completionsAt } from '../../../src/core/roadmap/completion';
import { hoverAt } from '../../../src/core/roadmap/hover-text';
import { contextAt, readSource } from '../../../src/core/roadmap/navigation';
import { outlineOf } from '../../../src/core/roadmap/outline';
import { statusTokens } from '../../../src/core/roadmap/status-tokens';
import { indexSymbols } from '../../../src/core/roadmap/symbols';
import { SAMPLE } from './sample';

function everything(text: string, offset: number): void {
  const source = readSource(text);
  const index = indexSymbols(source);
  contextAt(source, offset);
  completionsAt(source, offset, index);
  hoverAt(source, offset, index);
  index.symbolAt(offset);
  outlineOf(source);
  statusTokens(source);
}

describe('language functions on malformed documents', () => {
  it('never throw on the sample cut, spliced or scrambled anywhere', () => {
    fc.assert(
      fc.property(fc.nat(SAMPLE.length), fc.nat(SAMPLE.length), fc.string({ maxLength: 8 }), fc.nat(SAMPLE.length + 2), (a, b, insert, offset) => {
        const [from, to] = a < b ? [a, b] : [b, a];
        const text = SAMPLE.slice(0, from) + insert + SAMPLE.slice(to);
        assert.doesNotThrow(() => everything(text, Math.min(offset, text.length)));
      }),
      { numRuns: 300 },
    );
  });

  it('never throw on YAML-ish noise', () => {
    const token = fc.constantFrom('- ', ': ', '{', '}', '[', ']', ',', '\n', '  ', 'id', 'status', 'candidates', 'based_on', '"', "'", '#', '&a', '*a', '? ', '|', '>', 'x');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), fc.nat(200), (parts, offset) => {
        const text = parts.join('');
        assert.doesNotThrow(() => everything(text, offset));
      }),
      { numRuns: 300 },
    );
  });
});

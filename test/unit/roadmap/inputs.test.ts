import * as assert from 'node:assert/strict';
import { parseNumber, today, validateDate, validateNewId, validateNumber, validateRequired, validateUrl } from '../../../src/core/roadmap/inputs';

describe('palette input validation', () => {
  it('accepts well-formed new ids and refuses malformed or taken ones', () => {
    assert.equal(validateNewId('small-cnn', ['cnn']), undefined);
    assert.equal(validateNewId('resnet_18', []), undefined);
    assert.equal(validateNewId('9lives', []), undefined);
    assert.match(validateNewId('', []) ?? '', /Enter an id/);
    assert.match(validateNewId('Small', []) ?? '', /lower-case/);
    assert.match(validateNewId('-cnn', []) ?? '', /lower-case/);
    assert.match(validateNewId('a b', []) ?? '', /lower-case/);
    assert.match(validateNewId('cnn', ['mlp', 'cnn']) ?? '', /already used/);
  });

  it('requires text', () => {
    assert.equal(validateRequired(' x ', 'a title'), undefined);
    assert.equal(validateRequired('  ', 'a title'), 'Enter a title.');
  });

  it('accepts only http(s) URLs, and nothing when optional', () => {
    assert.equal(validateUrl('https://arxiv.org/abs/1512.03385'), undefined);
    assert.equal(validateUrl('http://example.org/x.pdf'), undefined);
    assert.equal(validateUrl(''), undefined);
    assert.match(validateUrl('', false) ?? '', /Enter a URL/);
    assert.match(validateUrl('arxiv.org/abs/1') ?? '', /full URL/);
    assert.match(validateUrl('ftp://example.org/a') ?? '', /http and https/);
    assert.match(validateUrl('javascript:alert(1)') ?? '', /http and https/);
  });

  it('checks numbers and their minimum', () => {
    assert.equal(validateNumber('0.97'), undefined);
    assert.equal(validateNumber('', { optional: true }), undefined);
    assert.match(validateNumber('') ?? '', /Enter a number/);
    assert.match(validateNumber('abc') ?? '', /not a number/);
    assert.match(validateNumber('-1', { minimum: 0 }) ?? '', /at least 0/);
    assert.equal(parseNumber(' 4.5 '), 4.5);
    assert.equal(parseNumber(''), undefined);
  });

  it('checks calendar dates', () => {
    assert.equal(validateDate('2026-12-15'), undefined);
    assert.equal(validateDate('2024-02-29'), undefined);
    assert.match(validateDate('2025-02-29') ?? '', /not a calendar date/);
    assert.match(validateDate('15.12.2026') ?? '', /YYYY-MM-DD/);
    assert.equal(today(new Date(2026, 0, 5)), '2026-01-05');
  });
});

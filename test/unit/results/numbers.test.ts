import * as assert from 'node:assert/strict';
import { formatNumber, formatSigned } from '../../../src/core/results/numbers';

describe('the number formatter', () => {
  it('writes a value with 4 significant digits and no trailing zeros', () => {
    assert.deepEqual([0.96212, 0.5, 0.1003, 12.3456, 1234.5678, 0.000123456].map(formatNumber), ['0.9621', '0.5', '0.1003', '12.35', '1235', '0.0001235']);
  });

  it('writes integers as they are, and keeps the integer part of large values whole', () => {
    assert.deepEqual([0, 3, -42, 123456, 12345.678, -98765.4].map(formatNumber), ['0', '3', '-42', '123456', '12346', '-98765']);
  });

  it('never prints a value that is not zero as 0', () => {
    assert.deepEqual([0.0004, -0.0004, 0.00041234, 1e-7, -3.2e-12].map(formatNumber), ['0.0004', '-0.0004', '0.0004123', '1e-7', '-3.2e-12']);
    assert.equal(formatNumber(-0), '0');
  });

  it('writes very large values in exponent form, and NaN, Infinity and no value as such', () => {
    assert.deepEqual([5.27e20, 1.5e15, -2e300].map(formatNumber), ['5.27e+20', '1.5e+15', '-2e+300']);
    assert.deepEqual([NaN, Infinity, -Infinity, undefined].map(formatNumber), ['NaN', 'Infinity', '-Infinity', '—']);
  });

  it('writes a difference with its sign, a minus sign for negatives, ±0 only for exactly zero', () => {
    assert.deepEqual([0.862, -1.5, 0, -0].map(formatSigned), ['+0.862', '−1.5', '±0', '±0']);
  });

  it('shows a 0.0004 gap as such (toFixed(3) printed it as 0)', () => {
    assert.equal(formatSigned(0.9124 - 0.912), '+0.0004');
    assert.equal(formatSigned(0.912 - 0.9124), '−0.0004');
    assert.deepEqual([1e-9, -1e-9].map(formatSigned), ['+1e-9', '−1e-9']);
  });

  it('keeps the sign of an infinite difference and writes NaN without one', () => {
    assert.deepEqual([Infinity, -Infinity, NaN].map(formatSigned), ['+Infinity', '−Infinity', 'NaN']);
  });
});

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { pythonLiteral, shellQuote } from '../../../src/core/scaffold/literals';
import { runPython, tempDir } from './helpers';

/** Evaluate Python literals with the real interpreter and return the values, through JSON. */
async function evalInPython(literals: readonly string[]): Promise<unknown[]> {
  const dir = tempDir('literals');
  const file = join(dir, 'values.py');
  writeFileSync(file, `import json, sys\nVALUES = [\n${literals.map((l) => `    ${l},\n`).join('')}]\nsys.stdout.write(json.dumps(VALUES))\n`, 'utf8');
  const r = await runPython([file], dir);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as unknown[];
}

describe('scaffold: Python literals', () => {
  it('writes numbers and booleans as Python does', () => {
    assert.equal(pythonLiteral(42), '42');
    assert.equal(pythonLiteral(-3.5), '-3.5');
    assert.equal(pythonLiteral(true), 'True');
    assert.equal(pythonLiteral(false), 'False');
  });

  it('escapes quotes, backslashes and control characters', () => {
    assert.equal(pythonLiteral('say "hi"'), '"say \\"hi\\""');
    assert.equal(pythonLiteral('C:\\data\\x.csv'), '"C:\\\\data\\\\x.csv"');
    assert.equal(pythonLiteral('a\nb\tc\u0000'), '"a\\nb\\tc\\x00"');
    assert.equal(pythonLiteral('é 数字 🙂'), '"é 数字 🙂"');
  });

  it('round-trips tricky values through the real Python interpreter', async function () {
    this.timeout(20_000);
    const tricky = [
      '',
      'plain',
      "it's",
      'say "hi"',
      '"""',
      "'''",
      'C:\\Users\\dana\\data set\\x.csv',
      'ends with backslash\\',
      '\\N{BULLET} \\x41 \\u0041',
      'line\nbreak\r\nand\ttab',
      'nul\u0000 bell\u0007 del\u007f nel\u0085',
      'separators \u2028 \u2029 bom \ufeff',
      'données/résultats.csv',
      '数字 🙂 𝔘',
      'lone \ud800 surrogate \udfff',
      '{{not_a_placeholder}}',
      "f'{x}' % s",
    ];
    const random = fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), { numRuns: 300, seed: 7 });
    const values = [...tricky, ...random];
    assert.deepEqual(await evalInPython(values.map(pythonLiteral)), values);
  });

  it('quotes shell words only when needed', () => {
    assert.equal(shellQuote('results/x.json'), 'results/x.json');
    assert.equal(shellQuote('my data.csv'), "'my data.csv'");
    assert.equal(shellQuote("it's"), `'it'"'"'s'`);
  });
});

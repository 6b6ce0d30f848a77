import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { endOfFirstRecord, guessTarget, guessTargetColumn, parseHeaderRecord, readCsvHeader } from '../../../src/core/scaffold/csv-header';
import { DIGITS_CSV, tempDir } from './helpers';

describe('scaffold: reading a CSV header', () => {
  it('reads the column names of the first line only', () => {
    const header = readCsvHeader(DIGITS_CSV);
    assert.equal(header.length, 65);
    assert.equal(header[0], 'p0');
    assert.equal(header[64], 'label');
  });

  it('drops a byte-order mark, trims names, keeps quoted commas and a header quoted across lines', () => {
    const dir = tempDir('header');
    const file = join(dir, 'odd.csv');
    writeFileSync(file, '\uFEFF id , "price, EUR","multi\nline",label\r\n1,2,3,a\n');
    assert.deepEqual(readCsvHeader(file), ['id', 'price, EUR', 'multi\nline', 'label']);
  });

  it('reads a header longer than one read chunk, and a file with no line break', () => {
    const dir = tempDir('header');
    const wide = join(dir, 'wide.csv');
    const names = Array.from({ length: 20_000 }, (_, i) => `feature_${i}`);
    writeFileSync(wide, names.join(',') + '\n' + names.map(() => '0').join(',') + '\n');
    assert.deepEqual(readCsvHeader(wide), names);
    const bare = join(dir, 'bare.csv');
    writeFileSync(bare, 'a,b,c');
    assert.deepEqual(readCsvHeader(bare), ['a', 'b', 'c']);
  });

  it('refuses an empty file and a missing one with the path in the message', () => {
    const dir = tempDir('header');
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    assert.throws(() => readCsvHeader(empty), /empty\.csv is empty/);
    assert.throws(() => readCsvHeader(join(dir, 'missing.csv')), /missing\.csv/);
  });

  it('finds the end of the first record outside quotes', () => {
    assert.equal(endOfFirstRecord('a,b\nc'), 3);
    assert.equal(endOfFirstRecord('"a\nb",c\r\nd'), 7);
    assert.equal(endOfFirstRecord('"a\nb'), -1);
    assert.deepEqual(parseHeaderRecord('x, y ,"z"'), ['x', 'y', 'z']);
  });

  it('guesses the target: a conventional name in any case, else the last column', () => {
    assert.equal(guessTargetColumn(['p0', 'p1', 'label']), 'label');
    assert.equal(guessTargetColumn(['Target', 'x', 'z']), 'Target');
    assert.equal(guessTargetColumn(['sepal_length', 'species', 'petal_width']), 'species');
    assert.equal(guessTargetColumn(['a', 'b', 'c']), 'c');
    assert.equal(guessTargetColumn([]), undefined);
    assert.deepEqual(guessTarget(['p0', 'y', 'z']), { column: 'y', why: 'name' });
    assert.deepEqual(guessTarget(['a', 'b', 'c']), { column: 'c', why: 'last' });
  });
});

// The header of a CSV for choosing the target column: only the first record is read (a header
// quoted across lines included), never the data. Plus a guess of which column is the target.
import * as l10n from '@vscode/l10n';
import { closeSync, openSync, readSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const CHUNK_BYTES = 64 * 1024;
/** A header longer than this is not a header: refuse rather than read a whole file. */
const MAX_HEADER_BYTES = 4 * 1024 * 1024;

/** The end of the first CSV record in `text` (the index of its line break), or -1 when it has none yet. */
export function endOfFirstRecord(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if ((ch === '\n' || ch === '\r') && !quoted) return i;
  }
  return -1;
}

/** The column names of one header record (byte-order mark dropped, names trimmed). */
export function parseHeaderRecord(line: string): string[] {
  const records = parse(line, { bom: true, relax_column_count: true, trim: true }) as string[][];
  return records[0] ?? [];
}

/** The column names of the CSV at `path`, reading only its first record. Throws with a readable message. */
export function readCsvHeader(path: string): string[] {
  const fd = openSync(path, 'r');
  const chunks: Buffer[] = [];
  let size = 0;
  let text = '';
  try {
    for (;;) {
      const buffer = Buffer.alloc(CHUNK_BYTES);
      const n = readSync(fd, buffer, 0, CHUNK_BYTES, size);
      if (n === 0) break;
      chunks.push(buffer.subarray(0, n));
      size += n;
      text = Buffer.concat(chunks).toString('utf8');
      const end = endOfFirstRecord(text);
      if (end >= 0) {
        text = text.slice(0, end);
        break;
      }
      if (size > MAX_HEADER_BYTES) throw new Error(l10n.t('{0}: no line break in the first {1} bytes, not a CSV header', path, MAX_HEADER_BYTES));
    }
  } finally {
    closeSync(fd);
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new Error(l10n.t('{0} is empty: expected a header row', path));
  let header: string[];
  try {
    header = parseHeaderRecord(text);
  } catch (e) {
    throw new Error(l10n.t('{0}: the header row is not readable CSV: {1}', path, (e as Error).message), { cause: e });
  }
  return header;
}

const TARGET_NAMES = ['target', 'label', 'labels', 'class', 'y', 'outcome', 'category', 'species', 'price'];

/** The column most likely to be the target and why: a conventional name (target, label, class, y ...), else the last column. */
export function guessTarget(header: readonly string[]): { readonly column: string; readonly why: 'name' | 'last' } | undefined {
  for (const name of TARGET_NAMES) {
    const found = header.find((h) => h.toLowerCase() === name);
    if (found !== undefined) return { column: found, why: 'name' };
  }
  return header.length > 0 ? { column: header[header.length - 1], why: 'last' } : undefined;
}

/** The column most likely to be the target (see guessTarget). */
export function guessTargetColumn(header: readonly string[]): string | undefined {
  return guessTarget(header)?.column;
}

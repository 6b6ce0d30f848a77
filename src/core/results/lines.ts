// Line-by-line reading of a stream with bounded memory: only the current chunk and one partial line are held.
import * as l10n from '@vscode/l10n';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { binaryMessage, describeFsError, formatBytes, isNotFound, looksBinary, SNIFF_BYTES } from './file-access';
import { DEFAULT_MAX_LINE_BYTES, type ResultProblem } from './types';

export interface LineSink {
  /** Called for each line (without its `\n` / `\r\n`), with its 1-based number. */
  line(text: string, lineNo: number): void;
  /** Called once per line longer than the limit; the line is skipped. */
  tooLong(lineNo: number, limit: string): void;
}

/** `missing`: the file is not there (the message says so). */
export type LinesOutcome = { ok: true; lines: number } | { ok: false; message: string; lines: number; missing?: true };

/**
 * A readable for a path or the given stream, as UTF-8 text. 64 KB chunks: slicing lines out of larger decoded
 * strings measured several times slower in V8 (see bench/results.bench.ts).
 */
export function textStream(input: string | Readable): Readable {
  const s = typeof input === 'string' ? createReadStream(input, { highWaterMark: 64 * 1024 }) : input;
  s.setEncoding('utf8');
  return s;
}

/**
 * Feed every line of `input` to `sink`. A first chunk with NUL bytes stops the read (binary file).
 * Never throws: stream errors come back as `{ ok: false }`.
 */
export async function forEachLine(input: string | Readable, maxLineChars: number, sink: LineSink): Promise<LinesOutcome> {
  let lineNo = 0;
  let pending = '';
  let skipping = false;
  let first = true;
  const stream = textStream(input);
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      let start = 0;
      if (first) {
        first = false;
        if (looksBinary(chunk.slice(0, SNIFF_BYTES))) {
          stream.destroy();
          return { ok: false, message: binaryMessage(), lines: 0 };
        }
        if (chunk.charCodeAt(0) === 0xfeff) start = 1;
      }
      let nl = chunk.indexOf('\n', start);
      while (nl >= 0) {
        lineNo++;
        if (skipping) {
          skipping = false;
        } else {
          let text = pending.length > 0 ? pending + chunk.slice(start, nl) : chunk.slice(start, nl);
          if (text.length > maxLineChars) sink.tooLong(lineNo, formatBytes(maxLineChars));
          else {
            if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
            sink.line(text, lineNo);
          }
        }
        pending = '';
        start = nl + 1;
        nl = chunk.indexOf('\n', start);
      }
      if (start < chunk.length && !skipping) {
        pending += chunk.slice(start);
        if (pending.length > maxLineChars) {
          sink.tooLong(lineNo + 1, formatBytes(maxLineChars));
          pending = '';
          skipping = true;
        }
      }
    }
    if (pending.length > 0) {
      lineNo++;
      const text = pending.charCodeAt(pending.length - 1) === 13 ? pending.slice(0, -1) : pending;
      sink.line(text, lineNo);
    } else if (skipping) {
      lineNo++;
    }
    return { ok: true, lines: lineNo };
  } catch (e) {
    return { ok: false, message: describeFsError(e), lines: lineNo, ...(isNotFound(e) ? { missing: true as const } : {}) };
  }
}

/**
 * Reads a file of one JSON record per line (the history, the jobs): each non-empty line parsed and checked by
 * `toRecord` (a string is why the line is refused) and handed to `keep`; a line that is not JSON, is refused or is
 * too long becomes a problem with its line number and is skipped. A missing file is no records. Never throws.
 */
export async function forEachJsonRecord<T>(
  input: string | Readable,
  source: string,
  toRecord: (value: unknown) => T | string,
  keep: (record: T) => void,
): Promise<ResultProblem[]> {
  const problems: ResultProblem[] = [];
  const outcome = await forEachLine(input, DEFAULT_MAX_LINE_BYTES, {
    line(text, line) {
      if (text.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        problems.push({ source, line, severity: 'error', message: l10n.t('not valid JSON: {0}', (e as Error).message) });
        return;
      }
      const record = toRecord(value);
      if (typeof record === 'string') problems.push({ source, line, severity: 'error', message: record });
      else keep(record);
    },
    tooLong(line, limit) {
      problems.push({ source, line, severity: 'error', message: l10n.t('line longer than {0}; skipped', limit) });
    },
  });
  if (!outcome.ok && !outcome.missing) problems.push({ source, severity: 'error', message: outcome.message });
  return problems;
}

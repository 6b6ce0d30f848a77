// CSV with a header row: YOLO results.csv (padded headers), Lightning CSVLogger metrics.csv (sparse rows), Keras CSVLogger.
import * as l10n from '@vscode/l10n';
import { parse } from 'csv-parse';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import { binaryMessage, describeFsError, looksBinary, readHead } from './file-access';
import { folderRunName, sourceName, type StreamReadOptions } from './jsonl-reader';
import { textStream } from './lines';
import { isBookkeepingKey, STEP_KEYS } from './rows';
import { RunBuilder } from './run-builder';
import { DEFAULT_MAX_LINE_BYTES, type RunResult } from './types';

const NON_FINITE: Readonly<Record<string, number>> = { nan: NaN, inf: Infinity, '+inf': Infinity, '-inf': -Infinity, infinity: Infinity, '-infinity': -Infinity };

interface CsvError extends Error {
  code?: string;
  lines?: number;
}

/** Summarise a CSV file or stream whose first row names the columns. Streamed with bounded memory. */
export async function readCsv(input: string | Readable, opts: StreamReadOptions = {}): Promise<RunResult> {
  const source = sourceName(input, opts);
  const run = new RunBuilder(source, 'csv', opts);
  if (typeof input === 'string') {
    run.runName = folderRunName(input);
    try {
      if (looksBinary(await readHead(input))) {
        run.problems.error(binaryMessage());
        return run.build();
      }
    } catch (e) {
      run.problems.error(describeFsError(e));
      return run.build();
    }
  }
  const delimiter = typeof input === 'string' && extname(input).toLowerCase() === '.tsv' ? '\t' : ',';
  const parser = parse({
    delimiter,
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    relax_quotes: true,
    info: true,
    skip_records_with_error: true,
    max_record_size: opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES,
  });
  parser.on('skip', (err: CsvError) => run.problems.error(l10n.t('malformed CSV: {0}', err.message), err.lines));
  const text = textStream(input);
  text.on('error', (e) => parser.destroy(e));
  text.pipe(parser);

  let header: string[] | undefined;
  let metricColumns: number[] = [];
  let stepColumn = -1;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const { record, info } = item;
      if (header === undefined) {
        header = record.map((h) => h.trim());
        metricColumns = header.map((_h, i) => i).filter((i) => header![i] !== '' && !isBookkeepingKey(header![i]));
        stepColumn = firstStepColumn(header);
        continue;
      }
      if (record.length !== header.length) {
        run.problems.error(l10n.t('row has {0} fields, the header has {1}; skipped', record.length, header.length), info.lines);
        continue;
      }
      const step = stepColumn >= 0 ? toNumber(record[stepColumn]) : undefined;
      for (const i of metricColumns) {
        const v = toNumber(record[i]);
        if (v !== undefined) run.metrics.add(header[i], v, step !== undefined && Number.isFinite(step) ? step : undefined);
      }
    }
  } catch (e) {
    run.problems.error(e instanceof Error && (e as CsvError).code?.startsWith('CSV_') ? l10n.t('malformed CSV: {0}', e.message) : describeFsError(e));
  }
  if (header === undefined) run.problems.error(l10n.t('empty file: no header row'));
  return run.build();
}

function firstStepColumn(header: readonly string[]): number {
  for (const k of STEP_KEYS) {
    const i = header.indexOf(k);
    if (i >= 0) return i;
  }
  return -1;
}

/** A cell as a number: empty cells and text are not values; Python's nan/inf spellings are non-finite values. */
function toNumber(cell: string | undefined): number | undefined {
  if (cell === undefined || cell === '') return undefined;
  const n = Number(cell);
  if (!Number.isNaN(n)) return n;
  const nf = NON_FINITE[cell.toLowerCase()];
  return nf;
}

// JSON Lines: one object per logged step or epoch (also `.json` files that hold JSON Lines, like detectron2's metrics.json).
import * as l10n from '@vscode/l10n';
import { basename, dirname } from 'node:path';
import type { Readable } from 'node:stream';
import { parseJsonLenient } from './lenient-json';
import { forEachLine } from './lines';
import { addRow, isPlainObject } from './rows';
import { RunBuilder } from './run-builder';
import { DEFAULT_MAX_LINE_BYTES, type ReadOptions, type RunResult } from './types';

export interface StreamReadOptions extends ReadOptions {
  /** Name of the input in problems and in the run, when `input` is a stream. */
  readonly source?: string;
}

export function sourceName(input: string | Readable, opts: StreamReadOptions): string {
  return opts.source ?? (typeof input === 'string' ? input : '<stream>');
}

/** The folder holding a file, as a default run name. */
export function folderRunName(path: string): string | undefined {
  const d = basename(dirname(path));
  return d === '' || d === '.' || d === '/' ? undefined : d;
}

/** Summarise a JSON Lines file or stream: last and best per numeric key, streamed with bounded memory. */
export async function readJsonLines(input: string | Readable, opts: StreamReadOptions = {}): Promise<RunResult> {
  const source = sourceName(input, opts);
  const run = new RunBuilder(source, 'jsonl', opts);
  if (typeof input === 'string') run.runName = folderRunName(input);
  let rows = 0;
  const outcome = await forEachLine(input, opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES, {
    line(text, lineNo) {
      if (isBlank(text)) return;
      let row: unknown;
      try {
        row = JSON.parse(text);
      } catch {
        const parsed = parseJsonLenient(text);
        if (!parsed.ok) {
          run.problems.error(l10n.t('not valid JSON: {0}', parsed.message), lineNo);
          return;
        }
        row = parsed.value;
      }
      if (!isPlainObject(row)) {
        run.problems.error(l10n.t('expected a JSON object ({"metric": value, ...})'), lineNo);
        return;
      }
      rows++;
      addRow(run.metrics, row);
    },
    tooLong(lineNo, limit) {
      run.problems.error(l10n.t('line longer than {0}; skipped', limit), lineNo);
    },
  });
  if (!outcome.ok) run.problems.error(outcome.message);
  else if (rows > 0 && run.metrics.size === 0) run.problems.warning(l10n.t('no numeric values found'));
  return run.build();
}

function isBlank(text: string): boolean {
  if (text.length === 0) return true;
  const c = text.charCodeAt(0);
  if (c === 123 /* { */) return false;
  return text.trim().length === 0;
}

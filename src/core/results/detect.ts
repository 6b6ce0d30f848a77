// Which reader a path needs: by name first (tools use fixed names), then by a peek at the content.
import { promises as fsp } from 'node:fs';
import { basename, extname } from 'node:path';
import { readHead } from './file-access';
import { parseJsonLenient } from './lenient-json';
import { HF_RESULT_FILES, HF_TRAINER_STATE } from './json-readers';
import { isMlflowRunDir } from './mlflow-reader';
import type { ResultFormat } from './types';

const OWN_MARKER = /"format"\s*:\s*"mlroadmap-result\//;
const PEEK_BYTES = 64 * 1024;

/** The format of a file or folder, or undefined when no reader applies. Never throws. */
export async function detectFormat(path: string): Promise<ResultFormat | undefined> {
  let isDir: boolean;
  try {
    isDir = (await fsp.stat(path)).isDirectory();
  } catch {
    return undefined;
  }
  if (isDir) return (await isMlflowRunDir(path)) ? 'mlflow' : undefined;
  const name = basename(path).toLowerCase();
  const ext = extname(name);
  if (name === 'dvc.yaml') return 'dvc';
  if (name === 'wandb-summary.json') return 'wandb';
  if (HF_RESULT_FILES.includes(name) || name === HF_TRAINER_STATE) return 'huggingface';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.csv' || ext === '.tsv') return 'csv';
  if (ext !== '.json') return undefined;
  let head: string;
  try {
    head = (await readHead(path, PEEK_BYTES)).toString('utf8');
  } catch {
    return undefined;
  }
  if (OWN_MARKER.test(head)) return 'mlroadmap';
  return holdsJsonLines(head) ? 'jsonl' : 'json';
}

/**
 * True when text starts with a complete one-line JSON value followed by another non-blank line
 * (`{"a": 1}\n{"a": 2}`), as in detectron2's metrics.json; a pretty-printed object is not.
 */
export function holdsJsonLines(head: string): boolean {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  const start = text.search(/\S/);
  if (start < 0 || text[start] !== '{') return false;
  const nl = text.indexOf('\n', start);
  if (nl < 0) return false;
  if (!parseJsonLenient(text.slice(start, nl)).ok) return false;
  const rest = text.slice(nl + 1).trimStart();
  return rest.startsWith('{');
}

// Which reader a path needs: by name first (tools use fixed names), then by a peek at the content.
import { promises as fsp } from 'node:fs';
import { basename, extname } from 'node:path';
import { readHead } from './file-access';
import { parseJsonLenient } from './lenient-json';
import { HF_RESULT_FILES, HF_TRAINER_STATE } from './json-readers';
import { isMlflowRunDir } from './mlflow-reader';
import type { ResultFormat } from './types';

const OWN_MARKER = /"format"\s*:\s*"mlroadmap-result\//;
/** How much of a JSON file is read to tell JSON Lines from one JSON value. */
export const PEEK_BYTES = 64 * 1024;

/**
 * The format a file's lower-case name says: fixed tool names, then extensions. `json` means a `.json` file whose
 * content decides (`formatByHead`); undefined when no reader applies.
 */
export function formatByName(name: string): ResultFormat | undefined {
  const ext = extname(name);
  if (name === 'dvc.yaml') return 'dvc';
  if (name === 'wandb-summary.json') return 'wandb';
  if (HF_RESULT_FILES.includes(name) || name === HF_TRAINER_STATE) return 'huggingface';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.csv' || ext === '.tsv') return 'csv';
  if (ext === '.json') return 'json';
  return undefined;
}

/** True when the first bytes of a JSON file mark it as the own result format. */
export function isOwnFormat(head: string): boolean {
  return OWN_MARKER.test(head);
}

/** The format of a `.json` file by its first bytes: the own format, JSON Lines under a .json name, or plain JSON. */
export function formatByHead(head: string): 'mlroadmap' | 'jsonl' | 'json' {
  if (isOwnFormat(head)) return 'mlroadmap';
  return holdsJsonLines(head) ? 'jsonl' : 'json';
}

/** The format of a file or folder, or undefined when no reader applies. Never throws. */
export async function detectFormat(path: string): Promise<ResultFormat | undefined> {
  let isDir: boolean;
  try {
    isDir = (await fsp.stat(path)).isDirectory();
  } catch {
    return undefined;
  }
  if (isDir) return (await isMlflowRunDir(path)) ? 'mlflow' : undefined;
  const byName = formatByName(basename(path).toLowerCase());
  if (byName !== 'json') return byName;
  let head: string;
  try {
    head = (await readHead(path, PEEK_BYTES)).toString('utf8');
  } catch {
    return undefined;
  }
  return formatByHead(head);
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

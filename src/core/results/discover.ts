// Searching a folder for result files: bounded depth and entry count; skips dependencies, caches and hidden folders.
import * as l10n from '@vscode/l10n';
import { promises as fsp } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { formatByHead, formatByName, isOwnFormat, PEEK_BYTES } from './detect';
import { readHead } from './file-access';
import { isMlflowRunDir } from './mlflow-reader';
import type { ResultFormat } from './types';

/** One thing to read: a file, an MLflow run folder, or the Hugging Face files of one output folder. */
export interface ResultTarget {
  readonly format: ResultFormat;
  readonly paths: readonly string[];
}

export interface DiscoverOptions {
  /** How many folder levels below the root are searched. Default 8. */
  readonly maxDepth?: number;
  /** How many directory entries are looked at before the search stops. Default 50,000. */
  readonly maxEntries?: number;
}

export interface Discovery {
  readonly targets: ResultTarget[];
  /** Set when the search stopped early. */
  readonly truncated?: string;
}

const SKIPPED_FOLDERS = new Set(['node_modules', '__pycache__', 'site-packages', 'venv', 'env', 'dist', 'build', 'checkpoints']);
/** CSV, JSON Lines and plain JSON files are taken from a folder only when their name says they hold results. */
const RESULTS_NAME = /metric|result|score|eval|log|history|progress|summary/i;
/** How much of a JSON file whose name does not say it holds results is read to look for the own format's marker. */
const MARKER_PEEK_BYTES = 4096;

/** Find result files under `root`, sorted by path within each folder. */
export async function discoverResults(root: string, opts: DiscoverOptions = {}): Promise<Discovery> {
  const maxDepth = opts.maxDepth ?? 8;
  let budget = opts.maxEntries ?? 50_000;
  const targets: ResultTarget[] = [];
  let truncated: string | undefined;

  const visit = async (dir: string, depth: number): Promise<void> => {
    if (truncated !== undefined) return;
    if (await isMlflowRunDir(dir)) {
      targets.push({ format: 'mlflow', paths: [dir] });
      return;
    }
    let entries;
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    budget -= entries.length;
    if (budget < 0) {
      truncated = l10n.t('search stopped after {0} entries; pass narrower folders', opts.maxEntries ?? 50_000);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const hf: string[] = [];
    const subdirs: string[] = [];
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !SKIPPED_FOLDERS.has(e.name) && depth < maxDepth) subdirs.push(path);
        continue;
      }
      if (!e.isFile()) continue;
      const format = await formatInFolder(path, e.name);
      if (format === 'huggingface') hf.push(path);
      else if (format !== undefined) targets.push({ format, paths: [path] });
    }
    if (hf.length > 0) targets.push({ format: 'huggingface', paths: hf });
    for (const d of subdirs) await visit(d, depth + 1);
  };

  await visit(root, 0);
  return truncated !== undefined ? { targets, truncated } : { targets };
}

async function formatInFolder(path: string, name: string): Promise<ResultFormat | undefined> {
  const lower = name.toLowerCase();
  const byName = formatByName(lower);
  // In a folder, CSV, JSON Lines and plain JSON files count only when their name says they hold results (or, for
  // JSON, their content says it is the own format).
  const resultsNamed = RESULTS_NAME.test(basename(lower, extname(lower)));
  if (byName === 'jsonl' || byName === 'csv') return resultsNamed ? byName : undefined;
  if (byName !== 'json') return byName;
  let head: string;
  try {
    head = (await readHead(path, resultsNamed ? PEEK_BYTES : MARKER_PEEK_BYTES)).toString('utf8');
  } catch {
    return undefined;
  }
  if (!resultsNamed) return isOwnFormat(head) ? 'mlroadmap' : undefined;
  return formatByHead(head);
}

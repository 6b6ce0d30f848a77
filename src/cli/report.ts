// `mlroadmap report [mlroadmap.yaml] --out <file> [--format html|md]`: the Discovery report for business owners, one
// file. HTML: a self-contained page (no server, no network) drawn by the report's browser bundle from the snapshot
// embedded in it; Markdown: tables and the pitfall list for a pull request, no charts.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { reportHtml, type ReportAssets } from '../core/report/html';
import { loadReportSnapshotSince } from '../core/report/load';
import { reportMarkdown } from '../core/report/markdown';
import { ROADMAP_FILE_NAME } from '../core/roadmap/model';
import { sinceRef } from '../git/since';
import type { CliIo } from './io';

const USAGE = `Usage: mlroadmap report [path-to-mlroadmap.yaml] --out <file> [--format html|md] [--since <git ref>]

Writes the Discovery report of the roadmap (default ./${ROADMAP_FILE_NAME}; a folder means its ${ROADMAP_FILE_NAME}):
the problem, goal and deadline, progress per stage and track, what is blocked, metrics and targets, each candidate's
latest result against the baseline and the target, the cost-versus-benefit chart and the ranking, reality checks,
decisions and open pitfall findings. --format html (the default, or from the file's extension) writes one page that
opens offline in any browser; --format md writes Markdown for a pull request (no chart). --out - prints to stdout.
--since <git ref> adds what changed since that commit: steps and candidates whose status changed, new candidates,
changed metric targets, decision records added or whose status changed, and results recorded after it.
Exit status: 0 written, 2 usage error, unreadable roadmap, or a --since ref that is not a commit of its repository
(nothing is written then).`;

type Format = 'html' | 'md';

interface ReportArgs {
  readonly path: string;
  readonly out: string;
  readonly format: Format;
  readonly since?: string;
}

export interface ReportOptions {
  /** Where report.js and report.css are (dist/report); by default beside the CLI bundle. */
  readonly assetsDir?: string;
  readonly now?: Date;
  /** Environment for git (tests: an empty HOME). */
  readonly gitEnv?: Readonly<Record<string, string>>;
}

function usageError(io: CliIo, message: string): number {
  io.err(`mlroadmap report: ${message}\n\n${USAGE}`);
  return 2;
}

function parseArgs(args: readonly string[], io: CliIo): ReportArgs | number {
  const paths: string[] = [];
  let out: string | undefined;
  let format: string | undefined;
  let since: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') {
      io.out(USAGE);
      return 0;
    } else if (a === '--out' || a === '-o') {
      out = args[++i];
      if (out === undefined) return usageError(io, '--out needs a file');
    } else if (a.startsWith('--out=')) out = a.slice('--out='.length);
    else if (a === '--format') {
      format = args[++i];
      if (format === undefined) return usageError(io, '--format needs html or md');
    } else if (a.startsWith('--format=')) format = a.slice('--format='.length);
    else if (a === '--since') {
      since = args[++i];
      if (since === undefined || since === '') return usageError(io, '--since needs a git ref');
    } else if (a.startsWith('--since=')) {
      since = a.slice('--since='.length);
      if (since === '') return usageError(io, '--since needs a git ref');
    }
    else if (a.startsWith('-') && a !== '-') return usageError(io, `unknown option '${a}'`);
    else paths.push(a);
  }
  if (paths.length > 1) return usageError(io, 'give at most one roadmap file');
  if (out === undefined || out === '') return usageError(io, 'give the file to write with --out (or --out - for stdout)');
  const chosen = format ?? (/\.(md|markdown)$/i.test(out) ? 'md' : 'html');
  if (chosen !== 'html' && chosen !== 'md') return usageError(io, `unknown format '${chosen}': use html or md`);
  return { path: paths[0] ?? ROADMAP_FILE_NAME, out, format: chosen, ...(since !== undefined ? { since } : {}) };
}

/** report.js and report.css: beside the CLI bundle (dist/report), or built into dist/report when run from source. */
export function readReportAssets(dir?: string): ReportAssets | string {
  const candidates = dir ? [dir] : [join(__dirname, 'report'), resolve(__dirname, '..', '..', 'dist', 'report')];
  for (const d of candidates) {
    const js = join(d, 'report.js');
    if (existsSync(js)) return { script: readFileSync(js, 'utf8'), css: readFileSync(join(d, 'report.css'), 'utf8') };
  }
  return `the report's page bundle is missing (looked in ${candidates.join(', ')}); run npm run build`;
}

export async function runReport(args: readonly string[], io: CliIo, options: ReportOptions = {}): Promise<number> {
  const parsed = parseArgs(args, io);
  if (typeof parsed === 'number') return parsed;
  let file = resolve(io.cwd, parsed.path);
  try {
    if (statSync(file).isDirectory()) file = join(file, ROADMAP_FILE_NAME);
    readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(`mlroadmap report: cannot read ${parsed.path}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    return 2;
  }
  const rel = relative(io.cwd, file);
  const source = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
  const ref = parsed.since;
  const gitEnv = options.gitEnv;
  const snapshot = await loadReportSnapshotSince(
    file,
    source,
    options.now ?? new Date(),
    ref === undefined ? undefined : (now) => sinceRef(file, ref, now, gitEnv ? { env: gitEnv } : {}),
  );
  if ('ok' in snapshot) {
    io.err(`mlroadmap report: --since ${ref ?? ''}: ${snapshot.message}`);
    return 2;
  }
  let text: string;
  if (parsed.format === 'md') text = reportMarkdown(snapshot);
  else {
    const assets = readReportAssets(options.assetsDir);
    if (typeof assets === 'string') {
      io.err(`mlroadmap report: ${assets}`);
      return 2;
    }
    text = reportHtml(snapshot, assets);
  }
  if (parsed.out === '-') {
    io.out(text);
    return 0;
  }
  const target = resolve(io.cwd, parsed.out);
  try {
    writeFileSync(target, text);
  } catch (e) {
    io.err(`mlroadmap report: cannot write ${parsed.out}: ${(e as Error).message}`);
    return 2;
  }
  io.err(`mlroadmap report: wrote ${parsed.out} (${parsed.format}, ${Math.round(Buffer.byteLength(text) / 1024)} KB)`);
  return 0;
}

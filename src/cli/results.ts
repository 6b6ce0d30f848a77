// `mlroadmap results <file-or-folder>... [--json]`: summarise result files (any supported format) for terminals and CI.
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { formatNumber } from '../core/results/numbers';
import { allProblems, readResults } from '../core/results/read-results';
import type { ResultProblem, RunResult } from '../core/results/types';
import type { CliIo } from './io';

const USAGE = `Usage: mlroadmap results <file-or-folder>... [--json]

Reads result files (mlroadmap-result/1 JSON, JSON Lines, CSV, DVC metrics, MLflow mlruns, Hugging Face *_results.json
and trainer_state.json, W&B wandb-summary.json); folders are searched. Prints one row per run with each metric's last
and best value, or JSON with --json.
Exit status: 0 all read, 1 some file had problems, 2 usage error.`;

interface ResultsArgs {
  readonly paths: string[];
  readonly json: boolean;
}

function parseArgs(args: readonly string[], io: CliIo): ResultsArgs | number {
  const paths: string[] = [];
  let json = false;
  let onlyPaths = false;
  for (const a of args) {
    if (!onlyPaths && a === '--') onlyPaths = true;
    else if (!onlyPaths && a === '--json') json = true;
    else if (!onlyPaths && (a === '--help' || a === '-h')) {
      io.out(USAGE);
      return 0;
    } else if (!onlyPaths && a.startsWith('-') && a !== '-') {
      io.err(`mlroadmap results: unknown option '${a}'\n\n${USAGE}`);
      return 2;
    } else paths.push(a);
  }
  if (paths.length === 0) {
    io.err(`mlroadmap results: give at least one file or folder\n\n${USAGE}`);
    return 2;
  }
  const missing = paths.filter((p) => !existsSync(resolve(io.cwd, p)));
  if (missing.length > 0) {
    io.err(missing.map((p) => `mlroadmap results: no such file or folder: ${p}`).join('\n'));
    return 2;
  }
  return { paths, json };
}

export async function runResults(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, io);
  if (typeof parsed === 'number') return parsed;
  const out = await readResults(parsed.paths.map((p) => resolve(io.cwd, p)));
  const display = (p: string): string => displayPath(io.cwd, p);
  const problems = allProblems(out).map((p) => ({ ...p, source: display(p.source) }));
  if (parsed.json) {
    const runs = out.runs.map((r) => ({
      source: display(r.source),
      format: r.format,
      candidate: r.candidate ?? null,
      runName: r.runName ?? null,
      metrics: Object.fromEntries(
        Object.entries(r.metrics).map(([k, m]) => [k, { last: m.last, best: m.best, count: m.count, goal: m.goal, ...(m.step !== undefined ? { step: m.step } : {}) }]),
      ),
    }));
    io.out(JSON.stringify({ runs, problems }, null, 2));
  } else {
    io.out(formatTable(out.runs, display));
    if (problems.length > 0) io.err(problems.map(formatProblem).join('\n'));
  }
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

function displayPath(cwd: string, p: string): string {
  if (!isAbsolute(p)) return p;
  const rel = relative(cwd, p);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? p : rel;
}

function formatTable(runs: readonly RunResult[], display: (p: string) => string): string {
  if (runs.length === 0) return 'No runs read.';
  const rows = runs.map((r) => {
    const name = r.candidate ?? r.runName ?? display(r.source);
    const metrics = Object.entries(r.metrics)
      .map(([k, m]) => (m.count > 1 && m.best !== m.last ? `${k} ${formatNumber(m.last)} (best ${formatNumber(m.best)})` : `${k} ${formatNumber(m.last)}`))
      .join('  ·  ');
    return [name, r.format, metrics || '(no metrics)', display(r.source)];
  });
  const header = ['run', 'format', 'metrics: last (best)', 'source'];
  const w0 = Math.max(header[0].length, ...rows.map((r) => r[0].length));
  const w1 = Math.max(header[1].length, ...rows.map((r) => r[1].length));
  const line = (r: string[]): string => `${r[0].padEnd(w0)}  ${r[1].padEnd(w1)}  ${r[2]}  [${r[3]}]`;
  return [line(header).replace(/\[source\]$/, 'source'), ...rows.map(line)].join('\n');
}

function formatProblem(p: ResultProblem): string {
  return `${p.source}${p.line !== undefined ? `:${p.line}` : ''}: ${p.severity}: ${p.message}`;
}

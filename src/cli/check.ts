// `mlroadmap check [mlroadmap.yaml] [--json] [--gate production|shipped]`: the roadmap's diagnostics and pitfalls for
// terminals and CI, and optionally a phase gate. Lines and columns printed are 1-based.
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { analyseRoadmapOnDisk } from '../core/process/on-disk';
import type { GateTarget } from '../core/process/gates';
import { ROADMAP_FILE_NAME, type RoadmapDiagnostic } from '../core/roadmap/model';
import type { CliIo } from './io';

const USAGE = `Usage: mlroadmap check [path-to-mlroadmap.yaml] [--json] [--gate production|shipped]

Reads the roadmap (default ./${ROADMAP_FILE_NAME}; a folder means its ${ROADMAP_FILE_NAME}), reports its syntax and
schema problems and the five pitfall checks as 'file:line:col severity code message' lines (1-based), or one JSON
object with --json. --gate also checks the gate into that phase.
Exit status: 0 no error and the gate (if asked) passed, 1 otherwise, 2 usage error or unreadable file.`;

const GATES: readonly GateTarget[] = ['production', 'shipped'];

interface CheckArgs {
  readonly path: string;
  readonly json: boolean;
  readonly gate?: GateTarget;
}

function usageError(io: CliIo, message: string): number {
  io.err(`mlroadmap check: ${message}\n\n${USAGE}`);
  return 2;
}

function parseArgs(args: readonly string[], io: CliIo): CheckArgs | number {
  const paths: string[] = [];
  let json = false;
  let gate: string | undefined;
  let onlyPaths = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (onlyPaths) paths.push(a);
    else if (a === '--') onlyPaths = true;
    else if (a === '--json') json = true;
    else if (a === '--help' || a === '-h') {
      io.out(USAGE);
      return 0;
    } else if (a === '--gate') {
      gate = args[++i];
      if (gate === undefined) return usageError(io, '--gate needs a phase: production or shipped');
    } else if (a.startsWith('--gate=')) gate = a.slice('--gate='.length);
    else if (a.startsWith('-') && a !== '-') return usageError(io, `unknown option '${a}'`);
    else paths.push(a);
  }
  if (paths.length > 1) return usageError(io, 'give at most one roadmap file');
  if (gate !== undefined && !(GATES as readonly string[]).includes(gate)) {
    return usageError(io, `unknown gate '${gate}': use production or shipped`);
  }
  return { path: paths[0] ?? ROADMAP_FILE_NAME, json, ...(gate ? { gate: gate as GateTarget } : {}) };
}

/** Reads the roadmap text; a folder stands for its mlroadmap.yaml. A string result is why it cannot be read. */
function readRoadmapFile(absolute: string): { file: string; text: string } | string {
  try {
    const file = statSync(absolute).isDirectory() ? join(absolute, ROADMAP_FILE_NAME) : absolute;
    return { file, text: readFileSync(file, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (e as Error).message;
  }
}

function displayPath(cwd: string, p: string): string {
  const rel = relative(cwd, p);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? p : rel;
}

interface GateOutput {
  readonly target: GateTarget;
  readonly passed: boolean;
  readonly unmet: readonly { readonly id: string; readonly message: string }[];
}

interface Checked {
  readonly diagnostics: readonly RoadmapDiagnostic[];
  readonly gate?: GateOutput;
}

async function check(text: string, root: string, gate: GateTarget | undefined): Promise<Checked> {
  const { analysis, syntaxBroken } = await analyseRoadmapOnDisk(text, root, gate);
  const { diagnostics } = analysis;
  if (!gate) return { diagnostics };
  if (analysis.gate) return { diagnostics, gate: analysis.gate };
  const message = syntaxBroken ? 'The roadmap has YAML syntax errors.' : 'The roadmap could not be read.';
  return { diagnostics, gate: { target: gate, passed: false, unmet: [{ id: 'roadmap', message }] } };
}

function byPosition(a: RoadmapDiagnostic, b: RoadmapDiagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export async function runCheck(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, io);
  if (typeof parsed === 'number') return parsed;
  const read = readRoadmapFile(resolve(io.cwd, parsed.path));
  if (typeof read === 'string') {
    io.err(`mlroadmap check: cannot read ${parsed.path}: ${read}`);
    return 2;
  }
  const file = displayPath(io.cwd, read.file);
  const { diagnostics, gate } = await check(read.text, dirname(read.file), parsed.gate);
  const sorted = [...diagnostics].sort(byPosition);
  if (parsed.json) {
    const out = {
      file,
      diagnostics: sorted.map((d) => ({ code: d.code, severity: d.severity, message: d.message, line: d.range.start.line + 1, column: d.range.start.character + 1 })),
      ...(gate ? { gate } : {}),
    };
    io.out(JSON.stringify(out, null, 2));
  } else {
    for (const d of sorted) io.out(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`);
    if (gate) {
      io.out(`gate ${gate.target}: ${gate.passed ? 'passed' : 'not passed'}`);
      for (const u of gate.unmet) io.out(`  - ${u.message}`);
    }
    const errors = sorted.filter((d) => d.severity === 'error').length;
    const warnings = sorted.filter((d) => d.severity === 'warning').length;
    io.err(errors + warnings === 0 ? `${file}: no problems` : `${file}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  }
  const hasError = diagnostics.some((d) => d.severity === 'error');
  return hasError || (gate !== undefined && !gate.passed) ? 1 : 0;
}

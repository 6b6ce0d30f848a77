// `mlroadmap init [--dir <folder>] [--yes] [--json] [--name <text>] [--problem <text>]`: looks at the project before
// writing, lists what it found (each with the file it came from), and writes mlroadmap.yaml with the findings kept.
// Never overwrites an existing roadmap.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { describeFinding, detectProject, initialRoadmap, type Finding, type ProjectFindings } from '../core/init';
import { nodeDetectInput } from '../core/init/node';
import { today } from '../core/roadmap/inputs';
import { ROADMAP_FILE_NAME } from '../core/roadmap/model';
import type { CliIo } from './io';

const USAGE = `Usage: mlroadmap init [--dir <folder>] [--yes] [--json] [--name <text>] [--problem <text>]

Looks at the project (result files, run names, data files, an evaluate.py / dvc.yaml stage / Makefile target, an ADR
folder, references.bib and the README's related-work links) and lists what it found, each with the file it came
from. Then writes ${ROADMAP_FILE_NAME}: the starter roadmap with the findings kept. In a terminal it asks which to
keep; --yes keeps them all without asking. --json prints the findings as JSON (and writes only with --yes).
Never overwrites an existing ${ROADMAP_FILE_NAME}.
Exit status: 0 written (or listed), 1 a roadmap already exists or nothing was written, 2 usage error.`;

interface InitArgs {
  readonly dir: string;
  readonly yes: boolean;
  readonly json: boolean;
  readonly name?: string;
  readonly problem?: string;
}

function usageError(io: CliIo, message: string): number {
  io.err(`mlroadmap init: ${message}\n\n${USAGE}`);
  return 2;
}

function parseArgs(args: readonly string[], io: CliIo): InitArgs | number {
  let dir = '.';
  let yes = false;
  let json = false;
  let name: string | undefined;
  let problem: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    if (flag === '--help' || flag === '-h') {
      io.out(USAGE);
      return 0;
    } else if (flag === '--yes' || flag === '-y') yes = true;
    else if (flag === '--json') json = true;
    else if (flag === '--dir' || flag === '--name' || flag === '--problem') {
      const v = value();
      if (v === undefined) return usageError(io, `${flag} needs a value`);
      if (flag === '--dir') dir = v;
      else if (flag === '--name') name = v;
      else problem = v;
    } else return usageError(io, a.startsWith('-') ? `unknown option '${a}'` : `unexpected argument '${a}' (use --dir for the folder)`);
  }
  return { dir, yes, json, ...(name !== undefined ? { name } : {}), ...(problem !== undefined ? { problem } : {}) };
}

function findingsJson(found: ProjectFindings): unknown {
  return { findings: found.findings, ...(found.truncated ? { truncated: found.truncated } : {}) };
}

function listFindings(io: CliIo, findings: readonly Finding[]): void {
  findings.forEach((f, i) => io.out(`${String(i + 1).padStart(3)}. ${describeFinding(f)}\n       from ${f.sources.join(', ')}`));
}

/** Which findings to keep, from an answer: empty or y keeps all, n keeps none, `-2,5` (or `2 5` after "drop") drops those. */
function keptFrom(answer: string, findings: readonly Finding[]): readonly Finding[] | undefined {
  const a = answer.trim().toLowerCase();
  if (a === '' || a === 'y' || a === 'yes') return findings;
  if (a === 'n' || a === 'no' || a === 'q') return undefined;
  const numbers = a.replace(/^-/, '').split(/[\s,]+/).filter(Boolean).map(Number);
  if (numbers.some((n) => !Number.isInteger(n) || n < 1 || n > findings.length)) return undefined;
  return findings.filter((_, i) => !numbers.includes(i + 1));
}

export async function runInit(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, io);
  if (typeof parsed === 'number') return parsed;
  const root = resolve(io.cwd, parsed.dir);
  try {
    if (!statSync(root).isDirectory()) return usageError(io, `${parsed.dir} is not a folder`);
  } catch {
    return usageError(io, `no such folder: ${parsed.dir}`);
  }
  const file = join(root, ROADMAP_FILE_NAME);
  const shown = relative(io.cwd, file) || file;
  const found = await detectProject(nodeDetectInput(root));
  if (parsed.json) io.out(JSON.stringify(findingsJson(found), null, 2));
  if (existsSync(file)) {
    io.err(`mlroadmap init: ${shown} already exists: not overwritten`);
    return 1;
  }
  if (parsed.json && !parsed.yes) return 0;

  let kept: readonly Finding[] | undefined = found.findings;
  if (!parsed.yes && found.findings.length > 0) {
    if (!io.interactive || !io.ask) {
      io.err(
        `mlroadmap init: found ${found.findings.length} thing${found.findings.length === 1 ? '' : 's'} to put in ${shown} and there is no terminal to ask which to keep: ` +
          'pass --yes to keep them all, or --json to see them.',
      );
      return 2;
    }
    io.out(`Found in ${relative(io.cwd, root) || '.'}:`);
    listFindings(io, found.findings);
    if (found.truncated) io.out(`(${found.truncated})`);
    const answer = await io.ask(`Write ${shown} with all of these? [Y/n, or the numbers to leave out, e.g. -2,5] `);
    kept = keptFrom(answer, found.findings);
    if (kept === undefined) {
      io.err('mlroadmap init: nothing written');
      return 1;
    }
  }
  const written = initialRoadmap({ name: parsed.name ?? basename(root), problem: parsed.problem ?? '', today: today() }, kept);
  if (!written.ok) {
    io.err(`mlroadmap init: could not write the roadmap: ${written.error}`);
    return 1;
  }
  try {
    writeFileSync(file, written.text, { flag: 'wx' });
  } catch (e) {
    const exists = (e as NodeJS.ErrnoException).code === 'EEXIST';
    io.err(`mlroadmap init: ${exists ? `${shown} already exists: not overwritten` : `cannot write ${shown}: ${(e as Error).message}`}`);
    return 1;
  }
  if (!parsed.json) {
    io.out(`Wrote ${shown} with ${kept.length} finding${kept.length === 1 ? '' : 's'}${kept.length > 0 ? ':' : '.'}`);
    for (const f of kept) io.out(`  - ${describeFinding(f)} (from ${f.sources[0]}${f.sources.length > 1 ? ', …' : ''})`);
    io.err('Next: mlroadmap check');
  }
  return 0;
}

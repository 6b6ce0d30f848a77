// `mlroadmap decisions [folder] [--json]`: lists the architecture decision records of a folder
// (MADR 2-4, Nygard/adr-tools, log4brains). Exit 0 all read, 1 some record not understood or the folder unreadable,
// 2 usage error.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { padNumber, readDecisionFolder, type DecisionRecord } from '../core/decisions';
import { parseRoadmap } from '../core/roadmap/parse';
import { DEFAULT_DECISIONS_FOLDER, ROADMAP_FILE_NAME } from '../core/roadmap/model';
import type { CliIo } from './io';

const USAGE = 'Usage: mlroadmap decisions [folder] [--json]';

export async function runDecisions(args: readonly string[], io: CliIo): Promise<number> {
  let json = false;
  const positional: string[] = [];
  for (const a of args) {
    if (a === '--json') json = true;
    else if (a === '--help' || a === '-h') {
      io.out(`${USAGE}\n\nLists the decision records in the folder (default: the roadmap's \`decisions\` key, else ${DEFAULT_DECISIONS_FOLDER}).`);
      return 0;
    } else if (a.startsWith('-')) {
      io.err(`mlroadmap decisions: unknown option '${a}'\n${USAGE}`);
      return 2;
    } else positional.push(a);
  }
  if (positional.length > 1) {
    io.err(`mlroadmap decisions: expected at most one folder, got ${positional.length}\n${USAGE}`);
    return 2;
  }
  const folder = positional[0] ?? defaultFolder(io.cwd);
  const abs = resolve(io.cwd, folder);
  // A folder that cannot be listed (EACCES, ENOTDIR, I/O error) is an error problem, exit 1: never "no records".
  const result = readDecisionFolder(abs);
  if (!result.error && !existsSync(abs)) {
    io.err(`mlroadmap decisions: no such folder: ${folder}\n${USAGE}`);
    return 2;
  }
  const show = (file: string) => (isAbsolute(folder) ? file : relative(io.cwd, file) || file);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (json) {
    io.out(
      JSON.stringify(
        {
          decisions: result.records.map((r) => ({
            number: r.number,
            title: r.title,
            status: r.status ?? null,
            category: r.category,
            date: r.date ?? null,
            supersedes: r.supersedes,
            supersededBy: r.supersededBy,
            file: show(r.file),
          })),
          problems: result.problems.map((p) => ({ file: show(p.file), severity: p.severity, message: p.message })),
        },
        null,
        2,
      ),
    );
  } else {
    if (result.records.length === 0 && result.problems.length === 0) io.out(`No decision records in ${folder}.`);
    for (const r of result.records) io.out(line(r));
    for (const p of result.problems) io.err(`${show(p.file)}: ${p.severity}: ${p.message}`);
  }
  return errors.length > 0 ? 1 : 0;
}

function line(r: DecisionRecord): string {
  const links = [
    ...(r.supersedes.length > 0 ? [`supersedes ${r.supersedes.map(padNumber).join(', ')}`] : []),
    ...(r.supersededBy.length > 0 ? [`superseded by ${r.supersededBy.map(padNumber).join(', ')}`] : []),
  ];
  return [r.padded, r.title, r.status ?? '-', r.date ?? '-', ...links].join('  ');
}

/** The roadmap's `decisions` key (as the extension reads it) when `mlroadmap.yaml` is in the folder, else the default. */
export function defaultFolder(cwd: string): string {
  let text: string;
  try {
    text = readFileSync(join(cwd, ROADMAP_FILE_NAME), 'utf8');
  } catch {
    return DEFAULT_DECISIONS_FOLDER; // No roadmap or not readable.
  }
  return parseRoadmap(text).roadmap?.decisions.trim() || DEFAULT_DECISIONS_FOLDER;
}

// `mlroadmap scaffold <template> --dir <folder> --dataset <csv> --target <column>
//   [--task classification|regression] [--name <id>] [--seed <n>] [--roadmap <mlroadmap.yaml>] [--overwrite]`
// Exit codes: 0 written; 1 files exist (nothing written) or the roadmap could not be updated; 2 usage error.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  allowOverwrite,
  findBuiltinTemplatesDir,
  findTemplate,
  listTemplates,
  loadTemplate,
  planBaseline,
  TASKS,
  writePlannedFiles,
  type Task,
} from '../core/scaffold';
import type { CliIo } from './io';
import { registerBaseline } from './scaffold-register';

const USAGE = `Usage: mlroadmap scaffold <template> --dir <folder> --dataset <csv> --target <column>
                          [--task classification|regression] [--name <candidate-id>] [--seed <n>]
                          [--roadmap <mlroadmap.yaml>] [--overwrite]
Templates: dumb, sklearn, pytorch (and the workspace's .mlroadmap/templates/<name>).`;

const VALUE_OPTIONS = ['--dir', '--dataset', '--target', '--task', '--name', '--seed', '--roadmap', '--templates'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

interface ParsedArgs {
  readonly template?: string;
  readonly options: Partial<Record<ValueOption, string>>;
  readonly overwrite: boolean;
}

function parseArgs(args: readonly string[]): ParsedArgs | string {
  const options: Partial<Record<ValueOption, string>> = {};
  const positional: string[] = [];
  let overwrite = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--overwrite') overwrite = true;
    else if ((VALUE_OPTIONS as readonly string[]).includes(flag)) {
      const value = inline ?? args[++i];
      if (value === undefined) return `${flag} needs a value`;
      options[flag as ValueOption] = value;
    } else if (flag.startsWith('-')) return `unknown option '${flag}'`;
    else positional.push(arg);
  }
  if (positional.length > 1) return `one template expected, got: ${positional.join(' ')}`;
  return { template: positional[0], options, overwrite };
}

export async function runScaffold(args: readonly string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') return usage(io, parsed);
  const { template: name, options } = parsed;
  if (!name) return usage(io, 'missing the template');
  const missing = (['--dir', '--dataset', '--target'] as const).filter((o) => options[o] === undefined);
  if (missing.length > 0) return usage(io, `missing ${missing.join(', ')}`);
  if (options['--task'] !== undefined && !TASKS.includes(options['--task'] as Task)) {
    return usage(io, `--task must be classification or regression (got '${options['--task']}')`);
  }
  let seed: number | undefined;
  if (options['--seed'] !== undefined) {
    if (!/^-?\d+$/.test(options['--seed'])) return usage(io, `--seed must be an integer (got '${options['--seed']}')`);
    seed = Number(options['--seed']);
  }

  const targetDir = resolve(io.cwd, options['--dir']!);
  const datasetPath = resolve(io.cwd, options['--dataset']!);
  const roadmapPath = options['--roadmap'] !== undefined ? resolve(io.cwd, options['--roadmap']) : undefined;
  if (!existsSync(datasetPath) || !statSync(datasetPath).isFile()) return usage(io, `dataset not found: ${datasetPath}`);
  if (roadmapPath !== undefined && !existsSync(roadmapPath)) return usage(io, `roadmap not found: ${roadmapPath}`);

  const builtinDir = options['--templates'] !== undefined ? resolve(io.cwd, options['--templates']) : findBuiltinTemplatesDir(__dirname);
  const workspaceDir = roadmapPath !== undefined ? resolve(roadmapPath, '..') : io.cwd;
  const listing = listTemplates(builtinDir, workspaceDir);
  for (const p of listing.problems) io.err(`mlroadmap scaffold: ignoring the template in ${p.dir}: ${p.errors.join('; ')}`);
  const info = findTemplate(listing, name);
  if (!info) {
    const known = listing.templates.map((t) => t.name).join(', ') || 'none found';
    return usage(io, `unknown template '${name}' (templates: ${known})`);
  }

  const plan = planBaseline({
    template: loadTemplate(info),
    targetDir,
    datasetPath,
    target: options['--target']!,
    task: options['--task'] as Task | undefined,
    candidate: options['--name'],
    seed,
  });
  if (!plan.ok) return usage(io, plan.errors.join('\n'));

  const files = parsed.overwrite ? allowOverwrite(plan.files, plan.files.map((f) => f.path)) : plan.files;
  const outcome = writePlannedFiles(targetDir, files);
  if (!outcome.ok) {
    io.err(
      `mlroadmap scaffold: refusing to overwrite existing files in ${targetDir} (nothing written; --overwrite replaces them):\n` +
        outcome.existing.map((f) => `  ${f}`).join('\n'),
    );
    return 1;
  }
  io.out(
    `Wrote the ${info.name} baseline '${plan.candidate}' (${plan.task}${plan.taskDetected ? ', detected' : ''}) to ${targetDir}:\n` +
      outcome.written.map((f) => `  ${f}`).join('\n') +
      `\nRun it: python3 ${resolve(targetDir, info.manifest.main)} --out results/${plan.candidate}.json`,
  );

  if (roadmapPath === undefined) return 0;
  return registerBaseline({ io, roadmapPath, targetDir, datasetPath, manifest: info.manifest, candidate: plan.candidate });
}

function usage(io: CliIo, message: string): number {
  io.err(`mlroadmap scaffold: ${message}\n\n${USAGE}`);
  return 2;
}

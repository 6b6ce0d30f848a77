// The job script a Slurm evaluation is submitted as: a readable bash file with the sbatch options as `#SBATCH` lines,
// the environment, the user's setup lines and the exact command. Pure text; the adapter writes it and runs sbatch.
//
// Two readers see this text and each gets values it cannot misread:
// - sbatch reads the `#SBATCH` lines up to the first command line, splitting each on whitespace, honouring quotes and
//   backslash escapes and ending an option at an unquoted `#`. Every value is escaped for that reader (see
//   `sbatchWord`); a value holding a newline or any other control character is refused, since no escape survives it.
// - bash runs the rest. Each argument of the command is one POSIX single-quoted word (`'` → `'\''`) unless it is a
//   plain word, so no value adds an argument or shell syntax. The `evaluation.shell: true` opt-in gives a shell
//   command instead, written verbatim: its syntax is the user's.
// No `set -e`: the command is the script's last line, so its exit code is the job's.
import * as l10n from '@vscode/l10n';
import type { SlurmOptions } from '../roadmap/model';
import { shellQuote } from '../results/commandTemplate';

export { shellQuote };

export interface JobScriptInput {
  readonly candidate: string;
  /** Absolute path the command runs in. */
  readonly cwd: string;
  /** Absolute path of the job's output file (stdout and stderr together). */
  readonly log: string;
  readonly slurm: Omit<SlurmOptions, 'range'>;
  /** The command as an argument vector; exactly one of `argv` and `shellCommand`. */
  readonly argv?: readonly string[];
  /** The command as shell text (`evaluation.shell: true`), written verbatim. */
  readonly shellCommand?: string;
  /** The command in one line, for the script's header (what results are attributed to). */
  readonly command: string;
  /** More environment variables, exported before the setup lines (after `PYTHONUNBUFFERED=1`, so they may override it). */
  readonly env?: Readonly<Record<string, string>>;
}

export type JobScript = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

/** C0 controls, DEL and C1 controls. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f]/g;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Bash reserved words: a command's first word that spells one must be quoted to run as a program. */
const RESERVED = new Set(['case', 'coproc', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'function', 'if', 'in', 'select', 'then', 'time', 'until', 'while']);

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why a `#SBATCH` value cannot be written, or undefined when it can. */
function badSbatchValue(name: string, value: string): string | undefined {
  const m = CONTROL.exec(value);
  if (m) return l10n.t('{0} holds a control character ({1}); an #SBATCH line cannot carry it', name, codePoint(m[0]));
  return undefined;
}

/**
 * One value as sbatch reads it back as one word: `\`, `"`, `'` and `#` escaped with a backslash, and the whole in
 * double quotes when it holds whitespace. Old sbatch (before quotes were parsed) and new read it the same.
 */
function sbatchWord(value: string): string {
  const escaped = value.replace(/[\\"'#]/g, '\\$&');
  return /\s/.test(value) || value === '' ? `"${escaped}"` : escaped;
}

/** The value in single quotes, always: `'` becomes `'\''`. */
function singleQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A text for a `#` comment line: control characters shown as `\n`, `\t`, `\u001b`…, so the comment stays one line. */
function printable(text: string): string {
  return text.replace(CONTROL_ALL, (ch) => {
    if (ch === '\n') return '\\n';
    if (ch === '\t') return '\\t';
    if (ch === '\r') return '\\r';
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** The command line of an argument vector for bash: each argument one word; a first word bash would not run as a program (`time`, `A=b`) quoted. */
export function commandText(argv: readonly string[]): string {
  return argv.map((arg, i) => (i === 0 && (RESERVED.has(arg) || arg.includes('=')) ? singleQuote(arg) : shellQuote(arg))).join(' ');
}

/** A positive whole number, or the reason it is not. */
function count(name: string, n: number | undefined): string | undefined {
  if (n === undefined || (Number.isInteger(n) && n > 0)) return undefined;
  return l10n.t('{0} must be a positive whole number (got {1})', name, n);
}

/** The `#SBATCH` option words, or the first reason one cannot be written. */
function sbatchOptions(input: JobScriptInput): { ok: true; words: string[] } | { ok: false; error: string } {
  const { slurm } = input;
  const options: [string, string, string | undefined][] = [
    ['job-name', l10n.t('the candidate id'), `mlroadmap-${input.candidate}`],
    // `%` starts a Slurm file-name pattern (`%j`); `%%` is a literal `%`.
    ['output', l10n.t('the log path'), input.log.replace(/%/g, '%%')],
    ['chdir', l10n.t('the working folder'), input.cwd],
    ['partition', 'slurm.partition', slurm.partition],
    ['gpus', 'slurm.gpus', slurm.gpus === undefined ? undefined : String(slurm.gpus)],
    ['cpus-per-task', 'slurm.cpus', slurm.cpus === undefined ? undefined : String(slurm.cpus)],
    ['mem', 'slurm.mem', slurm.mem],
    ['time', 'slurm.time', slurm.time],
    ['account', 'slurm.account', slurm.account],
  ];
  const numbers = count('slurm.gpus', slurm.gpus) ?? count('slurm.cpus', slurm.cpus);
  if (numbers) return { ok: false, error: numbers };
  const words: string[] = [];
  for (const [option, name, value] of options) {
    if (value === undefined) continue;
    const bad = badSbatchValue(name, value);
    if (bad) return { ok: false, error: bad };
    if (value === '') return { ok: false, error: l10n.t('{0} is empty', name) };
    words.push(`--${option}=${sbatchWord(value)}`);
  }
  // A backslash anywhere in an output file name turns off Slurm's patterns and is itself dropped.
  if (input.log.includes('\\')) return { ok: false, error: l10n.t('the log path holds a backslash, which Slurm drops from file names: {0}', input.log) };
  for (const [i, entry] of (slurm.extra ?? []).entries()) {
    const name = `slurm.extra[${i}]`;
    const bad = badSbatchValue(name, entry);
    if (bad) return { ok: false, error: bad };
    if (!entry.startsWith('-')) return { ok: false, error: l10n.t('{0} must be an sbatch option (--name=value or --flag), got {1}', name, JSON.stringify(entry)) };
    const eq = entry.indexOf('=');
    const flag = eq < 0 ? entry : entry.slice(0, eq);
    // `--name=value` keeps its name bare when it is a plain option name: `--comment="a b"`.
    words.push(/^--?[A-Za-z0-9][A-Za-z0-9_-]*$/.test(flag) ? (eq < 0 ? flag : `${flag}=${sbatchWord(entry.slice(eq + 1))}`) : sbatchWord(entry));
  }
  return { ok: true, words };
}

/** The whole job script, or why it cannot be written. */
export function buildJobScript(input: JobScriptInput): JobScript {
  if (!input.cwd.startsWith('/')) return { ok: false, error: l10n.t('the working folder must be an absolute path: {0}', printable(input.cwd)) };
  if (!input.log.startsWith('/')) return { ok: false, error: l10n.t('the log path must be an absolute path: {0}', printable(input.log)) };
  if ((input.argv === undefined) === (input.shellCommand === undefined)) return { ok: false, error: l10n.t('give the command either as arguments or as shell text, not both or neither') };
  const options = sbatchOptions(input);
  if (!options.ok) return options;

  let command: string;
  if (input.argv !== undefined) {
    if (input.argv.length === 0) return { ok: false, error: l10n.t('the command is empty') };
    if (input.argv.some((a) => a.includes('\0'))) return { ok: false, error: l10n.t('an argument of the command holds a NUL character') };
    command = commandText(input.argv);
  } else {
    const text = (input.shellCommand ?? '').replace(/\r\n/g, '\n').trim();
    if (text === '') return { ok: false, error: l10n.t('the command is empty') };
    if (text.includes('\0')) return { ok: false, error: l10n.t('the shell command holds a NUL character') };
    command = text;
  }

  const env: string[] = ['export PYTHONUNBUFFERED=1'];
  for (const [name, value] of Object.entries(input.env ?? {})) {
    if (!ENV_NAME.test(name)) return { ok: false, error: l10n.t('not an environment variable name: {0}', JSON.stringify(name)) };
    if (value.includes('\0')) return { ok: false, error: l10n.t('the environment variable {0} holds a NUL character', name) };
    env.push(`export ${name}=${singleQuote(value)}`);
  }

  const setup = (input.slurm.setup ?? '').replace(/\r\n/g, '\n').replace(/\s+$/, '');
  if (setup.includes('\0')) return { ok: false, error: l10n.t('{0} holds a NUL character', 'slurm.setup') };

  const lines = [
    '#!/bin/bash',
    `# Written by ML Roadmap: the evaluation of candidate ${printable(input.candidate)} as a Slurm batch job.`,
    `# Command: ${printable(input.command)}`,
    ...options.words.map((w) => `#SBATCH ${w}`),
    '',
    ...env,
    `cd ${singleQuote(input.cwd)} || exit 1`,
    ...(setup === '' ? [] : ['', '# Setup (slurm.setup)', setup]),
    '',
    '# The command; its exit code is the job’s.',
    command,
  ];
  return { ok: true, text: lines.join('\n') + '\n' };
}

/** sbatch's arguments for a script: `--parsable` makes it print only the job id (`id` or `id;cluster`). */
export function sbatchArgs(scriptPath: string): string[] {
  return ['--parsable', scriptPath];
}

/** A candidate id and a time as a file-name stem: `cnn-20261207T120000Z` (only `A-Za-z0-9._-`, never a leading `.` or `-`). */
function fileStem(candidate: string, at: Date): string {
  const safe = candidate.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[.-]/, '_').slice(0, 100) || '_';
  const stamp = at.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
  return `${safe}-${stamp}`;
}

/** The job script's file name under JOBS_FOLDER. Two submissions of one candidate in the same second share it. */
export function jobScriptName(candidate: string, at: Date): string {
  return `${fileStem(candidate, at)}.sh`;
}

/** The job log's file name under JOBS_FOLDER. */
export function jobLogName(candidate: string, at: Date): string {
  return `${fileStem(candidate, at)}.log`;
}

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { buildJobScript, commandText, jobLogName, jobScriptName, sbatchArgs, shellQuote, type JobScriptInput } from '../../../src/core/jobs/script';

function text(input: JobScriptInput): string {
  const r = buildJobScript(input);
  if (!r.ok) assert.fail(r.error);
  return r.text;
}

function error(input: JobScriptInput): string {
  const r = buildJobScript(input);
  if (r.ok) assert.fail(`expected an error, got:\n${r.text}`);
  return r.error;
}

const BASE: JobScriptInput = {
  candidate: 'cnn',
  cwd: '/work/demo',
  log: '/work/demo/.mlroadmap/jobs/cnn-20261207T120000Z.log',
  slurm: {},
  argv: ['python3', 'evaluate.py', '--candidate', 'cnn'],
  command: 'python3 evaluate.py --candidate cnn',
};

/**
 * How sbatch (Slurm 22.05's `_get_argument`) splits what follows `#SBATCH`: whitespace separates words; a backslash
 * keeps the next character; `"` or `'` quote up to the same quote; an unquoted `#` ends the line.
 */
function sbatchWords(line: string): string[] {
  const words: string[] = [];
  let i = 0;
  for (;;) {
    while (i < line.length && /[ \t\n\v\f\r]/.test(line[i])) i++;
    if (i >= line.length || line[i] === '#') return words;
    let word = '';
    let quote = '';
    let escaped = false;
    while (i < line.length && (quote !== '' || !/[ \t\n\v\f\r]/.test(line[i]))) {
      const ch = line[i];
      if (escaped) escaped = false;
      else if (ch === '\\') {
        escaped = true;
        i++;
        continue;
      } else if (quote !== '') {
        if (ch === quote) {
          quote = '';
          i++;
          continue;
        }
      } else if (ch === '"' || ch === "'") {
        quote = ch;
        i++;
        continue;
      } else if (ch === '#') {
        words.push(word);
        return words;
      }
      word += ch;
      i++;
    }
    assert.equal(quote, '', `unmatched quote in ${line}`);
    words.push(word);
  }
}

/** Every option the `#SBATCH` lines give sbatch, in order. */
function sbatchOptions(script: string): string[] {
  return script
    .split('\n')
    .filter((l) => l.startsWith('#SBATCH'))
    .flatMap((l) => sbatchWords(l.slice('#SBATCH'.length)));
}

/** Text without NUL (no shell argument can hold one) and without lone surrogates (not writable as UTF-8). */
const codePoint = (min: number, max: number) =>
  fc
    .integer({ min, max })
    .filter((c) => c < 0xd800 || c > 0xdfff)
    .map((c) => String.fromCodePoint(c));
const arg = fc.string({
  unit: fc.oneof(
    fc.constantFrom("'", '"', '\\', '$', '`', '!', '\n', '\r', '\t', ' ', '#', ';', '&', '|', '*', '?', '~', '=', '%', '{', '}', '(', ')', '<', '>', '-'),
    codePoint(1, 0x7f),
    codePoint(0x80, 0x10ffff),
  ),
});

describe('job script', () => {
  it('writes a readable bash script: header, #SBATCH options, environment, cd, setup, the command', () => {
    const script = text({
      ...BASE,
      slurm: { partition: 'gpu', gpus: 1, cpus: 8, mem: '32G', time: '02:00:00', account: 'vision', setup: 'source .venv/bin/activate\nmodule load cuda\n', extra: ['--constraint=a100', '--exclusive'] },
      argv: ['python3', 'evaluate.py', '--candidate', 'cnn', '--out', "results/it's.json"],
      command: "python3 evaluate.py --candidate cnn --out 'results/it'\\''s.json'",
      env: { MLROADMAP_CANDIDATE: 'cnn', NOTE: "it's $HOME" },
    });
    assert.equal(
      script,
      [
        '#!/bin/bash',
        '# Written by ML Roadmap: the evaluation of candidate cnn as a Slurm batch job.',
        "# Command: python3 evaluate.py --candidate cnn --out 'results/it'\\''s.json'",
        '#SBATCH --job-name=mlroadmap-cnn',
        '#SBATCH --output=/work/demo/.mlroadmap/jobs/cnn-20261207T120000Z.log',
        '#SBATCH --chdir=/work/demo',
        '#SBATCH --partition=gpu',
        '#SBATCH --gpus=1',
        '#SBATCH --cpus-per-task=8',
        '#SBATCH --mem=32G',
        '#SBATCH --time=02:00:00',
        '#SBATCH --account=vision',
        '#SBATCH --constraint=a100',
        '#SBATCH --exclusive',
        '',
        'export PYTHONUNBUFFERED=1',
        "export MLROADMAP_CANDIDATE='cnn'",
        "export NOTE='it'\\''s $HOME'",
        "cd '/work/demo' || exit 1",
        '',
        '# Setup (slurm.setup)',
        'source .venv/bin/activate',
        'module load cuda',
        '',
        '# The command; its exit code is the job’s.',
        "python3 evaluate.py --candidate cnn --out 'results/it'\\''s.json'",
        '',
      ].join('\n'),
    );
  });

  it('leaves out the options and the setup that are not given; no set -e', () => {
    const script = text(BASE);
    assert.deepEqual(sbatchOptions(script), ['--job-name=mlroadmap-cnn', `--output=${BASE.log}`, `--chdir=${BASE.cwd}`]);
    assert.doesNotMatch(script, /Setup|set -e|set -u/);
    assert.ok(script.endsWith('\npython3 evaluate.py --candidate cnn\n'));
  });

  it('writes the shell opt-in command verbatim', () => {
    const script = text({ ...BASE, argv: undefined, shellCommand: 'python3 e.py | tee out.txt\r\n', command: 'python3 e.py | tee out.txt' });
    assert.ok(script.endsWith('\npython3 e.py | tee out.txt\n'));
  });

  it('quotes values with spaces, quotes and # so sbatch reads each back as one option', () => {
    const script = text({
      ...BASE,
      cwd: '/work/my demo',
      log: "/work/my demo/it's #1.log",
      slurm: { account: 'a"b', extra: ['--comment=two words # not a comment', '--mail-user=x\\y'] },
    });
    assert.match(script, /^#SBATCH --chdir="\/work\/my demo"$/m);
    assert.deepEqual(sbatchOptions(script), [
      '--job-name=mlroadmap-cnn',
      "--output=/work/my demo/it's #1.log",
      '--chdir=/work/my demo',
      '--account=a"b',
      '--comment=two words # not a comment',
      '--mail-user=x\\y',
    ]);
    assert.match(script, /^cd '\/work\/my demo' \|\| exit 1$/m);
  });

  it('writes a % of the log path as %%, which Slurm reads as a literal %', () => {
    assert.match(text({ ...BASE, log: '/w/100%j.log' }), /^#SBATCH --output=\/w\/100%%j\.log$/m);
  });

  it('refuses what it cannot write safely', () => {
    assert.match(error({ ...BASE, cwd: 'relative' }), /working folder must be an absolute path/);
    assert.match(error({ ...BASE, log: 'x.log' }), /log path must be an absolute path/);
    assert.match(error({ ...BASE, log: '/w/a\\b.log' }), /backslash/);
    assert.match(error({ ...BASE, argv: [] }), /the command is empty/);
    assert.match(error({ ...BASE, argv: undefined }), /either as arguments or as shell text/);
    assert.match(error({ ...BASE, shellCommand: 'x' }), /either as arguments or as shell text/);
    assert.match(error({ ...BASE, argv: undefined, shellCommand: '  ' }), /the command is empty/);
    assert.match(error({ ...BASE, argv: ['a\0b'] }), /NUL/);
    assert.match(error({ ...BASE, env: { 'A-B': 'x' } }), /not an environment variable name/);
    assert.match(error({ ...BASE, slurm: { gpus: 0 } }), /slurm\.gpus must be a positive whole number/);
    assert.match(error({ ...BASE, slurm: { cpus: 1.5 } }), /slurm\.cpus must be a positive whole number/);
    assert.match(error({ ...BASE, slurm: { partition: '' } }), /slurm\.partition is empty/);
    assert.match(error({ ...BASE, slurm: { extra: ['constraint=a100'] } }), /slurm\.extra\[0\] must be an sbatch option/);
    assert.match(error({ ...BASE, slurm: { mem: '4G\n#SBATCH --uid=0' } }), /slurm\.mem holds a control character \(U\+000A\)/);
    assert.match(error({ ...BASE, candidate: 'a\rb' }), /candidate id holds a control character \(U\+000D\)/);
  });

  it('keeps the header comments on one line whatever the command holds', () => {
    const script = text({ ...BASE, command: "python3 e.py 'a\nrm -rf x'" });
    assert.match(script, /^# Command: python3 e\.py 'a\\nrm -rf x'$/m);
    assert.doesNotMatch(script, /^rm -rf x/m);
  });

  it('property: a control character in any #SBATCH value is refused', () => {
    const control = fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f).map((c) => String.fromCharCode(c));
    const field = fc.constantFrom('partition', 'mem', 'time', 'account', 'extra', 'candidate', 'log', 'cwd');
    fc.assert(
      fc.property(arg, control, arg, field, (before, ch, after, key) => {
        const value = before + ch + after;
        const input: JobScriptInput =
          key === 'candidate'
            ? { ...BASE, candidate: value }
            : key === 'log'
              ? { ...BASE, log: `/w/${value}` }
              : key === 'cwd'
                ? { ...BASE, cwd: `/w/${value}` }
                : key === 'extra'
                  ? { ...BASE, slurm: { extra: [`--comment=${value}`] } }
                  : { ...BASE, slurm: { [key]: value } };
        assert.match(error(input), /control character/);
      }),
      { numRuns: 300 },
    );
  });

  it('property: any other #SBATCH value comes back from sbatch’s reading as exactly one option', () => {
    const isControl = (ch: string) => ch.charCodeAt(0) < 0x20 || (ch.charCodeAt(0) >= 0x7f && ch.charCodeAt(0) <= 0x9f);
    const printable = arg.map((s) => [...s].filter((ch) => !isControl(ch)).join('')).filter((s) => s !== '');
    fc.assert(
      fc.property(printable, printable, printable, (partition, comment, dir) => {
        const cwd = `/w/${dir}`;
        const script = text({ ...BASE, cwd, slurm: { partition, extra: [`--comment=${comment}`, comment.startsWith('-') ? comment : `-${comment}`] } });
        assert.deepEqual(sbatchOptions(script), [
          '--job-name=mlroadmap-cnn',
          `--output=${BASE.log}`,
          `--chdir=${cwd}`,
          `--partition=${partition}`,
          `--comment=${comment}`,
          comment.startsWith('-') ? comment : `-${comment}`,
        ]);
      }),
      { numRuns: 500 },
    );
  });

  it('property: bash -c gives back exactly the arguments of the quoted command line', () => {
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 6 }), (args) => {
        const out = execFileSync('/bin/bash', ['-c', commandText(['printf', '%s\\0', ...args])]);
        const expected = args.length === 0 ? '\0' : args.map((a) => `${a}\0`).join('');
        assert.equal(out.toString('utf8'), expected);
      }),
      { numRuns: 200 },
    );
  });

  it('property: the whole script run by bash passes exactly the arguments and the environment given', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlroadmap-jobs-'));
    const file = path.join(dir, 'job.sh');
    try {
      fc.assert(
        fc.property(fc.array(arg, { maxLength: 5 }), arg, (args, value) => {
          const script = text({ ...BASE, cwd: dir, log: path.join(dir, 'job.log'), argv: ['bash', '-c', 'printf "%s\\0" "$@" "$VALUE"', 'bash', ...args, '${PWD}'], env: { VALUE: value }, command: 'bash' });
          fs.writeFileSync(file, script);
          const out = execFileSync('/bin/bash', [file]);
          assert.equal(out.toString('utf8'), [...args, '${PWD}', value].map((a) => `${a}\0`).join(''));
        }),
        { numRuns: 100 },
      );
      // The environment and the folder the command runs in.
      fs.writeFileSync(file, text({ ...BASE, cwd: dir, log: path.join(dir, 'job.log'), argv: ['bash', '-c', 'printf "%s\\0" "$VALUE" "$PYTHONUNBUFFERED" "$PWD"'], env: { VALUE: `it's "$HOME"\n` } }));
      assert.equal(execFileSync('/bin/bash', [file], { cwd: os.tmpdir() }).toString('utf8'), `it's "$HOME"\n\u00001\u0000${fs.realpathSync(dir)}\u0000`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the job exits with the command’s exit code, even after a failing setup line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlroadmap-jobs-'));
    try {
      const file = path.join(dir, 'job.sh');
      fs.writeFileSync(file, text({ ...BASE, cwd: dir, log: path.join(dir, 'job.log'), slurm: { setup: 'false' }, argv: ['bash', '-c', 'exit 3'] }));
      assert.throws(() => execFileSync('/bin/bash', [file], { stdio: 'ignore' }), (e: { status?: number }) => e.status === 3);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('quotes a first word bash would not run as a program', () => {
    assert.equal(commandText(['time', 'python3']), "'time' python3");
    assert.equal(commandText(['A=b', 'c=d']), "'A=b' c=d");
    assert.equal(commandText(['python3', 'a b', '']), "python3 'a b' ''");
    assert.equal(shellQuote("it's"), `'it'\\''s'`);
  });

  it('names script and log files from the candidate and the time, with safe characters only', () => {
    const at = new Date('2026-12-07T12:00:00.123Z');
    assert.equal(jobScriptName('cnn', at), 'cnn-20261207T120000Z.sh');
    assert.equal(jobLogName('cnn', at), 'cnn-20261207T120000Z.log');
    assert.equal(jobScriptName('a b/../c', at), 'a_b_.._c-20261207T120000Z.sh');
    assert.equal(jobScriptName('-x', at), '_x-20261207T120000Z.sh');
    assert.equal(jobScriptName('', at), '_-20261207T120000Z.sh');
    assert.deepEqual(sbatchArgs('/w/.mlroadmap/jobs/cnn.sh'), ['--parsable', '/w/.mlroadmap/jobs/cnn.sh']);
  });
});

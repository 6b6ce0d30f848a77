// Shared by the scaffold tests: repository paths, temporary folders and the real Python.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '..', '..', '..');
export const BUILTIN_TEMPLATES = join(REPO, 'templates');
export const DIGITS_CSV = join(REPO, 'examples', 'digits', 'data', 'digits.csv');
/** Debian's Python, with python3-sklearn and python3-torch installed by .ci/run. */
export const PYTHON = '/usr/bin/python3';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `mlroadmap-${prefix}-`));
}

export interface PythonRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runPython(args: readonly string[], cwd: string, timeoutMs = 60_000): Promise<PythonRun> {
  return new Promise((done) => {
    execFile(PYTHON, [...args], { cwd, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** Fails with a clear message when the real Python lacks a module the templates need. */
export async function requirePythonModule(module: string, debianPackage: string): Promise<void> {
  const r = await runPython(['-c', `import ${module}`], tmpdir());
  if (r.code !== 0) {
    throw new Error(`${PYTHON} cannot import ${module}: install Debian's ${debianPackage} (apt-get install ${debianPackage}); .ci/run does.\n${r.stderr}`);
  }
}

/**
 * A small regression CSV: y = 3*x1 - 2*x2 + 5*[colour=red] + noise, with a categorical column,
 * an identifier column (to be dropped) and missing values. Deterministic.
 */
export function writeRegressionCsv(path: string, rows = 300): void {
  let state = 42;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const colours = ['red', 'green', 'blue'];
  const lines = ['id,x1,x2,colour,y'];
  for (let i = 0; i < rows; i++) {
    const x1 = random() * 10;
    const x2 = random() * 5;
    const colour = colours[i % 3];
    const y = 3 * x1 - 2 * x2 + (colour === 'red' ? 5 : 0) + (random() - 0.5);
    const x2Text = i % 17 === 0 ? '' : x2.toFixed(3);
    lines.push(`row-${i},${x1.toFixed(3)},${x2Text},${colour},${y.toFixed(3)}`);
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

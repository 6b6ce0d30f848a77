// Test layers: run mocha with the summary reporter, and read and print the { passed, failed, skipped } it wrote.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './vscode-env.mjs';

/** Where a layer's summary goes: test-results/<layer>-summary.json (removed first, so a stale one never counts). */
export function summaryPath(layer) {
  const file = join(REPO, 'test-results', `${layer}-summary.json`);
  rmSync(file, { force: true });
  return file;
}

/** The summary, or undefined when the run never got to write one. */
export function readSummary(file) {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Prints `<layer>: N passed, N failed, N skipped` and returns the exit code the layer deserves. */
export function reportLayer(layer, file, runExitCode) {
  const s = readSummary(file);
  if (!s) {
    console.log(`${layer}: no test summary was written (exit code ${runExitCode})`);
    return runExitCode || 1;
  }
  console.log(`${layer}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
  if (s.passed + s.failed === 0) {
    console.log(`${layer}: ran 0 tests`);
    return 1;
  }
  return s.failed > 0 || runExitCode !== 0 ? 1 : 0;
}

/**
 * Runs mocha (+ tsx) over `glob` with the summary reporter, prints the layer's counts and time, and returns the
 * exit code the layer deserves. `env` is added to the environment; `mochaArgs` and extra command-line arguments go to
 * mocha.
 */
export function runMochaLayer(layer, glob, env = {}, mochaArgs = []) {
  const started = Date.now();
  const summary = summaryPath(layer);
  const mocha = join(REPO, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const r = spawnSync(
    process.execPath,
    [mocha, '--require', 'tsx/cjs', '--reporter', './test/support/summary-reporter.ts', ...mochaArgs, glob, ...process.argv.slice(2)],
    { cwd: REPO, stdio: 'inherit', env: { ...process.env, ...env, MLROADMAP_TEST_SUMMARY: summary } },
  );
  const code = reportLayer(layer, summary, r.status ?? 1);
  console.log(`${layer}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return code;
}

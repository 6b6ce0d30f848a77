// Reads and prints the { passed, failed, skipped } summary a test layer's mocha reporter wrote.
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

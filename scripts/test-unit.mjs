// Unit tests: plain Node, mocha + tsx over test/unit/**/*.test.ts, counted by the shared summary reporter.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './vscode-env.mjs';
import { reportLayer, summaryPath } from './test-summary.mjs';

const LAYER = 'unit';
const started = Date.now();
const summary = summaryPath(LAYER);
const mocha = join(REPO, 'node_modules', 'mocha', 'bin', 'mocha.js');
const r = spawnSync(
  process.execPath,
  [mocha, '--require', 'tsx/cjs', '--reporter', './test/support/summary-reporter.ts', 'test/unit/**/*.test.ts',
    ...process.argv.slice(2)],
  { cwd: REPO, stdio: 'inherit', env: { ...process.env, MLROADMAP_TEST_SUMMARY: summary } },
);
const code = reportLayer(LAYER, summary, r.status ?? 1);
console.log(`${LAYER}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(code);

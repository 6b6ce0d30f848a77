// End-to-end tests: build and pack the extension, then mocha over test/e2e/**/*.test.mjs, which install the
// .vsix into code-server and drive the workbench in headless Chromium. Screenshots: test-results/screenshots/.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO, ensureCodeServer, toolEnv } from './vscode-env.mjs';
import { packExtension } from './pack-extension.mjs';
import { reportLayer, summaryPath } from './test-summary.mjs';

const LAYER = 'e2e';

function main() {
  const started = Date.now();
  ensureCodeServer();
  const vsix = packExtension();
  const summary = summaryPath(LAYER);
  const mocha = join(REPO, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const r = spawnSync(
    process.execPath,
    [mocha, '--require', 'tsx/cjs', '--reporter', './test/support/summary-reporter.ts', 'test/e2e/**/*.test.mjs',
      ...process.argv.slice(2)],
    { cwd: REPO, stdio: 'inherit', env: toolEnv({ MLROADMAP_TEST_SUMMARY: summary, MLROADMAP_E2E_VSIX: vsix }) },
  );
  const code = reportLayer(LAYER, summary, r.status ?? 1);
  console.log(`${LAYER}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(code);
}

main();

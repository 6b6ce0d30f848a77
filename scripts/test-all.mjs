// `npm test`: lint and type-check first (fail fast), then the unit, integration (inside the real extension
// host), integration in Restricted Mode (the same host, Workspace Trust on and the folder untrusted) and
// end-to-end layers in order. Prints each layer's counts and ends with `N passed, N failed`.
// Exits non-zero when anything failed or a layer ran no tests. --skip-checks runs the test layers only.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO, run } from './vscode-env.mjs';
import { readSummary } from './test-summary.mjs';

const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function check(name, npmScript, ...args) {
  const t = Date.now();
  console.log(`\n=== ${name} (npm run ${npmScript})`);
  const r = spawnSync('npm', ['run', '--silent', npmScript, ...(args.length ? ['--', ...args] : [])], {
    cwd: REPO,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    console.error(`\n${name} failed: fix the problems above, then run npm test again.`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  console.log(`${name}: ok (${seconds(t)})`);
}

if (process.argv.includes('--skip-checks')) {
  console.log('lint and typecheck skipped (--skip-checks)');
} else {
  // a folder with no lintable files yet (webview/ before its first app) is not an error
  check('lint', 'lint', '--no-error-on-unmatched-pattern');
  check('typecheck', 'typecheck');
}

// name: what the summary prints; script and args: what runs it; summary: test-results/<summary>-summary.json
const layers = [
  { name: 'unit', script: 'test-unit.mjs', args: [], summary: 'unit' },
  { name: 'integration', script: 'test-integration.mjs', args: [], summary: 'integration' },
  { name: 'integration (restricted mode)', script: 'test-integration.mjs', args: ['--restricted'], summary: 'integration-restricted' },
  { name: 'e2e', script: 'test-e2e.mjs', args: [], summary: 'e2e' },
];
// Build the extension once for the integration layers (each layer installs the test editor itself).
try {
  run(process.execPath, ['scripts/build.mjs']);
} catch (e) {
  console.error(`\nbuild failed: ${e.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const results = [];
// One Slurm test cluster for every layer (each layer would otherwise start and stop its own).
const { withTestCluster } = await import('./slurm-cluster.mjs');
await withTestCluster(() => runLayers());
function runLayers() {
  for (const layer of layers) {
    const t = Date.now();
    console.log(`\n=== ${layer.name} tests`);
    const r = spawnSync(process.execPath, [join('scripts', layer.script), ...layer.args], {
      cwd: REPO,
      stdio: 'inherit',
      env: { ...process.env, MLROADMAP_BUILT: '1' },
    });
    const summary = readSummary(join(REPO, 'test-results', `${layer.summary}-summary.json`)) ?? { passed: 0, failed: 0, skipped: 0 };
    results.push({ layer: layer.name, ...summary, exitCode: r.status ?? 1, time: seconds(t) });
  }
}
const width = Math.max(12, ...layers.map((l) => l.name.length + 1));

console.log('\n=== summary');
let passed = 0;
let failed = 0;
for (const r of results) {
  const problem = r.passed + r.failed === 0 ? ' (ran 0 tests)' : r.exitCode !== 0 && r.failed === 0 ? ` (exit code ${r.exitCode})` : '';
  console.log(`${r.layer.padEnd(width)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped in ${r.time}${problem}`);
  passed += r.passed;
  // a layer that crashed or ran nothing counts as one failure, so the total never looks green
  failed += r.failed > 0 ? r.failed : problem ? 1 : 0;
}
console.log(`total time ${seconds(started)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

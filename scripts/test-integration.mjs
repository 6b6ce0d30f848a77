// Integration tests inside a real VS Code extension host, through @vscode/test-electron's runTests.
// Here: code-server 4.100.3 (VS Code 1.100.3) from the tool cache, via scripts/code-server-test-shim.mjs.
// MLROADMAP_VSCODE=desktop: runTests downloads a desktop VS Code instead (where update.code.visualstudio.com
// is reachable; needs a display, e.g. xvfb-run).
// --compile-only: only bundle the tests into out/test/integration (for the launch configuration).
// MLROADMAP_TEST_WORKSPACE=<folder>: open that folder (copied to a temp dir) instead of examples/digits.
// --restricted (or MLROADMAP_WORKSPACE_TRUST=restricted): the Restricted Mode suite, test/integration-restricted,
// in an editor with Workspace Trust on and the folder untrusted; its summary is integration-restricted-summary.json.
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';
import { runTests } from '@vscode/test-electron';
import { REPO, ensureCodeServer, prepareWorkspace, run, tempDir, workspaceTrustMode } from './vscode-env.mjs';
import { reportLayer, summaryPath } from './test-summary.mjs';
import { vscePackage } from './pack-extension.mjs';
import { withTestCluster } from './slurm-cluster.mjs';

const restricted = process.argv.includes('--restricted') || workspaceTrustMode() === 'restricted';
const LAYER = restricted ? 'integration-restricted' : 'integration';
const SOURCE = join(REPO, 'test', LAYER);
const OUT = join(REPO, 'out', 'test', LAYER);
const desktop = process.env.MLROADMAP_VSCODE === 'desktop';

/** Bundles the tests module and each *.test.ts on its own (CommonJS; vscode and mocha come from the host). */
async function compileTests() {
  rmSync(OUT, { recursive: true, force: true });
  const tests = readdirSync(SOURCE, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(SOURCE, f));
  await esbuild.build({
    entryPoints: [join(SOURCE, 'index.ts'), ...tests],
    outdir: OUT,
    outbase: SOURCE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return tests.map((t) => relative(REPO, t));
}

/** Packs test/integration/support/python-extension (the Python extension's test double) into a .vsix. */
function packPythonExtensionDouble() {
  const folder = join(REPO, 'test', 'integration', 'support', 'python-extension');
  return vscePackage(folder, join(tempDir('python-extension'), 'ms-python.python-test-double.vsix'), '--skip-license');
}

async function main() {
  const started = Date.now();
  if (process.argv.includes('--compile-only')) {
    const tests = await compileTests();
    console.log(`${LAYER}: compiled ${tests.length} test file(s) into ${relative(REPO, OUT)}`);
    return;
  }
  if (restricted && desktop) {
    // @vscode/test-electron always passes --disable-workspace-trust to a desktop VS Code
    throw new Error('the Restricted Mode suite runs in code-server only (unset MLROADMAP_VSCODE=desktop)');
  }
  if (!desktop) ensureCodeServer();
  // npm test builds once before its layers (MLROADMAP_BUILT); run on its own, this layer builds.
  if (!process.env.MLROADMAP_BUILT) run(process.execPath, ['scripts/build.mjs']);
  const tests = await compileTests();
  const workspace = prepareWorkspace();
  const summary = summaryPath(LAYER);
  const profile = tempDir('integration-profile');
  console.log(`${LAYER}: ${tests.length} test file(s) on ${workspace.source} (copied to ${workspace.path})`);
  console.log(`${LAYER}: editor: ${desktop ? 'desktop VS Code (downloaded by @vscode/test-electron)' : 'code-server 4.100.3'}`);
  if (restricted) console.log(`${LAYER}: Workspace Trust on, the folder untrusted (Restricted Mode)`);

  // The main suite in code-server also installs a stand-in for the Python extension (the marketplace is not
  // reachable here), so that `${python}` from its selected interpreter is tested; the restricted suite runs without.
  const pythonExtension = restricted || desktop ? undefined : packPythonExtensionDouble();

  let exitCode = 0;
  // The Slurm suite submits real jobs: the main suite runs with the single-node test cluster up.
  const cluster = restricted ? (body) => body() : withTestCluster;
  try {
    await cluster(() => runTests({
      ...(desktop ? {} : { vscodeExecutablePath: join(REPO, 'scripts', 'code-server-test-shim.mjs') }),
      extensionDevelopmentPath: REPO,
      extensionTestsPath: join(OUT, 'index.js'),
      launchArgs: [
        workspace.path,
        `--user-data-dir=${join(profile, 'user-data')}`,
        `--extensions-dir=${join(profile, 'extensions')}`,
        '--disable-extensions',
        ...(pythonExtension ? [`--install-extension=${pythonExtension}`] : []),
      ],
      extensionTestsEnv: { MLROADMAP_TEST_SUMMARY: summary, MLROADMAP_WORKSPACE_TRUST: restricted ? 'restricted' : 'disabled' },
    }));
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    exitCode = 1;
  }
  rmSync(workspace.path, { recursive: true, force: true });
  const code = reportLayer(LAYER, summary, exitCode);
  console.log(`${LAYER}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(code);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});

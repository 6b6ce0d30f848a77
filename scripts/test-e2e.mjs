// End-to-end tests: build and pack the extension, then mocha over test/e2e/**/*.test.mjs, which install the
// .vsix into code-server and drive the workbench in headless Chromium. Screenshots: test-results/screenshots/.
// `npm run test:e2e -- <name>` runs only the files whose name contains <name> (for example `board`).
import { ensureCodeServer, toolEnv } from './vscode-env.mjs';
import { packExtension } from './pack-extension.mjs';
import { runMochaLayer } from './test-summary.mjs';
import { withTestCluster } from './slurm-cluster.mjs';

const name = process.argv[2] && !process.argv[2].startsWith('-') ? process.argv.splice(2, 1)[0] : '';
ensureCodeServer();
const vsix = packExtension();
// The Jobs walk submits real Slurm jobs: the layer runs with the single-node test cluster up.
process.exit(await withTestCluster(() => runMochaLayer('e2e', `test/e2e/**/*${name}*.test.mjs`, toolEnv({ MLROADMAP_E2E_VSIX: vsix }))));

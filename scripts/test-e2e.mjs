// End-to-end tests: build and pack the extension, then mocha over test/e2e/**/*.test.mjs, which install the
// .vsix into code-server and drive the workbench in headless Chromium. Screenshots: test-results/screenshots/.
import { ensureCodeServer, toolEnv } from './vscode-env.mjs';
import { packExtension } from './pack-extension.mjs';
import { runMochaLayer } from './test-summary.mjs';

ensureCodeServer();
const vsix = packExtension();
process.exit(runMochaLayer('e2e', 'test/e2e/**/*.test.mjs', toolEnv({ MLROADMAP_E2E_VSIX: vsix })));

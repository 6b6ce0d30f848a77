// Type-checks the extension host, the CLI and the tests, then the webview apps (browser lib, own tsconfig)
// once webview/ holds any: each webview folder with a main.ts is bundled by scripts/build.mjs.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const tsc = (project) => spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', project], { stdio: 'inherit' }).status ?? 1;

let status = tsc('.');
const hasWebviewSources = readdirSync('webview', { recursive: true }).some((f) => String(f).endsWith('.ts'));
if (hasWebviewSources) status ||= tsc('webview');
else console.log('typecheck: no webview apps yet (webview/*/main.ts); skipped the browser project');
process.exit(status);

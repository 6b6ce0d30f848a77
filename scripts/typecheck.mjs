// Type-checks the extension host, the CLI and the tests, then the webview apps (browser lib, own tsconfig): each
// webview folder with a main.ts is bundled by scripts/build.mjs. With no webview app yet, the webview project is
// still read, so a broken option or an `include` naming a folder that does not exist fails here too.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';

const TSC = 'node_modules/typescript/bin/tsc';
const WEBVIEW_CONFIG = 'webview/tsconfig.json';

const tsc = (project, ...flags) => spawnSync(process.execPath, [TSC, '--noEmit', ...flags, '-p', project], { stdio: 'inherit' }).status ?? 1;
const tscOutput = (project) => spawnSync(process.execPath, [TSC, '--noEmit', '--pretty', 'false', '-p', project], { encoding: 'utf8' });

// The folders of a glob before its first wildcard: `../src/protocol` of `../src/protocol/**/*.ts`.
function literalPrefix(pattern) {
  const parts = [];
  for (const part of pattern.split('/')) {
    if (/[*?]/.test(part)) break;
    parts.push(part);
  }
  return parts;
}

/** The `include` entries of the webview project whose folder (the part before the first wildcard) is missing. */
function missingIncludes() {
  const { config, error } = ts.readConfigFile(WEBVIEW_CONFIG, ts.sys.readFile);
  if (error) return [ts.flattenDiagnosticMessageText(error.messageText, '\n')];
  const base = dirname(resolve(WEBVIEW_CONFIG));
  return (config.include ?? []).filter((pattern) => !existsSync(resolve(base, ...literalPrefix(pattern))));
}

let status = tsc('.');

const missing = missingIncludes();
if (missing.length > 0) {
  console.error(`typecheck: ${WEBVIEW_CONFIG} includes what does not exist: ${missing.join(', ')}`);
  status ||= 1;
}

const hasWebviewSources = readdirSync('webview', { recursive: true }).some((f) => String(f).endsWith('.ts'));
if (hasWebviewSources) {
  status ||= tsc('webview');
} else {
  // No app yet: tsc reads the project and reports "no inputs" (TS18003); anything else it reports is a real error.
  const run = tscOutput('webview');
  const problems = `${run.stdout}${run.stderr}`.split('\n').filter((line) => line.trim() !== '' && !line.includes('TS18003'));
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    status ||= 1;
  } else {
    console.log('typecheck: no webview apps yet (webview/*/main.ts); the webview project was read, no sources to check');
  }
}
process.exit(status);

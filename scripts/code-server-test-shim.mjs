#!/usr/bin/env node
// Stands in for a VS Code executable in @vscode/test-electron's runTests({ vscodeExecutablePath }):
// turns its Electron-style arguments (--extensionDevelopmentPath=, --extensionTestsPath=, --user-data-dir=,
// --extensions-dir=, --install-extension=<vsix>, the folder) into a run inside code-server's real extension host, opened in headless
// Chromium with the `payload` URL parameter. The workbench runs the tests module's run() and then calls
// window.codeAutomationExit(code); this process exits with that code.
// Environment variables given to this process reach the extension host (runTests' extensionTestsEnv).
// MLROADMAP_WORKSPACE_TRUST=restricted opens the folder in Restricted Mode (see workspaceTrustMode).
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { installExtension, makeProfile, startCodeServer } from './code-server.mjs';
import { launchBrowser } from './browser.mjs';
import { freePort, workspaceTrustMode } from './vscode-env.mjs';

const TIMEOUT_MS = Number(process.env.MLROADMAP_TEST_TIMEOUT_MS ?? 1_200_000);

function parseArgs(argv) {
  const out = { developmentPaths: [], folders: [], installs: [] };
  for (const arg of argv) {
    const m = /^--([^=]+)=(.*)$/.exec(arg);
    if (m?.[1] === 'extensionDevelopmentPath') out.developmentPaths.push(m[2]);
    else if (m?.[1] === 'extensionTestsPath') out.testsPath = m[2];
    else if (m?.[1] === 'user-data-dir') out.userDataDir = m[2];
    else if (m?.[1] === 'extensions-dir') out.extensionsDir = m[2];
    else if (m?.[1] === 'install-extension') out.installs.push(m[2]);
    else if (!arg.startsWith('-')) out.folders.push(arg);
    // other Electron flags (--no-sandbox, --disable-updates, ...) mean nothing to code-server
  }
  if (!out.testsPath || out.developmentPaths.length === 0) {
    throw new Error('expected --extensionDevelopmentPath=... and --extensionTestsPath=...');
  }
  return out;
}

// The tests module prints these around the test run (see test/integration/index.ts); the page console lines
// between them are the test output. Everything else the workbench logs goes to the run's log file only,
// except errors, which are printed too (minus the expected failures to reach the extension gallery).
const BEGIN = '[mlroadmap-tests] begin';
const END = '[mlroadmap-tests] end';
const OFFLINE_NOISE = /open-vsx\.org|ERR_NAME_NOT_RESOLVED|status of 404|ENOTFOUND/;

/**
 * The text of a page console message. Logs forwarded from the extension host come as
 * ('%c LEVEL', 'color: …', format, ...args): drop the level styling and apply the format.
 */
async function consoleText(msg) {
  const args = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => '')));
  if (args.length >= 2 && typeof args[0] === 'string' && args[0].startsWith('%c')) {
    return args.length > 2 ? format(...args.slice(2)) : '';
  }
  return args.length > 0 ? format(...args) : msg.text();
}

function consoleForwarder(logFile) {
  let inTests = false;
  let chain = Promise.resolve();
  const forward = (msg) => {
    // keep the order of messages although reading their arguments is asynchronous
    chain = chain.then(async () => {
      const text = await consoleText(msg);
      appendFileSync(logFile, `[${msg.type()}] ${text}\n`);
      if (text.includes(BEGIN)) inTests = true;
      else if (text.includes(END)) inTests = false;
      else if (inTests) console.log(text);
      else if (msg.type() === 'error' && !OFFLINE_NOISE.test(text)) console.error(`[workbench] ${text}`);
    });
    return chain;
  };
  return { forward, flush: () => chain };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const port = await freePort();
  const workspaceTrust = workspaceTrustMode();
  const profile = makeProfile('code-server', { userDataDir: args.userDataDir, extensionsDir: args.extensionsDir, workspaceTrust });
  const folder = args.folders[0];
  // --install-extension=<vsix>: extensions the tests need besides the one under development (code-server's web
  // workbench loads a single extensionDevelopmentPath).
  for (const vsix of args.installs) installExtension(vsix, profile);
  const server = await startCodeServer({ port, folder, profile, workspaceTrust });
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ...args.developmentPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
    ['extensionTestsPath', remote(args.testsPath)],
  ];
  const url = `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const consoleLog = join(profile.root, 'workbench-console.log');
  const { browser, context } = await launchBrowser();
  let exitCode;
  try {
    let onExit;
    const exited = new Promise((ok) => (onExit = ok));
    await context.exposeFunction('codeAutomationExit', (code) => onExit(Number(code)));
    const page = await context.newPage();
    const pageConsole = consoleForwarder(consoleLog);
    page.on('console', (msg) => pageConsole.forward(msg));
    page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
    await page.goto(url);
    let timer;
    const timeout = new Promise((ok) => {
      timer = setTimeout(() => {
        console.error(`test run did not finish within ${TIMEOUT_MS} ms (MLROADMAP_TEST_TIMEOUT_MS)`);
        ok(1);
      }, TIMEOUT_MS);
    });
    exitCode = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    await pageConsole.flush();
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
  }
  if (exitCode !== 0) console.error(`logs: ${profile.log}, ${consoleLog}`);
  process.exit(exitCode);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});

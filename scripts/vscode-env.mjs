// Shared paths, ports and workspace helpers for the scripts that run the extension in the test editor
// (code-server from the tool cache made by scripts/setup-vscode.sh, driven by Debian's Chromium).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE = join(REPO, '.vscode-test');
export const CODE_SERVER_BIN = join(CACHE, 'code-server', 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env.MLROADMAP_CHROMIUM ?? '/usr/bin/chromium';
export const DEMO_WORKSPACE = join(REPO, 'examples', 'digits');
export const HOST = '127.0.0.1';

/** Chromium flags that work headless as root on these machines. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * How the test editor treats Workspace Trust, from MLROADMAP_WORKSPACE_TRUST: `disabled` (the default: trust
 * off, every folder trusted) or `restricted` (trust on, the folder untrusted, so it opens in Restricted Mode).
 */
export function workspaceTrustMode(value = process.env.MLROADMAP_WORKSPACE_TRUST) {
  if (value === undefined || value === '' || value === 'disabled') return 'disabled';
  if (value === 'restricted') return 'restricted';
  throw new Error(`MLROADMAP_WORKSPACE_TRUST must be "disabled" or "restricted", not ${JSON.stringify(value)}`);
}

/** Environment that keeps code-server and its children out of $HOME. */
export function toolEnv(extra = {}) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: join(CACHE, 'xdg', 'config'),
    XDG_DATA_HOME: join(CACHE, 'xdg', 'data'),
    XDG_CACHE_HOME: join(CACHE, 'xdg', 'cache'),
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    ...extra,
  };
}

/** Installs the test editor when it is missing (apt packages and code-server). */
export function ensureCodeServer() {
  if (existsSync(CODE_SERVER_BIN) && existsSync(CHROMIUM)) return;
  console.log('code-server or chromium missing: running scripts/setup-vscode.sh');
  const r = spawnSync('bash', [join(REPO, 'scripts', 'setup-vscode.sh')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`scripts/setup-vscode.sh failed with exit code ${r.status}`);
}

/** A port on 127.0.0.1 that is free right now: `preferred` when given and free, else one the OS picks. */
export async function freePort(preferred) {
  const tryListen = (port) =>
    new Promise((ok) => {
      const server = createServer();
      server.once('error', () => ok(undefined));
      server.listen(port, HOST, () => {
        const got = server.address().port;
        server.close(() => ok(got));
      });
    });
  if (preferred !== undefined) {
    const got = await tryListen(preferred);
    if (got !== undefined) return got;
  }
  const got = await tryListen(0);
  if (got === undefined) throw new Error('no free port on 127.0.0.1');
  return got;
}

/** A fresh temp directory, named after what it holds. */
export function tempDir(label) {
  return mkdtempSync(join(tmpdir(), `mlroadmap-${label}-`));
}

/**
 * The workspace the tests open: MLROADMAP_TEST_WORKSPACE when set, else examples/digits, else a minimal roadmap.
 * Always a copy in a temp dir, so tests never dirty the repository.
 */
export function prepareWorkspace() {
  const source = process.env.MLROADMAP_TEST_WORKSPACE
    ? resolve(process.env.MLROADMAP_TEST_WORKSPACE)
    : existsSync(join(DEMO_WORKSPACE, 'mlroadmap.yaml'))
      ? DEMO_WORKSPACE
      : undefined;
  const target = join(tempDir('workspace'), source ? source.split('/').pop() : 'demo');
  if (source) {
    cpSync(source, target, {
      recursive: true,
      filter: (p) => !/(^|\/)(node_modules|__pycache__|\.venv)(\/|$)/.test(p.slice(source.length)),
    });
  } else {
    mkdirSync(target, { recursive: true });
    writeFileSync(join(target, 'mlroadmap.yaml'), 'version: 1\nproject: {name: Demo, phase: discovery}\n');
  }
  return { source: source ?? '(minimal roadmap)', path: target };
}

/** Runs a command in the repository, inheriting output; throws on a non-zero exit. */
export function run(command, args, options = {}) {
  const r = spawnSync(command, args, { cwd: REPO, stdio: 'inherit', ...options });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${r.status ?? r.signal}`);
}

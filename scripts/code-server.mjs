/* global fetch */
// Starts and stops the test editor (code-server on 127.0.0.1) and installs packed extensions into it.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CODE_SERVER_BIN, HOST, tempDir, toolEnv } from './vscode-env.mjs';

/** User settings for test runs: no welcome page or walkthrough stealing focus, no update checks. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
};

/**
 * User settings for a run in Restricted Mode: Workspace Trust on, no startup modal asking whether to trust
 * the folder (it stays untrusted), files outside it open without a prompt, an empty window is not trusted.
 */
const RESTRICTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
  'security.workspace.trust.emptyWindow': false,
};

/**
 * Profile folders for one code-server run: user data, extensions and its config file.
 * `workspaceTrust: 'restricted'` adds RESTRICTED_SETTINGS to the user settings (see startCodeServer).
 */
export function makeProfile(label, { userDataDir, extensionsDir, workspaceTrust = 'disabled' } = {}) {
  const root = tempDir(label);
  const profile = {
    root,
    userDataDir: userDataDir ?? join(root, 'user-data'),
    extensionsDir: extensionsDir ?? join(root, 'extensions'),
    config: join(root, 'config.yaml'),
    log: join(root, 'code-server.log'),
  };
  mkdirSync(profile.userDataDir, { recursive: true });
  mkdirSync(profile.extensionsDir, { recursive: true });
  writeFileSync(profile.config, 'auth: none\ncert: false\n');
  const settings = join(profile.userDataDir, 'User', 'settings.json');
  if (!existsSync(settings)) {
    mkdirSync(dirname(settings), { recursive: true });
    writeFileSync(settings, JSON.stringify(QUIET_SETTINGS, null, 2));
  }
  if (workspaceTrust === 'restricted') {
    const current = JSON.parse(readFileSync(settings, 'utf8'));
    writeFileSync(settings, JSON.stringify({ ...current, ...RESTRICTED_SETTINGS }, null, 2));
  }
  return profile;
}

/** Installs a .vsix into the profile's extensions folder. */
export function installExtension(vsix, profile) {
  const r = spawnSync(
    CODE_SERVER_BIN,
    ['--install-extension', vsix, '--extensions-dir', profile.extensionsDir, '--user-data-dir', profile.userDataDir,
      '--config', profile.config, '--force'],
    { env: toolEnv(), encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout.trim();
}

async function waitHealthy(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((ok) => setTimeout(ok, 200));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms`);
}

/**
 * Serves `folder` with code-server on 127.0.0.1:port. `env` reaches the extension host.
 * Output goes to the profile's log file unless `inheritOutput` is set. Returns { url, stop, child }.
 * `workspaceTrust`: 'disabled' (default) passes --disable-workspace-trust; 'restricted' leaves Workspace Trust
 * on, so with a profile made with the same option and a fresh browser (no folder trusted yet) the window
 * opens the folder in Restricted Mode. `locale`: the display language (a language pack for it must be installed).
 */
export async function startCodeServer({ port, folder, profile, env = {}, inheritOutput = false, workspaceTrust = 'disabled', locale }) {
  const args = [
    ...(locale ? ['--locale', locale] : []),
    '--auth', 'none',
    '--bind-addr', `${HOST}:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust === 'restricted' ? [] : ['--disable-workspace-trust']),
    '--user-data-dir', profile.userDataDir,
    '--extensions-dir', profile.extensionsDir,
    '--config', profile.config,
    folder,
  ];
  const child = spawn(CODE_SERVER_BIN, args, {
    env: toolEnv(env),
    stdio: inheritOutput ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stop() ends the server and the extension hosts it forked
  });
  if (!inheritOutput) {
    const log = createWriteStream(profile.log);
    child.stdout.pipe(log);
    child.stderr.pipe(log);
  }
  const url = `http://${HOST}:${port}`;
  const stop = () =>
    new Promise((ok) => {
      if (child.exitCode !== null || child.signalCode !== null) return ok();
      child.once('exit', () => ok());
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        ok();
      }
      setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 3000).unref();
    });
  try {
    await waitHealthy(url, child, 30_000);
  } catch (e) {
    await stop();
    const log = inheritOutput ? '' : readFileSync(profile.log, 'utf8');
    throw new Error(`${e.message}\n${log}`, { cause: e });
  }
  return { url, stop, child };
}

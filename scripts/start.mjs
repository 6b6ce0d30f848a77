// `npm start`: builds the extension, installs it into the local code-server and serves a scratch copy of
// examples/digits on 127.0.0.1 (port from PORT, default 8080 or the first free one). Stays in the foreground
// until Ctrl-C. The copy (.vscode-test/demo/digits) has its own git repository, so decisions recorded in the
// demo are committed there, not into this repository; it is kept between runs, and `npm start -- --reset`
// makes it anew.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { installExtension, makeProfile, startCodeServer } from './code-server.mjs';
import { CACHE, DEMO_WORKSPACE, ensureCodeServer, freePort } from './vscode-env.mjs';
import { prepareDemoWorkspace } from './demo-workspace.mjs';
import { packExtension } from './pack-extension.mjs';

async function main() {
  ensureCodeServer();
  if (!existsSync(DEMO_WORKSPACE)) throw new Error(`${DEMO_WORKSPACE} does not exist`);
  const folder = join(CACHE, 'demo', 'digits');
  const reset = process.argv.includes('--reset') || process.env.MLROADMAP_DEMO_RESET === '1';
  const done = prepareDemoWorkspace(DEMO_WORKSPACE, folder, { reset });
  console.log(done === 'created' ? `demo: a fresh copy of examples/digits with its own git repository in ${folder}` : `demo: ${folder} as you left it (npm start -- --reset makes it anew)`);
  const vsix = packExtension();
  // a profile that lasts between runs, so settings and opened editors are kept
  const home = join(CACHE, 'start-profile');
  mkdirSync(home, { recursive: true });
  const profile = makeProfile('start', { userDataDir: join(home, 'user-data'), extensionsDir: join(home, 'extensions') });
  console.log(installExtension(vsix, profile));
  const wanted = Number(process.env.PORT ?? 8080);
  const port = await freePort(wanted);
  if (port !== wanted) console.log(`port ${wanted} is busy: using ${port}`);
  const server = await startCodeServer({ port, folder, profile, inheritOutput: true });
  console.log(`\nML Roadmap demo: ${server.url}/?folder=${encodeURIComponent(folder)}\n(Ctrl-C to stop)`);
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.child.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

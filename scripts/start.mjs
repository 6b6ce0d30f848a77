// `npm start`: builds the extension, installs it into the local code-server and serves examples/digits on
// 127.0.0.1 (port from PORT, default 8080 or the first free one). Stays in the foreground until Ctrl-C.
// The served folder is the repository's examples/digits itself (edits there are real edits).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { installExtension, makeProfile, startCodeServer } from './code-server.mjs';
import { CACHE, DEMO_WORKSPACE, ensureCodeServer, freePort } from './vscode-env.mjs';
import { packExtension } from './pack-extension.mjs';

async function main() {
  ensureCodeServer();
  if (!existsSync(DEMO_WORKSPACE)) throw new Error(`${DEMO_WORKSPACE} does not exist`);
  const vsix = packExtension();
  // a profile that lasts between runs, so settings and opened editors are kept
  const home = join(CACHE, 'start-profile');
  mkdirSync(home, { recursive: true });
  const profile = makeProfile('start', { userDataDir: join(home, 'user-data'), extensionsDir: join(home, 'extensions') });
  console.log(installExtension(vsix, profile));
  const wanted = Number(process.env.PORT ?? 8080);
  const port = await freePort(wanted);
  if (port !== wanted) console.log(`port ${wanted} is busy: using ${port}`);
  const server = await startCodeServer({ port, folder: DEMO_WORKSPACE, profile, inheritOutput: true });
  console.log(`\nML Roadmap demo: ${server.url}/?folder=${encodeURIComponent(DEMO_WORKSPACE)}\n(Ctrl-C to stop)`);
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

// Builds the extension and packs it with vsce into a .vsix in a temp dir (used by the e2e layer and npm start).
import { join } from 'node:path';
import { REPO, run, tempDir } from './vscode-env.mjs';

/** Returns the path of the packed .vsix. */
export function packExtension() {
  run(process.execPath, ['scripts/build.mjs']);
  const vsix = join(tempDir('vsix'), 'mlroadmap.vsix');
  const vsce = join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', vsix], { stdio: ['ignore', 'ignore', 'inherit'] });
  return vsix;
}

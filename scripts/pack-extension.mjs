// Packs .vsix files with vsce. `packExtension()` builds the extension as it ships (--production) and packs it
// into a temp dir (the e2e layer and npm start install that); run directly (`npm run package`) it writes
// dist/mlroadmap.vsix. Both refuse a .vsix of 2 MB or more (it is about 0.6 MB: the bundles, templates, docs and the demo CSV).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO, run, tempDir } from './vscode-env.mjs';

/** `vsce package` of the extension folder `cwd` into `out`. */
export function vscePackage(cwd, out, ...flags) {
  const vsce = join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', ...flags, '-o', out], {
    cwd,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return out;
}

/** The largest .vsix the extension may pack into: more means something that should not ship slipped in. */
export const MAX_VSIX_BYTES = 2 * 1024 * 1024;

/** Builds the extension for production and returns the path of the packed .vsix. */
export function packExtension(out = join(tempDir('vsix'), 'mlroadmap.vsix')) {
  run(process.execPath, ['scripts/build.mjs', '--production']);
  vscePackage(REPO, out, '--no-rewrite-relative-links');
  const { size } = statSync(out);
  if (size >= MAX_VSIX_BYTES) throw new Error(`${out} is ${(size / 1024 / 1024).toFixed(2)} MB, the limit is 2 MB: see .vscodeignore`);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(packExtension(join(REPO, 'dist', 'mlroadmap.vsix')));
}

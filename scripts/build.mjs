// Bundles the extension host (CommonJS, `vscode` external), the CLI and the webview apps (browser).
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
/** `--webview-out=<dir>`: only the webview apps, into that folder (the bench measures them there). */
const webviewOut = process.argv.find((a) => a.startsWith('--webview-out='))?.slice('--webview-out='.length);
/** `--report-out=<dir>`: only the Discovery report's page bundle, into that folder (its tests build it there). */
const reportOut = process.argv.find((a) => a.startsWith('--report-out='))?.slice('--report-out='.length);

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

/**
 * The Discovery report's page (webview/report/): one classic script and one stylesheet with no imports, minified, for
 * src/core/report/html.ts to inline into a self-contained HTML file (dist/report/report.js and report.css).
 */
const REPORT_APP = 'report';
const reportBuild = (outdir) => ({
  bundle: true,
  sourcemap: false,
  minify: true,
  logLevel: 'warning',
  legalComments: 'none',
  entryPoints: { report: join('webview', REPORT_APP, 'main.ts') },
  outdir,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
});

/** Every folder under webview/ with a main.ts is one webview app, bundled on its own (the report's page apart). */
const webviewEntries = existsSync('webview') && !reportOut
  ? readdirSync('webview', { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== REPORT_APP && existsSync(join('webview', d.name, 'main.ts')))
      .map((d) => ({ in: join('webview', d.name, 'main.ts'), out: d.name }))
  : [];

const builds = webviewOut || reportOut ? [] : [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
];
if (webviewEntries.length > 0) {
  builds.push({
    ...common,
    entryPoints: webviewEntries,
    outdir: webviewOut ?? 'dist/webview',
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    // Shared code (vscode-elements, the contract) once, in chunks the apps import.
    splitting: true,
    chunkNames: 'shared-[hash]',
  });
  // Chunk names carry a hash: the chunks of an earlier build would stay beside the new ones (and be packed).
  rmSync(webviewOut ?? 'dist/webview', { recursive: true, force: true });
  // The codicon font, for vscode-icon and the panels' icons.
  mkdirSync(webviewOut ?? 'dist/webview', { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) copyFileSync(join('node_modules', '@vscode', 'codicons', 'dist', f), join(webviewOut ?? join('dist', 'webview'), f));
}

if (reportOut) builds.push(reportBuild(reportOut));
else if (!webviewOut && existsSync(join('webview', REPORT_APP, 'main.ts'))) builds.push(reportBuild(join('dist', 'report')));

if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context(b);
    await ctx.watch();
  }
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}

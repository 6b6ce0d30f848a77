// What `vsce package` puts in the .vsix, as `vsce ls` lists it under .vscodeignore: the bundles, the templates, the
// schema, grammar, media, the translations and the docs a user opens — no sources, tests, fixtures or examples beyond the demo dataset.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

describe('the packed extension', function () {
  this.timeout(60_000); // vsce is a separate Node process; the machine may be busy
  let files: string[];

  before(() => {
    const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    const out = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
    files = out.split('\n').map((l) => l.trim()).filter(Boolean);
  });

  it('holds the manifest, its strings, the runtime strings, the icon, README, CHANGELOG and LICENSE', () => {
    for (const f of ['package.json', 'package.nls.json', 'l10n/bundle.l10n.json', 'media/icon.png', 'README.md', 'CHANGELOG.md', 'LICENSE']) assert.ok(files.includes(f), f);
  });

  it('holds nothing but what runs or what a user opens', () => {
    const shipped = /^(dist\/(extension|cli)\.js|dist\/(webview|report)\/[^/]+|templates\/.+|schemas\/.+|syntaxes\/.+|media\/.+|docs\/[^/]+\.md|examples\/digits\/data\/digits\.csv|package(\.nls(\.[a-z-]+)?)?\.json|l10n\/bundle\.l10n(\.[a-z-]+)?\.json|README\.md|CHANGELOG\.md|LICENSE)$/;
    assert.deepEqual(files.filter((f) => !shipped.test(f)), []);
    assert.deepEqual(files.filter((f) => /(^|\/)(src|test|node_modules|__pycache__)\/|\.map$|\.ts$|\.vsix$/.test(f)), []);
  });
});

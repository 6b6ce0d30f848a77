// The runtime strings to translate: every `vscode.l10n.t(…)` of the extension host and every `l10n.t(…)` /
// l10n.t`…` (`@vscode/l10n`) of src/core and the webviews, extracted by @vscode/l10n-dev into l10n/bundle.l10n.json,
// the English bundle translators start from (a translation is l10n/bundle.l10n.<locale>.json beside it; VS Code loads
// it for its display language, see docs/contributing.md#translations).
//   npm run l10n            writes the bundle
//   npm run l10n -- --check exits 1 when the bundle on disk is not what the sources say (a unit test runs this too)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getL10nJson } from '@vscode/l10n-dev';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the translatable strings live (the CLI's own usage and output stay English). */
const SOURCES = ['src', 'webview'];
export const BUNDLE = join(ROOT, 'l10n', 'bundle.l10n.json');

/** The TypeScript sources the bundle is extracted from, with their paths (relative to the repository). */
export function l10nSources() {
  const out = [];
  for (const dir of SOURCES) {
    for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })) {
      if (!e.isFile() || !e.name.endsWith('.ts') || e.name.endsWith('.d.ts')) continue;
      const path = join(e.parentPath, e.name);
      out.push({ path: relative(ROOT, path), contents: readFileSync(path, 'utf8') });
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** The bundle the sources call for, keys sorted (stable diffs whatever order files are read in). */
export async function extractBundle() {
  const json = await getL10nJson(l10nSources().map((f) => ({ extension: '.ts', contents: f.contents })));
  return Object.fromEntries(Object.keys(json).sort().map((k) => [k, json[k]]));
}

/** The bundle as written on disk. */
export const bundleText = (bundle) => `${JSON.stringify(bundle, null, 2)}\n`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = bundleText(await extractBundle());
  if (process.argv.includes('--check')) {
    const current = (() => {
      try {
        return readFileSync(BUNDLE, 'utf8');
      } catch {
        return '';
      }
    })();
    if (current !== text) {
      process.stderr.write(`${relative(ROOT, BUNDLE)} is not up to date with the sources: run npm run l10n\n`);
      process.exit(1);
    }
  } else {
    writeFileSync(BUNDLE, text);
    process.stdout.write(`${relative(ROOT, BUNDLE)}: ${Object.keys(JSON.parse(text)).length} strings\n`);
  }
}

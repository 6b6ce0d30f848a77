// A pseudo display language for the end-to-end tests: every text the extension hands to VS Code for translation comes
// back as ⟦text⟧, so a screen can be searched for English that never went through translation.
// VS Code shows a language only with a language pack installed: the pack here is an empty one (VS Code's own texts
// stay English), registered in the profile's languagepacks.json as VS Code does when it installs a pack. The
// extension's translations are written where VS Code looks for them: l10n/bundle.l10n.<locale>.json (runtime texts)
// and package.nls.<locale>.json (the manifest's titles) in the installed extension's folder.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installExtension } from '../../../scripts/code-server.mjs';
import { vscePackage } from '../../../scripts/pack-extension.mjs';
import { tempDir } from '../../../scripts/vscode-env.mjs';

export const PSEUDO_LOCALE = 'qps-ploc';
export const OPEN = '⟦';
export const CLOSE = '⟧';

const pseudo = (text) => `${OPEN}${text}${CLOSE}`;
const PACK = { publisher: 'mlroadmap-tests', name: 'pseudo-language-pack', version: '0.0.1' };

/** Installs the pseudo language and the extension's pseudo translations into `profile` (see openWorkbench). */
export function installPseudoLocale(profile) {
  const pack = tempDir('language-pack');
  mkdirSync(join(pack, 'translations'));
  writeFileSync(
    join(pack, 'package.json'),
    JSON.stringify({
      ...PACK,
      displayName: 'Pseudo language (ML Roadmap tests)',
      description: 'An empty language pack: VS Code stays English, the extension under test shows its pseudo translations.',
      license: 'MIT',
      engines: { vscode: '^1.100.0' },
      categories: ['Language Packs'],
      contributes: {
        localizations: [{ languageId: PSEUDO_LOCALE, languageName: 'Pseudo', localizedLanguageName: 'Pseudo', translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }],
      },
    }),
  );
  writeFileSync(join(pack, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
  writeFileSync(join(pack, 'README.md'), 'Pseudo language pack for tests.\n');
  writeFileSync(join(pack, 'LICENSE'), 'MIT\n');
  installExtension(vscePackage(pack, join(pack, 'pack.vsix')), profile);

  const installed = readdirSync(profile.extensionsDir);
  const packDir = installed.find((d) => d.startsWith(`${PACK.publisher}.${PACK.name}`));
  const extDir = installed.find((d) => d.startsWith('mlroadmap.mlroadmap-'));
  if (!packDir || !extDir) throw new Error(`installed extensions: ${installed.join(', ')}`);
  writeFileSync(
    join(profile.userDataDir, 'languagepacks.json'),
    JSON.stringify({
      [PSEUDO_LOCALE]: {
        hash: 'pseudo-1',
        label: 'Pseudo',
        extensions: [{ extensionIdentifier: { id: `${PACK.publisher}.${PACK.name}` }, version: PACK.version }],
        translations: { vscode: join(profile.extensionsDir, packDir, 'translations', 'main.i18n.json') },
      },
    }),
  );

  const ext = join(profile.extensionsDir, extDir);
  const bundle = JSON.parse(readFileSync(join(ext, 'l10n', 'bundle.l10n.json'), 'utf8'));
  const translated = Object.fromEntries(Object.entries(bundle).map(([key, v]) => [key, pseudo(typeof v === 'string' ? v : v.message)]));
  writeFileSync(join(ext, 'l10n', `bundle.l10n.${PSEUDO_LOCALE}.json`), JSON.stringify(translated));
  const nls = JSON.parse(readFileSync(join(ext, 'package.nls.json'), 'utf8'));
  const titles = Object.fromEntries(Object.entries(nls).map(([key, v]) => [key, pseudo(typeof v === 'string' ? v : v.message)]));
  writeFileSync(join(ext, `package.nls.${PSEUDO_LOCALE}.json`), JSON.stringify(titles));
}

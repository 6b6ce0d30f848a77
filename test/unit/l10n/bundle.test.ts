import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { sourceBundle, withPseudoL10n, untranslated, PSEUDO_OPEN } from '../support/pseudoL10n';

const ROOT = join(__dirname, '..', '..', '..');

describe('l10n bundle', function () {
  this.timeout(30_000);

  it('l10n/bundle.l10n.json is what the sources call for (npm run l10n writes it)', async () => {
    const onDisk = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
    const fromSources = await sourceBundle();
    assert.deepEqual(Object.keys(onDisk).sort(), Object.keys(fromSources).sort());
    assert.deepEqual(onDisk, fromSources);
  });

  it('every translated text is a literal the extraction can see', async () => {
    const { l10nSources } = await import('../../../scripts/l10n.mjs');
    // l10n.t( followed by anything but a quote or an options object: a variable, a call or a template literal, which
    // `npm run l10n` cannot read, so its text would never be translated. (l10n.t`…` tagged templates are read.)
    const opaque = /\bl10n\.t\((?!\s*['"{])/g;
    // In the options form, the message and the comment must be literals too (a `comment` shorthand or variable makes
    // the extraction skip the whole call, silently).
    const opaqueOptions = /\bl10n\.t\(\{\s*(?:message:(?!\s*['"])|[^)]*?\bcomment(?:\s*[,}]|:(?!\s*[['"])))/g;
    const found: string[] = [];
    for (const { path, contents } of l10nSources()) {
      for (const re of [opaque, opaqueOptions]) {
        for (const m of contents.matchAll(re)) found.push(`${path}:${contents.slice(0, m.index).split('\n').length}`);
      }
    }
    assert.deepEqual(found, []);
  });

  it('a translation is used, with its arguments in place, and English comes back without one', async () => {
    const key = Object.keys(await sourceBundle()).find((k) => k.includes('{0}'));
    assert.ok(key, 'a message with an argument');
    await withPseudoL10n(() => {
      const out = l10n.t(key, 'ARG');
      assert.ok(out.startsWith(PSEUDO_OPEN) && out.includes('ARG') && !out.includes('{0}'), out);
      assert.deepEqual(untranslated([out, 'plain English']), ['plain English']);
    });
    assert.equal(l10n.t(key, 'ARG'), key.replace('{0}', 'ARG').replace(/\/.*$/s, ''));
  });
});

// The webview's translations: the host writes the bundle VS Code loaded for the display language into the page
// (see src/panels/html.ts; none in English). Imported first by every app, before any module that translates, so
// that `l10n.t` (here and in the core modules the apps share) reads it from the start.
import * as l10n from '@vscode/l10n';
import { L10N_BUNDLE_ID } from '../../src/protocol/l10n';

const data = document.getElementById(L10N_BUNDLE_ID)?.textContent;
if (data) {
  try {
    l10n.config({ contents: data });
  } catch {
    // A page without a readable bundle speaks English.
  }
}

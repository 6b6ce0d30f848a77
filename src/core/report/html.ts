// The Discovery report as one self-contained HTML page: the snapshot embedded as JSON (a data block, never run), the
// report's browser bundle (webview/report/, built by scripts/build.mjs into dist/report/) and its stylesheet inlined.
// The page's CSP allows nothing from anywhere: no request, the one script and the one stylesheet by their hashes.
import * as l10n from '@vscode/l10n';
import { createHash } from 'node:crypto';
import { embeddedJson, escapeHtml, l10nBundleElement } from '../html';
import { REPORT_DATA_ID } from './html-ids';
import type { ReportSnapshot } from './model';

export interface ReportAssets {
  /** dist/report/report.js: one classic script, no imports. */
  readonly script: string;
  /** dist/report/report.css. */
  readonly css: string;
}

export { REPORT_DATA_ID };

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** A script or stylesheet inlined as it is: it must not end its element early. */
function inlinable(text: string, tag: 'script' | 'style'): string {
  if (new RegExp(`</${tag}`, 'i').test(text)) throw new Error(`the report's ${tag} holds </${tag}`);
  return text;
}

/** The report's language: the page's `lang` and the translations its script draws with (none in English). */
export interface ReportLanguage {
  readonly lang: string;
  readonly bundle?: object;
}

export function reportHtml(snapshot: ReportSnapshot, assets: ReportAssets, language: ReportLanguage = { lang: 'en' }): string {
  const script = inlinable(assets.script, 'script');
  const css = inlinable(assets.css, 'style');
  const csp = ["default-src 'none'", `script-src ${sha256(script)}`, `style-src ${sha256(css)}`, "img-src 'none'", "base-uri 'none'", "form-action 'none'"].join('; ');
  const title = snapshot.project.name ? l10n.t('Discovery report: {0}', snapshot.project.name) : l10n.t('Discovery report');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(language.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
<div id="app" aria-busy="true"><noscript>${escapeHtml(l10n.t('This report draws itself with a script; open it in a browser with scripts on.'))}</noscript></div>
<script type="application/json" id="${REPORT_DATA_ID}">${embeddedJson(snapshot)}</script>${l10nBundleElement(language.bundle)}
<script>${script}</script>
</body>
</html>
`;
}

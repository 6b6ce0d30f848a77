// Pieces of the HTML pages the extension writes: the webview panels' pages (src/panels/html.ts) and the Discovery
// report (src/core/report/html.ts). Browser-safe (the webview apps import the ids).

/** The id of a page's JSON element holding the translations its script reads (webview/shared/l10n.ts). */
export const L10N_BUNDLE_ID = 'l10n-bundle';

/** Text for an HTML text node or attribute value. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that cannot end its <script> element or open a comment in it: every <, > and & as a \u escape. */
export function embeddedJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The page's translations as a JSON data block (not run, so not a script for a CSP), or nothing without a bundle
 * (English).
 */
export function l10nBundleElement(bundle: object | undefined): string {
  return bundle ? `<script type="application/json" id="${L10N_BUNDLE_ID}">${embeddedJson(bundle)}</script>` : '';
}

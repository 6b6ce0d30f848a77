/** The id of the webview page's JSON element holding the translations (written by the host, read by the apps). */
export const L10N_BUNDLE_ID = 'l10n-bundle';

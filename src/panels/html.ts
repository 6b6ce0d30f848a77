// The HTML shell and options every ML Roadmap webview shares: a strict CSP (scripts by nonce, styles and fonts from
// the extension only, no eval, no inline code), resources limited to dist/webview and media/, the codicon font.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { L10N_BUNDLE_ID } from '../protocol/l10n';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** The page of the webview app `app` (dist/webview/<app>.js and .css). */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, app: string, title: string): string {
  const nonce = randomBytes(16).toString('base64');
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', name)).toString();
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
  ].join('; ');
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  // The translations for the display language, read by webview/shared/l10n.ts (a data block: not run, so not a script
  // for the CSP); none in English. `<` written as \u003c keeps the JSON from closing the element.
  const bundle = vscode.l10n.bundle;
  const l10nData = bundle ? `\n<script type="application/json" id="${L10N_BUNDLE_ID}">${JSON.stringify(bundle).replace(/</g, '\\u003c')}</script>` : '';
  return `<!DOCTYPE html>
<html lang="${escape(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escape(title)}</title>
<link rel="stylesheet" href="${asset('codicon.css')}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="${asset(`${app}.css`)}">
</head>
<body>
<div id="app" aria-busy="true"></div>${l10nData}
<script type="module" nonce="${nonce}" src="${asset(`${app}.js`)}"></script>
</body>
</html>`;
}

// The HTML shell and options every ML Roadmap webview shares: a strict CSP (scripts by nonce, styles and fonts from
// the extension only, no eval, no inline code), resources limited to dist/webview and media/, the codicon font.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { escapeHtml, l10nBundleElement } from '../core/html';

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
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${asset('codicon.css')}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="${asset(`${app}.css`)}">
</head>
<body>
<div id="app" aria-busy="true"></div>${l10nBundleElement(vscode.l10n.bundle)}
<script type="module" nonce="${nonce}" src="${asset(`${app}.js`)}"></script>
</body>
</html>`;
}

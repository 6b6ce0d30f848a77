import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

/**
 * The messages of src/core (diagnostics, pitfalls, stage titles, the views' models) are written with `@vscode/l10n`,
 * which knows no display language of its own: it is handed the translations VS Code loaded for `vscode.l10n`, so the
 * core speaks the language the rest of the extension does. In English there is no bundle and nothing to do.
 */
export function localizeCore(bundle: typeof vscode.l10n.bundle = vscode.l10n.bundle): void {
  l10n.config({ contents: bundle ?? {} });
}

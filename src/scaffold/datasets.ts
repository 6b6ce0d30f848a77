// Where the Scaffold Baseline command finds datasets: CSV files in the workspace, the demo dataset
// shipped with the extension (copied into the project when chosen), or a file picked on disk.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const CSV_GLOB = '**/*.csv';
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/.venv/**,**/venv/**,**/site-packages/**}';
const MAX_LISTED = 200;

/** The demo's CSV inside the extension: `examples/digits/data/digits.csv`. */
const DEMO_PARTS = ['examples', 'digits', 'data', 'digits.csv'] as const;
/** Where the demo dataset goes in the project, relative to the roadmap's folder. */
export const DEMO_DESTINATION = 'data/digits.csv';
export const DEMO_TARGET = 'label';

/** Absolute paths of the workspace's CSV files, those under `root` first and nearest to it first. */
export async function findWorkspaceCsvs(root: vscode.Uri): Promise<string[]> {
  const found = await vscode.workspace.findFiles(CSV_GLOB, EXCLUDE, MAX_LISTED);
  const base = root.fsPath;
  const depth = (p: string) => {
    const rel = path.relative(base, p);
    return rel.startsWith('..') || path.isAbsolute(rel) ? 1000 + p.split(path.sep).length : rel.split(path.sep).length;
  };
  return found
    .map((u) => u.fsPath)
    .sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
}

/** The demo dataset shipped with the extension, when this build has it. */
export function demoDatasetSource(extensionUri: vscode.Uri): string | undefined {
  const file = vscode.Uri.joinPath(extensionUri, ...DEMO_PARTS).fsPath;
  return existsSync(file) ? file : undefined;
}

/**
 * Copies the demo dataset to `<root>/data/digits.csv` unless an identical-size copy is there already.
 * Returns its path and whether this call created it (so a cancelled scaffold can remove it again).
 */
export function copyDemoDataset(source: string, root: string): { readonly path: string; readonly created: boolean } {
  const destination = path.join(root, ...DEMO_DESTINATION.split('/'));
  if (existsSync(destination)) {
    if (statSync(destination).size === statSync(source).size) return { path: destination, created: false };
    throw new Error(vscode.l10n.t('{0} exists and is not the demo dataset: move it away or pick it as your dataset.', destination));
  }
  mkdirSync(path.dirname(destination), { recursive: true });
  copyFileSync(source, destination);
  return { path: destination, created: true };
}

/** Asks for a CSV on disk; undefined when the user closes the dialog. */
export async function browseForCsv(root: vscode.Uri): Promise<string | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectFolders: false,
    canSelectMany: false,
    defaultUri: root,
    filters: { [vscode.l10n.t('CSV files')]: ['csv'], [vscode.l10n.t('All files')]: ['*'] },
    openLabel: vscode.l10n.t('Use as Dataset'),
    title: vscode.l10n.t('Dataset for the baseline (CSV with a header row)'),
  });
  return picked?.[0]?.fsPath;
}

/** `file` relative to `root` with `/` (`.` for `root` itself), or absolute when outside it: how paths are shown in picks and messages. */
export function displayPath(root: string, file: string): string {
  const rel = path.relative(root, file);
  if (rel === '') return '.';
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
}

// ML Roadmap: Export Discovery Report… — the report `mlroadmap report` writes, from what the editor shows now: the
// store's parse (unsaved edits included), the analysis, the results index and the decisions index, into the same
// snapshot (core `reportSnapshot`) and the same page or Markdown. The user gives a git ref to compare with (or none)
// and picks the file; Restricted Mode refuses,
// as it refuses every command that writes a file.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { reportHtml } from '../core/report/html';
import { reportMarkdown } from '../core/report/markdown';
import { reportSnapshot, type ReportSince } from '../core/report/snapshot';
import { DEFAULT_DECISIONS_FOLDER } from '../core/roadmap/model';
import { sinceRef } from '../git/since';
import type { Services } from '../services';
import { runFlow } from './flow';
import { argsOf, cancelled, chooseRoadmap, refuseUntrusted, type CommandOutcome, type TargetArgs } from './target';

export interface ExportReportArgs extends TargetArgs {
  /** The file to write (tests); asked with a save dialog when absent. */
  readonly out?: string | vscode.Uri;
  /** By default from the file's extension (.md: Markdown), else HTML. */
  readonly format?: 'html' | 'md';
  /**
   * A git ref: the report gets a "Since <ref>" section (what changed since that commit). Empty: none. Absent: the
   * command asks for it (an InputBox, empty by default).
   */
  readonly since?: string;
}

export interface ExportReportOutcome extends CommandOutcome {
  readonly file?: string;
}

export async function exportReportCommand(services: Services, arg?: unknown): Promise<ExportReportOutcome> {
  const refused = refuseUntrusted(vscode.l10n.t('ML Roadmap does not write files in Restricted Mode. Trust this workspace to export the Discovery report.'));
  if (refused) return refused;
  const args = argsOf<ExportReportArgs>(arg);
  await services.store.whenReady();
  const uri = await chooseRoadmap(services.store, args);
  const entry = uri && services.store.get(uri);
  if (!entry) {
    const message = vscode.l10n.t('There is no mlroadmap.yaml in this workspace yet. Run "ML Roadmap: Initialize Roadmap" first.');
    void vscode.window.showInformationMessage(message);
    return { done: false, reason: 'no-roadmap', message };
  }
  const analysis = services.analysis.get(entry);
  if (!analysis || !entry.roadmap) {
    const message = vscode.l10n.t('{0} is not a readable roadmap yet: fix the errors shown in the Problems view first.', vscode.workspace.asRelativePath(entry.uri));
    void vscode.window.showErrorMessage(message);
    return { done: false, reason: 'invalid', message };
  }
  // The palette asks for the ref first (an unknown one is said before asking where to save); an argument skips it.
  const asked = await runFlow<{ since: string }>(vscode.l10n.t('Export Discovery Report'), { since: typeof args.since === 'string' ? args.since : '' }, [
    {
      skip: () => args.since !== undefined,
      run: async (p, s) => {
        s.since = await p.input({
          prompt: vscode.l10n.t('Compare with a git ref, e.g. HEAD~7 or a tag; empty: no comparison'),
          placeholder: 'HEAD~7',
          value: s.since,
          validate: (text) => (text.trim().startsWith('-') ? vscode.l10n.t('A git ref does not start with "-".') : undefined),
        });
      },
    },
  ]);
  if (!asked) return cancelled;
  let since: ReportSince | undefined;
  const ref = asked.since.trim();
  if (ref !== '') {
    const decisions = path.resolve(entry.root.fsPath, entry.roadmap.decisions.trim() || DEFAULT_DECISIONS_FOLDER);
    const changes = await sinceRef(entry.uri.fsPath, ref, { roadmap: entry.roadmap, decisionsFolder: decisions, decisions: services.decisions.records(entry) });
    if ('ok' in changes) {
      const message = vscode.l10n.t('Cannot compare with {0}: {1} Nothing was written.', ref, changes.message);
      services.log.info(`Discovery report --since ${ref}: ${changes.message}${changes.output ? `\n${changes.output}` : ''}`);
      void vscode.window.showErrorMessage(message);
      return { done: false, reason: 'failed', message };
    }
    since = changes;
  }
  const out =
    args.out !== undefined
      ? args.out instanceof vscode.Uri
        ? args.out
        : vscode.Uri.file(args.out)
      : await vscode.window.showSaveDialog({
          title: vscode.l10n.t('Export Discovery Report'),
          defaultUri: vscode.Uri.joinPath(entry.root, 'discovery-report.html'),
          filters: { [vscode.l10n.t('HTML page')]: ['html'], [vscode.l10n.t('Markdown')]: ['md'] },
        });
  if (!out) return cancelled;
  const format = args.format ?? (/\.(md|markdown)$/i.test(out.path) ? 'md' : 'html');
  const snapshot = reportSnapshot({
    source: vscode.workspace.asRelativePath(entry.uri),
    analysis,
    latest: (id) => services.results.latest(entry, id),
    decisions: services.decisions.records(entry),
    now: new Date(),
    ...(since ? { since } : {}),
  });
  let text: string;
  if (format === 'md') text = reportMarkdown(snapshot);
  else {
    const dir = vscode.Uri.joinPath(services.context.extensionUri, 'dist', 'report');
    const read = async (name: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, name)));
    text = reportHtml(snapshot, { script: await read('report.js'), css: await read('report.css') }, { lang: vscode.env.language, bundle: vscode.l10n.bundle });
  }
  await vscode.workspace.fs.writeFile(out, new TextEncoder().encode(text));
  const shown = out.scheme === 'file' ? path.basename(out.fsPath) : out.toString();
  services.log.info(`Discovery report (${format}) written to ${out.scheme === 'file' ? out.fsPath : out.toString()}`);
  void vscode.window.showInformationMessage(vscode.l10n.t('Discovery report written to {0}.', shown));
  return { done: true, file: out.scheme === 'file' ? out.fsPath : out.toString() };
}

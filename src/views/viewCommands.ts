import * as vscode from 'vscode';
import type { Range } from '../core/roadmap/model';
import { Commands } from '../ids';
import type { Services } from '../services';
import type { RoadmapEntry } from '../workspace/roadmapStore';
import type { ViewNode } from './viewNode';
import { focusMarkdown } from './focus';
import { chooseRoadmap, namedRoadmap } from '../commands/target';
import { toRange } from '../language/roadmapSources';
import { linkProblem, quotable } from '../core/links';

function isViewNode(arg: unknown): arg is ViewNode {
  return typeof arg === 'object' && arg !== null && 'id' in arg && 'label' in arg;
}

/** The roadmap a view command acts on: the one named by the argument, else the active one, else one the user picks. */
async function pickEntry(services: Services, arg: unknown): Promise<RoadmapEntry | undefined> {
  const uri = await chooseRoadmap(services.store, arg);
  return uri && services.store.get(uri);
}

/** Opens mlroadmap.yaml and selects `range`, keeping the focus where it was (the tree) unless asked. */
export async function revealInRoadmap(uri: vscode.Uri, range?: Range, preserveFocus = true): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const options: vscode.TextDocumentShowOptions = { preserveFocus, preview: true };
  if (range) {
    const vsRange = document.validateRange(toRange(range));
    options.selection = new vscode.Range(vsRange.start, vsRange.end);
  }
  const editor = await vscode.window.showTextDocument(document, options);
  if (options.selection) editor.revealRange(options.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

const SAFE_SCHEMES = new Set(['http', 'https']);

/** View commands: refresh, open and reveal in the roadmap file, open a literature link, copy the focus. */
export function registerViewCommands(services: Services): vscode.Disposable[] {
  const { store, analysis } = services;
  return [
    vscode.commands.registerCommand(Commands.refresh, async () => {
      await store.refresh();
      analysis.refresh();
    }),
    vscode.commands.registerCommand(Commands.openRoadmap, async (arg?: unknown) => {
      const entry = await pickEntry(services, arg);
      if (!entry) return undefined;
      return revealInRoadmap(entry.uri, undefined, false);
    }),
    vscode.commands.registerCommand(Commands.revealInRoadmap, async (target?: unknown, range?: Range) => {
      if (isViewNode(target) && !target.roadmap) return undefined;
      const uri = namedRoadmap(target) ?? store.active()?.uri;
      if (!uri) return undefined;
      return revealInRoadmap(uri, isViewNode(target) ? target.range : range);
    }),
    vscode.commands.registerCommand(Commands.openLink, async (target?: unknown) => {
      const url = isViewNode(target) ? target.url : typeof target === 'string' ? target : target instanceof vscode.Uri ? target.toString() : undefined;
      if (!url) return false;
      let uri: vscode.Uri;
      try {
        uri = vscode.Uri.parse(url, true);
      } catch {
        void vscode.window.showErrorMessage(vscode.l10n.t('Not a link: {0}', quotable(url)));
        return false;
      }
      if (!SAFE_SCHEMES.has(uri.scheme)) {
        void vscode.window.showErrorMessage(vscode.l10n.t('ML Roadmap opens only http and https links, not {0}', quotable(url)));
        return false;
      }
      // Checked on the text as given (a vscode.Uri would percent-encode what disguises it).
      const problem = linkProblem(url);
      if (problem) {
        void vscode.window.showErrorMessage(vscode.l10n.t('ML Roadmap does not open {0}: {1}', quotable(url), problem));
        return false;
      }
      return vscode.env.openExternal(uri);
    }),
    vscode.commands.registerCommand(Commands.copyFocus, async (arg?: unknown) => {
      const entry = await pickEntry(services, arg);
      const result = entry && analysis.get(entry);
      if (!result?.roadmap) {
        void vscode.window.showWarningMessage(vscode.l10n.t('No readable mlroadmap.yaml to copy the focus from.'));
        return undefined;
      }
      const markdown = focusMarkdown(result);
      await vscode.env.clipboard.writeText(markdown);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Copied {0} focus item(s) as a Markdown checklist.', result.focus.length),
      );
      return markdown;
    }),
  ];
}

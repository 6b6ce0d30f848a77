// ML Roadmap: Initialize Roadmap — looks at the folder first (result files, runs, data, an evaluation script, an ADR
// folder, literature), asks the project name and the problem, shows what it found in one multi-select list (all
// kept by default, each naming its source file), and writes the starter roadmap (the whole Discovery process and the
// usual Production tracks) with the findings kept to `<folder>/mlroadmap.yaml`, and opens it. Never overwrites an
// existing file. In a multi-root workspace it asks which folder.
import * as vscode from 'vscode';
import { describeFinding, detectProject, FINDING_KINDS, initialRoadmap, type Finding, type FindingKind, type ProjectFindings } from '../core/init';
import { today, validateRequired } from '../core/roadmap/inputs';
import { firstThingToDo } from '../core/process/analysis';
import { parseRoadmap } from '../core/roadmap/parse';
import { ROADMAP_FILE_NAME } from '../core/roadmap/model';
import type { Services } from '../services';
import { detectInputFor } from '../workspace/projectFs';
import { runFlow, separator, type FlowPickItem } from './flow';
import { argsOf, refuseUntrusted, uriOf, type CommandOutcome } from './target';

export interface InitializeArgs {
  /** Folder to write mlroadmap.yaml into (URI string or Uri); default: the workspace folder, asked when several. */
  readonly folder?: string | vscode.Uri;
  readonly name?: string;
  readonly problem?: string;
  readonly businessGoal?: string;
  /** Open the new file in an editor (default true). */
  readonly open?: boolean;
  /**
   * Which findings to write without asking: 'all', 'none', or their keys (`metric:accuracy`, `candidate:small-cnn` ...,
   * as the outcome's `findings` lists them). Default: ask in a multi-select list, everything picked.
   */
  readonly keep?: 'all' | 'none' | readonly string[];
}

/** A finding as the outcome reports it. */
export interface FindingSummary {
  readonly key: string;
  readonly kind: FindingKind;
  readonly sources: readonly string[];
}

export interface InitializeOutcome extends Omit<CommandOutcome, 'reason'> {
  readonly reason?: CommandOutcome['reason'] | 'exists' | 'no-folder';
  /** URI string of the roadmap written (or of the one already there). */
  readonly uri?: string;
  /** What the folder held, each with its source files. */
  readonly findings?: readonly FindingSummary[];
  /** Keys of the findings written. */
  readonly kept?: readonly string[];
}

function kindHeading(kind: FindingKind): string {
  switch (kind) {
    case 'metric':
      return vscode.l10n.t('Metrics (from result files)');
    case 'candidate':
      return vscode.l10n.t('Candidates (from runs)');
    case 'dataset':
      return vscode.l10n.t('Evaluation dataset');
    case 'command':
      return vscode.l10n.t('Evaluation command');
    case 'decisions':
      return vscode.l10n.t('Decisions folder');
    case 'literature':
      return vscode.l10n.t('Literature');
  }
}

function findingItems(findings: readonly Finding[]): FlowPickItem<string>[] {
  const items: FlowPickItem<string>[] = [];
  for (const kind of FINDING_KINDS) {
    const ofKind = findings.filter((f) => f.kind === kind);
    if (ofKind.length === 0) continue;
    items.push(separator(kindHeading(kind)));
    for (const f of ofKind) items.push({ label: describeFinding(f), detail: vscode.l10n.t('from {0}', f.sources.join(', ')), value: f.key });
  }
  return items;
}

function keptBy(keep: InitializeArgs['keep'], findings: readonly Finding[]): readonly string[] | undefined {
  if (keep === undefined) return undefined;
  if (keep === 'all') return findings.map((f) => f.key);
  if (keep === 'none') return [];
  return Array.isArray(keep) ? keep.filter((k): k is string => typeof k === 'string') : undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function initializeCommand(services: Services, arg?: unknown): Promise<InitializeOutcome> {
  const refused = refuseUntrusted();
  if (refused) return refused;
  const args = argsOf<InitializeArgs>(arg);
  let folder: vscode.Uri | undefined;
  if (args.folder) folder = uriOf(args.folder);
  else {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
      const message = vscode.l10n.t('Open a folder first: the roadmap lives in mlroadmap.yaml at the root of the project.');
      const open = vscode.l10n.t('Open Folder…');
      void vscode.window.showInformationMessage(message, open).then((c) => {
        if (c) void vscode.commands.executeCommand('vscode.openFolder');
      });
      return { done: false, reason: 'no-folder', message };
    }
    folder =
      folders.length === 1
        ? folders[0].uri
        : (await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Which folder gets the roadmap?') }))?.uri;
    if (!folder) return { done: false, reason: 'cancelled' };
  }
  const uri = vscode.Uri.joinPath(folder, ROADMAP_FILE_NAME);
  if (await exists(uri)) {
    const message = vscode.l10n.t('{0} already exists: ML Roadmap does not overwrite it.', vscode.workspace.asRelativePath(uri));
    const open = vscode.l10n.t('Open It');
    void vscode.window.showWarningMessage(message, open).then((c) => {
      if (c) void vscode.window.showTextDocument(uri);
    });
    return { done: false, reason: 'exists', message, uri: uri.toString() };
  }

  const root = folder;
  const found: ProjectFindings = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('ML Roadmap: looking at the project…') },
    () => detectProject(detectInputFor(root)),
  );
  if (found.truncated) services.log.info(`Initialize Roadmap: ${found.truncated}`);
  const findings: readonly FindingSummary[] = found.findings.map((f) => ({ key: f.key, kind: f.kind, sources: f.sources }));

  const defaultName = folder.path.split('/').filter(Boolean).pop() ?? '';
  const preset = keptBy(args.keep, found.findings);
  const state = await runFlow<{ name?: string; problem?: string; kept?: readonly string[] }>(vscode.l10n.t('Initialize Roadmap'), { name: args.name, problem: args.problem, kept: preset }, [
    {
      skip: () => args.name !== undefined,
      run: async (p, s) => {
        s.name = (await p.input({ prompt: vscode.l10n.t('Project name'), value: s.name ?? defaultName, validate: (t) => validateRequired(t, vscode.l10n.t('a name')) })).trim();
      },
    },
    {
      skip: () => args.problem !== undefined,
      run: async (p, s) => {
        s.problem = (
          await p.input({
            prompt: vscode.l10n.t('The business problem, in the words of the people who have it'),
            placeholder: vscode.l10n.t('e.g. Staff type every handwritten digit on incoming forms by hand.'),
            value: s.problem,
            validate: (t) => validateRequired(t, vscode.l10n.t('the problem')),
          })
        ).trim();
      },
    },
    {
      skip: () => preset !== undefined || found.findings.length === 0,
      run: async (p, s) => {
        s.kept = await p.pickMany({
          placeholder: vscode.l10n.t('Found in the project: untick what the roadmap should not start from'),
          items: findingItems(found.findings),
          selected: s.kept ?? found.findings.map((f) => f.key),
          matchOnDetail: true,
        });
      },
    },
  ]);
  if (!state?.name || !state.problem) return { done: false, reason: 'cancelled', findings };

  const keptKeys = new Set(state.kept ?? []);
  const kept = found.findings.filter((f) => keptKeys.has(f.key));
  const written = initialRoadmap({ name: state.name, problem: state.problem, businessGoal: args.businessGoal, today: today() }, kept);
  if (!written.ok) {
    const message = vscode.l10n.t('Could not write the roadmap: {0}', written.error);
    void vscode.window.showErrorMessage(message);
    return { done: false, reason: 'invalid', message, findings };
  }
  const text = written.text;
  // A second check right before writing: another window may have created the file meanwhile.
  if (await exists(uri)) return { done: false, reason: 'exists', message: vscode.l10n.t('{0} already exists.', uri.fsPath), uri: uri.toString() };
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  services.log.info(`Initialized ${uri.fsPath}`);
  if (vscode.workspace.getWorkspaceFolder(uri)) await services.store.reload(uri);
  // The cursor lands on the first thing to fill in: the first item of the new roadmap's Focus list.
  const first = firstThingToDo(text, parseRoadmap(text));
  const cursor = first && new vscode.Range(first.line, first.character, first.line, first.character);
  if (args.open !== false) await vscode.window.showTextDocument(uri, { preview: false, ...(cursor ? { selection: cursor } : {}) });
  void vscode.window.showInformationMessage(vscode.l10n.t('Roadmap initialized: start with the Understand stage, or open the walkthrough.'));
  return { done: true, uri: uri.toString(), findings, kept: kept.map((f) => f.key) };
}

// What every palette flow needs before it asks anything: Workspace Trust, the roadmap to act on
// (from the arguments, a tree item, the active editor, or a pick in multi-root workspaces), and a
// way to apply core edits to it and report the outcome.
import * as vscode from 'vscode';
import type { EditResult } from '../core/roadmap/edits';
import type { Roadmap } from '../core/roadmap/model';
import { applyRoadmapEdits, whyUnreadable } from '../workspace/applyEdits';
import type { RoadmapEntry, RoadmapStore } from '../workspace/roadmapStore';
import type { Services } from '../services';

/**
 * Arguments every roadmap command accepts. A sidebar tree item (a `ViewNode`: `roadmap` is its
 * roadmap's URI string, `itemId` the id of the step, candidate ... it shows) fits this shape too.
 */
export interface TargetArgs {
  /** URI string (or Uri) of the mlroadmap.yaml to act on. */
  readonly roadmap?: string | vscode.Uri;
  /** A store entry, as some views pass it. */
  readonly entry?: { readonly uri: vscode.Uri };
  /** Id of the item a tree node shows. */
  readonly itemId?: string;
}

/** Outcome every command returns, for tests and keybindings. */
export interface CommandOutcome {
  /** True when the roadmap was changed (or, for Initialize, written). */
  readonly done: boolean;
  /** Why nothing was changed: cancelled by the user, refused, or failed. */
  readonly reason?: 'cancelled' | 'restricted' | 'no-roadmap' | 'invalid' | 'failed' | 'nothing-to-do';
  readonly message?: string;
}

export const cancelled: CommandOutcome = { done: false, reason: 'cancelled' };

/** A roadmap that parsed into a model, ready to be edited. */
export interface Target {
  readonly entry: RoadmapEntry;
  readonly roadmap: Roadmap;
}

/** Normalises a command argument: a Uri (editor title menu), a tree node or an args object. */
export function argsOf<T extends object>(arg: unknown): Partial<T> & TargetArgs {
  if (arg instanceof vscode.Uri) return { roadmap: arg } as Partial<T> & TargetArgs;
  if (arg && typeof arg === 'object') return arg as Partial<T> & TargetArgs;
  return {} as Partial<T> & TargetArgs;
}

/** An argument naming an item the roadmap does not have: shown as an error, returned as `invalid`. */
export function invalidArgument(message: string): CommandOutcome & { readonly reason: 'invalid'; readonly message: string } {
  void vscode.window.showErrorMessage(message);
  return { done: false, reason: 'invalid', message };
}

/** Nothing to do (no candidates yet, no later phase ...): said once, returned as `nothing-to-do`. */
export function nothingToDo(message: string): CommandOutcome & { readonly reason: 'nothing-to-do'; readonly message: string } {
  void vscode.window.showInformationMessage(message);
  return { done: false, reason: 'nothing-to-do', message };
}

/** What a command refused in Restricted Mode returns. */
export interface RestrictedOutcome extends CommandOutcome {
  readonly done: false;
  readonly reason: 'restricted';
  readonly message: string;
}

/** Says that Restricted Mode refuses this (offering to manage Workspace Trust) and returns the refusal. */
export function restrictedOutcome(message: string): RestrictedOutcome {
  void vscode.window.showWarningMessage(message, vscode.l10n.t('Manage Workspace Trust')).then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return { done: false, reason: 'restricted', message };
}

/** Refuses in Restricted Mode with a message that says why (by default: roadmap edits); undefined when trusted. */
export function refuseUntrusted(message?: string): RestrictedOutcome | undefined {
  if (vscode.workspace.isTrusted) return undefined;
  return restrictedOutcome(message ?? vscode.l10n.t('ML Roadmap does not change files in Restricted Mode. Trust this workspace to edit the roadmap.'));
}

/**
 * Wraps a command's body so an unexpected error is logged with its stack, shown once, and returned as a `failed`
 * outcome instead of surfacing as VS Code's generic "command failed".
 */
export function guardCommand<T>(
  id: string,
  log: Pick<vscode.LogOutputChannel, 'error'>,
  body: (arg?: unknown) => Promise<T>,
): (arg?: unknown) => Promise<T | CommandOutcome> {
  return async (arg?: unknown) => {
    try {
      return await body(arg);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      log.error(`${id} failed: ${e instanceof Error ? (e.stack ?? message) : message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('ML Roadmap: {0}', message));
      return { done: false, reason: 'failed', message };
    }
  };
}

/** A Uri as is; a string as a URI when it has a scheme (not a Windows drive letter), else as a file path. */
export function uriOf(value: string | vscode.Uri): vscode.Uri {
  if (value instanceof vscode.Uri) return value;
  return /^[a-z][a-z0-9+.-]*:/i.test(value) && !/^[a-z]:[\\/]/i.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value);
}

/**
 * The roadmap an argument names: a Uri, a URI string or file path, `{ roadmap }` (command arguments, a tree node)
 * or `{ entry }`; undefined when it names none.
 */
export function namedRoadmap(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri || typeof arg === 'string') return uriOf(arg);
  if (!arg || typeof arg !== 'object') return undefined;
  const { roadmap, entry } = arg as TargetArgs;
  if (roadmap) return uriOf(roadmap);
  return entry?.uri;
}

/** The roadmap named by the argument, else the active one, else one the user picks; undefined when none or cancelled. */
export async function chooseRoadmap(store: RoadmapStore, arg: unknown): Promise<vscode.Uri | undefined> {
  return namedRoadmap(arg) ?? store.active()?.uri ?? (await pickRoadmap(store.all()));
}

/**
 * The roadmap a command acts on, freshly parsed from the editor's text or the disk: the one named in
 * the arguments, else the active one, else asks which (multi-root). Reports and returns an outcome
 * when there is none or it cannot be read.
 */
export async function resolveTarget(services: Services, args: TargetArgs): Promise<Target | CommandOutcome> {
  const { store } = services;
  await store.whenReady();
  const uri = await chooseRoadmap(store, args);
  if (!uri) {
    if (store.all().length > 0) return cancelled;
    const message = vscode.l10n.t('There is no mlroadmap.yaml in this workspace yet. Run "ML Roadmap: Initialize Roadmap" first.');
    void vscode.window.showInformationMessage(message);
    return { done: false, reason: 'no-roadmap', message };
  }
  // What is on disk decides, not an editor still holding the text of a file deleted or replaced behind its back.
  const unreadable = await whyUnreadable(uri);
  if (unreadable) {
    const open = unreadable.missing && vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
    const message = [
      vscode.l10n.t('Cannot read {0}: {1}. Nothing was changed.', uri.fsPath, unreadable.reason),
      ...(open ? [vscode.l10n.t('Its editor still holds the text: save it from there to put the file back.')] : []),
    ].join(' ');
    void vscode.window.showErrorMessage(message);
    return { done: false, reason: 'no-roadmap', message };
  }
  const entry = await store.reload(uri);
  if (!entry) {
    const message = vscode.l10n.t('Cannot read {0}.', uri.fsPath);
    void vscode.window.showErrorMessage(message);
    return { done: false, reason: 'no-roadmap', message };
  }
  if (!entry.roadmap) {
    const message = vscode.l10n.t('{0} is not a readable roadmap yet: fix the errors shown in the Problems view first.', vscode.workspace.asRelativePath(entry.uri));
    void vscode.window.showErrorMessage(message);
    return { done: false, reason: 'invalid', message };
  }
  return { entry, roadmap: entry.roadmap };
}

export function isOutcome(value: Target | CommandOutcome): value is CommandOutcome {
  return 'done' in value;
}

async function pickRoadmap(entries: readonly RoadmapEntry[]): Promise<vscode.Uri | undefined> {
  if (entries.length === 0) return undefined;
  if (entries.length === 1) return entries[0].uri;
  const picked = await vscode.window.showQuickPick(
    entries.map((e) => ({
      label: e.roadmap?.project.name ?? e.label,
      description: vscode.workspace.asRelativePath(e.uri),
      uri: e.uri,
    })),
    { title: vscode.l10n.t('ML Roadmap'), placeHolder: vscode.l10n.t('Which roadmap?') },
  );
  return picked?.uri;
}

/**
 * Applies the edits `compute` returns for the document's current text, as one undoable WorkspaceEdit.
 * `compute` returns an error message when the change cannot be made (e.g. the id is already taken).
 */
export async function applyToRoadmap(
  target: Target,
  label: string,
  compute: (text: string) => EditResult,
  services: Services,
): Promise<CommandOutcome> {
  const outcome = await applyRoadmapEdits(
    target.entry.uri,
    (text) => {
      const result = compute(text);
      return result.ok ? result.edits : { error: result.error };
    },
    label,
  );
  if (!outcome.ok) {
    void vscode.window.showErrorMessage(outcome.message);
    services.log.warn(`${label}: ${outcome.message}`);
    return { done: false, reason: 'failed', message: outcome.message };
  }
  await services.store.reload(target.entry.uri);
  services.log.info(`${label} in ${vscode.workspace.asRelativePath(target.entry.uri)}`);
  if (outcome.note) {
    void vscode.window.showInformationMessage(outcome.note);
    return { done: true, message: outcome.note };
  }
  return { done: true };
}

/** Shows a short confirmation in the status bar (no toast to dismiss). */
export function confirm(message: string): void {
  vscode.window.setStatusBarMessage(`$(check) ${message}`, 4000);
}

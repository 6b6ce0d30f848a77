import { stat } from 'node:fs/promises';
import { sep } from 'node:path';
import * as vscode from 'vscode';
import { KeyedDebouncer } from '../core/debounce';
import { parseRoadmapText, type ParsedRoadmap } from '../core/roadmap/parse';
import type { ParseResult, Roadmap } from '../core/roadmap/model';
import { ROADMAP_FILE_NAME } from '../core/roadmap/model';
import { Settings } from '../ids';
import type { FileEvents } from './fileEvents';
import { ActivationSpans } from '../activationSpans';

/** One roadmap file as the extension currently sees it: the editor's unsaved text when open, else the file on disk. */
export interface RoadmapEntry {
  readonly uri: vscode.Uri;
  /** The workspace folder the roadmap belongs to (a monorepo may hold several roadmaps in one folder). */
  readonly folder: vscode.WorkspaceFolder;
  /** The folder holding mlroadmap.yaml: relative paths in the roadmap resolve against it. */
  readonly root: vscode.Uri;
  /** A short label for grouping views in multi-root workspaces and monorepos. */
  readonly label: string;
  readonly text: string;
  /** The text read once: the YAML tree the language features walk, the model and its diagnostics. */
  readonly parsed: ParsedRoadmap;
  readonly parse: ParseResult;
  readonly roadmap: Roadmap | undefined;
}

const GLOB = `**/${ROADMAP_FILE_NAME}`;
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/.venv/**,**/venv/**}';
/** The debounce key of the look for roadmaps in created folders (roadmaps are keyed by URI, which has a scheme). */
const CREATED_FOLDERS = 'created folders';

function isRoadmapPath(uri: vscode.Uri): boolean {
  return uri.path.endsWith(`/${ROADMAP_FILE_NAME}`);
}

/**
 * Finds every mlroadmap.yaml in the workspace, keeps its parsed model current (debounced on edits,
 * from the editor's unsaved text as well as from disk) and tells listeners which roadmap changed.
 */
export class RoadmapStore implements vscode.Disposable {
  private readonly entries = new Map<string, RoadmapEntry>();
  /** Pending re-reads by roadmap URI, and the look for roadmaps in created folders. */
  private readonly debounce = new KeyedDebouncer<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<RoadmapEntry | undefined>();
  /** Fires with the entry that changed, or undefined when roadmaps appeared or disappeared. */
  readonly onDidChange = this.changed.event;
  private ready: Promise<void> | undefined;
  /** Paths created since the last look for new folders (see `created`). */
  private readonly createdPaths = new Set<string>();
  /**
   * The latest parse of each roadmap text by URI, with the editor version it was read at (undefined: read from disk).
   * The store's entries and the language features take their parse from here: one parse per change of the text.
   */
  private readonly parses = new Map<string, { version: number | undefined; parsed: ParsedRoadmap }>();
  private parseCounter = 0;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    files: FileEvents,
    /** Times the read, the parse and the change notification on the way to the first view. */
    private readonly spans = new ActivationSpans(performance.now()),
  ) {
    this.disposables.push(
      this.changed,
      files.subscribe(
        ({ uri, kind }) => {
          if (kind === 'created') this.schedule(uri, 0);
          else if (kind === 'deleted') this.remove(uri);
          else {
            // An open document is followed through its text; disk changes matter only when it is not dirty.
            const doc = this.openDocument(uri);
            if (!doc || !doc.isDirty) this.schedule(uri);
          }
        },
        ({ uri }) => isRoadmapPath(uri),
      ),
      // Deleting a folder reports the folder only, not the roadmaps inside it. Creating one may too: a file
      // written into a folder just created can come before the watcher watches that folder.
      files.subscribe(({ uri, kind }) => (kind === 'deleted' ? this.removeUnder(uri) : this.created(uri)), ({ kind }) => kind !== 'changed'),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.removeUnder(uri))),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.isRoadmap(e.document.uri) && e.contentChanges.length > 0) this.schedule(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        const key = doc.uri.toString();
        // A version belongs to an open editor: the text read next is compared as text.
        const cached = this.parses.get(key);
        if (cached && this.entries.has(key)) cached.version = undefined;
        else this.parses.delete(key);
        // Closing a dirty editor without saving reverts to the disk text.
        if (this.isRoadmap(doc.uri) && this.entries.has(key)) this.schedule(doc.uri, 0);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()),
    );
  }

  /**
   * The parse of an open roadmap document at its current version, for the language features: the same object the
   * store's entry holds once it reads that version, so a change of the text is parsed once.
   */
  parsedDocument(document: vscode.TextDocument): ParsedRoadmap {
    return this.parsedText(document.uri, document.version, () => document.getText());
  }

  /** How many times the store parsed a roadmap text (tests check that a change costs one parse). */
  get parseCount(): number {
    return this.parseCounter;
  }

  /** Resolves once the first scan of the workspace is done. */
  whenReady(): Promise<void> {
    this.ready ??= this.rescan();
    return this.ready;
  }

  all(): RoadmapEntry[] {
    return [...this.entries.values()].sort((a, b) => a.uri.fsPath.localeCompare(b.uri.fsPath));
  }

  get(uri: vscode.Uri): RoadmapEntry | undefined {
    return this.entries.get(uri.toString());
  }

  /**
   * The roadmap a command should act on: the one in the active editor, else the innermost roadmap whose folder holds
   * the editor's file (in a monorepo, services/ocr/train.py belongs to services/ocr/mlroadmap.yaml, not the outer
   * one), else the only one, else undefined.
   */
  active(): RoadmapEntry | undefined {
    const editorUri = vscode.window.activeTextEditor?.document.uri;
    if (editorUri) {
      const own = this.get(editorUri) ?? this.containing(editorUri);
      if (own) return own;
    }
    const all = this.all();
    return all.length === 1 ? all[0] : undefined;
  }

  /** The roadmap with the deepest folder holding `uri`; compares URI paths, which use '/' on every platform. */
  private containing(uri: vscode.Uri): RoadmapEntry | undefined {
    let best: RoadmapEntry | undefined;
    for (const e of this.entries.values()) {
      if (e.root.scheme !== uri.scheme || e.root.authority !== uri.authority) continue;
      const prefix = e.root.path.endsWith('/') ? e.root.path : `${e.root.path}/`;
      if (uri.path.startsWith(prefix) && (!best || e.root.path.length > best.root.path.length)) best = e;
    }
    return best;
  }

  /** Re-reads every roadmap now, without waiting for the debounce. */
  async refresh(): Promise<void> {
    await this.rescan();
  }

  /** Re-reads one roadmap now and returns its fresh entry. */
  async reload(uri: vscode.Uri): Promise<RoadmapEntry | undefined> {
    this.cancel(uri);
    return this.load(uri);
  }

  isRoadmap(uri: vscode.Uri): boolean {
    return uri.scheme === 'file' && uri.path.endsWith('/' + ROADMAP_FILE_NAME) && !!vscode.workspace.getWorkspaceFolder(uri);
  }

  private async rescan(): Promise<void> {
    // The usual place first: a roadmap at a workspace folder's root is one stat away, shown before the search of the
    // whole workspace below has started its file search (the first views fill from it at activation).
    const atRoots = await this.findAtRoots();
    await Promise.all(atRoots.map((uri) => this.load(uri, false)));
    if (atRoots.length > 0) this.spans.time('notify', () => this.changed.fire(undefined));
    // Compared by path: the search may spell a URI another way than the one built for a root.
    const loaded = new Set(atRoots.map((u) => u.fsPath));
    const found = await vscode.workspace.findFiles(GLOB, EXCLUDE, 100);
    const keep = new Set([...found, ...atRoots].map((u) => u.fsPath));
    for (const [key, entry] of [...this.entries]) if (!keep.has(entry.uri.fsPath)) this.entries.delete(key);
    await Promise.all(found.filter((uri) => !loaded.has(uri.fsPath)).map((uri) => this.load(uri, false)));
    // A roadmap below the root gives the views their first items here.
    this.spans.time('notify', () => this.changed.fire(undefined));
  }

  /** The roadmaps at the roots of the workspace folders (on disk). */
  private async findAtRoots(): Promise<vscode.Uri[]> {
    const candidates = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => vscode.Uri.joinPath(f.uri, ROADMAP_FILE_NAME));
    const present = await Promise.all(
      candidates.map(async (uri) => {
        try {
          return (await stat(uri.fsPath)).isFile() ? uri : undefined;
        } catch {
          return undefined;
        }
      }),
    );
    return present.filter((u): u is vscode.Uri => u !== undefined);
  }

  private schedule(uri: vscode.Uri, delay?: number): void {
    if (!this.isRoadmap(uri)) return;
    const ms = delay ?? vscode.workspace.getConfiguration(Settings.section).get<number>(Settings.refreshDelay, 300);
    this.debounce.schedule(uri.toString(), ms, () => void this.load(uri));
  }

  private cancel(uri: vscode.Uri): void {
    this.debounce.cancel(uri.toString());
  }

  private remove(uri: vscode.Uri): void {
    this.cancel(uri);
    this.parses.delete(uri.toString());
    if (this.entries.delete(uri.toString())) this.changed.fire(undefined);
  }

  /** Collects created paths; a moment later, the folders among them are searched for roadmaps. */
  private created(uri: vscode.Uri): void {
    if (uri.scheme !== 'file' || isRoadmapPath(uri) || /\/(node_modules|\.git|\.venv|venv)(\/|$)/.test(uri.path)) return;
    this.createdPaths.add(uri.fsPath);
    this.debounce.schedule(CREATED_FOLDERS, 300, () => void this.scanCreatedFolders());
  }

  private async scanCreatedFolders(): Promise<void> {
    const paths = [...this.createdPaths];
    this.createdPaths.clear();
    // Many new paths at once (an install, a training run writing checkpoints): one search of the workspace.
    if (paths.length > 100) return void this.rescanForNew();
    const folders: string[] = [];
    for (const p of paths) {
      try {
        if ((await stat(p)).isDirectory()) folders.push(p);
      } catch {
        // Gone again.
      }
    }
    // Outermost folders only: a search below a folder covers the folders inside it.
    const roots = folders.filter((f) => !folders.some((o) => o !== f && f.startsWith(o + sep)));
    for (const folder of roots) {
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.file(folder), GLOB), EXCLUDE, 50);
      for (const uri of found) if (!this.entries.has(uri.toString())) this.schedule(uri, 0);
    }
  }

  /** Loads roadmaps of the workspace the store does not hold yet. */
  private async rescanForNew(): Promise<void> {
    const found = await vscode.workspace.findFiles(GLOB, EXCLUDE);
    for (const uri of found) if (!this.entries.has(uri.toString())) this.schedule(uri, 0);
  }

  /** Drops the roadmaps at or below a deleted path. */
  private removeUnder(deleted: vscode.Uri): void {
    const prefix = deleted.path.endsWith('/') ? deleted.path : `${deleted.path}/`;
    const gone = [...this.entries.values()].filter(
      (e) => e.uri.scheme === deleted.scheme && e.uri.authority === deleted.authority && (e.uri.path === deleted.path || e.uri.path.startsWith(prefix)),
    );
    for (const e of gone) {
      this.cancel(e.uri);
      this.parses.delete(e.uri.toString());
      this.entries.delete(e.uri.toString());
    }
    if (gone.length > 0) this.changed.fire(undefined);
  }

  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  }

  /** The roadmap's text: the editor's, with its version, when it is open; else the file on disk. */
  private async readText(uri: vscode.Uri): Promise<{ text: string; version: number | undefined } | undefined> {
    // Timed on the way to the first view: the read's own code (asking, decoding), and apart from it the wait.
    const doc = this.spans.time('read', () => this.openDocument(uri));
    if (doc) return this.spans.time('read', () => ({ text: doc.getText(), version: doc.version }));
    try {
      const bytes = await this.spans.wait('readWait', this.spans.time('read', () => vscode.workspace.fs.readFile(uri)));
      return this.spans.time('read', () => ({ text: new TextDecoder('utf-8').decode(bytes), version: undefined }));
    } catch {
      return undefined;
    }
  }

  /** The parse of `uri`'s text at `version`: the cached one when the version (or else the text) is the same. */
  private parsedText(uri: vscode.Uri, version: number | undefined, text: () => string): ParsedRoadmap {
    const key = uri.toString();
    const cached = this.parses.get(key);
    if (cached && version !== undefined && cached.version === version) return cached.parsed;
    const current = text();
    if (cached && cached.parsed.text === current) {
      cached.version = version;
      return cached.parsed;
    }
    const started = Date.now();
    const parsed = this.spans.time('parse', () => parseRoadmapText(current));
    this.parseCounter++;
    this.parses.set(key, { version, parsed });
    this.log.debug(`parsed ${vscode.workspace.asRelativePath(uri)} in ${Date.now() - started} ms: ${parsed.parse.diagnostics.length} diagnostics`);
    return parsed;
  }

  private async load(uri: vscode.Uri, notify = true): Promise<RoadmapEntry | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const read = await this.readText(uri);
    if (!folder || read === undefined) {
      this.remove(uri);
      return undefined;
    }
    const previous = this.entries.get(uri.toString());
    if (previous && previous.text === read.text) return previous;
    const parsed = this.parsedText(uri, read.version, () => read.text);
    const root = vscode.Uri.joinPath(uri, '..');
    const inSubfolder = root.toString() !== folder.uri.toString();
    const label = inSubfolder ? vscode.workspace.asRelativePath(root, false) : folder.name;
    const entry: RoadmapEntry = { uri, folder, root, label, text: parsed.text, parsed, parse: parsed.parse, roadmap: parsed.parse.roadmap };
    this.entries.set(uri.toString(), entry);
    if (notify) this.spans.time('notify', () => this.changed.fire(entry));
    return entry;
  }

  dispose(): void {
    this.debounce.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

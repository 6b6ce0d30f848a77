import * as path from 'node:path';
import * as vscode from 'vscode';
import { isRecordFileName, readDecisionFolder, type DecisionFolder, type DecisionRecord, type FolderError } from '../core/decisions';
import { DEFAULT_DECISIONS_FOLDER } from '../core/roadmap/model';
import type { RoadmapEntry, RoadmapStore } from '../workspace/roadmapStore';
import type { DecisionsIndex, Services } from '../services';
import { KeyedDebouncer } from '../core/debounce';
import type { FileEvents } from '../workspace/fileEvents';

/** The decisions folder of a roadmap, absolute (`decisions` is relative to the roadmap's folder). */
export function decisionsFolderOf(entry: RoadmapEntry): string {
  return path.resolve(entry.root.fsPath, entry.roadmap?.decisions ?? DEFAULT_DECISIONS_FOLDER);
}

/** The debounce key of the one change notice. */
const CHANGED = 'changed';

interface Cached {
  readonly folder: string;
  readonly read: DecisionFolder;
}

/**
 * Decision records per roadmap, read with the core reader from each roadmap's decisions folder and kept
 * current: the workspace's file events, filtered by the folders in use, and the roadmap store (the `decisions` key
 * may move the folder).
 */
export class RoadmapDecisionsIndex implements DecisionsIndex, vscode.Disposable {
  private readonly cache = new Map<string, Cached>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly debounce = new KeyedDebouncer();

  constructor(
    private readonly store: RoadmapStore,
    files: FileEvents,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.changed,
      files.subscribe(({ uri }) => this.fileChanged(uri.fsPath)),
      store.onDidChange((entry) => {
        if (!entry) {
          this.cache.clear();
          this.schedule();
        } else if (this.cache.get(entry.uri.toString())?.folder !== decisionsFolderOf(entry)) {
          this.cache.delete(entry.uri.toString());
          this.schedule();
        }
      }),
    );
  }

  /** The records of a roadmap's decisions folder, in number order. */
  records(entry: RoadmapEntry): readonly DecisionRecord[] {
    return this.read(entry).records;
  }

  /** Why the folder cannot be listed (EACCES, ENOTDIR, I/O error), or undefined when it can or is missing. */
  folderError(entry: RoadmapEntry): FolderError | undefined {
    return this.read(entry).error;
  }

  /** Records and the files that could not be read. */
  read(entry: RoadmapEntry): DecisionFolder {
    const key = entry.uri.toString();
    const folder = decisionsFolderOf(entry);
    const cached = this.cache.get(key);
    if (cached && cached.folder === folder) return cached.read;
    // A missing folder has no records and no problem (no decision was recorded yet); a folder that cannot be
    // listed carries `error`: its records are unknown, and commands that number or list records refuse.
    const read = readDecisionFolder(folder);
    if (read.error) this.log.error(read.error.message);
    for (const p of read.problems) if (p.file !== folder) this.log.warn(`${p.file}: ${p.message}`);
    this.cache.set(key, { folder, read });
    return read;
  }

  /** Forgets what was read for the roadmap (or every roadmap) and tells listeners now. */
  reload(entry?: RoadmapEntry): void {
    if (entry) this.cache.delete(entry.uri.toString());
    else this.cache.clear();
    this.debounce.cancel(CHANGED);
    this.changed.fire();
  }

  /**
   * A watcher event. A record file changes its folder; an event on a folder stands for everything under it (the
   * watcher reports a deleted or moved folder once, not each record it held).
   */
  private fileChanged(file: string): void {
    const record = isRecordFileName(path.basename(file));
    // README.md (Generate Decision Index), templates and other Markdown are not records.
    if (!record && file.endsWith('.md')) return;
    const touches = (folder: string) => (record ? folder === path.dirname(file) : folder === file || folder.startsWith(file + path.sep));
    let hit = false;
    for (const [key, cached] of this.cache) {
      if (touches(cached.folder)) {
        this.cache.delete(key);
        hit = true;
      }
    }
    // A folder not read yet (no one asked) changes nothing shown.
    if (hit || this.store.all().some((e) => touches(decisionsFolderOf(e)))) this.schedule();
  }

  private schedule(): void {
    this.debounce.schedule(CHANGED, 100, () => this.changed.fire());
  }

  dispose(): void {
    this.debounce.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

/** Forgets what the index read for the roadmap, so the next read sees the folder as it is now, and tells listeners. */
export function reloadDecisions(services: Services, entry: RoadmapEntry): void {
  if (services.decisions instanceof RoadmapDecisionsIndex) services.decisions.reload(entry);
}

/** Why the roadmap's decisions folder cannot be listed (EACCES, ENOTDIR, I/O error), or undefined when it can (or is missing). */
export function decisionsFolderError(services: Services, entry: RoadmapEntry): FolderError | undefined {
  return services.decisions.folderError?.(entry);
}

/** Decision records per roadmap (the composition root's factory). */
export function createDecisionsIndex(store: RoadmapStore, files: FileEvents, log: vscode.LogOutputChannel): RoadmapDecisionsIndex {
  return new RoadmapDecisionsIndex(store, files, log);
}

import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Roadmap, RoadmapDiagnostic } from '../core/roadmap/model';
import { resultsPathFor } from '../core/pitfalls';
import {
  HISTORY_FILE,
  fingerprintFile,
  mergeResults,
  readCandidateResultsFile,
  readHistory,
  type DatasetFingerprint,
  type EvaluatedResults,
  type FingerprintCache,
  type HistoryRecord,
  type StaleFinding,
} from '../core/results';
import { Settings } from '../ids';
import type { CandidateResultView, ResultsIndex } from '../services';
import type { RoadmapEntry, RoadmapStore } from '../workspace/roadmapStore';
import { KeyedDebouncer } from '../core/debounce';
import type { FileEvents } from '../workspace/fileEvents';
import { datasetFileOf, resultsFileFor } from '../core/results/plan';

/** The roadmap's current evaluation command of a candidate, as results are stamped with it; undefined when unknown. */
export type CurrentCommandOf = (entry: RoadmapEntry, candidateId: string) => string | undefined;

/** What the index knows about one roadmap. */
interface RoadmapResults {
  /** What each candidate shows. */
  readonly latest: ReadonlyMap<string, CandidateResultView>;
  readonly findings: readonly StaleFinding[];
  /** What counts as evaluated: the latest history record of each candidate. */
  readonly evaluated: ReadonlyMap<string, HistoryRecord>;
  /** Every record of the roadmap's history, in file order (the array read, shared while the file is unchanged). */
  readonly history: readonly HistoryRecord[];
}

interface Slot {
  results: RoadmapResults;
  entry: RoadmapEntry;
  /** Absolute paths whose change means a re-read: the history, the results files, the dataset file. */
  watched: ReadonlySet<string>;
  /** Folders whose content counts as one path (a dataset folder). */
  watchedFolders: readonly string[];
  running?: Promise<void>;
  again: boolean;
  /** The dataset's fingerprint at the last read, until the dataset changes on disk or the roadmap names another. */
  dataset?: { readonly path: string; readonly fingerprint: DatasetFingerprint | undefined };
}

/** What a file held when it had this size and modification time. */
interface ByStat<T> {
  readonly size: number;
  readonly mtimeMs: number;
  readonly key: string;
  readonly value: T;
}

const EMPTY: RoadmapResults = { latest: new Map(), findings: [], evaluated: new Map(), history: [] };
const DEBOUNCE_MS = 250;

/** Absolute path of a roadmap's evaluation history. */
export function historyPathOf(entry: RoadmapEntry): string {
  return path.join(entry.root.fsPath, HISTORY_FILE);
}

/** The most bytes a results file read whole may have (JSON, DVC): the setting `results.maxFileSizeMB`. */
export function maxResultFileBytes(): number {
  return vscode.workspace.getConfiguration(Settings.section).get<number>(Settings.maxResultFileSizeMB, 50) * 1024 * 1024;
}

/** The results file of a candidate, absolute; undefined when the roadmap names none. */
export function resultsFileOf(entry: RoadmapEntry, roadmap: Roadmap, candidateId: string): string | undefined {
  return resultsFileFor(entry.root.fsPath, roadmap, candidateId);
}

/** The dataset of a roadmap, absolute; undefined when it names none. */
export function datasetPathOf(entry: RoadmapEntry, roadmap: Roadmap): string | undefined {
  return datasetFileOf(entry.root.fsPath, roadmap);
}

/**
 * The latest result of every candidate of every roadmap: from the roadmap's `.mlroadmap/history.jsonl` and from each
 * candidate's results file, whichever is newer. Files are read asynchronously, one read at a time per roadmap, when
 * the roadmap or one of its files changes; views only ever read the in-memory index.
 */
export class EvaluationResultsIndex implements ResultsIndex, vscode.Disposable {
  private readonly slots = new Map<string, Slot>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** Dataset fingerprints by path, by size and mtime: unchanged datasets are not hashed again. */
  private readonly fingerprints = new Map<string, DatasetFingerprint>();
  /**
   * Parsed history files and results files by path, kept while their size and mtime stay the same (and no watcher
   * event named them): a roadmap edit re-reads only what changed on disk.
   */
  private readonly parsed = new Map<string, ByStat<unknown>>();
  private currentCommand: CurrentCommandOf = () => undefined;
  /** Pending reads by roadmap URI. */
  private readonly debounce = new KeyedDebouncer();

  constructor(
    private readonly store: RoadmapStore,
    files: FileEvents,
    private readonly log: vscode.LogOutputChannel,
  ) {
    // Every file event of the workspace, filtered by the paths each roadmap depends on.
    this.disposables.push(
      this.changed,
      files.subscribe(({ uri }) => this.fileChanged(uri.fsPath)),
      store.onDidChange((entry) => {
        if (entry) this.schedule(entry, 0);
        else this.syncWithStore();
      }),
    );
    void store.whenReady().then(() => this.syncWithStore());
  }

  latest(entry: RoadmapEntry, candidateId: string): CandidateResultView | undefined {
    return this.slots.get(entry.uri.toString())?.results.latest.get(candidateId);
  }

  staleFindings(entry: RoadmapEntry): readonly RoadmapDiagnostic[] {
    return this.slots.get(entry.uri.toString())?.results.findings ?? [];
  }

  evaluated(entry: RoadmapEntry): Pick<EvaluatedResults, 'evaluated' | 'findings'> {
    const results = this.slots.get(entry.uri.toString())?.results ?? EMPTY;
    return { evaluated: results.evaluated, findings: results.findings };
  }

  history(entry: RoadmapEntry): readonly HistoryRecord[] {
    return this.slots.get(entry.uri.toString())?.results.history ?? [];
  }

  /** The dataset fingerprints computed so far, shared with the code that stamps new results. */
  get fingerprintCache(): FingerprintCache {
    return this.fingerprints;
  }

  /** How the current command of a candidate is computed, for the command-changed check. */
  setCurrentCommand(of: CurrentCommandOf): void {
    this.currentCommand = of;
    for (const slot of this.slots.values()) this.schedule(slot.entry);
  }

  /** Re-reads one roadmap's results now and resolves when the index holds them. */
  async reload(entry: RoadmapEntry): Promise<void> {
    const slot = this.slotOf(entry);
    slot.dataset = undefined;
    this.debounce.cancel(slot.entry.uri.toString());
    await this.run(slot);
    if (slot.running) await slot.running;
  }

  /** Resolves when no read is scheduled or running (for tests). */
  async whenIdle(): Promise<void> {
    for (let i = 0; i < 50; i++) {
      const busy = [...this.slots.entries()].filter(([key, s]) => this.debounce.isPending(key) || s.running).map(([, s]) => s);
      if (busy.length === 0) return;
      await Promise.all(busy.map((s) => s.running ?? new Promise((ok) => setTimeout(ok, DEBOUNCE_MS))));
    }
  }

  /**
   * A watcher event. An event on a folder stands for everything under it: the watcher reports a deleted folder once,
   * not each file it held, and a file written right after its folder was created can reach us only as the folder's
   * creation.
   */
  private fileChanged(file: string): void {
    const under = (p: string) => p.startsWith(file + path.sep);
    this.parsed.delete(file);
    for (const key of [...this.parsed.keys()]) if (under(key)) this.parsed.delete(key);
    for (const slot of this.slots.values()) {
      const inFolder = slot.watchedFolders.some((f) => file.startsWith(f + path.sep) || f === file || under(f));
      const datasetHit = slot.dataset !== undefined && (file === slot.dataset.path || under(slot.dataset.path));
      if (datasetHit || inFolder) slot.dataset = undefined;
      if (slot.watched.has(file) || inFolder || datasetHit || [...slot.watched].some(under)) this.schedule(slot.entry);
    }
  }

  /**
   * `parse(file)` of a file, or what it gave last time when the file has the same size and mtime and `key` is the
   * same; undefined when the file is missing or not a file.
   */
  private async byStat<T>(file: string, key: string, parse: (mtime: Date) => Promise<T>): Promise<{ value: T } | undefined> {
    let st;
    try {
      st = await fsp.stat(file);
    } catch {
      this.parsed.delete(file);
      return undefined;
    }
    if (!st.isFile()) return undefined;
    const hit = this.parsed.get(file);
    if (hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs && hit.key === key) return { value: hit.value as T };
    const value = await parse(st.mtime);
    this.parsed.set(file, { size: st.size, mtimeMs: st.mtimeMs, key, value });
    return { value };
  }

  /** The dataset's fingerprint: hashed again only after a watcher event on it, a reload, or a dataset outside the workspace. */
  private async datasetFingerprint(slot: Slot, datasetPath: string): Promise<DatasetFingerprint | undefined> {
    if (slot.dataset?.path === datasetPath) return slot.dataset.fingerprint;
    const outcome = await fingerprintFile(datasetPath, this.fingerprints);
    const fingerprint = outcome.ok ? outcome.fingerprint : undefined;
    // Only files the workspace watcher sees can tell the index they changed.
    if (vscode.workspace.getWorkspaceFolder(vscode.Uri.file(datasetPath))) slot.dataset = { path: datasetPath, fingerprint };
    return fingerprint;
  }

  private slotOf(entry: RoadmapEntry): Slot {
    const key = entry.uri.toString();
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { results: EMPTY, entry, again: false, watched: new Set(), watchedFolders: [] };
      this.slots.set(key, slot);
    }
    slot.entry = entry;
    return slot;
  }

  private syncWithStore(): void {
    const live = new Set(this.store.all().map((e) => e.uri.toString()));
    let removed = false;
    for (const key of [...this.slots.keys()]) {
      if (live.has(key)) continue;
      this.debounce.cancel(key);
      this.slots.delete(key);
      removed = true;
    }
    for (const entry of this.store.all()) this.schedule(entry, 0);
    if (removed) this.changed.fire();
  }

  private schedule(entry: RoadmapEntry, delay = DEBOUNCE_MS): void {
    const slot = this.slotOf(entry);
    this.debounce.schedule(entry.uri.toString(), delay, () => void this.run(slot));
  }

  /** Runs a read; a change during a read queues exactly one more. */
  private run(slot: Slot): Promise<void> {
    if (slot.running) {
      slot.again = true;
      return slot.running;
    }
    slot.running = (async () => {
      do {
        slot.again = false;
        try {
          await this.read(slot);
        } catch (e) {
          this.log.error(`reading results of ${slot.entry.uri.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
        }
      } while (slot.again);
    })().finally(() => (slot.running = undefined));
    return slot.running;
  }

  private async read(slot: Slot): Promise<void> {
    const entry = slot.entry;
    const roadmap = entry.roadmap;
    this.watch(slot, roadmap);
    if (!roadmap) return this.publish(slot, EMPTY);

    const history = await this.byStat(historyPathOf(entry), '', async () => {
      const read = await readHistory(historyPathOf(entry));
      for (const p of read.problems) this.log.warn(`${p.source}${p.line ? `:${p.line}` : ''}: ${p.message}`);
      return read.records;
    });
    const maxBytes = maxResultFileBytes();
    const files = new Map<string, HistoryRecord>();
    for (const candidate of roadmap.candidates) {
      const file = resultsFileOf(entry, roadmap, candidate.id);
      if (!file) continue;
      const source = resultsPathFor(roadmap, candidate.id) ?? file;
      const fromFile = (await this.byStat(file, `${candidate.id}\0${maxBytes}`, (mtime) => this.readResultsFile(file, source, candidate.id, roadmap, maxBytes, mtime)))?.value;
      if (fromFile) files.set(candidate.id, fromFile);
    }

    const datasetPath = datasetPathOf(entry, roadmap);
    if (!datasetPath) slot.dataset = undefined;
    const fingerprint = datasetPath ? await this.datasetFingerprint(slot, datasetPath) : undefined;
    // The one rule (core `mergeResults`, as `mlroadmap check` applies it): what counts is what the history records.
    const merged = mergeResults(roadmap, {
      history: history?.value ?? [],
      files,
      datasetFingerprint: fingerprint,
      currentCommand: (id) => this.currentCommand(entry, id),
    });
    const findings = merged.findings;
    const views = new Map<string, CandidateResultView>();
    for (const [id, { record: rec, fromPipeline }] of merged.shown) {
      const stale = findings.filter((f) => f.candidate === id && f.kind !== 'not-from-pipeline').map((f) => f.message);
      views.set(id, {
        candidate: id,
        metrics: rec.metrics,
        source: path.resolve(entry.root.fsPath, rec.source),
        format: rec.format,
        ...(fromPipeline ? {} : { notFromPipeline: true }),
        at: rec.recordedAt,
        ...(rec.git ? { commit: rec.git.commit, dirty: rec.git.dirty } : {}),
        ...(rec.dataset ? { datasetSha256: rec.dataset.sha256 } : {}),
        ...(rec.command !== null ? { command: rec.command } : {}),
        ...(stale.length > 0 ? { stale: stale.join(' ') } : {}),
      });
    }
    this.publish(slot, { latest: views, findings, evaluated: merged.evaluated, history: history?.value ?? [] });
  }

  /** A candidate's results file as a record, read as `mlroadmap check` reads it; problems go to the log. */
  private async readResultsFile(file: string, source: string, candidateId: string, roadmap: Roadmap, maxBytes: number, mtime: Date): Promise<HistoryRecord | undefined> {
    const read = await readCandidateResultsFile(file, source, candidateId, roadmap, { maxWholeFileBytes: maxBytes, mtime });
    for (const p of read.problems) this.log.warn(`${p.source}${p.line ? `:${p.line}` : ''}: ${p.message}`);
    return read.record;
  }

  private publish(slot: Slot, results: RoadmapResults): void {
    const before = JSON.stringify([...slot.results.latest.entries(), slot.results.findings.map((f) => f.message), [...slot.results.evaluated.entries()]]);
    const after = JSON.stringify([...results.latest.entries(), results.findings.map((f) => f.message), [...results.evaluated.entries()]]);
    // The history array is the one read from the file: another array means the file changed.
    const historyChanged = slot.results.history !== results.history && (slot.results.history.length > 0 || results.history.length > 0);
    slot.results = results;
    if (before !== after || historyChanged) this.changed.fire();
  }

  /** Notes the history, every results file and the dataset of a roadmap: a change to one of them re-reads it. */
  private watch(slot: Slot, roadmap: Roadmap | undefined): void {
    const entry = slot.entry;
    const files = new Set<string>([historyPathOf(entry)]);
    const folders: string[] = [];
    if (roadmap) {
      for (const c of roadmap.candidates) {
        const file = resultsFileOf(entry, roadmap, c.id);
        if (file) files.add(file);
      }
      const dataset = datasetPathOf(entry, roadmap);
      if (dataset) {
        files.add(dataset);
        folders.push(dataset);
      }
    }
    slot.watched = files;
    slot.watchedFolders = folders;
  }

  dispose(): void {
    this.debounce.dispose();
    this.slots.clear();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

/** Latest results per candidate. */
export function createResultsIndex(store: RoadmapStore, files: FileEvents, log: vscode.LogOutputChannel): EvaluationResultsIndex {
  return new EvaluationResultsIndex(store, files, log);
}

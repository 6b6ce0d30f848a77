// The Slurm jobs of every roadmap in the workspace, kept current: read from each roadmap's `.mlroadmap/jobs.jsonl`
// (so a reload, a second window and `mlroadmap evaluate` in a terminal all see the same jobs), watched while any is
// active, gathered into the history when they end. Submitting, cancelling and re-submitting go through here.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { executionOf } from '../core/jobs/execution';
import { summarize } from '../core/jobs/state';
import { isActive, JOBS_FILE, type JobRecord } from '../core/jobs/types';
import { datasetFileOf, planEvaluations } from '../core/results/plan';
import type { EvaluationResultsIndex } from '../evaluation/resultsIndex';
import { maxResultFileBytes } from '../evaluation/resultsIndex';
import { resolvePython } from '../evaluation/python';
import { noSbatchMessage, SlurmClient } from '../slurm/client';
import { JobBook, JobWatcher, submitEvaluation, type GatherContext } from '../slurm/jobs';
import type { FileEvents } from '../workspace/fileEvents';
import type { RoadmapEntry, RoadmapStore } from '../workspace/roadmapStore';

/** What a submission came to: the jobs submitted and the candidates that could not be. */
export interface SubmitResult {
  readonly jobs: readonly JobRecord[];
  readonly errors: readonly { readonly candidate: string; readonly error: string }[];
}

interface Slot {
  /** The store's latest entry of the roadmap (replaced on each change). */
  entry: RoadmapEntry;
  readonly book: JobBook;
  readonly watcher: JobWatcher;
  jobs: readonly JobRecord[];
}

export class RoadmapJobs implements vscode.Disposable {
  private readonly slots = new Map<string, Slot>();
  private readonly changed = new vscode.EventEmitter<RoadmapEntry | undefined>();
  /** Fires when the jobs of a roadmap (or of every roadmap) may have changed. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** Reads under way, so tests and commands can wait for the jobs to be current. */
  private readonly reading = new Set<Promise<void>>();
  private storeReady = false;

  constructor(
    private readonly store: RoadmapStore,
    private readonly index: EvaluationResultsIndex,
    files: FileEvents,
    private readonly log: vscode.LogOutputChannel,
    readonly client = new SlurmClient(),
  ) {
    this.disposables.push(
      this.changed,
      // Not before the store's first scan is done: the jobs files are read after the views' first items.
      store.onDidChange(() => this.storeReady && this.sync()),
      // An event on the folder stands for the file in it: the watcher reports a deleted folder once, and a jobs file
      // written right after its folder was made can reach us only as the folder's creation.
      files.subscribe(
        (e) => {
          const slot = [...this.slots.values()].find((s) => s.book.file === e.uri.fsPath || path.dirname(s.book.file) === e.uri.fsPath);
          if (slot) this.read(slot);
        },
        (e) => e.uri.fsPath.endsWith(JOBS_FILE.split('/').pop()!) || e.uri.fsPath.endsWith(path.sep + path.dirname(JOBS_FILE)),
      ),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.sync(true)),
    );
    void store.whenReady().then(() => {
      this.storeReady = true;
      this.sync();
    });
  }

  /** The jobs of a roadmap, first submitted first. */
  jobsOf(entry: RoadmapEntry): readonly JobRecord[] {
    return this.slots.get(entry.uri.toString())?.jobs ?? [];
  }

  all(): { readonly entry: RoadmapEntry; readonly jobs: readonly JobRecord[] }[] {
    return [...this.slots.values()].map((s) => ({ entry: s.entry, jobs: s.jobs }));
  }

  /** Why Slurm cannot be reached (the last look at the jobs failed), for the first roadmap where it failed. */
  unreachable(): string | undefined {
    return [...this.slots.values()].map((s) => s.watcher.lastError).find((e) => e !== undefined);
  }

  /** Jobs pending and running in the whole workspace. */
  counts(): { readonly pending: number; readonly running: number } {
    const counts = summarize([...this.slots.values()].flatMap((s) => s.jobs));
    return { pending: counts.pending, running: counts.running };
  }

  private sync(recheck = false): void {
    const entries = this.store.all();
    const keys = new Set(entries.map((e) => e.uri.toString()));
    for (const [key, slot] of this.slots) {
      if (keys.has(key)) continue;
      slot.watcher.dispose();
      this.slots.delete(key);
    }
    for (const entry of entries) {
      const key = entry.uri.toString();
      const existing = this.slots.get(key);
      if (existing && !recheck) {
        existing.entry = entry;
        continue;
      }
      if (existing) {
        this.read(existing);
        continue;
      }
      const book = new JobBook(entry.root.fsPath);
      const slot: Slot = {
        entry,
        book,
        jobs: [],
        watcher: new JobWatcher(
          book,
          this.client,
          this.gatherContext(entry),
          (outcome) => {
            if (outcome.changed.some((j) => j.gathered?.recorded)) void this.index.reload(slot.entry);
            this.read(slot);
            // No job changed: Slurm answers again after an error, which the views show until now.
            if (outcome.changed.length === 0) this.changed.fire(slot.entry);
          },
          (e) => {
            this.log.warn(`Slurm jobs of ${entry.uri.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
            this.changed.fire(slot.entry);
          },
        ),
      };
      this.slots.set(key, slot);
      this.read(slot);
    }
    this.changed.fire(undefined);
  }

  private gatherContext(entry: RoadmapEntry): GatherContext {
    return {
      roadmap: () => this.store.get(entry.uri)?.roadmap ?? entry.roadmap,
      maxWholeFileBytes: maxResultFileBytes,
      cache: this.index.fingerprintCache,
    };
  }

  /** Reads a roadmap's jobs file; jobs still active (or ended and not gathered) are watched, in a trusted workspace. */
  private read(slot: Slot): void {
    const reading = slot.book.read().then((jobs) => {
      const before = JSON.stringify(slot.jobs);
      slot.jobs = jobs;
      // Slurm out of reach: a change of the jobs file is a reason to look again at once.
      const wanted = jobs.some((j) => isActive(j.state) || j.gathered === undefined);
      if (vscode.workspace.isTrusted && (slot.watcher.lastError !== undefined || (!slot.watcher.watching && wanted))) slot.watcher.kick();
      if (JSON.stringify(jobs) !== before) this.changed.fire(slot.entry);
    });
    this.reading.add(reading);
    void reading.finally(() => this.reading.delete(reading));
  }

  /** Resolves once the reads under way have finished. */
  async whenRead(): Promise<void> {
    while (this.reading.size > 0) await Promise.all([...this.reading]);
  }

  /** Resolves when no job of the roadmap is active or waiting to be gathered (for tests and `--wait`-like callers). */
  async whenSettled(entry: RoadmapEntry, timeoutMs = 120_000): Promise<readonly JobRecord[]> {
    const slot = this.slots.get(entry.uri.toString());
    if (!slot) return [];
    await this.whenRead();
    slot.jobs = await slot.watcher.settled(undefined, timeoutMs);
    return slot.jobs;
  }

  /** Submits the evaluation of each candidate as a Slurm job. */
  async submit(entry: RoadmapEntry, candidates: readonly string[]): Promise<SubmitResult> {
    const roadmap = entry.roadmap;
    if (!roadmap) return { jobs: [], errors: candidates.map((candidate) => ({ candidate, error: vscode.l10n.t('the roadmap cannot be read') })) };
    if (!(await this.client.available())) return { jobs: [], errors: candidates.map((candidate) => ({ candidate, error: noSbatchMessage() })) };
    const python = await resolvePython(entry.folder, this.log);
    const root = entry.root.fsPath;
    const plan = planEvaluations({ roadmap, root, workspaceFolder: entry.folder.uri.fsPath, python, candidates });
    if (!plan.ok) return { jobs: [], errors: candidates.map((candidate) => ({ candidate, error: plan.error })) };
    const slot = this.slotOf(entry);
    const datasetFile = datasetFileOf(root, roadmap);
    const jobs: JobRecord[] = [];
    const errors: { candidate: string; error: string }[] = [];
    for (const step of plan.value) {
      const out = await submitEvaluation({
        book: slot.book,
        client: this.client,
        step,
        slurm: executionOf(roadmap, step.candidate).slurm,
        cache: this.index.fingerprintCache,
        ...(datasetFile ? { datasetFile } : {}),
      });
      if (out.ok) {
        jobs.push(out.job);
        this.log.info(`submitted ${step.candidate} to Slurm: job ${out.job.id} (${out.job.script})`);
      } else errors.push({ candidate: out.candidate, error: out.error });
    }
    slot.jobs = await slot.book.read();
    this.changed.fire(entry);
    slot.watcher.kick();
    return { jobs, errors };
  }

  /** Asks Slurm to cancel a job (`scancel`); the watcher then sees it cancelled. */
  async cancel(entry: RoadmapEntry, id: string): Promise<{ readonly ok: boolean; readonly error?: string }> {
    const out = await this.client.cancel(id);
    this.slotOf(entry).watcher.kick();
    return out;
  }

  private slotOf(entry: RoadmapEntry): Slot {
    let slot = this.slots.get(entry.uri.toString());
    if (!slot) {
      this.sync();
      slot = this.slots.get(entry.uri.toString())!;
    }
    return slot;
  }

  dispose(): void {
    for (const s of this.slots.values()) s.watcher.dispose();
    this.slots.clear();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { analyseRoadmap, type AnalysisInputs, type RoadmapAnalysis as CoreAnalysis } from '../core/process/analysis';
import type { SeveritySetting } from '../core/pitfalls';
import { Settings } from '../ids';
import type { ResultsIndex } from '../services';
import type { RoadmapEntry, RoadmapStore } from './roadmapStore';
import { ActivationSpans } from '../activationSpans';

export type { RankState } from '../core/process/analysis';

/** Everything the views, status bar, commands and quick fixes show about one roadmap, computed once per change. */
export interface RoadmapAnalysisResult extends CoreAnalysis {
  readonly entry: RoadmapEntry;
}

/** Computes one roadmap's analysis from the pure core. */
export function analyse(entry: RoadmapEntry, inputs: AnalysisInputs): RoadmapAnalysisResult {
  return { entry, ...analyseRoadmap(entry.text, entry.parse, inputs) };
}

interface Cached {
  readonly entry: RoadmapEntry;
  readonly generation: number;
  readonly result: RoadmapAnalysisResult;
}

/**
 * Per-roadmap pitfall findings, gate state, focus and progress, recomputed when the store, the results or
 * the settings change, and cached per roadmap text. Shared by views, status bar, commands and quick fixes.
 */
export class RoadmapAnalysis implements vscode.Disposable {
  private readonly cache = new Map<string, Cached>();
  /** Bumped when something every roadmap depends on changes (results, settings). */
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<RoadmapEntry | undefined>();
  /** Fires with the roadmap whose analysis changed, or undefined when every roadmap's may have. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly store: RoadmapStore,
    private readonly results: ResultsIndex,
    /** Times the analyses on the way to the first view. */
    private readonly spans = new ActivationSpans(performance.now()),
  ) {
    this.disposables.push(
      this.changed,
      store.onDidChange((entry) => {
        if (!entry) for (const key of [...this.cache.keys()]) if (!store.get(vscode.Uri.parse(key))) this.cache.delete(key);
        this.changed.fire(entry);
      }),
      results.onDidChange(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${Settings.section}.${Settings.pitfallSeverity}`)) this.refresh();
      }),
    );
  }

  /** Drops every cached analysis and tells listeners. */
  refresh(): void {
    this.generation++;
    this.changed.fire(undefined);
  }

  get(entry: RoadmapEntry): RoadmapAnalysisResult {
    const key = entry.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.entry === entry && cached.generation === this.generation) return cached.result;
    const result = this.spans.time('analysis', () =>
      analyse(entry, {
        fileExists: (relative) => fs.existsSync(path.resolve(entry.root.fsPath, relative)),
        severities: severitySettings(),
        // What counts as evaluated, by the rule `mlroadmap check` applies too (core `mergeResults`).
        results: this.results.evaluated(entry),
      }),
    );
    this.cache.set(key, { entry, generation: this.generation, result });
    return result;
  }

  all(): RoadmapAnalysisResult[] {
    return this.store.all().map((e) => this.get(e));
  }

  /** The roadmap the status bar and context keys describe: the active one, else the first. */
  focused(): RoadmapAnalysisResult | undefined {
    const entry = this.store.active() ?? this.store.all()[0];
    return entry && this.get(entry);
  }

  dispose(): void {
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

function severitySettings(): Record<string, SeveritySetting> {
  return vscode.workspace.getConfiguration(Settings.section).get<Record<string, SeveritySetting>>(Settings.pitfallSeverity, {}) ?? {};
}

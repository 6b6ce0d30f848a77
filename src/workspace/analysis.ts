import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Roadmap, RoadmapDiagnostic } from '../core/roadmap/model';
import { sprintFocus, type FocusItem } from '../core/process/focus';
import { checkGate, gateOutOf, type GateResult } from '../core/process/gates';
import { phaseProgress, type PhaseProgress } from '../core/process/progress';
import { Settings } from '../ids';
import { baselineCandidate, checkPitfalls, isRanked, rankCandidates, RANKING_FORMULA, topLevelKeyLocator, type SeveritySetting } from '../core/pitfalls';
import type { ResultsIndex } from '../services';
import type { RoadmapEntry, RoadmapStore } from './roadmapStore';


/** A candidate's place in the cost/benefit ranking. */
export interface RankState {
  readonly position: number;
  readonly score: number;
  /** The formula with this candidate's numbers. */
  readonly formula: string;
}

/** Everything the views, status bar, commands and quick fixes show about one roadmap, computed once per change. */
export interface RoadmapAnalysisResult {
  readonly entry: RoadmapEntry;
  readonly roadmap: Roadmap | undefined;
  /** Pitfall findings, stale results included. */
  readonly findings: readonly RoadmapDiagnostic[];
  /** Parse diagnostics followed by the findings: what the Problems panel shows. */
  readonly diagnostics: readonly RoadmapDiagnostic[];
  /** The gate out of the current phase; undefined once shipped or when the roadmap cannot be read. */
  readonly gate: GateResult | undefined;
  readonly focus: readonly FocusItem[];
  /** Steps done (or skipped) of the current phase; undefined once shipped. */
  readonly progress: PhaseProgress | undefined;
  readonly ranks: ReadonlyMap<string, RankState>;
  /** How the rank is computed, shown wherever it is. */
  readonly rankFormula: string;
  /** Why the roadmap cannot move on now: pitfall errors, and the gate's unmet conditions once the phase's steps are done. */
  readonly blockers: readonly string[];
}

export interface AnalysisInputs {
  readonly fileExists: (relativePath: string) => boolean;
  readonly severities: Readonly<Record<string, SeveritySetting>>;
  readonly staleFindings: readonly RoadmapDiagnostic[];
  /** Latest measured metrics of the baseline candidate, for the ranking. */
  readonly baselineMetrics?: Readonly<Record<string, number>>;
  /** Whether the results history holds a record of the candidate (it went through the evaluation pipeline). */
  readonly hasResult?: (candidateId: string) => boolean;
}

/** Computes one roadmap's analysis from the pure core. */
export function analyse(entry: RoadmapEntry, inputs: AnalysisInputs): RoadmapAnalysisResult {
  const roadmap = entry.roadmap;
  if (!roadmap) {
    const blocking = entry.parse.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    return { entry, roadmap, findings: [], diagnostics: entry.parse.diagnostics, gate: undefined, focus: [], progress: undefined, ranks: new Map(), rankFormula: RANKING_FORMULA, blockers: blocking };
  }
  const findings = checkPitfalls(roadmap, {
    fileExists: inputs.fileExists,
    staleFindings: inputs.staleFindings,
    severities: inputs.severities,
    ...(inputs.baselineMetrics ? { baselineMetrics: inputs.baselineMetrics } : {}),
    keyRange: topLevelKeyLocator(entry.text),
  });
  const ranks = new Map<string, RankState>();
  rankCandidates(roadmap, inputs.baselineMetrics ? { baselineMetrics: inputs.baselineMetrics } : {})
    .filter(isRanked)
    .forEach((r, i) => ranks.set(r.candidateId, { position: i + 1, score: r.score, formula: r.formula }));
  const target = gateOutOf(roadmap.project.phase);
  const gate = target
    ? checkGate(roadmap, target, { fileExists: inputs.fileExists, findings, ...(inputs.hasResult ? { hasHistoryRecord: inputs.hasResult } : {}) })
    : undefined;
  const progress = phaseProgress(roadmap);
  return {
    entry,
    roadmap,
    findings,
    diagnostics: [...entry.parse.diagnostics, ...findings],
    gate,
    focus: sprintFocus(roadmap, findings),
    progress,
    ranks,
    rankFormula: RANKING_FORMULA,
    blockers: blockers(findings, gate, progress),
  };
}

/**
 * What blocks the roadmap now: open pitfall errors always; the gate's unmet conditions once every step of the
 * phase is done (before that, an unmet gate is simply work still ahead).
 */
export function blockers(findings: readonly RoadmapDiagnostic[], gate: GateResult | undefined, progress: PhaseProgress | undefined): string[] {
  const out = findings.filter((f) => f.severity === 'error').map((f) => f.message);
  const phaseDone = !progress || progress.done === progress.total;
  if (gate && !gate.passed && phaseDone) out.push(...gate.unmet.map((u) => u.message).filter((m) => !out.includes(m)));
  return out;
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
    const baseline = entry.roadmap && baselineCandidate(entry.roadmap);
    const baselineMetrics = baseline && this.results.latest(entry, baseline.id)?.metrics;
    const result = analyse(entry, {
      fileExists: (relative) => fs.existsSync(path.resolve(entry.root.fsPath, relative)),
      severities: severitySettings(),
      staleFindings: this.results.staleFindings(entry),
      ...(baselineMetrics ? { baselineMetrics } : {}),
      hasResult: (id) => this.results.latest(entry, id) !== undefined,
    });
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

// The Discovery report's snapshot: what a business owner reads, as typed data with no dependency beyond the view
// models' own types, so the report's browser bundle (webview/report/) can import them. The host or the CLI builds it
// (src/core/report/snapshot.ts) from the same view models the panels draw; the page and the Markdown renderer only
// lay it out. Every number in it was formatted by the core's one formatter.
import type { BoardModel } from '../views/board-model';
import type { CompareModel } from '../views/compare-model';

export const REPORT_SNAPSHOT_VERSION = 1;

export interface ReportMetric {
  readonly id: string;
  readonly kind?: string;
  readonly goal: 'maximize' | 'minimize';
  /** The target as the core formats it. */
  readonly target?: string;
  readonly why?: string;
  readonly measuredBy?: string;
}

export interface ReportGroupProgress {
  /** `discovery` or `production`. */
  readonly phase: 'discovery' | 'production';
  /** Stage title or track name. */
  readonly title: string;
  readonly done: number;
  readonly total: number;
}

/** A step that says it is blocked, with who owns it. */
export interface ReportBlockedStep {
  readonly id: string;
  readonly title: string;
  readonly group: string;
  readonly owner?: string;
  readonly notes?: string;
}

export interface ReportRealityCheck {
  readonly id: string;
  readonly kind?: string;
  readonly candidate?: string;
  readonly date?: string;
  readonly verdict: string;
  readonly notes?: string;
}

export interface ReportDecision {
  /** `0002`. */
  readonly number: string;
  readonly title: string;
  /** As the record writes it; absent when it states none. */
  readonly status?: string;
  readonly date?: string;
  readonly supersededBy: readonly string[];
}

export interface ReportFinding {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  /** 1-based line in mlroadmap.yaml. */
  readonly line: number;
}

export interface ReportSnapshot {
  readonly version: typeof REPORT_SNAPSHOT_VERSION;
  /** ISO time the report was made. */
  readonly generatedAt: string;
  /** The roadmap file as the report names it. */
  readonly source: string;
  readonly project: {
    readonly name: string;
    readonly problem?: string;
    readonly businessGoal?: string;
    readonly deadline?: string;
    readonly phase: string;
  };
  /** Steps done (or skipped) of the current phase; absent once shipped. */
  readonly progress?: { readonly phase: string; readonly done: number; readonly total: number };
  /** Every Discovery stage and Production track, in the board's order. */
  readonly groups: readonly ReportGroupProgress[];
  /** What keeps the roadmap from moving on now (pitfall errors, the gate once the phase's steps are done). */
  readonly blockers: readonly string[];
  readonly blockedSteps: readonly ReportBlockedStep[];
  readonly gate?: BoardModel['gate'];
  readonly metrics: readonly ReportMetric[];
  /** Compare Candidates' view model, as the panel receives it. */
  readonly compare: CompareModel;
  readonly realityChecks: readonly ReportRealityCheck[];
  readonly decisions: readonly ReportDecision[];
  /** Why the decision records could not all be read, when they could not. */
  readonly decisionProblems: readonly string[];
  /** Open pitfall findings (acknowledged ones are not findings). */
  readonly findings: readonly ReportFinding[];
  /** Why the roadmap could not be read, when it could not. */
  readonly problem?: string;
}

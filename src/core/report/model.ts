// The Discovery report's snapshot: what a business owner reads, as typed data with no dependency beyond the view
// models' own types and @vscode/l10n, so the report's browser bundle (webview/report/) can import them. The host or
// the CLI builds it (src/core/report/snapshot.ts) from the same view models the panels draw; the page and the
// Markdown renderer only lay it out. Every number in it was formatted by the core's one formatter.
import * as l10n from '@vscode/l10n';
import type { OptionEvidence } from '../decisions/model';
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
  /** The evidence the record embeds (each option's cost, benefit, evaluation); empty for a record that embeds none. */
  readonly evidence: readonly OptionEvidence[];
}

export interface ReportFinding {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  /** 1-based line in mlroadmap.yaml. */
  readonly line: number;
}

/** A status (or target) that changed since the ref: `from` absent, the thing is new; `to` absent, it is gone. */
export interface ReportChange {
  readonly from?: string;
  readonly to?: string;
}

/** What changed since a git ref (`--since`): the roadmap at the ref against today's, records, new results. */
export interface ReportSince {
  /** The ref as given. */
  readonly ref: string;
  /** Its commit, abbreviated. */
  readonly commit: string;
  /** The commit's time, ISO 8601. */
  readonly committedAt: string;
  /** Whether mlroadmap.yaml was at the ref (and readable): when not, everything counts as new. */
  readonly roadmapAtRef: 'read' | 'absent' | 'unreadable';
  /** Steps whose status changed, with their stage title or track name. */
  readonly steps: readonly (ReportChange & { readonly id: string; readonly title: string; readonly group: string })[];
  /** Candidates whose status changed, new ones and removed ones. */
  readonly candidates: readonly (ReportChange & { readonly id: string; readonly title: string })[];
  /** Metrics whose target changed (formatted; `no target`). */
  readonly metrics: readonly (ReportChange & { readonly id: string })[];
  /** Decision records added or whose status changed. */
  readonly decisions: readonly (ReportChange & { readonly number: string; readonly title: string })[];
  /** History records made after the ref's commit, oldest first. */
  readonly results: readonly { readonly candidate: string; readonly recordedAt: string; readonly metrics: string; readonly commit?: string }[];
}

/**
 * Why everything in the Since section counts as new (Markdown and the page say the same). Getters: each text is
 * translated when it is read, once the bundle of the display language is in place.
 */
export const ROADMAP_NOTE: { readonly absent: string; readonly unreadable: string } = {
  get absent() {
    return l10n.t('mlroadmap.yaml was not in the repository at that commit: everything in it is new.');
  },
  get unreadable() {
    return l10n.t('mlroadmap.yaml could not be read at that commit: everything in it counts as new.');
  },
};

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
  /** What changed since a git ref, when the report was asked for one. */
  readonly since?: ReportSince;
}

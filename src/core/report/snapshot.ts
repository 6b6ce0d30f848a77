// Builds the Discovery report's snapshot from what the panels already draw: the Roadmap Board's view model (stages,
// tracks, gate), Compare Candidates' view model (latest results against the baseline and the targets, ranks with
// their formula, the cost-versus-benefit scatter), the analysis (blockers, findings) and the decision records. The
// extension passes its store, analysis and indexes; the CLI passes the same computed from disk (`load.ts`).
import { padNumber, type DecisionRecord } from '../decisions/model';
import type { RoadmapAnalysis } from '../process/analysis';
import type { EvaluatedResults } from '../results/evaluated';
import { formatNumber } from '../results/numbers';
import { boardModel } from '../views/board';
import { compareModel, type CompareLatest } from '../views/compare';
import { REPORT_SNAPSHOT_VERSION, type ReportBlockedStep, type ReportSince, type ReportSnapshot } from './model';

export * from './model';

export interface ReportInputs {
  /** How the report names the roadmap file (relative to where it was asked for). */
  readonly source: string;
  readonly analysis: RoadmapAnalysis;
  /** The latest result of a candidate, as Compare Candidates gets it. */
  readonly latest: (candidateId: string) => CompareLatest | undefined;
  /** The decision records (the reader's, or the editor's decisions index). */
  readonly decisions: readonly Pick<DecisionRecord, 'number' | 'title' | 'status' | 'date' | 'supersededBy' | 'evidence'>[];
  readonly decisionProblems?: readonly string[];
  readonly now: Date;
  /** What changed since a git ref (core `reportSince`), when asked for. */
  readonly since?: ReportSince;
}

const FINISHED = new Set(['done', 'skipped']);

export function reportSnapshot(inputs: ReportInputs): ReportSnapshot {
  const { analysis } = inputs;
  const roadmap = analysis.roadmap;
  const board = boardModel(roadmap, { gate: analysis.gate, progress: analysis.progress, findings: analysis.findings, fixesOf: () => [], readOnly: true });
  const compare = compareModel(roadmap, {
    ranks: analysis.ranks,
    rankFormula: analysis.rankFormula,
    latest: inputs.latest,
    decisionTitle: (n) => inputs.decisions.find((r) => r.number === Number(n))?.title,
    readOnly: true,
  });
  const blockedSteps: ReportBlockedStep[] = board.columns.flatMap((c) =>
    c.cards
      .filter((k) => k.status === 'blocked')
      .map((k) => ({ id: k.id, title: k.title, group: c.title, ...(k.owner !== undefined ? { owner: k.owner } : {}), ...(k.notes !== undefined ? { notes: k.notes } : {}) })),
  );
  return {
    version: REPORT_SNAPSHOT_VERSION,
    generatedAt: inputs.now.toISOString(),
    source: inputs.source,
    project: {
      name: roadmap?.project.name ?? '',
      ...(roadmap?.project.problem !== undefined ? { problem: roadmap.project.problem } : {}),
      ...(roadmap?.project.business_goal !== undefined ? { businessGoal: roadmap.project.business_goal } : {}),
      ...(roadmap?.project.deadline !== undefined ? { deadline: roadmap.project.deadline } : {}),
      phase: roadmap?.project.phase ?? 'discovery',
    },
    ...(analysis.progress ? { progress: { phase: analysis.progress.phase, done: analysis.progress.done, total: analysis.progress.total } } : {}),
    groups: board.columns.map((c) => ({ phase: c.phase, title: c.title, done: c.cards.filter((k) => FINISHED.has(k.status)).length, total: c.cards.length })),
    blockers: analysis.blockers,
    blockedSteps,
    ...(board.gate ? { gate: board.gate } : {}),
    metrics: (roadmap?.metrics ?? []).map((m) => ({
      id: m.id,
      ...(m.kind !== undefined ? { kind: m.kind } : {}),
      goal: m.goal,
      ...(m.target !== undefined ? { target: formatNumber(m.target) } : {}),
      ...(m.why !== undefined ? { why: m.why } : {}),
      ...(m.measured_by !== undefined ? { measuredBy: m.measured_by } : {}),
    })),
    compare,
    realityChecks: (roadmap?.reality_checks ?? []).map((r) => ({
      id: r.id,
      ...(r.kind !== undefined ? { kind: r.kind } : {}),
      ...(r.candidate !== undefined ? { candidate: r.candidate } : {}),
      ...(r.date !== undefined ? { date: r.date } : {}),
      verdict: r.verdict,
      ...(r.notes !== undefined ? { notes: r.notes } : {}),
    })),
    decisions: inputs.decisions.map((r) => ({
      number: padNumber(r.number),
      title: r.title,
      ...(r.status !== undefined ? { status: r.status } : {}),
      ...(r.date !== undefined ? { date: r.date } : {}),
      supersededBy: r.supersededBy.map(padNumber),
      evidence: r.evidence ?? [],
    })),
    decisionProblems: inputs.decisionProblems ?? [],
    findings: analysis.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, line: f.range.start.line + 1 })),
    ...(board.problem ? { problem: board.problem } : {}),
    ...(inputs.since ? { since: inputs.since } : {}),
  };
}

/**
 * What each candidate shows under the one merge rule, as the editor's results index gives it to Compare: its latest
 * history record, or its newer results file not from the pipeline; stale results say why.
 */
export function latestOf(results: Pick<EvaluatedResults, 'shown' | 'findings'>): (candidateId: string) => CompareLatest | undefined {
  return (id) => {
    const shown = results.shown.get(id);
    if (!shown) return undefined;
    const rec = shown.record;
    const stale = results.findings.filter((f) => f.candidate === id && f.kind !== 'not-from-pipeline').map((f) => f.message);
    return {
      metrics: rec.metrics,
      ...(shown.fromPipeline ? {} : { notFromPipeline: true }),
      at: rec.recordedAt,
      ...(rec.git ? { commit: rec.git.commit } : {}),
      ...(stale.length > 0 ? { stale: stale.join(' ') } : {}),
    };
  };
}

// One roadmap's analysis from its parse: pitfall findings, the gate, the sprint focus, progress, the ranking and what
// blocks the roadmap now. The extension computes it per change; `mlroadmap check` prints part of it.
import { baselineCandidate } from '../pitfalls/candidates';
import { checkPitfalls } from '../pitfalls/check';
import { byScore, isRanked, rankEach, rankingFormula } from '../pitfalls/ranking';
import type { PitfallFinding, SeveritySetting } from '../pitfalls/types';
import type { ParseResult, Roadmap, RoadmapDiagnostic } from '../roadmap/model';
import type { EvaluatedResults } from '../results/evaluated';
import { sprintFocus, type FocusItem } from './focus';
import { checkGate, gateOutOf, type GateResult, type GateTarget } from './gates';
import { phaseProgress, type PhaseProgress } from './progress';

/** A candidate's place in the cost/benefit ranking. */
export interface RankState {
  readonly position: number;
  readonly score: number;
  /** The formula with this candidate's numbers. */
  readonly formula: string;
}

export interface RoadmapAnalysis {
  readonly roadmap: Roadmap | undefined;
  /** Pitfall findings, stale results included. */
  readonly findings: readonly PitfallFinding[];
  /** Parse diagnostics followed by the findings: what the Problems panel shows. */
  readonly diagnostics: readonly RoadmapDiagnostic[];
  /** The gate checked (by default the one out of the current phase); undefined once shipped or when not analysed. */
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
  readonly severities?: Readonly<Record<string, SeveritySetting>>;
  /**
   * The roadmap's results under the one rule (`mergeResults`): what counts as evaluated (a history record) gives the
   * gate its `baseline-evaluated` and the ranking the baseline's measured metrics; its findings (results not from the
   * pipeline, stale results) join the pitfalls. Without it, nothing counts as evaluated.
   */
  readonly results?: Pick<EvaluatedResults, 'evaluated' | 'findings'>;
  /** The gate to check; by default the gate out of the roadmap's current phase. */
  readonly gate?: GateTarget;
  /**
   * A roadmap read past YAML syntax errors is partial. `analyse` (the default, the editor while typing) analyses
   * what could be read; `hold` leaves its pitfalls and gate out until the syntax is fixed, as `mlroadmap check` does.
   */
  readonly partialRoadmap?: 'analyse' | 'hold';
}

/** Whether the parse met YAML syntax errors, so that its roadmap is partial. */
export function hasSyntaxErrors(parse: ParseResult): boolean {
  return parse.diagnostics.some((d) => d.code === 'yaml/syntax' && d.severity === 'error');
}

/** Computes one roadmap's analysis from its text and its parse. */
export function analyseRoadmap(text: string, parse: ParseResult, inputs: AnalysisInputs): RoadmapAnalysis {
  const roadmap = parse.roadmap;
  if (!roadmap || (inputs.partialRoadmap === 'hold' && hasSyntaxErrors(parse))) {
    const blocking = parse.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    return { roadmap, findings: [], diagnostics: parse.diagnostics, gate: undefined, focus: [], progress: undefined, ranks: new Map(), rankFormula: rankingFormula(), blockers: blocking };
  }
  const baseline = baselineCandidate(roadmap);
  const evaluated = inputs.results?.evaluated;
  const baselineMetrics = baseline && evaluated?.get(baseline.id)?.metrics;
  const ranking = rankEach(roadmap, baselineMetrics ? { baselineMetrics } : {});
  const findings = checkPitfalls(roadmap, {
    fileExists: inputs.fileExists,
    ...(inputs.results ? { staleFindings: inputs.results.findings } : {}),
    ...(inputs.severities ? { severities: inputs.severities } : {}),
    ...(baselineMetrics ? { baselineMetrics } : {}),
    ranking,
    keyRange: (key) => parse.keys.get(key),
  });
  const ranks = new Map<string, RankState>();
  byScore(ranking.values())
    .filter(isRanked)
    .forEach((r, i) => ranks.set(r.candidateId, { position: i + 1, score: r.score, formula: r.formula }));
  const target = inputs.gate ?? gateOutOf(roadmap.project.phase);
  const gate = target
    ? checkGate(roadmap, target, { fileExists: inputs.fileExists, findings, hasHistoryRecord: (id) => evaluated?.has(id) === true })
    : undefined;
  const progress = phaseProgress(roadmap);
  return {
    roadmap,
    findings,
    diagnostics: [...parse.diagnostics, ...findings],
    gate,
    focus: sprintFocus(roadmap, findings),
    progress,
    ranks,
    rankFormula: rankingFormula(),
    blockers: blockers(findings, gate, progress),
  };
}

/**
 * What blocks the roadmap now: open pitfall errors always; the gate's unmet conditions once every step of the
 * phase is done (before that, an unmet gate is simply work still ahead). The gate's `no-pitfall-errors` only
 * counts the errors already listed one by one, so it is left out.
 */
export function blockers(findings: readonly RoadmapDiagnostic[], gate: GateResult | undefined, progress: PhaseProgress | undefined): string[] {
  const out = findings.filter((f) => f.severity === 'error').map((f) => f.message);
  const phaseDone = !progress || progress.done === progress.total;
  if (gate && !gate.passed && phaseDone) {
    out.push(...gate.unmet.filter((u) => u.id !== 'no-pitfall-errors').map((u) => u.message).filter((m) => !out.includes(m)));
  }
  return out;
}

/**
 * Where to put the cursor in a roadmap just written: the start of the first Focus item that has a place in the file
 * (the first thing to fill in), as 0-based line and character.
 */
export function firstThingToDo(text: string, parse: ParseResult): { readonly line: number; readonly character: number } | undefined {
  const item = analyseRoadmap(text, parse, { fileExists: () => true }).focus.find((i) => i.range);
  // A finding about a whole section (`evaluation`) starts at its key, not at the section's first entry.
  const key = item?.path?.length === 1 && typeof item.path[0] === 'string' ? parse.keys.get(item.path[0]) : undefined;
  return (key ?? item?.range)?.start;
}

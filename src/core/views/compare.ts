// Compare Candidates' view model: one row per candidate (cost, expected benefit, confidence, rank with its formula,
// the latest value of every metric with the delta against the baseline and whether the target is met, literature,
// decision), and the cost-versus-benefit scatter with its Pareto front (over the benefit measured by the pipeline where a
// result exists, else the expected one). Built by the host from the parse, the
// analysis' ranks and the results index; deltas and pass/fail come from `comparisonRows`, numbers are written by
// `formatNumber` / `formatSigned`, so the panel says what the trees and the comparison report say.
import * as l10n from '@vscode/l10n';
import { isBaseline, baselineCandidate } from '../pitfalls/candidates';
import { COMPUTE_HOURS_PER_DAY } from '../pitfalls/ranking';
import type { RankState } from '../process/analysis';
import { comparisonRows } from '../results/comparisonReport';
import { formatNumber, formatSigned } from '../results/numbers';
import { CANDIDATE_STATUSES, type Candidate, type Goal, type Roadmap } from '../roadmap/model';
import type { CompareLink, CompareMetric, CompareModel, CompareResult, CompareRow, ScatterPoint, ShownNumber } from './compare-model';
import { isFollowableLink } from '../links';

export * from './compare-model';

/** A candidate's latest result as the results index gives it (only what the table shows). */
export interface CompareLatest {
  readonly metrics: Readonly<Record<string, number>>;
  readonly notFromPipeline?: boolean;
  readonly at?: string;
  readonly commit?: string;
  readonly stale?: string;
}

export interface CompareInputs {
  readonly ranks: ReadonlyMap<string, RankState>;
  readonly rankFormula: string;
  /** The latest result of a candidate (the results index, under the one merge rule). */
  readonly latest: (candidateId: string) => CompareLatest | undefined;
  /** The title of decision record `number` ("0002"), when it is found. */
  readonly decisionTitle?: (number: string) => string | undefined;
  readonly readOnly: boolean;
}

function shown(value: number | undefined): ShownNumber | undefined {
  return value === undefined ? undefined : { value, text: formatNumber(value) };
}

function signed(value: number | undefined): ShownNumber | undefined {
  return value === undefined ? undefined : { value, text: formatSigned(value) };
}

/** The cost axis of the scatter: effort days + compute hours ÷ 8; undefined when the candidate states neither. */
export function costDays(candidate: Pick<Candidate, 'cost'>): number | undefined {
  const cost = candidate.cost;
  if (!cost || (cost.effort_days === undefined && cost.compute_hours === undefined)) return undefined;
  return (cost.effort_days ?? 0) + (cost.compute_hours ?? 0) / COMPUTE_HOURS_PER_DAY;
}

/**
 * The Pareto front of cost versus benefit: the points no other point dominates (at most as costly and at least as
 * good, better in one of the two), cheapest first. `goal` says which way the benefit is better. Points with the same
 * cost and benefit are all on the front or all off it.
 */
export function paretoFront<P extends { readonly cost: number; readonly benefit: number }>(points: readonly P[], goal: Goal): P[] {
  const better = (a: number, b: number) => (goal === 'maximize' ? a > b : a < b);
  const atLeast = (a: number, b: number) => a === b || better(a, b);
  const usable = points.filter((p) => Number.isFinite(p.cost) && Number.isFinite(p.benefit));
  const front = usable.filter((p) => !usable.some((q) => q !== p && q.cost <= p.cost && atLeast(q.benefit, p.benefit) && (q.cost < p.cost || better(q.benefit, p.benefit))));
  return front.sort((a, b) => a.cost - b.cost || (better(a.benefit, b.benefit) ? -1 : better(b.benefit, a.benefit) ? 1 : 0));
}

export function compareModel(roadmap: Roadmap | undefined, inputs: CompareInputs): CompareModel {
  const empty = { metrics: [], rows: [], statuses: CANDIDATE_STATUSES, scatter: { points: [], front: [] }, rankFormula: inputs.rankFormula, readOnly: inputs.readOnly };
  if (!roadmap) return { project: '', ...empty, problem: l10n.t('The roadmap cannot be read: fix the errors in mlroadmap.yaml (see Problems).') };
  const metrics: CompareMetric[] = roadmap.metrics.map((m) => ({ id: m.id, goal: m.goal, ...(m.target !== undefined ? { target: { value: m.target, text: formatNumber(m.target) } } : {}) }));
  const baseline = baselineCandidate(roadmap);
  const baselineResult = baseline && inputs.latest(baseline.id);
  const literature = new Map(roadmap.literature.map((l) => [l.id, l]));

  const rows: CompareRow[] = roadmap.candidates.map((c) => {
    const latest = inputs.latest(c.id);
    // Against itself the baseline has no delta: compared with nothing, as the comparison report shows it.
    const against = baseline && c.id !== baseline.id ? baselineResult?.metrics : undefined;
    const compared = comparisonRows(roadmap.metrics, latest?.metrics, against).filter((r) => r.metric !== undefined);
    const cells = compared.map((r) => ({
      metric: r.name,
      ...(c.benefit?.expected?.[r.name] !== undefined ? { expected: shown(c.benefit.expected[r.name]) } : {}),
      ...(r.value !== undefined ? { value: shown(r.value) } : {}),
      ...(r.delta !== undefined ? { delta: signed(r.delta), improved: r.improved } : {}),
      ...(r.targetMet !== undefined ? { targetMet: r.targetMet } : {}),
    }));
    const rank = inputs.ranks.get(c.id);
    const result: CompareResult | undefined = latest && {
      notFromPipeline: latest.notFromPipeline === true,
      ...(latest.at !== undefined ? { at: latest.at } : {}),
      ...(latest.commit !== undefined ? { commit: latest.commit } : {}),
      ...(latest.stale !== undefined ? { stale: latest.stale } : {}),
    };
    const links: CompareLink[] = (c.based_on ?? []).map((id) => {
      const entry = literature.get(id);
      const url = entry?.url !== undefined && isFollowableLink(entry.url) ? entry.url : undefined;
      return { id, title: entry?.title ?? id, ...(url ? { url } : {}) };
    });
    const decisionTitle = c.decision !== undefined ? inputs.decisionTitle?.(c.decision) : undefined;
    return {
      id: c.id,
      title: c.title ?? c.id,
      status: c.status,
      baseline: isBaseline(roadmap, c),
      ...(c.cost?.effort_days !== undefined ? { effortDays: shown(c.cost.effort_days) } : {}),
      ...(c.cost?.compute_hours !== undefined ? { computeHours: shown(c.cost.compute_hours) } : {}),
      ...(c.cost?.risk !== undefined ? { risk: c.cost.risk } : {}),
      ...(c.benefit?.confidence !== undefined ? { confidence: c.benefit.confidence } : {}),
      ...(rank ? { rank: { position: rank.position, score: { value: rank.score, text: formatNumber(rank.score) }, formula: rank.formula } } : {}),
      metrics: cells,
      ...(result ? { result } : {}),
      literature: links,
      ...(c.decision !== undefined ? { decision: { number: c.decision, ...(decisionTitle !== undefined ? { title: decisionTitle } : {}) } } : {}),
    };
  });

  const primary = metrics[0];
  const points: ScatterPoint[] = [];
  if (primary) {
    for (const row of rows) {
      const candidate = roadmap.candidates.find((c) => c.id === row.id);
      const cost = candidate && costDays(candidate);
      const cell = row.metrics.find((m) => m.metric === primary.id);
      if (cost === undefined || (cell?.expected === undefined && cell?.value === undefined)) continue;
      // The front weighs what is known over what is hoped: the pipeline's measurement, else the estimate.
      const fromPipeline = row.result !== undefined && !row.result.notFromPipeline;
      const benefit = cell.value && fromPipeline ? { value: cell.value.value, basis: 'measured' as const } : cell.expected ? { value: cell.expected.value, basis: 'expected' as const } : undefined;
      points.push({ candidate: row.id, cost, ...(cell.expected ? { expected: cell.expected.value } : {}), ...(cell.value ? { measured: cell.value.value } : {}), ...(benefit ? { benefit } : {}) });
    }
  }
  const front = primary
    ? paretoFront(
        points.flatMap((p) => (p.benefit !== undefined ? [{ candidate: p.candidate, cost: p.cost, benefit: p.benefit.value }] : [])),
        primary.goal,
      ).map((p) => p.candidate)
    : [];

  return {
    project: roadmap.project.name ?? '',
    metrics,
    rows,
    statuses: CANDIDATE_STATUSES,
    scatter: { ...(primary ? { metric: primary } : {}), points, front },
    ...(baseline ? { baselineId: baseline.id } : {}),
    rankFormula: inputs.rankFormula,
    readOnly: inputs.readOnly,
  };
}

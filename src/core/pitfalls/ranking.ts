// Cost/benefit ranking of candidates: expected gain over the baseline on the primary metric, weighted by confidence,
// divided by cost. Pure arithmetic on the roadmap; the baseline's measured value comes from the caller.
import * as l10n from '@vscode/l10n';
import type { Candidate, Level, Metric, Roadmap } from '../roadmap/model';
import { metricValue } from '../results/compare';
import { formatNumber } from '../results/numbers';
import { baselineCandidate, isBaseline } from './candidates';
import { isolateBidi } from '../bidi';

/** How the rank is computed, in the display language, for display wherever a rank is shown. */
export function rankingFormula(): string {
  return l10n.t(
    'score = gain × confidence weight ÷ cost, where gain = expected − baseline on the primary (first) metric (baseline − expected when it is minimized), confidence weight = low 0.25 / medium 0.5 / high 0.8, cost = (effort_days + compute_hours ÷ 8) × risk factor (low 1, medium 1.25, high 1.5).',
  );
}

export const CONFIDENCE_WEIGHTS: Readonly<Record<Level, number>> = { low: 0.25, medium: 0.5, high: 0.8 };
export const RISK_FACTORS: Readonly<Record<Level, number>> = { low: 1, medium: 1.25, high: 1.5 };
/** Compute hours per effort day: eight hours of compute cost as much as one day of work. */
export const COMPUTE_HOURS_PER_DAY = 8;

export interface Rank {
  readonly candidateId: string;
  readonly score: number;
  readonly gain: number;
  readonly weight: number;
  readonly cost: number;
  /** The formula with this candidate's numbers. */
  readonly formula: string;
}

export interface Unranked {
  readonly candidateId: string;
  /** Why no score can be computed. */
  readonly reason: string;
}

export type RankOutcome = Rank | Unranked;

export interface RankingOptions {
  /** Latest measured metrics of the baseline; its primary value wins over the baseline's `benefit.expected`. */
  readonly baselineMetrics?: Readonly<Record<string, number>>;
}

export function isRanked(outcome: RankOutcome): outcome is Rank {
  return 'score' in outcome;
}

/**
 * The baseline value of the primary metric: the latest measured one (under the metric's id or a tool's name for it,
 * `eval_<id>`, `val/<id>`, as the views match it), else the baseline candidate's expected value, else 0 (gain is then
 * the expected value itself).
 */
export function baselineValue(roadmap: Roadmap, metricId: string, options: RankingOptions = {}): { value: number; source: string } {
  const measured = metricValue(options.baselineMetrics, roadmap.metrics.find((m) => m.id === metricId) ?? metricId);
  if (typeof measured === 'number' && Number.isFinite(measured)) return { value: measured, source: l10n.t('measured baseline') };
  const base = baselineCandidate(roadmap);
  const expected = base?.benefit?.expected?.[metricId];
  if (typeof expected === 'number') return { value: expected, source: l10n.t("expected of baseline '{0}'", isolateBidi(String(base?.id))) };
  return { value: 0, source: l10n.t('no baseline value') };
}

/** The score of one candidate, or why it has none. */
export function rankCandidate(roadmap: Roadmap, candidate: Candidate, options: RankingOptions = {}): RankOutcome {
  const primary = roadmap.metrics[0];
  return scoreAgainst(candidate, primary, primary && baselineValue(roadmap, primary.id, options));
}

/** The score of one candidate against the baseline value of the primary metric, computed once per ranking. */
function scoreAgainst(candidate: Candidate, primary: Metric | undefined, base: { value: number; source: string } | undefined): RankOutcome {
  const candidateId = candidate.id;
  if (!primary || !base) return { candidateId, reason: l10n.t('the roadmap defines no metric') };
  const expected = candidate.benefit?.expected?.[primary.id];
  if (typeof expected !== 'number') return { candidateId, reason: l10n.t("no expected value for the primary metric '{0}'", isolateBidi(primary.id)) };
  const cost = candidate.cost;
  if (!cost || (cost.effort_days === undefined && cost.compute_hours === undefined)) {
    return { candidateId, reason: l10n.t('no cost (effort_days or compute_hours)') };
  }
  const days = cost.effort_days ?? 0;
  const hours = cost.compute_hours ?? 0;
  const risk = cost.risk ?? 'low';
  const totalCost = (days + hours / COMPUTE_HOURS_PER_DAY) * RISK_FACTORS[risk];
  if (!(totalCost > 0)) return { candidateId, reason: l10n.t('the cost is zero') };
  const gain = primary.goal === 'minimize' ? base.value - expected : expected - base.value;
  const confidence = candidate.benefit?.confidence ?? 'low';
  const weight = CONFIDENCE_WEIGHTS[confidence];
  const score = (gain * weight) / totalCost;
  if (!Number.isFinite(score)) return { candidateId, reason: l10n.t('the cost is too small to divide by') };
  const gainText =
    primary.goal === 'minimize' ? `(${formatNumber(base.value)} − ${formatNumber(expected)})` : `(${formatNumber(expected)} − ${formatNumber(base.value)})`;
  // The levels (low, medium, high) are the roadmap's own values, quoted as written.
  const confidenceText = candidate.benefit?.confidence ? confidence : l10n.t('{0} (not given)', confidence);
  const formula = l10n.t(
    '{0} = {1} {2} gain × {3} ({4} confidence) ÷ (({5} days + {6} h ÷ {7}) × {8} {9} risk = {10}); baseline: {11}',
    formatNumber(score),
    gainText,
    isolateBidi(primary.id),
    formatNumber(weight),
    confidenceText,
    formatNumber(days),
    formatNumber(hours),
    COMPUTE_HOURS_PER_DAY,
    formatNumber(RISK_FACTORS[risk]),
    risk,
    formatNumber(totalCost),
    base.source,
  );
  return { candidateId, score, gain, weight, cost: totalCost, formula };
}

/** Every non-baseline candidate: the ranked ones by score (highest first), then the unranked ones in file order. */
export function rankCandidates(roadmap: Roadmap, options: RankingOptions = {}): RankOutcome[] {
  return byScore(rankEach(roadmap, options).values());
}

/** Outcomes ordered as `rankCandidates` orders them: the ranked ones by score (highest first), then the unranked ones. */
export function byScore(each: Iterable<RankOutcome>): RankOutcome[] {
  const outcomes = [...each];
  const ranked = outcomes.filter(isRanked).sort((a, b) => b.score - a.score);
  return [...ranked, ...outcomes.filter((o) => !isRanked(o))];
}

/** The outcome of every non-baseline candidate, in file order, with the baseline value computed once. */
export function rankEach(roadmap: Roadmap, options: RankingOptions = {}): Map<Candidate, RankOutcome> {
  const primary = roadmap.metrics[0];
  const base = primary && baselineValue(roadmap, primary.id, options);
  const out = new Map<Candidate, RankOutcome>();
  for (const c of roadmap.candidates) if (!isBaseline(roadmap, c)) out.set(c, scoreAgainst(c, primary, base));
  return out;
}

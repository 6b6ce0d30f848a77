// Facts about candidates the checks, the ranking and the gates share.
import type { Candidate, Roadmap } from '../roadmap/model';

/** A baseline: marked `baseline: true`, or named by `evaluation.baseline`. */
export function isBaseline(roadmap: Pick<Roadmap, 'evaluation'>, candidate: Candidate): boolean {
  return candidate.baseline || candidate.id === roadmap.evaluation?.baseline;
}

/** The baseline the others are compared with: `evaluation.baseline` when it names a candidate, else the first marked one. */
export function baselineCandidate(roadmap: Pick<Roadmap, 'evaluation' | 'candidates'>): Candidate | undefined {
  const named = roadmap.evaluation?.baseline;
  return roadmap.candidates.find((c) => named !== undefined && c.id === named) ?? roadmap.candidates.find((c) => c.baseline);
}

const PAST_IDEA = new Set(['shortlisted', 'prototyping', 'evaluated', 'chosen']);

/**
 * Past `idea` and still in play: shortlisted, prototyping, evaluated or chosen. Rejected candidates are left out:
 * they no longer take effort, so the checks do not ask them for literature or estimates.
 */
export function isPastIdea(candidate: Candidate): boolean {
  return PAST_IDEA.has(candidate.status);
}

/** Has a cost: effort days or compute hours. */
export function hasCost(candidate: Candidate): boolean {
  return candidate.cost?.effort_days !== undefined || candidate.cost?.compute_hours !== undefined;
}

/** Has a benefit: at least one expected metric value. */
export function hasBenefit(candidate: Candidate): boolean {
  return Object.keys(candidate.benefit?.expected ?? {}).length > 0;
}

/** Has a cost (effort or compute) and a benefit (at least one expected value). */
export function hasCostAndBenefit(candidate: Candidate): boolean {
  return hasCost(candidate) && hasBenefit(candidate);
}

/**
 * The results path of a candidate, relative to the roadmap's folder: the candidate's own `results`, else
 * `evaluation.results`, with `${candidate}` replaced by its id. Undefined when neither is set.
 */
export function resultsPathFor(roadmap: Pick<Roadmap, 'evaluation' | 'candidates'>, candidateId: string): string | undefined {
  const own = roadmap.candidates.find((c) => c.id === candidateId)?.results;
  const template = own ?? roadmap.evaluation?.results;
  return template?.split('${candidate}').join(candidateId);
}

// What a decision record takes from the roadmap: decision makers and the other people from the roles,
// considered options from the candidates (with cost, benefit and their latest evaluation as a snapshot),
// decision drivers from the metrics, a default title and context per kind of decision.
import { baselineCandidate } from '../pitfalls/candidates';
import { metricValue } from '../results/compare';
import type { Candidate, Metric, Roadmap } from '../roadmap/model';
import type { DecisionKind, DraftOption, EvaluationSnapshot } from './model';

/** The latest evaluation of a candidate, as the results index gives it. */
export interface LatestResult {
  readonly metrics: Readonly<Record<string, number>>;
  readonly at?: string;
  readonly commit?: string;
  readonly dirty?: boolean;
  readonly datasetSha256?: string;
}

export type LatestOf = (candidateId: string) => LatestResult | undefined;

/** Decision makers: business owners and ML engineers. Everyone else in the roles may be consulted or informed. */
export function peopleOf(roadmap: Roadmap): { readonly makers: string[]; readonly others: string[] } {
  const r = roadmap.roles;
  const makers = unique([...(r.business_owners ?? []), ...(r.ml_engineers ?? [])]);
  const others = unique([...(r.data_engineers ?? []), ...(r.software_engineers ?? [])]).filter((p) => !makers.includes(p));
  return { makers, others };
}

/**
 * The metric an evaluation snapshot reports: the first roadmap metric the result has (under its id or a tool's name
 * for it, `eval_<id>`, as the views match it), else its first metric.
 */
export function primaryMetric(metrics: readonly Metric[], result: LatestResult): string | undefined {
  return metrics.find((m) => metricValue(result.metrics, m) !== undefined)?.id ?? Object.keys(result.metrics)[0];
}

/** The snapshot of a candidate's latest evaluation, with the baseline candidate's value of the same metric. */
export function snapshotOf(roadmap: Roadmap, candidateId: string, latest: LatestOf): EvaluationSnapshot | undefined {
  const result = latest(candidateId);
  if (!result) return undefined;
  const metric = primaryMetric(roadmap.metrics, result);
  if (metric === undefined) return undefined;
  const baselineId = baselineCandidate(roadmap)?.id;
  // The roadmap metric (its logged name too), or a name of the result's own.
  const naming = roadmap.metrics.find((m) => m.id === metric) ?? metric;
  const baseline = baselineId !== undefined && baselineId !== candidateId ? metricValue(latest(baselineId)?.metrics, naming) : undefined;
  const value = metricValue(result.metrics, naming);
  if (value === undefined) return undefined;
  return {
    metric,
    value,
    ...(baseline !== undefined ? { baseline, delta: Number((value - baseline).toPrecision(12)) } : {}),
    ...(result.commit !== undefined ? { commit: result.commit.slice(0, 12) } : {}),
    ...(result.dirty !== undefined ? { dirty: result.dirty } : {}),
    ...(result.datasetSha256 !== undefined ? { datasetSha256: result.datasetSha256 } : {}),
    ...(result.at !== undefined ? { at: result.at } : {}),
  };
}

export function candidateTitle(c: Candidate): string {
  return c.title ?? c.id;
}

/** The title of the roadmap's candidate with this id, else the id. */
export function candidateName(roadmap: Roadmap, id: string): string {
  const c = roadmap.candidates.find((x) => x.id === id);
  return c ? candidateTitle(c) : id;
}

/** One considered option per candidate id (unknown ids are kept as bare options). */
export function optionsFrom(roadmap: Roadmap, ids: readonly string[], latest: LatestOf): DraftOption[] {
  return ids.map((id) => {
    const c = roadmap.candidates.find((x) => x.id === id);
    if (!c) return { id, title: id, pros: [], cons: [] };
    const pros: string[] = [];
    const cons: string[] = [];
    if (c.baseline) pros.push('it is a baseline: simple, and known to work end to end');
    if (c.novel_because) pros.push(`it is new: ${c.novel_because}`);
    if (c.based_on && c.based_on.length > 0) pros.push(`it builds on published work (${c.based_on.join(', ')})`);
    if (c.cost?.risk === 'high') cons.push('its risk is high');
    const evaluation = snapshotOf(roadmap, id, latest);
    return {
      id,
      title: candidateTitle(c),
      ...(c.cost ? { cost: { ...c.cost } } : {}),
      ...(c.benefit ? { benefit: { ...c.benefit } } : {}),
      ...(evaluation ? { evaluation } : {}),
      pros,
      cons,
    };
  });
}

/** A decision driver per metric: `accuracy (offline): maximize, target 0.97. Why`. */
export function driverOf(m: Metric): string {
  const head = `${m.id}${m.kind ? ` (${m.kind})` : ''}: ${m.goal}${m.target !== undefined ? `, target ${m.target}` : ''}`;
  return m.why ? `${head}. ${m.why}` : head;
}

export interface TitleInput {
  readonly kind: DecisionKind;
  readonly chosen?: string;
  readonly rejected?: readonly string[];
  readonly metric?: string;
  readonly from?: string;
  readonly to?: string;
}

/** A default title for the decision, from what is decided. */
export function defaultTitle(roadmap: Roadmap, input: TitleInput): string {
  const name = (id: string) => candidateName(roadmap, id);
  switch (input.kind) {
    case 'choose-candidate':
      return input.chosen ? `Choose ${name(input.chosen)}` : 'Choose an architecture';
    case 'reject-candidates': {
      const names = (input.rejected ?? []).map(name);
      return names.length > 0 ? `Reject ${joinAnd(names)}` : 'Reject candidates';
    }
    case 'change-metric':
      return input.metric ? `Change the ${input.metric} metric` : 'Change a metric';
    case 'override-gate':
      return input.from && input.to ? `Advance from ${input.from} to ${input.to} before the gate is met` : 'Override a phase gate';
    case 'free':
      return 'Architecture decision';
  }
}

export interface ContextInput extends TitleInput {
  /** The reason given for a gate override. */
  readonly overrideReason?: string;
}

/** The Context and Problem Statement, from the project and what is decided. */
export function defaultContext(roadmap: Roadmap, input: ContextInput): string {
  const p = roadmap.project;
  const intro = [p.problem, p.business_goal ? `Goal: ${p.business_goal}` : undefined].filter(Boolean).join(' ');
  const question = ((): string => {
    switch (input.kind) {
      case 'choose-candidate':
        return `Which of the ${roadmap.candidates.filter((c) => !c.baseline).length} architecture candidates should ${p.name ?? 'the project'} go on with?`;
      case 'reject-candidates':
        return 'Which candidates are no longer worth pursuing?';
      case 'change-metric':
        return `Does the ${input.metric ?? ''} metric still match what the customer expects?`.replace('the  metric', 'the metric');
      case 'override-gate':
        return `The gate from ${input.from ?? '?'} to ${input.to ?? '?'} is not met, and the project moves on anyway${input.overrideReason ? `: ${input.overrideReason}` : ''}.`;
      case 'free':
        return '';
    }
  })();
  return [intro, question].filter((s) => s.trim() !== '').join('\n\n');
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs.map((x) => x.trim()).filter((x) => x !== ''))];
}

function joinAnd(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

import * as vscode from 'vscode';
import { CANDIDATE_STATUSES, type Candidate, type CandidateStatus, type Metric, type Roadmap } from '../core/roadmap/model';
import { compareToBaseline } from '../core/results/compare';
import { baselineCandidate, isBaseline } from '../core/pitfalls';
import type { CandidateResultView } from '../services';
import type { RoadmapEntry } from '../workspace/roadmapStore';
import { candidateIcon } from './icons';
import { formatNumber, formatSigned } from '../core/results/numbers';
import { formatBenefit, formatCost, joinDefined, md } from './format';
import { contextValue, entryKey, headRange, type ViewNode } from './viewNode';

/** Statuses in the order a candidate goes through them; the two outcomes last. */
const LIFECYCLE: readonly CandidateStatus[] = ['idea', 'shortlisted', 'prototyping', 'evaluated', 'chosen', 'rejected'];

/** A candidate's place in the cost/benefit ranking. */
export interface CandidateRank {
  /** 1 = most promising. */
  readonly position: number;
  readonly score: number;
  /** The formula with this candidate's numbers. */
  readonly formula: string;
}

export interface CandidateInputs {
  readonly roadmap: Roadmap;
  readonly latest: (candidateId: string) => CandidateResultView | undefined;
  readonly rankOf: (candidateId: string) => CandidateRank | undefined;
  /** How the rank is computed, shown wherever the rank is. */
  readonly rankFormula: string;
}

/** `accuracy 0.953 (+0.008 vs baseline, target 0.97 ✗)` */
export function resultSummary(result: CandidateResultView, baseline: CandidateResultView | undefined, metric: Metric, isBaseline: boolean): string | undefined {
  const c = compareToBaseline(result.metrics, isBaseline ? undefined : baseline?.metrics, metric);
  if (c.value === undefined) return undefined;
  const notes = [
    c.delta !== undefined && vscode.l10n.t('{0} vs baseline', formatSigned(c.delta)),
    metric.target !== undefined && `${vscode.l10n.t('target {0}', formatNumber(metric.target))} ${c.targetMet ? '✓' : '✗'}`,
  ];
  const inner = joinDefined(notes, ', ');
  return `${metric.id} ${formatNumber(c.value)}${inner ? ` (${inner})` : ''}`;
}

/** `2 d` or `4 h`: the cost in a few characters (the tooltip has all of it). */
function shortCost(candidate: Candidate): string | undefined {
  const cost = candidate.cost;
  if (cost?.effort_days !== undefined) return `${formatNumber(cost.effort_days)} d`;
  if (cost?.compute_hours !== undefined) return `${formatNumber(cost.compute_hours)} h`;
  return undefined;
}

/** `accuracy → 0.99`: the expected value of the primary metric. */
function expectedPrimary(candidate: Candidate, primary: Metric | undefined): string | undefined {
  const value = primary && candidate.benefit?.expected?.[primary.id];
  return value === undefined || !primary ? undefined : `${primary.id} → ${formatNumber(value)}`;
}

function literatureChildren(key: string, roadmap: Roadmap, candidate: Candidate): ViewNode[] {
  const nodes: ViewNode[] = (candidate.based_on ?? []).map((id) => {
    const lit = roadmap.literature.find((l) => l.id === id);
    return {
      id: `${key}/candidate/${candidate.id}/lit/${id}`,
      label: lit?.title ?? id,
      description: lit ? id : vscode.l10n.t('{0} (not in literature)', id),
      tooltip: joinDefined([`**${md(lit?.title ?? id)}**`, lit?.takeaway && md(lit.takeaway), lit?.url && md(lit.url)], '\n\n'),
      icon: { id: lit?.url ? 'link-external' : 'book' },
      contextValue: contextValue(lit?.url ? 'literature.link' : 'literature', lit?.range),
      roadmap: key,
      ...(lit ? { range: headRange(lit.range) } : {}),
      ...(lit?.url ? { url: lit.url } : {}),
      itemId: id,
    };
  });
  if (candidate.novel_because) {
    nodes.push({
      id: `${key}/candidate/${candidate.id}/novel`,
      label: candidate.novel_because,
      description: vscode.l10n.t('novel because'),
      tooltip: md(candidate.novel_because),
      icon: { id: 'sparkle' },
      roadmap: key,
      range: headRange(candidate.range),
    });
  }
  return nodes;
}

/** The baseline results are compared against (`evaluation.baseline` when it names a candidate, else the first marked one) and its latest result. */
interface ComparedBaseline {
  readonly id: string | undefined;
  readonly result: CandidateResultView | undefined;
}

function candidateNode(key: string, inputs: CandidateInputs, candidate: Candidate, baseline: ComparedBaseline): ViewNode {
  const { roadmap } = inputs;
  const primary = roadmap.metrics[0];
  const result = inputs.latest(candidate.id);
  const summary = result && primary ? resultSummary(result, baseline.result, primary, candidate.id === baseline.id) : undefined;
  // Marked `baseline: true` or named by `evaluation.baseline`, as the ranking leaves them out.
  const marked = isBaseline(roadmap, candidate);
  const rank = inputs.rankOf(candidate.id);
  const cost = formatCost(candidate.cost);
  const benefit = formatBenefit(candidate.benefit);
  const description = joinDefined([
    marked && vscode.l10n.t('baseline'),
    rank && `#${rank.position}`,
    summary ?? joinDefined([shortCost(candidate), expectedPrimary(candidate, primary)]),
    result?.notFromPipeline && vscode.l10n.t('not from the pipeline'),
    result?.stale && vscode.l10n.t('stale'),
  ]);
  const tooltip = joinDefined(
    [
      `**${md(candidate.title ?? candidate.id)}** \`${candidate.id}\`${marked ? ' — ' + vscode.l10n.t('baseline') : ''}`,
      vscode.l10n.t('Status: {0}', candidate.status),
      cost && vscode.l10n.t('Cost: {0}', md(cost)),
      benefit && vscode.l10n.t('Expected benefit: {0}', md(benefit)),
      rank && vscode.l10n.t('Cost/benefit rank #{0}: {1}', rank.position, md(rank.formula)),
      rank && `_${md(inputs.rankFormula)}_`,
      summary && vscode.l10n.t('Latest result: {0}', md(summary)),
      result?.at && vscode.l10n.t('Measured {0}{1}', result.at, result.commit ? ` @ ${result.commit.slice(0, 8)}${result.dirty ? '+' : ''}` : ''),
      result?.notFromPipeline &&
        `$(warning) ${vscode.l10n.t('Not from the pipeline: no evaluation run recorded this result, so it does not count as evaluated.')}`,
      result?.stale && `$(warning) ${md(result.stale)}`,
      candidate.skip_reason && vscode.l10n.t('Skipped because: {0}', md(candidate.skip_reason)),
      candidate.decision && vscode.l10n.t('Decision record {0}', md(candidate.decision)),
    ],
    '\n\n',
  );
  const kind = marked ? 'candidate.baseline' : 'candidate';
  const children = literatureChildren(key, roadmap, candidate);
  return {
    id: `${key}/candidate/${candidate.id}`,
    label: candidate.title ?? candidate.id,
    description,
    tooltip,
    icon: marked ? { id: 'milestone', color: candidateIcon(candidate.status).color } : candidateIcon(candidate.status),
    contextValue: contextValue(kind, candidate.range),
    roadmap: key,
    range: headRange(candidate.range),
    itemId: candidate.id,
    expanded: false,
    children,
  };
}

/** Candidates of one roadmap grouped by status in lifecycle order, ranked by cost/benefit within a group. */
/** The heading of a status's group of candidates. */
function statusHeading(status: CandidateStatus): string {
  switch (status) {
    case 'idea':
      return vscode.l10n.t({ message: 'Idea', comment: ['Candidates view heading: the candidates with this status'] });
    case 'shortlisted':
      return vscode.l10n.t({ message: 'Shortlisted', comment: ['Candidates view heading: the candidates with this status'] });
    case 'prototyping':
      return vscode.l10n.t({ message: 'Prototyping', comment: ['Candidates view heading: the candidates with this status'] });
    case 'evaluated':
      return vscode.l10n.t({ message: 'Evaluated', comment: ['Candidates view heading: the candidates with this status'] });
    case 'rejected':
      return vscode.l10n.t({ message: 'Rejected', comment: ['Candidates view heading: the candidates with this status'] });
    case 'chosen':
      return vscode.l10n.t({ message: 'Chosen', comment: ['Candidates view heading: the candidates with this status'] });
  }
}

export function buildCandidateNodes(entry: RoadmapEntry, inputs: CandidateInputs | undefined): ViewNode[] {
  if (!inputs || inputs.roadmap.candidates.length === 0) return [];
  const key = entryKey(entry);
  const baselineId = baselineCandidate(inputs.roadmap)?.id;
  const baseline: ComparedBaseline = { id: baselineId, result: baselineId !== undefined ? inputs.latest(baselineId) : undefined };
  const order = (c: Candidate) => (isBaseline(inputs.roadmap, c) ? -1 : (inputs.rankOf(c.id)?.position ?? Number.MAX_SAFE_INTEGER));
  const statuses = [...LIFECYCLE, ...CANDIDATE_STATUSES.filter((s) => !LIFECYCLE.includes(s))];
  return statuses.flatMap((status) => {
    const members = inputs.roadmap.candidates.filter((c) => c.status === status).sort((a, b) => order(a) - order(b));
    if (members.length === 0) return [];
    return [
      {
        id: `${key}/candidates/${status}`,
        label: statusHeading(status),
        description: String(members.length),
        icon: candidateIcon(status),
        expanded: status !== 'rejected',
        children: members.map((c) => candidateNode(key, inputs, c, baseline)),
      },
    ];
  });
}

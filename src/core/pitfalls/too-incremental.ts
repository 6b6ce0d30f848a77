// pitfall/too-incremental: trial and error without weighing what each try costs and brings.
import * as l10n from '@vscode/l10n';
import type { Candidate, Roadmap } from '../roadmap/model';
import { hasBenefit, hasCost, hasCostAndBenefit, isBaseline, isPastIdea } from './candidates';
import { formatNumber } from '../results/numbers';
import { isRanked, rankEach, type Rank } from './ranking';
import { DEFAULT_PITFALL_SEVERITIES, type PitfallContext, type PitfallFinding } from './types';
import { isolateBidi } from '../bidi';

const CODE = 'pitfall/too-incremental';

/**
 * "Clearly higher": the other candidate's score is positive and at least this many times the prototyped one's.
 * Both scores must be computable.
 */
export const CLEARLY_HIGHER_FACTOR = 1.5;

const WAITING = new Set(['idea', 'shortlisted']);

/** Whether `other` ranks clearly higher than `current` (see CLEARLY_HIGHER_FACTOR). */
export function ranksClearlyHigher(other: Rank, current: Rank): boolean {
  return other.score > 0 && other.score >= CLEARLY_HIGHER_FACTOR * current.score;
}

/**
 * A non-baseline candidate past `idea` lacks cost or benefit; or a candidate is prototyping while another one ranks
 * clearly higher and is still `idea`/`shortlisted` with no `skip_reason` (reported on that passed-over candidate,
 * once, against the prototyped candidate it beats by the widest margin).
 */
export function checkTooIncremental(roadmap: Roadmap, context: PitfallContext): PitfallFinding[] {
  const severity = DEFAULT_PITFALL_SEVERITIES[CODE];
  const findings: PitfallFinding[] = [];
  roadmap.candidates.forEach((c, index) => {
    if (isBaseline(roadmap, c) || !isPastIdea(c) || hasCostAndBenefit(c)) return;
    const missing = hasCost(c) ? '`benefit`' : hasBenefit(c) ? '`cost`' : l10n.t('{0} and {1}', '`cost`', '`benefit`');
    findings.push({
      code: CODE,
      severity,
      message: l10n.t(
        "'{0}' is {1} without {2}: without an estimate the team tries ideas one by one and cannot tell which is worth the time. Estimate its cost (effort, compute, risk) and expected benefit.",
        isolateBidi(c.id),
        c.status,
        missing,
      ),
      range: c.range,
      path: ['candidates', index],
      fix: 'set-cost-benefit',
      action: l10n.t("Estimate the cost and benefit of '{0}'", c.id),
      target: c.id,
    });
  });
  const ranks = new Map<Candidate, Rank>();
  const ranking = context.ranking ?? rankEach(roadmap, { baselineMetrics: context.baselineMetrics });
  for (const [c, r] of ranking) if (isRanked(r)) ranks.set(c, r);
  const prototyping = [...ranks].filter(([c]) => c.status === 'prototyping');
  if (prototyping.length === 0) return findings;
  roadmap.candidates.forEach((c, index) => {
    const mine = ranks.get(c);
    if (!mine || !WAITING.has(c.status) || (c.skip_reason?.trim() ?? '') !== '') return;
    const beaten = prototyping.filter(([, r]) => ranksClearlyHigher(mine, r)).sort((a, b) => a[1].score - b[1].score);
    if (beaten.length === 0) return;
    const [proto, protoRank] = beaten[0];
    findings.push({
      code: CODE,
      severity,
      message: l10n.t(
        "'{0}' (score {1}) ranks clearly higher on cost/benefit than '{2}' (score {3}), which is being prototyped while '{0}' is still {4}: effort goes to the less promising bet. Try '{0}' first, or write its `skip_reason`.",
        isolateBidi(c.id),
        formatNumber(mine.score),
        isolateBidi(proto.id),
        formatNumber(protoRank.score),
        c.status,
      ),
      range: c.range,
      path: ['candidates', index],
      fix: 'set-skip-reason',
      action: l10n.t("Try '{0}' first, or say why not", c.id),
      target: c.id,
    });
  });
  return findings;
}

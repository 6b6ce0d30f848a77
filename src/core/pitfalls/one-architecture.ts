// pitfall/one-architecture: committing to one architecture before several were considered.
import * as l10n from '@vscode/l10n';
import type { Roadmap } from '../roadmap/model';
import { DEFAULT_MIN_CANDIDATES } from '../roadmap/model';
import { isBaseline } from './candidates';
import { sectionRange } from './locate';
import { DEFAULT_PITFALL_SEVERITIES, type PitfallContext, type PitfallFinding } from './types';
import { isolateBidi } from '../bidi';

const CODE = 'pitfall/one-architecture';
const COMMITTED = new Set(['prototyping', 'evaluated', 'chosen']);

/**
 * Fewer than `settings.min_candidates` non-baseline candidates (rejected ones count: they were considered) while a
 * non-baseline candidate is already prototyping, evaluated or chosen. Points at the first committed candidate.
 */
export function checkOneArchitecture(roadmap: Roadmap, context: PitfallContext): PitfallFinding[] {
  const min = roadmap.settings?.min_candidates ?? DEFAULT_MIN_CANDIDATES;
  const others = roadmap.candidates.filter((c) => !isBaseline(roadmap, c));
  const committed = others.find((c) => COMMITTED.has(c.status));
  if (!committed || others.length >= min) return [];
  return [
    {
      code: CODE,
      severity: DEFAULT_PITFALL_SEVERITIES[CODE],
      message:
        others.length === 1
          ? l10n.t(
              "'{0}' is {1} but is the only candidate besides the baseline (at least {2} expected): betting on one architecture risks the runway on a dead end. Add more candidates and rank them by cost and benefit.",
              isolateBidi(committed.id),
              committed.status,
              min,
            )
          : l10n.t(
              "'{0}' is {1} but is one of only {2} candidates besides the baseline (at least {3} expected): betting on one architecture risks the runway on a dead end. Add more candidates and rank them by cost and benefit.",
              isolateBidi(committed.id),
              committed.status,
              others.length,
              min,
            ),
      range: committed.range ?? sectionRange(roadmap, context, 'candidates'),
      path: ['candidates', roadmap.candidates.indexOf(committed)],
      fix: 'add-candidate',
      action: l10n.t("Add candidates besides '{0}'", committed.id),
      target: committed.id,
    },
  ];
}

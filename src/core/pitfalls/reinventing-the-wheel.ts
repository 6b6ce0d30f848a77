// pitfall/reinventing-the-wheel: building without looking at what others already built.
import * as l10n from '@vscode/l10n';
import type { Roadmap } from '../roadmap/model';
import { isBaseline, isPastIdea } from './candidates';
import { sectionRange } from './locate';
import { DEFAULT_PITFALL_SEVERITIES, type PitfallContext, type PitfallFinding } from './types';
import { isolateBidi } from '../bidi';

const CODE = 'pitfall/reinventing-the-wheel';

/** `literature` is empty; or a non-baseline candidate past `idea` has neither `based_on` nor `novel_because`. */
export function checkReinventingTheWheel(roadmap: Roadmap, context: PitfallContext): PitfallFinding[] {
  const severity = DEFAULT_PITFALL_SEVERITIES[CODE];
  const findings: PitfallFinding[] = [];
  if (roadmap.literature.length === 0) {
    findings.push({
      code: CODE,
      severity,
      message: l10n.t(
        'No literature is listed: weeks can go into rebuilding what a paper or an open-source model already solves. Review existing work and add the relevant entries to `literature`.',
      ),
      range: sectionRange(roadmap, context, 'literature'),
      path: ['literature'],
      fix: 'add-literature',
      action: l10n.t('Review existing work (add literature)'),
    });
  }
  roadmap.candidates.forEach((c, index) => {
    if (isBaseline(roadmap, c) || !isPastIdea(c)) return;
    if ((c.based_on?.length ?? 0) > 0 || (c.novel_because?.trim() ?? '') !== '') return;
    findings.push({
      code: CODE,
      severity,
      message: l10n.t(
        "'{0}' is {1} without `based_on` or `novel_because`: it may reinvent an existing solution. Link the literature it builds on, or say why it is new.",
        isolateBidi(c.id),
        c.status,
      ),
      range: c.range,
      path: ['candidates', index],
      fix: 'add-literature',
      action: l10n.t("Link the work '{0}' builds on", c.id),
      target: c.id,
    });
  });
  return findings;
}

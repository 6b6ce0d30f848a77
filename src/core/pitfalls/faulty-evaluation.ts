// pitfall/faulty-evaluation: comparisons made by hand, on unknown data, or without a baseline to compare with.
import * as l10n from '@vscode/l10n';
import type { Roadmap } from '../roadmap/model';
import { baselineCandidate, resultsPathFor } from './candidates';
import { headline, sectionRange } from './locate';
import { DEFAULT_PITFALL_SEVERITIES, type PitfallContext, type PitfallFinding } from './types';
import { isolateBidi } from '../bidi';

const CODE = 'pitfall/faulty-evaluation';

/**
 * No `evaluation.command`, no `evaluation.dataset`, no baseline candidate, or a candidate marked `evaluated` whose
 * results file does not exist (or has no results path at all). Stale results come in through `context.staleFindings`.
 */
export function checkFaultyEvaluation(roadmap: Roadmap, context: PitfallContext): PitfallFinding[] {
  const severity = DEFAULT_PITFALL_SEVERITIES[CODE];
  const findings: PitfallFinding[] = [];
  const evaluation = roadmap.evaluation;
  const evaluationRange = evaluation ? headline(evaluation.range) : sectionRange(roadmap, context, 'evaluation');
  if (!evaluation?.command?.trim()) {
    findings.push({
      code: CODE,
      severity,
      message: l10n.t(
        'No `evaluation.command`: results evaluated by hand drift apart and cannot be reproduced. Configure the one command that evaluates any candidate end to end.',
      ),
      range: evaluationRange,
      path: evaluation ? ['evaluation'] : [],
      fix: 'configure-evaluation',
      action: l10n.t('Configure the evaluation command'),
    });
  }
  if (!evaluation?.dataset?.trim()) {
    findings.push({
      code: CODE,
      severity,
      message: l10n.t('No `evaluation.dataset`: candidates measured on different data cannot be compared. Name the frozen dataset every candidate is evaluated on.'),
      range: evaluationRange,
      path: evaluation ? ['evaluation'] : [],
      fix: 'configure-evaluation',
      action: l10n.t('Name the evaluation dataset'),
    });
  }
  if (!baselineCandidate(roadmap)) {
    findings.push({
      code: CODE,
      severity,
      message: l10n.t(
        'No baseline candidate: without a simple model to beat, no result says whether an architecture is worth its cost. Add a dumb or simple candidate with `baseline: true` and evaluate it first.',
      ),
      range: sectionRange(roadmap, context, 'candidates'),
      path: ['candidates'],
      fix: 'add-candidate',
      action: l10n.t('Add a baseline candidate'),
    });
  }
  roadmap.candidates.forEach((c, index) => {
    if (c.status !== 'evaluated') return;
    const path = resultsPathFor(roadmap, c.id);
    if (path !== undefined && context.fileExists(path)) return;
    findings.push({
      code: CODE,
      severity,
      message:
        path === undefined
          ? l10n.t(
              "'{0}' is marked evaluated but has no results path (`evaluation.results` or its own `results`): the claim cannot be checked or compared. Run the evaluation for it, or set its status back.",
              isolateBidi(c.id),
            )
          : l10n.t(
              "'{0}' is marked evaluated but has no results file at '{1}': the claim cannot be checked or compared. Run the evaluation for it, or set its status back.",
              isolateBidi(c.id),
              isolateBidi(path),
            ),
      range: c.range,
      path: ['candidates', index],
      fix: 'evaluate',
      action: path === undefined ? l10n.t("Say where the results of '{0}' are written", c.id) : l10n.t("Evaluate '{0}' through the pipeline", c.id),
      target: c.id,
    });
  });
  return findings;
}

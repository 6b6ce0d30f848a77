// pitfall/metric-misalignment: optimising offline numbers that do not say what customers experience.
import * as l10n from '@vscode/l10n';
import type { Roadmap } from '../roadmap/model';
import { isBaseline } from './candidates';
import { sectionRange } from './locate';
import { DEFAULT_PITFALL_SEVERITIES, type PitfallContext, type PitfallFinding } from './types';
import { isolateBidi } from '../bidi';

const CODE = 'pitfall/metric-misalignment';

/**
 * No metric of kind `online` or `business`; an `offline` metric without a `target`; or a candidate evaluated or
 * chosen while no reality check is logged at all (baselines excepted: they are evaluated first, before any check).
 */
export function checkMetricMisalignment(roadmap: Roadmap, context: PitfallContext): PitfallFinding[] {
  const severity = DEFAULT_PITFALL_SEVERITIES[CODE];
  const findings: PitfallFinding[] = [];
  if (!roadmap.metrics.some((m) => m.kind === 'online' || m.kind === 'business')) {
    findings.push({
      code: CODE,
      severity,
      message: l10n.t(
        'No `online` or `business` metric: a model can win offline and still fail its customers. Add a metric that measures what they experience (an online or business metric, with how it is measured).',
      ),
      range: sectionRange(roadmap, context, 'metrics'),
      path: ['metrics'],
      fix: 'add-metric',
      action: l10n.t('Add a metric customers feel (online or business)'),
    });
  }
  roadmap.metrics.forEach((m, index) => {
    if (m.kind !== 'offline' || m.target !== undefined) return;
    findings.push({
      code: CODE,
      severity,
      message: l10n.t(
        "Offline metric '{0}' has no `target`: without the value customers need, nobody can tell when a model is good enough. Set the target that matches their expectation.",
        isolateBidi(m.id),
      ),
      range: m.range,
      path: ['metrics', index],
      fix: 'set-metric-target',
      action: l10n.t("Set a target for '{0}'", m.id),
      target: m.id,
    });
  });
  if (roadmap.reality_checks.length === 0) {
    roadmap.candidates.forEach((c, index) => {
      if (c.status !== 'evaluated' && c.status !== 'chosen') return;
      if (isBaseline(roadmap, c)) return;
      findings.push({
        code: CODE,
        severity,
        message: l10n.t(
          "'{0}' is {1} on offline numbers only: no reality check is logged, so nobody knows whether users see the gain. Run a demo, user study or A/B test and log it in `reality_checks`.",
          isolateBidi(c.id),
          c.status,
        ),
        range: c.range,
        path: ['candidates', index],
        fix: 'log-reality-check',
        action: l10n.t("Check '{0}' in real conditions", c.id),
        target: c.id,
      });
    });
  }
  return findings;
}

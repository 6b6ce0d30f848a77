// Phase gates: what must hold before a roadmap moves from Discovery to Production, and from Production to shipped.
import * as l10n from '@vscode/l10n';
import { DEFAULT_MIN_CANDIDATES, PHASES, type Phase, type Roadmap, type RoadmapDiagnostic } from '../roadmap/model';
import { baselineCandidate, hasCostAndBenefit, isBaseline, resultsPathFor } from '../pitfalls/candidates';
import { checkPitfalls, isPitfallCode } from '../pitfalls/check';
import type { PitfallContext } from '../pitfalls/types';
import { isFinished, phaseSteps } from './progress';
import { isolateBidi } from '../bidi';

export type GateTarget = Extract<Phase, 'production' | 'shipped'>;

export type GateConditionId =
  | 'baseline-evaluated'
  | 'candidates-estimated'
  | 'candidate-chosen'
  | 'reality-check'
  | 'no-pitfall-errors'
  | 'production-steps-done';

export interface UnmetCondition {
  readonly id: GateConditionId;
  readonly message: string;
}

export interface GateResult {
  readonly target: GateTarget;
  readonly passed: boolean;
  readonly unmet: readonly UnmetCondition[];
}

export interface GateContext extends PitfallContext {
  /** Open pitfall findings (acknowledged ones already left out); computed with `checkPitfalls` when absent. */
  readonly findings?: readonly RoadmapDiagnostic[];
  /**
   * Whether the results history holds a record of the candidate, i.e. it went through the evaluation pipeline: the
   * only way the baseline counts as evaluated (see `mergeResults`).
   */
  readonly hasHistoryRecord?: (candidateId: string) => boolean;
}

export function nextPhase(phase: Phase): Phase | undefined {
  return PHASES[PHASES.indexOf(phase) + 1];
}

export function previousPhase(phase: Phase): Phase | undefined {
  const i = PHASES.indexOf(phase);
  return i > 0 ? PHASES[i - 1] : undefined;
}

/** The gate out of the roadmap's current phase; undefined once shipped. */
export function gateOutOf(phase: Phase): GateTarget | undefined {
  const next = nextPhase(phase);
  return next === 'production' || next === 'shipped' ? next : undefined;
}

function discoveryExit(roadmap: Roadmap, context: GateContext): UnmetCondition[] {
  const unmet: UnmetCondition[] = [];
  const base = baselineCandidate(roadmap);
  if (!base) {
    unmet.push({ id: 'baseline-evaluated', message: l10n.t('No baseline candidate: add one and evaluate it through the automated pipeline.') });
  } else if (!context.hasHistoryRecord?.(base.id)) {
    // The process asks for an automated evaluation: a result counts when the pipeline recorded it.
    const path = resultsPathFor(roadmap, base.id);
    const why =
      path !== undefined && context.fileExists(path)
        ? l10n.t("'{0}' is not from the pipeline: no evaluation run recorded it", isolateBidi(path))
        : l10n.t('no evaluation run is recorded for it');
    unmet.push({ id: 'baseline-evaluated', message: l10n.t("Baseline '{0}' is not evaluated through the automated pipeline ({1}).", isolateBidi(base.id), why) });
  }
  const min = roadmap.settings?.min_candidates ?? DEFAULT_MIN_CANDIDATES;
  const estimated = roadmap.candidates.filter((c) => !isBaseline(roadmap, c) && hasCostAndBenefit(c)).length;
  if (estimated < min) {
    unmet.push({
      id: 'candidates-estimated',
      message:
        estimated === 1
          ? l10n.t('Only {0} candidate besides the baseline has a cost and a benefit; at least {1} needed.', estimated, min)
          : l10n.t('Only {0} candidates besides the baseline have a cost and a benefit; at least {1} needed.', estimated, min),
    });
  }
  if (!roadmap.candidates.some((c) => c.status === 'chosen')) {
    unmet.push({ id: 'candidate-chosen', message: l10n.t('No candidate is chosen: record the architecture decision first.') });
  }
  if (!roadmap.reality_checks.some((r) => r.verdict === 'passed' || r.verdict === 'promising')) {
    unmet.push({ id: 'reality-check', message: l10n.t('No reality check passed or was promising: check the chosen candidate in real conditions.') });
  }
  const findings = context.findings ?? checkPitfalls(roadmap, context);
  const errors = findings.filter((f) => isPitfallCode(f.code) && f.severity === 'error');
  if (errors.length > 0) {
    const codes = [...new Set(errors.map((f) => f.code))].join(', ');
    unmet.push({
      id: 'no-pitfall-errors',
      message: errors.length === 1 ? l10n.t('{0} open pitfall error ({1}).', errors.length, codes) : l10n.t('{0} open pitfall errors ({1}).', errors.length, codes),
    });
  }
  return unmet;
}

function productionExit(roadmap: Roadmap): UnmetCondition[] {
  const steps = phaseSteps(roadmap, 'production');
  if (steps.length === 0) return [{ id: 'production-steps-done', message: l10n.t('The roadmap lists no production steps.') }];
  const open = steps.filter(({ step }) => !isFinished(step));
  if (open.length === 0) return [];
  const names = open.slice(0, 5).map(({ group, step }) => `${isolateBidi(group)}/${isolateBidi(step.id)} (${step.status})`).join(', ');
  const listed = open.length > 5 ? l10n.t('{0} and {1} more', names, open.length - 5) : names;
  const message =
    open.length === 1
      ? l10n.t('{0} production step is not done or skipped: {1}.', open.length, listed)
      : l10n.t('{0} production steps are not done or skipped: {1}.', open.length, listed);
  return [{ id: 'production-steps-done', message }];
}

/**
 * Checks the gate into `target`: Discovery's exit into `production`, or Production's exit into `shipped`.
 * The gate is checked whatever the current phase is; `gateOutOf` says which one applies now.
 */
export function checkGate(roadmap: Roadmap, target: GateTarget, context: GateContext): GateResult {
  const unmet = target === 'production' ? discoveryExit(roadmap, context) : productionExit(roadmap);
  return { target, passed: unmet.length === 0, unmet };
}

// Progress of the roadmap's steps per Discovery stage, Production track and phase. A skipped step counts as done:
// the team decided it is not needed, so it no longer stands between the roadmap and the next phase.
import * as l10n from '@vscode/l10n';
import { STAGES, type Phase, type Roadmap, type Step } from '../roadmap/model';
import { STAGE_DESCRIPTIONS } from './stages';

export interface Progress {
  /** Steps done or skipped. */
  readonly done: number;
  readonly total: number;
}

export interface GroupProgress extends Progress {
  /** Discovery stage or Production track. */
  readonly id: string;
}

export interface PhaseProgress extends Progress {
  readonly phase: Extract<Phase, 'discovery' | 'production'>;
  readonly groups: readonly GroupProgress[];
}

/** Done or skipped: the step no longer stands between the roadmap and the next phase. */
export function isFinished(step: Step): boolean {
  return step.status === 'done' || step.status === 'skipped';
}

/** A step with the Discovery stage or Production track it belongs to. */
export interface PlacedStep {
  readonly step: Step;
  readonly group: string;
}

/**
 * The steps of a phase (default: the current one) in order: Discovery stages in Design-Thinking order (a stage listed
 * twice keeps its file order), Production tracks in file order; none once shipped.
 */
export function phaseSteps(roadmap: Roadmap, phase: Phase = roadmap.project.phase): PlacedStep[] {
  if (phase === 'discovery') {
    return STAGES.flatMap((s) => roadmap.discovery.filter((d) => d.stage === s).flatMap((d) => d.steps.map((step) => ({ step, group: s }))));
  }
  if (phase === 'production') return roadmap.production.flatMap((t) => t.steps.map((step) => ({ step, group: t.track })));
  return [];
}

export function stepsProgress(steps: readonly Step[]): Progress {
  return { done: steps.filter(isFinished).length, total: steps.length };
}

function sum(phase: PhaseProgress['phase'], groups: GroupProgress[]): PhaseProgress {
  return {
    phase,
    groups,
    done: groups.reduce((n, g) => n + g.done, 0),
    total: groups.reduce((n, g) => n + g.total, 0),
  };
}

/** Discovery progress, stages in Design-Thinking order (a stage listed twice is counted once, merged). */
export function discoveryProgress(roadmap: Roadmap): PhaseProgress {
  const groups = STAGES.filter((s) => roadmap.discovery.some((d) => d.stage === s)).map((s) => ({
    id: s,
    ...stepsProgress(roadmap.discovery.filter((d) => d.stage === s).flatMap((d) => d.steps)),
  }));
  return sum('discovery', groups);
}

/** Production progress, tracks in file order. */
export function productionProgress(roadmap: Roadmap): PhaseProgress {
  return sum('production', roadmap.production.map((t) => ({ id: t.track, ...stepsProgress(t.steps) })));
}

/** Progress of a phase (default: the current one); undefined for `shipped`, which has no steps. */
export function phaseProgress(roadmap: Roadmap, phase: Phase = roadmap.project.phase): PhaseProgress | undefined {
  if (phase === 'discovery') return discoveryProgress(roadmap);
  if (phase === 'production') return productionProgress(roadmap);
  return undefined;
}

export function phaseTitle(phase: Phase): string {
  switch (phase) {
    case 'discovery':
      return l10n.t({ message: 'Discovery', comment: ['A phase of the roadmap: Discovery, Production, Shipped'] });
    case 'production':
      return l10n.t({ message: 'Production', comment: ['A phase of the roadmap: Discovery, Production, Shipped'] });
    case 'shipped':
      return l10n.t({ message: 'Shipped', comment: ['A phase of the roadmap: Discovery, Production, Shipped'] });
  }
}

/** The status bar's text: `Discovery 7/12`, `Production 0/5`, or `Shipped`; `p` when the caller has the progress already. */
export function phaseSummary(roadmap: Roadmap, p: PhaseProgress | undefined = phaseProgress(roadmap)): string {
  const title = phaseTitle(roadmap.project.phase);
  return p ? l10n.t({ message: '{0} {1}/{2}', args: [title, p.done, p.total], comment: ['The status bar: the phase, then its steps done out of all'] }) : title;
}

/** The title of a Discovery stage or, for Production, the track name as written. */
export function groupTitle(phase: Phase, id: string): string {
  return phase === 'discovery' && (STAGES as readonly string[]).includes(id) ? STAGE_DESCRIPTIONS[id as (typeof STAGES)[number]].title : id;
}

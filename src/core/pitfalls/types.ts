// Shared types of the five pitfall checks: codes, findings with a machine-readable fix hint, and what a check may ask.
import type { Candidate, Range, RoadmapDiagnostic, Severity } from '../roadmap/model';
import type { RankOutcome } from './ranking';

export const PITFALL_CODES = [
  'pitfall/one-architecture',
  'pitfall/reinventing-the-wheel',
  'pitfall/too-incremental',
  'pitfall/metric-misalignment',
  'pitfall/faulty-evaluation',
] as const;
export type PitfallCode = (typeof PITFALL_CODES)[number];

/**
 * Default severity per code. A faulty evaluation makes every comparison meaningless, so it is the one error;
 * the others are warnings the team can weigh (and acknowledge with a reason).
 */
export const DEFAULT_PITFALL_SEVERITIES: Readonly<Record<PitfallCode, Severity>> = {
  'pitfall/one-architecture': 'warning',
  'pitfall/reinventing-the-wheel': 'warning',
  'pitfall/too-incremental': 'warning',
  'pitfall/metric-misalignment': 'warning',
  'pitfall/faulty-evaluation': 'error',
};

/** The flow that gets the team out of a finding; the editor layer maps each to a quick fix. */
export type PitfallFix =
  | 'add-candidate'
  | 'add-literature'
  | 'add-metric'
  | 'set-metric-target'
  | 'log-reality-check'
  | 'configure-evaluation'
  | 'set-cost-benefit'
  | 'set-skip-reason'
  | 'evaluate';

export interface PitfallFinding extends RoadmapDiagnostic {
  readonly code: PitfallCode;
  readonly fix?: PitfallFix;
  /** Id of the node the finding is about (candidate or metric); what an acknowledgement's `target` matches. */
  readonly target?: string;
}

export type SeveritySetting = Severity | 'off';

export interface PitfallContext {
  /** Whether a path relative to the roadmap's folder exists (results files). */
  readonly fileExists: (relativePath: string) => boolean;
  /** Findings computed elsewhere (stale results, code `pitfall/faulty-evaluation`), merged in. */
  readonly staleFindings?: readonly RoadmapDiagnostic[];
  /** Severity per code; `off` drops the code's findings. */
  readonly severities?: Readonly<Partial<Record<string, SeveritySetting>>>;
  /** Latest metric values of the baseline candidate (from the results history), for the ranking. */
  readonly baselineMetrics?: Readonly<Record<string, number>>;
  /** The ranking computed with these `baselineMetrics` (`rankEach`), when the caller has it already; computed otherwise. */
  readonly ranking?: ReadonlyMap<Candidate, RankOutcome>;
  /** Range of a top-level key such as `literature` (the parse's `keys`); findings about an absent section use it. */
  readonly keyRange?: (key: string) => Range | undefined;
}

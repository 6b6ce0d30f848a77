// The arguments of ML Roadmap: Record Architecture Decision… and what it returns. Tests and other commands
// (Advance Phase's override, a candidate's context menu) drive it with these.
import type { DecisionKind } from '../core/decisions';
import type { TargetArgs } from '../commands/target';
import type { CommitAnswers, DecisionFailure } from './commitFlow';

export interface RecordDecisionArgs extends TargetArgs, CommitAnswers {
  readonly kind?: DecisionKind;
  readonly title?: string;
  /** Considered options: candidate ids. */
  readonly candidates?: readonly string[];
  /** choose-candidate: the chosen candidate id. */
  readonly chosen?: string;
  /** Candidate ids rejected by the decision (reject-candidates, or the other options of a choice). */
  readonly rejected?: readonly string[];
  /** change-metric: the metric id. */
  readonly metric?: string;
  /** override-gate: the phases and the reason given when advancing. */
  readonly from?: string;
  readonly to?: string;
  /** Why the decision was taken. */
  readonly reason?: string;
  /** What was decided, in words (change-metric, override-gate, free text; a consequence for the other kinds). */
  readonly outcome?: string;
  readonly status?: 'proposed' | 'accepted';
  /** Metric ids used as decision drivers (default: every metric). */
  readonly drivers?: readonly string[];
  readonly decisionMakers?: readonly string[];
  readonly consulted?: readonly string[];
  readonly informed?: readonly string[];
  readonly context?: string;
  /** Open the record afterwards (default true). */
  readonly open?: boolean;
  /** The `contextValue` of a tree node the command was run from. */
  readonly contextValue?: string;
}

export interface RecordDecisionResult {
  /** Absolute path of the record written. */
  readonly file?: string;
  readonly number?: number;
  readonly committed: boolean;
  readonly commit?: string;
  readonly message?: string;
  readonly failure?: DecisionFailure;
}

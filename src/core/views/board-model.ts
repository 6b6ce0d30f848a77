// The Roadmap Board's view model as the webview receives it, and the filters it applies: types and pure helpers
// with no dependency beyond the roadmap's own types, so the browser bundle can import them.
import { STEP_STATUSES, type Phase, type RoadmapDiagnostic, type RoleName, type StepStatus } from '../roadmap/model';

export interface BoardCard {
  readonly id: string;
  readonly title: string;
  readonly status: StepStatus;
  readonly owner?: string;
  readonly notes?: string;
  /** The roles the owner plays (from `roles`), for the role filter. */
  readonly roles: readonly RoleName[];
}

export interface BoardColumn {
  /** `discovery:<stage>` or `production:<track>`. */
  readonly key: string;
  readonly phase: 'discovery' | 'production';
  readonly title: string;
  /** What the stage is for; the track's role. */
  readonly subtitle?: string;
  readonly role?: RoleName;
  readonly cards: readonly BoardCard[];
}

export interface BoardFix {
  readonly title: string;
}

export interface BoardFinding {
  readonly code: string;
  readonly severity: RoadmapDiagnostic['severity'];
  readonly message: string;
  /** 0-based line in mlroadmap.yaml. */
  readonly line: number;
  /** The flows that get out of it, best first (the host knows how to run each, by index). */
  readonly fixes: readonly BoardFix[];
}

export interface BoardGate {
  readonly from: Phase;
  readonly to: Phase;
  readonly passed: boolean;
  readonly unmet: readonly string[];
}

export interface BoardModel {
  readonly project: string;
  readonly phase: Phase;
  readonly progress?: { readonly done: number; readonly total: number };
  readonly statuses: readonly StepStatus[];
  readonly columns: readonly BoardColumn[];
  readonly gate?: BoardGate;
  readonly findings: readonly BoardFinding[];
  /** Every owner named on a step, sorted. */
  readonly owners: readonly string[];
  /** Roles with at least one person, in the format's order. */
  readonly roles: readonly RoleName[];
  /** Restricted Mode: nothing can be moved. */
  readonly readOnly: boolean;
  /** Why the board cannot show the roadmap (e.g. it is not valid YAML); the columns are then empty. */
  readonly problem?: string;
}

/** Which cards a filter keeps: by owner, or by role (the owner plays it, or the card sits in a track of that role). */
export interface BoardFilter {
  readonly owner?: string;
  readonly role?: RoleName;
}

export function cardVisible(column: BoardColumn, card: BoardCard, filter: BoardFilter): boolean {
  if (filter.owner !== undefined && card.owner !== filter.owner) return false;
  if (filter.role !== undefined && !card.roles.includes(filter.role) && column.role !== filter.role) return false;
  return true;
}

/** The status a card moves to with the keyboard's "Move to…" shortcuts: the next or previous in the workflow. */
export function neighbourStatus(status: StepStatus, direction: 1 | -1): StepStatus | undefined {
  return STEP_STATUSES[STEP_STATUSES.indexOf(status) + direction];
}

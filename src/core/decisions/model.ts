// Architecture decision records as read from a decisions folder (MADR 2-4, Nygard/adr-tools, log4brains).
// Pure data: no `vscode`, no I/O.

/** The statuses this tool writes (Record Decision, Set Decision Status, Supersede Decision). */
export const DECISION_STATUSES = ['draft', 'proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/**
 * What a record's status means, for colours and filters. The text stays as the author wrote it: `other` is a
 * status this reader does not know (`on hold`, `pending`, `draft`), `none` a record that states no status.
 */
export const DECISION_CATEGORIES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded', 'other', 'none'] as const;
export type DecisionCategory = (typeof DECISION_CATEGORIES)[number];

export const DECISION_FORMATS = ['madr4', 'madr2-3', 'nygard', 'log4brains'] as const;
export type DecisionFormat = (typeof DECISION_FORMATS)[number];

export interface DecisionRecord {
  /** Sequence number (from the `NNNN-` file prefix; for log4brains `YYYYMMDD-` files, the position in date order). */
  readonly number: number;
  /** The number as written in the file name, at least 4 digits (`0007`). */
  readonly padded: string;
  /** The file name without `.md`, e.g. `0007-use-a-transformer`. */
  readonly id: string;
  readonly title: string;
  /**
   * The status as the record writes it, lower-cased, with markup dropped (`on hold`, `superseded by 5. use x`);
   * absent when the record states no status.
   */
  readonly status?: string;
  /** The status normalised, for colours and filters; `none` when no status is written. */
  readonly category: DecisionCategory;
  /** As written; ISO `YYYY-MM-DD` in records this tool writes. */
  readonly date?: string;
  readonly supersedes: readonly number[];
  readonly supersededBy: readonly number[];
  readonly decisionMakers: readonly string[];
  readonly consulted: readonly string[];
  readonly informed: readonly string[];
  /** Ids of the roadmap candidates the decision is about (front matter `candidates:`). */
  readonly candidates: readonly string[];
  /** Path of the record file, as given to the reader joined with its file name. */
  readonly file: string;
  readonly format: DecisionFormat;
  /**
   * The evidence the record embeds (Record Decision writes it under "Pros and Cons of the Options"): per option its
   * cost, expected benefit and latest evaluation as written; absent when the record embeds none.
   */
  readonly evidence?: readonly OptionEvidence[];
}

/** One considered option's evidence as a record writes it (text, inline code marks dropped). */
export interface OptionEvidence {
  readonly title: string;
  /** The candidate id (the option's "Candidate `cnn`." line), when the record names one. */
  readonly candidate?: string;
  /** `5 effort days, 4 compute hours, risk medium`. */
  readonly cost?: string;
  /** `expected accuracy 0.99; confidence medium`. */
  readonly benefit?: string;
  /** `accuracy 0.98 (baseline 0.1, delta +0.88), commit abc1234, measured …`, or `not measured yet`. */
  readonly evaluation?: string;
}

/** A file in a decisions folder that could not be read, or a part of a record that was not understood. */
export interface DecisionProblem {
  readonly file: string;
  readonly message: string;
  /** `error`: the record was left out; `warning`: the record is listed, but a field was guessed. */
  readonly severity: 'error' | 'warning';
}

/** A decisions folder that exists (or may) but cannot be listed: its records are unknown, not none. */
export interface FolderError {
  readonly folder: string;
  /** The system error code (`EACCES`, `ENOTDIR`, `EIO`, …) when there is one. */
  readonly code?: string;
  readonly message: string;
}

export interface DecisionFolder {
  readonly records: readonly DecisionRecord[];
  readonly problems: readonly DecisionProblem[];
  /** Set when the folder exists but cannot be listed (EACCES, ENOTDIR, I/O error): its records are unknown, not none. */
  readonly error?: FolderError;
}

/** What the team decides about, when recording a decision. */
export const DECISION_KINDS = ['choose-candidate', 'reject-candidates', 'change-metric', 'override-gate', 'free'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** The latest evaluation of an option, embedded in the record as a snapshot. */
export interface EvaluationSnapshot {
  readonly metric: string;
  readonly value: number;
  readonly baseline?: number;
  readonly delta?: number;
  readonly commit?: string;
  readonly dirty?: boolean;
  readonly datasetSha256?: string;
  /** ISO date-time the evaluation was measured. */
  readonly at?: string;
}

export interface DraftOption {
  /** Candidate id (or any short id). */
  readonly id: string;
  readonly title: string;
  /** Free text or the candidate's cost as in the roadmap. */
  readonly cost?: string | { readonly effort_days?: number; readonly compute_hours?: number; readonly risk?: string };
  /** Free text or the candidate's benefit as in the roadmap. */
  readonly benefit?: string | { readonly expected?: Readonly<Record<string, number>>; readonly confidence?: string };
  readonly evaluation?: EvaluationSnapshot;
  readonly pros: readonly string[];
  readonly cons: readonly string[];
}

export interface DecisionDraft {
  readonly title: string;
  readonly kind: DecisionKind;
  readonly status: DecisionStatus;
  /** ISO `YYYY-MM-DD`. */
  readonly date: string;
  readonly decisionMakers: readonly string[];
  readonly consulted: readonly string[];
  readonly informed: readonly string[];
  readonly context: string;
  readonly drivers: readonly string[];
  readonly options: readonly DraftOption[];
  /** `option`: id of the chosen option (choose-candidate) — absent for the other kinds. */
  readonly outcome: { readonly option?: string; readonly reason: string };
  readonly consequences: readonly string[];
  /** How the implementation of the decision will be checked (MADR "Confirmation"). */
  readonly confirmation?: string;
  /** Candidate ids the decision is about, written to front matter `candidates:`. */
  readonly candidates: readonly string[];
}

export function padNumber(n: number): string {
  return String(n).padStart(4, '0');
}

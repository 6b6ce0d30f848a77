// The typed model of `mlroadmap.yaml`, format version 1 (see docs/roadmap-format.md).
// Pure data: no `vscode`, no I/O. Every node that a diagnostic, a view or an edit may point at
// carries the source range it was read from, so adapters can reveal it.

/** A position in the text. Both fields are 0-based, as in VS Code and the Language Server Protocol. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A half-open range [start, end) in the text, 0-based lines and characters. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A problem found in a roadmap (syntax, schema, semantics or a pitfall check). */
export interface RoadmapDiagnostic {
  /** Stable identifier, e.g. `yaml/syntax`, `schema/type`, `schema/unknown-key`, `ref/unknown-literature`, `pitfall/one-architecture`. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  /** For unknown keys: the nearest known key, offered as a quick fix. */
  readonly suggestion?: string;
  /** Path of the node in the document, e.g. ['candidates', 1, 'status']. */
  readonly path?: readonly (string | number)[];
  /** What to do about it, as a short imperative ("Name the evaluation dataset"): the title of a Focus item. */
  readonly action?: string;
}

/** A minimal edit of the roadmap text, in the model's 0-based coordinates and as offsets. */
export interface TextEdit {
  readonly range: Range;
  /** Offsets into the original text, for adapters that work on strings. */
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
}

export const PHASES = ['discovery', 'production', 'shipped'] as const;
export type Phase = (typeof PHASES)[number];

export const METRIC_KINDS = ['offline', 'online', 'business'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

export const GOALS = ['maximize', 'minimize'] as const;
export type Goal = (typeof GOALS)[number];

export const CANDIDATE_STATUSES = ['idea', 'shortlisted', 'prototyping', 'evaluated', 'rejected', 'chosen'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

export const LEVELS = ['low', 'medium', 'high'] as const;
export type Level = (typeof LEVELS)[number];

export const REALITY_CHECK_KINDS = ['ab-test', 'demo', 'focus-group', 'user-study'] as const;
export type RealityCheckKind = (typeof REALITY_CHECK_KINDS)[number];

export const VERDICTS = ['planned', 'promising', 'passed', 'failed'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const STAGES = ['understand', 'define', 'ideate', 'prototype', 'test'] as const;
export type Stage = (typeof STAGES)[number];

export const STEP_STATUSES = ['todo', 'doing', 'done', 'blocked', 'skipped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const ROLE_NAMES = ['business_owners', 'ml_engineers', 'data_engineers', 'software_engineers'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** Fields shared by every node read from the file. */
export interface Located {
  /** Range of the whole node (the mapping or the scalar). */
  readonly range: Range;
}

export interface Project extends Located {
  readonly name?: string;
  readonly problem?: string;
  readonly business_goal?: string;
  /** ISO date as written (YYYY-MM-DD). */
  readonly deadline?: string;
  readonly phase: Phase;
}

export interface Metric extends Located {
  readonly id: string;
  /**
   * The name the evaluation writes the metric under, when results cannot be matched by the id (`metrics/mAP50(B)`,
   * which is no valid id): matched first, exactly.
   */
  readonly logged_as?: string;
  readonly kind?: MetricKind;
  readonly goal: Goal;
  readonly target?: number;
  readonly why?: string;
  readonly measured_by?: string;
}

export interface LiteratureEntry extends Located {
  readonly id: string;
  readonly title?: string;
  readonly url?: string;
  readonly takeaway?: string;
}

export interface Cost {
  readonly effort_days?: number;
  readonly compute_hours?: number;
  readonly risk?: Level;
}

export interface Benefit {
  /** Expected value per metric id. */
  readonly expected?: Readonly<Record<string, number>>;
  readonly confidence?: Level;
}

export interface Candidate extends Located {
  readonly id: string;
  readonly title?: string;
  readonly baseline: boolean;
  readonly based_on?: readonly string[];
  readonly novel_because?: string;
  readonly cost?: Cost;
  readonly benefit?: Benefit;
  readonly status: CandidateStatus;
  /** Why a higher-ranked candidate was passed over (quiets the too-incremental check). */
  readonly skip_reason?: string;
  /** ADR number, as written (e.g. "0002"). */
  readonly decision?: string;
  /** Optional per-candidate results path, overriding evaluation.results. */
  readonly results?: string;
  /** Where this candidate's evaluation runs, overriding evaluation.executor. */
  readonly executor?: Executor;
  /** Slurm options for this candidate, merged key by key over evaluation.slurm. */
  readonly slurm?: SlurmOptions;
}

/** Where an evaluation runs: as local processes (VS Code tasks) or as Slurm batch jobs. */
export type Executor = 'local' | 'slurm';
export const EXECUTORS: readonly Executor[] = ['local', 'slurm'];

/** Options passed to `sbatch` (every key optional; see docs/roadmap-format.md). */
export interface SlurmOptions extends Located {
  readonly partition?: string;
  /** GPUs per job (`--gpus`). */
  readonly gpus?: number;
  /** CPUs per task (`--cpus-per-task`). */
  readonly cpus?: number;
  /** Memory per node, as sbatch takes it (`32G`, `4000M`). */
  readonly mem?: string;
  /** Wall-time limit, as sbatch takes it (`02:00:00`, `1-00:00:00`, `90`). */
  readonly time?: string;
  readonly account?: string;
  /** Shell lines run in the job script before the command (`source .venv/bin/activate`). */
  readonly setup?: string;
  /** More sbatch options, each one `--name=value` or `--flag`. */
  readonly extra?: readonly string[];
}

export interface Evaluation extends Located {
  readonly command?: string;
  readonly dataset?: string;
  readonly results?: string;
  readonly baseline?: string;
  /** Opt-in: run the command through a shell (pipes, redirections). Off by default. */
  readonly shell?: boolean;
  /** Where evaluations run; default `local`. */
  readonly executor?: Executor;
  /** Local executor: how many candidates evaluate at once (default 1). */
  readonly parallel?: number;
  readonly slurm?: SlurmOptions;
}

export interface RealityCheck extends Located {
  readonly id: string;
  readonly kind?: RealityCheckKind;
  readonly candidate?: string;
  readonly date?: string;
  readonly verdict: Verdict;
  readonly notes?: string;
}

export interface Step extends Located {
  readonly id: string;
  readonly title?: string;
  readonly status: StepStatus;
  readonly owner?: string;
  readonly notes?: string;
}

export interface DiscoveryStage extends Located {
  readonly stage: Stage;
  readonly steps: readonly Step[];
}

export interface ProductionTrack extends Located {
  readonly track: string;
  readonly role?: RoleName;
  readonly steps: readonly Step[];
}

/** A pitfall finding the team has looked at and accepted, with the reason. */
export interface Acknowledgement extends Located {
  /** Diagnostic code, e.g. `pitfall/one-architecture`. */
  readonly code: string;
  /** Optional id of the node the finding is about (candidate, metric ...); absent: every finding of that code. */
  readonly target?: string;
  readonly reason: string;
}

/** A phase gate passed over on purpose ("Advance anyway"), kept in the file. */
export interface GateOverride extends Located {
  readonly from: Phase;
  readonly to: Phase;
  readonly date?: string;
  readonly reason: string;
  readonly decision?: string;
}

export interface Settings extends Located {
  /** Minimum number of non-baseline candidates (pitfall/one-architecture). Default 3. */
  readonly min_candidates: number;
}

export interface Roadmap {
  readonly version: number;
  readonly project: Project;
  readonly roles: Readonly<Partial<Record<RoleName, readonly string[]>>>;
  readonly metrics: readonly Metric[];
  readonly literature: readonly LiteratureEntry[];
  readonly candidates: readonly Candidate[];
  readonly evaluation?: Evaluation;
  readonly reality_checks: readonly RealityCheck[];
  readonly discovery: readonly DiscoveryStage[];
  readonly production: readonly ProductionTrack[];
  /** Folder of the architecture decision records, relative to the roadmap. Default `docs/decisions`. */
  readonly decisions: string;
  readonly settings: Settings;
  readonly acknowledged: readonly Acknowledgement[];
  readonly overrides: readonly GateOverride[];
}

export interface ParseResult {
  /** The model, as far as it could be read. Present even when there are errors (best effort), absent only when the text is not a YAML mapping at all. */
  readonly roadmap?: Roadmap;
  readonly diagnostics: readonly RoadmapDiagnostic[];
  /**
   * The range of each key of the top-level mapping (its first occurrence), read from the YAML tree: findings about a
   * whole or an absent section point at its key. Empty when the text is not a mapping.
   */
  readonly keys: ReadonlyMap<string, Range>;
}

export const DEFAULT_DECISIONS_FOLDER = 'docs/decisions';
export const DEFAULT_MIN_CANDIDATES = 3;
export const ROADMAP_FILE_NAME = 'mlroadmap.yaml';

// Where and how one candidate's evaluation runs, read from the roadmap: its executor (`local` or `slurm`) and its
// Slurm options, the candidate's keys merged over `evaluation.slurm`; and how many local evaluations run at once.
// Pure: no `vscode`, no I/O (see "Running evaluations on a cluster" in docs/roadmap-format.md).
import type { Executor, Roadmap, SlurmOptions } from '../roadmap/model';

/** The Slurm options of one evaluation, without the source range: what the job script is written from. */
export type SlurmSettings = Omit<SlurmOptions, 'range'>;

/** How one candidate's evaluation runs. */
export interface Execution {
  readonly executor: Executor;
  /** Merged options; meaningful when `executor` is `slurm` (read either way, so a switch shows what would be sent). */
  readonly slurm: SlurmSettings;
}

export const DEFAULT_EXECUTOR: Executor = 'local';
export const DEFAULT_PARALLEL = 1;

/** The scalar keys of `slurm`, merged one by one (the candidate's value wins); `extra` is appended instead. */
export const SLURM_SCALAR_KEYS = ['partition', 'gpus', 'cpus', 'mem', 'time', 'account', 'setup'] as const;

type MutableSettings = { -readonly [K in keyof SlurmSettings]: SlurmSettings[K] };

/**
 * The candidate's `slurm` keys over the evaluation's, key by key: a key the candidate sets replaces the evaluation's,
 * the others are kept. `extra` is the evaluation's options followed by the candidate's (sbatch lets a later option
 * win, so a candidate can still override one). `gpus: 0` means "no GPU" and leaves `gpus` out of the result.
 */
export function mergeSlurm(base: SlurmSettings | undefined, override: SlurmSettings | undefined): SlurmSettings {
  const out: MutableSettings = {};
  for (const key of SLURM_SCALAR_KEYS) {
    const value = override?.[key] ?? base?.[key];
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  if (out.gpus === 0) delete out.gpus;
  const extra = [...(base?.extra ?? []), ...(override?.extra ?? [])];
  if (extra.length > 0) out.extra = extra;
  return out;
}

/**
 * Where a candidate's evaluation runs and with which Slurm options: the candidate's `executor` or else
 * `evaluation.executor` or else `local`; its `slurm` merged over `evaluation.slurm` (see `mergeSlurm`).
 * A candidate id the roadmap does not hold gets the evaluation's settings. Never throws.
 */
export function executionOf(roadmap: Pick<Roadmap, 'evaluation' | 'candidates'>, candidateId: string): Execution {
  const evaluation = roadmap.evaluation;
  const candidate = roadmap.candidates.find((c) => c.id === candidateId);
  const executor = candidate?.executor ?? evaluation?.executor ?? DEFAULT_EXECUTOR;
  return { executor, slurm: mergeSlurm(evaluation?.slurm, candidate?.slurm) };
}

/** How many local evaluations run at once: `evaluation.parallel`, a whole number >= 1; 1 when absent. */
export function parallelOf(roadmap: Pick<Roadmap, 'evaluation'>): number {
  const parallel = roadmap.evaluation?.parallel;
  if (typeof parallel !== 'number' || !Number.isFinite(parallel)) return DEFAULT_PARALLEL;
  return Math.max(DEFAULT_PARALLEL, Math.floor(parallel));
}

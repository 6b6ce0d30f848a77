// Slurm's command-line tools, spawned without a shell: submit (sbatch), look (squeue, then sacct, or scontrol where
// accounting is off) and cancel (scancel). Free of `vscode`: the extension and `mlroadmap evaluate` share it. What the
// tools print is parsed by src/core/jobs/slurm-output.ts.
import { execFile } from 'node:child_process';
import type { JobObservation } from '../core/jobs/types';
import { isActive } from '../core/jobs/types';
import {
  isAccountingDisabled,
  isInvalidJobIdError,
  isSlurmJobId,
  parseSacct,
  parseSbatchParsable,
  parseScontrolShowJob,
  parseSqueue,
  sacctArgs,
  scontrolArgs,
  squeueArgs,
} from '../core/jobs/slurm-output';
import { sbatchArgs } from '../core/jobs/script';
import * as l10n from '@vscode/l10n';

export interface ToolResult {
  /** Null when the tool could not start or was killed. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Why it could not start. */
  readonly startError?: string;
  /** It could not start because it is not installed (or not on PATH). */
  readonly notInstalled?: boolean;
}

const TOOL_TIMEOUT_MS = 30_000;

/** Runs one tool with its arguments (no shell) and collects what it printed. */
export function runTool(file: string, args: readonly string[], cwd?: string): Promise<ToolResult> {
  return new Promise((resolve) => {
    execFile(file, [...args], { cwd, timeout: TOOL_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      const e = error as (NodeJS.ErrnoException & { code?: string | number }) | null;
      if (e && typeof e.code === 'string') resolve({ code: null, stdout: stdout ?? '', stderr: stderr ?? '', ...(e.code === 'ENOENT' ? { startError: l10n.t`${file} is not installed or not on PATH`, notInstalled: true } : { startError: e.message }) });
      else resolve({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, stdout: stdout ?? '', stderr: stderr ?? '' });
    });
  });
}

/** Said when `sbatch` cannot be found: how a team reaches its cluster from VS Code. */
export const noSbatchMessage = (): string =>
  l10n.t(
    "sbatch was not found on this machine, so evaluations cannot be submitted to Slurm. Open the project on the cluster's login node with VS Code Remote-SSH (the extension then runs where sbatch is), or set evaluation.executor: local.",
  );

export type Submitted = { readonly ok: true; readonly id: string } | { readonly ok: false; readonly error: string };

/** The tools, by name on PATH; `tool` runs them (tests may pass another runner). */
export class SlurmClient {
  constructor(private readonly tool: typeof runTool = runTool) {}

  /** True when `sbatch` can be run here. */
  async available(): Promise<boolean> {
    const r = await this.tool('sbatch', ['--version']);
    return r.code === 0;
  }

  async submit(scriptPath: string, cwd: string): Promise<Submitted> {
    const r = await this.tool('sbatch', sbatchArgs(scriptPath), cwd);
    if (r.startError) return { ok: false, error: r.notInstalled ? noSbatchMessage() : r.startError };
    if (r.code !== 0) return { ok: false, error: l10n.t`sbatch refused the job: ${(r.stderr || r.stdout).trim() || l10n.t`exit code ${String(r.code)}`}` };
    const parsed = parseSbatchParsable(r.stdout);
    return parsed.ok ? { ok: true, id: parsed.id } : { ok: false, error: parsed.error };
  }

  /**
   * What the scheduler says of each job: squeue for the jobs it still holds; for the others (or ended ones, whose exit
   * code squeue does not tell) sacct, or `scontrol show job` when accounting is off. A job no tool knows is absent.
   */
  async observe(ids: readonly string[]): Promise<Map<string, JobObservation>> {
    const seen = new Map<string, JobObservation>();
    // Only ids Slurm could have printed reach its command lines.
    ids = ids.filter(isSlurmJobId);
    if (ids.length === 0) return seen;
    const queue = await this.tool('squeue', squeueArgs(ids));
    // Slurm out of reach is not a job Slurm forgot: say so, and let the jobs keep their states.
    if (queue.startError) throw new Error(queue.notInstalled ? noSbatchMessage() : queue.startError);
    if (queue.code !== 0 && !isInvalidJobIdError(queue.stderr)) throw new Error(`squeue failed: ${(queue.stderr || queue.stdout).trim() || `exit code ${queue.code}`}`);
    if (queue.code === 0) for (const o of parseSqueue(queue.stdout)) if (ids.includes(o.id)) seen.set(o.id, o);
    const rest = ids.filter((id) => !seen.has(id) || !isActive(seen.get(id)!.state));
    if (rest.length === 0) return seen;
    const acct = await this.tool('sacct', sacctArgs(rest));
    if (acct.code === 0 && !isAccountingDisabled(acct.stdout + acct.stderr)) {
      for (const o of parseSacct(acct.stdout)) if (rest.includes(o.id)) seen.set(o.id, { ...seen.get(o.id), ...o });
      return seen;
    }
    for (const id of rest) {
      const r = await this.tool('scontrol', scontrolArgs(id));
      const o = r.code === 0 ? parseScontrolShowJob(r.stdout) : undefined;
      if (o && o.id === id) seen.set(id, o);
    }
    return seen;
  }

  async cancel(id: string): Promise<{ readonly ok: boolean; readonly error?: string }> {
    if (!isSlurmJobId(id)) return { ok: false, error: l10n.t`'${id}' is not a Slurm job id` };
    const r = await this.tool('scancel', [id]);
    if (r.startError) return { ok: false, error: r.startError };
    return r.code === 0 ? { ok: true } : { ok: false, error: (r.stderr || r.stdout).trim() || l10n.t`scancel exit code ${String(r.code)}` };
  }
}

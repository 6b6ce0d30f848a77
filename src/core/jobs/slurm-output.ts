// What Slurm's commands print, read: the argv of each query the Slurm adapter makes, and total parsers of their
// output (garbage in → an empty list or undefined, never a throw). Pure: no I/O, no vscode.
//
// The outputs these parsers read were captured from a real cluster (Slurm 22.05) in test/fixtures/slurm/; see its
// README. Times are Slurm's local wall-clock times (`2026-12-07T12:10:00`, no zone): they are read as the local time
// of the machine the extension runs on (the login node, next to sbatch) and returned as ISO 8601 UTC strings.
import * as l10n from '@vscode/l10n';
import type { JobObservation, JobState } from './types';

/** `squeue -o`: id, long state, reason, start time (expected start while pending), end time (expected while running), nodes. */
export const SQUEUE_FORMAT = '%i|%T|%r|%S|%e|%N';
/** `sacct -o` (with -P: `|`-separated, no trailing `|`). */
export const SACCT_FIELDS = 'JobID,State,ExitCode,Start,End,Reason,NodeList';

/** A Slurm job id: `123`, an array task `123_4`, a heterogeneous job component `123+1`. */
const JOB_ID = /^[0-9]+(?:[_+][0-9]+)?$/;

export function isSlurmJobId(id: string): boolean {
  return JOB_ID.test(id);
}

function checkedIds(ids: readonly string[]): string {
  if (ids.length === 0) throw new RangeError('no Slurm job ids to ask about');
  for (const id of ids) {
    // Never let a stray id reach the argv as an option (`-x`) or as a second list (`1,2`).
    if (!isSlurmJobId(id)) throw new RangeError(`not a Slurm job id: ${JSON.stringify(id)}`);
  }
  return ids.join(',');
}

/**
 * `squeue` for these jobs, finished ones included (`-t all`: they stay listed for MinJobAge, 300 s by default).
 * An id Slurm does not know is left out silently when others are asked too; asked alone, squeue exits 1 with
 * `slurm_load_jobs error: Invalid job id specified` ({@link isInvalidJobIdError}). Throws a RangeError for an empty list
 * or a string that is not a job id ({@link isSlurmJobId}).
 */
export function squeueArgs(ids: readonly string[]): string[] {
  return ['-h', '-t', 'all', '-j', checkedIds(ids), '-o', SQUEUE_FORMAT];
}

/**
 * `sacct` for these jobs: no header (-n), `|`-separated (-P), the allocation only (-X, no `.batch` steps). With -j its
 * time window starts at the epoch. Fails with "Slurm accounting storage is disabled" without accounting
 * ({@link isAccountingDisabled}). Throws like {@link squeueArgs}.
 */
export function sacctArgs(ids: readonly string[]): string[] {
  return ['-n', '-P', '-X', '-j', checkedIds(ids), '-o', SACCT_FIELDS];
}

/** `scontrol show job`, one line per job (-o). Throws like {@link squeueArgs}. */
export function scontrolArgs(id: string): string[] {
  return ['show', 'job', '-o', checkedIds([id])];
}

export type SbatchResult = { ok: true; id: string; cluster?: string } | { ok: false; error: string };

/** `sbatch --parsable` prints `123`, or `123;cluster` on a multi-cluster setup. The last such line counts. */
export function parseSbatchParsable(stdout: string): SbatchResult {
  const text = typeof stdout === 'string' ? stdout : '';
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^([0-9]+)(?:;(\S+))?$/.exec(lines[i]);
    if (m) return m[2] ? { ok: true, id: m[1], cluster: m[2] } : { ok: true, id: m[1] };
  }
  if (lines.length === 0) return { ok: false, error: l10n.t('sbatch printed no job id') };
  const shown = lines.join(' ');
  return { ok: false, error: l10n.t('sbatch printed no job id: {0}', shown.length > 200 ? `${shown.slice(0, 200)}…` : shown) };
}

const STATES: Readonly<Record<string, JobState>> = {
  // Waiting, or held back, and not running now.
  PENDING: 'pending', PD: 'pending',
  REQUEUED: 'pending', RQ: 'pending',
  REQUEUE_HOLD: 'pending', RH: 'pending',
  REQUEUE_FED: 'pending', RF: 'pending',
  RESV_DEL_HOLD: 'pending', RD: 'pending',
  SPECIAL_EXIT: 'pending', SE: 'pending',
  SUSPENDED: 'pending', S: 'pending',
  STOPPED: 'pending', ST: 'pending',
  // Has its nodes.
  RUNNING: 'running', R: 'running',
  CONFIGURING: 'running', CF: 'running',
  POWER_UP_NODE: 'running',
  COMPLETING: 'running', CG: 'running',
  RESIZING: 'running', RS: 'running',
  SIGNALING: 'running', SI: 'running',
  STAGE_OUT: 'running', SO: 'running',
  UPDATE_DB: 'running',
  // Ended.
  COMPLETED: 'completed', CD: 'completed',
  FAILED: 'failed', F: 'failed',
  NODE_FAIL: 'failed', NF: 'failed',
  OUT_OF_MEMORY: 'failed', OOM: 'failed',
  BOOT_FAIL: 'failed', BF: 'failed',
  DEADLINE: 'failed', DL: 'failed',
  PREEMPTED: 'failed', PR: 'failed',
  LAUNCH_FAILED: 'failed',
  CANCELLED: 'cancelled', CA: 'cancelled',
  REVOKED: 'cancelled', RV: 'cancelled',
  TIMEOUT: 'timeout', TO: 'timeout',
};

/** The state word alone: `CANCELLED by 1000` → `CANCELLED`; sacct's truncation mark `CANCELLED+` dropped. */
function stateWord(raw: string): string {
  return (raw.trim().split(/\s+/)[0] ?? '').replace(/\+$/, '').toUpperCase();
}

/**
 * Slurm's state word (long `%T` form or squeue's short `%t` code; sacct's `CANCELLED by 1000` too) → the
 * extension's state, as listed on {@link JobState}. STOPPED and SPECIAL_EXIT (held, not running) count as pending,
 * PREEMPTED and LAUNCH_FAILED as failed, REVOKED (a federated job run elsewhere) as cancelled. A word this table does
 * not know (a newer Slurm's, or garbage) → `unknown`: the job is no longer watched, and its raw word is kept to show.
 */
export function mapSlurmState(raw: string): JobState {
  if (typeof raw !== 'string') return 'unknown';
  return Object.prototype.hasOwnProperty.call(STATES, stateWord(raw)) ? STATES[stateWord(raw)] : 'unknown';
}

const ENDED: ReadonlySet<JobState> = new Set(['completed', 'failed', 'cancelled', 'timeout']);

/** `2026-12-07T12:10:00` (local time) → ISO 8601; `Unknown`, `None`, `N/A`, `NONE`, '' and garbage → undefined. */
export function slurmTimeToIso(text: string | undefined): string | undefined {
  const t = typeof text === 'string' ? text.trim() : '';
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(t)) return undefined;
  const date = new Date(t); // no zone: ECMAScript reads a date-time form as local time
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * `N:S` → N; null when a signal S ended the command (S≠0, N=0); undefined when unreadable. sacct and scontrol print
 * `3:0` for `exit 3`, `0:9` for a SIGKILL, `0:15` for a cancelled or timed-out job.
 */
export function parseExitCode(text: string | undefined): number | null | undefined {
  const m = typeof text === 'string' ? /^(\d+):(\d+)$/.exec(text.trim()) : null;
  if (!m) return undefined;
  const code = Number(m[1]);
  const signal = Number(m[2]);
  return code === 0 && signal !== 0 ? null : code;
}

/** A node list that names no node: the job never ran. */
const NO_NODES = /^(|\(null\)|None assigned|None)$/i;

interface Fields {
  id: string;
  rawState: string;
  reason?: string;
  start?: string;
  end?: string;
  exitCode?: string;
  /** Undefined when the output does not tell. */
  nodes?: string;
}

/**
 * One observation from what a command printed of one job. Times Slurm prints for what has not happened are dropped:
 * a pending job's start is an estimate (or a `--begin` time) and a running job's end is its time limit; a job
 * cancelled before it ran has Slurm's cancel time as its start — dropped too, with its exit code (null: none).
 * The reason is kept while pending and for failed or timed-out jobs (Slurm leaves a pending reason on a job it
 * cancels, and `None` elsewhere).
 */
function observation(f: Fields): JobObservation {
  const state = mapSlurmState(f.rawState);
  const ran = state !== 'pending' && (f.nodes === undefined || !NO_NODES.test(f.nodes.trim()));
  const started = ran ? slurmTimeToIso(f.start) : undefined;
  const ended = ENDED.has(state) ? slurmTimeToIso(f.end) : undefined;
  const reasonText = (f.reason ?? '').trim();
  const reason = reasonText && !/^none$/i.test(reasonText) && (state === 'pending' || state === 'failed' || state === 'timeout' || state === 'unknown') ? reasonText : undefined;
  let exitCode: number | null | undefined;
  if (ENDED.has(state)) exitCode = ran ? parseExitCode(f.exitCode) : f.exitCode === undefined ? undefined : null;
  return {
    id: f.id,
    state,
    rawState: f.rawState.trim(),
    ...(reason !== undefined ? { reason } : {}),
    ...(started !== undefined ? { started } : {}),
    ...(ended !== undefined ? { ended } : {}),
    ...(exitCode !== undefined ? { exitCode } : {}),
  };
}

/** The last observation of each id, in the order the ids first appeared. */
function lastOfEach(list: readonly JobObservation[]): JobObservation[] {
  const byId = new Map<string, JobObservation>();
  for (const o of list) byId.set(o.id, o);
  return [...byId.values()];
}

function lines(text: unknown): string[] {
  return typeof text === 'string' ? text.split(/\r?\n/).filter((line) => line.trim() !== '') : [];
}

/** Output of {@link squeueArgs} (format {@link SQUEUE_FORMAT}). Lines that are not a job's are skipped. No exit codes. */
export function parseSqueue(stdout: string): JobObservation[] {
  const out: JobObservation[] = [];
  for (const line of lines(stdout)) {
    const [id, rawState, reason, start, end, nodes] = line.split('|').map((s) => s.trim());
    if (!id || !isSlurmJobId(id) || !rawState) continue;
    out.push(observation({ id, rawState, reason, start, end, nodes }));
  }
  return lastOfEach(out);
}

/**
 * Output of {@link sacctArgs} (fields {@link SACCT_FIELDS}, `|`-separated; a trailing `|` of `-p` is fine). Job steps
 * (`123.batch`, `123.extern`, `123.0`) are skipped; so are a header and lines that are not a job's.
 */
export function parseSacct(stdout: string): JobObservation[] {
  const out: JobObservation[] = [];
  for (const line of lines(stdout)) {
    const [id, rawState, exitCode, start, end, reason, nodes] = line.split('|').map((s) => s.trim());
    if (!id || !isSlurmJobId(id) || !rawState) continue;
    out.push(observation({ id, rawState, exitCode, start, end, reason, nodes }));
  }
  return lastOfEach(out);
}

/**
 * `Key=Value` pairs of one `scontrol show job -o` line. A value may hold spaces (`JobName=`, `Command=`, `WorkDir=`,
 * `StdOut=` paths): pairs are split only at a space followed by a key (`[A-Za-z][A-Za-z0-9/:_]*=`, which covers keys
 * such as `AllocNode:Sid=` and `CPUs/Task=`). The first of a repeated key counts.
 */
export function parseScontrolPairs(line: string): Map<string, string> {
  const pairs = new Map<string, string>();
  if (typeof line !== 'string') return pairs;
  for (const part of line.trim().split(/ (?=[A-Za-z][A-Za-z0-9/:_]*=)/)) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq);
    if (!pairs.has(key)) pairs.set(key, part.slice(eq + 1).trim());
  }
  return pairs;
}

/** Output of {@link scontrolArgs}: the first job line (`JobId=…`); undefined when there is none or it has no state. */
export function parseScontrolShowJob(stdout: string): JobObservation | undefined {
  const line = lines(stdout).find((l) => /^\s*JobId=/.test(l));
  if (line === undefined) return undefined;
  const pairs = parseScontrolPairs(line);
  const id = pairs.get('JobId') ?? '';
  const rawState = pairs.get('JobState') ?? '';
  if (!isSlurmJobId(id) || !rawState) return undefined;
  return observation({
    id,
    rawState,
    reason: pairs.get('Reason'),
    start: pairs.get('StartTime'),
    end: pairs.get('EndTime'),
    exitCode: pairs.get('ExitCode'),
    nodes: pairs.get('NodeList'),
  });
}

/** sacct's answer on a cluster without accounting storage ("Slurm accounting storage is disabled", exit 1). */
export function isAccountingDisabled(stderrOrStdout: string): boolean {
  return typeof stderrOrStdout === 'string' && /accounting storage is disabled/i.test(stderrOrStdout);
}

/** squeue's and scontrol's answer for a job id Slurm does not know (any more): exit 1, "Invalid job id specified". */
export function isInvalidJobIdError(stderr: string): boolean {
  return typeof stderr === 'string' && /invalid job id specified/i.test(stderr);
}

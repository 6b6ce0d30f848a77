// A real single-node Slurm cluster on this machine, for the tests that run evaluations as Slurm batch jobs.
//
//   node scripts/slurm-cluster.mjs start    writes the munge key (when absent) and /etc/slurm/slurm.conf, starts
//                                           munged, slurmctld and slurmd, waits until the node is idle
//   node scripts/slurm-cluster.mjs status   says whether a cluster answers, and whether this script started it
//   node scripts/slurm-cluster.mjs stop     cancels its jobs, stops the daemons this script started (by their PIDs)
//
// Also a module: `startCluster()`, `stopCluster()`, `clusterStatus()`.
//
// Needs root and the Debian packages (scripts/setup-slurm.sh). The PIDs of the daemons it started are kept in
// /tmp/mlroadmap-slurm/pids.json (one cluster per machine: /etc/slurm is the machine's). `start` is idempotent:
// a cluster this script started that is still healthy is reused; a cluster someone else started (sinfo answers but
// there is no state file) is reused too and nothing is recorded, so `stop` leaves it alone. `stop` signals only the
// recorded PIDs, and only while /proc says they are still the daemon they were — never a kill by name.
// slurmctld starts with -c (no jobs recovered from the last run); the job ids still go on from the last run.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, hostname as osHostname, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const STATE_DIR = '/tmp/mlroadmap-slurm';
export const STATE_FILE = join(STATE_DIR, 'pids.json');
export const SLURM_CONF = '/etc/slurm/slurm.conf';
const MUNGE_KEY = '/etc/munge/munge.key';
const MUNGE_RUN = '/run/munge';
const SBIN = ['/usr/sbin', '/sbin', '/usr/bin', '/bin'];
const READY_TIMEOUT_MS = 30_000;
const SLURM_PROGRAMS = ['munged', 'slurmctld', 'slurmd', 'sinfo', 'sbatch', 'squeue', 'scontrol', 'scancel'];

const say = (message) => console.log(`[slurm-cluster] ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a command to completion; never throws. */
function run(command, args, options = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 10_000, ...options });
  return { status: r.status ?? (r.error ? 127 : 1), stdout: r.stdout ?? '', stderr: r.stderr ?? (r.error ? String(r.error) : '') };
}

function which(program) {
  for (const dir of [...(process.env.PATH ?? '').split(':').filter(Boolean), ...SBIN]) {
    if (existsSync(join(dir, program))) return join(dir, program);
  }
  return undefined;
}

function hostname() {
  const r = run('hostname', []);
  const name = r.status === 0 ? r.stdout.trim() : '';
  return name || osHostname();
}

/** The node's state word from `sinfo -h -o %t` (`idle`, `mix`, `down*`…), or undefined when slurmctld does not answer. */
function nodeState() {
  const r = run('sinfo', ['-h', '-o', '%t'], { timeout: 5_000 });
  if (r.status !== 0) return undefined;
  return r.stdout.trim().split('\n')[0]?.trim() || undefined;
}

/** `idle`, `mix`, `alloc`, `comp`: the node takes (or is running) jobs. */
const usable = (state) => state !== undefined && /^(idle|mix|alloc|comp)$/.test(state.replace(/[*~#!%$@^-]+$/, ''));

/** True when pid is alive (not a zombie) and still the program `name` (so a recycled PID is never signalled). */
function isDaemon(pid, name) {
  if (!Number.isInteger(pid) || pid <= 1) return false;
  try {
    const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const procState = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return comm === name && procState !== 'Z';
  } catch {
    return false;
  }
}

function readState() {
  try {
    const state = JSON.parse(readFileSync(STATE_FILE, 'utf8'));
    return state && typeof state === 'object' && state.pids && typeof state.pids === 'object' ? state : undefined;
  } catch {
    return undefined;
  }
}

const recordedAlive = (state) => Object.entries(state.pids).filter(([name, pid]) => isDaemon(pid, name));

function mungeWorks() {
  const munge = which('munge');
  const unmunge = which('unmunge');
  if (!munge || !unmunge) return false;
  const cred = run(munge, ['-n'], { timeout: 5_000 });
  return cred.status === 0 && run(unmunge, [], { input: cred.stdout, timeout: 5_000 }).status === 0;
}

function userIds(user) {
  const uid = Number(run('id', ['-u', user]).stdout.trim());
  const gid = Number(run('id', ['-g', user]).stdout.trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid) || run('id', ['-u', user]).status !== 0) {
    throw new Error(`user ${user} does not exist (is munge installed? run scripts/setup-slurm.sh)`);
  }
  return { uid, gid };
}

/** The slurm.conf of the notes: one node (this machine), one partition `debug`, no cgroups, no accounting. */
export function slurmConf(host = hostname()) {
  const cpuCount = Math.max(1, cpus().length);
  // Never more than the machine has (slurmd drains a node that has less than it is configured with).
  const memoryMb = Math.max(100, Math.min(4000, Math.floor((totalmem() / 2 ** 20) * 0.9)));
  return [
    '# Written by mlroadmap scripts/slurm-cluster.mjs: a single-node test cluster.',
    'ClusterName=local',
    `SlurmctldHost=${host}`,
    'SlurmUser=root',
    'AuthType=auth/munge',
    'ProctrackType=proctrack/linuxproc',
    'TaskPlugin=task/none',
    'SelectType=select/cons_tres',
    'SelectTypeParameters=CR_Core',
    'StateSaveLocation=/var/spool/slurmctld',
    'SlurmdSpoolDir=/var/spool/slurmd',
    'SlurmctldLogFile=/var/log/slurm/slurmctld.log',
    'SlurmdLogFile=/var/log/slurm/slurmd.log',
    `SlurmctldPidFile=${STATE_DIR}/slurmctld.pid`,
    `SlurmdPidFile=${STATE_DIR}/slurmd.pid`,
    'ReturnToService=2',
    '# scontrol remembers a finished job this long (seconds); there is no accounting (sacct) here.',
    'MinJobAge=600',
    `NodeName=${host} CPUs=${cpuCount} RealMemory=${memoryMb} State=UNKNOWN`,
    `PartitionName=debug Nodes=${host} Default=YES MaxTime=INFINITE State=UP`,
    '',
  ].join('\n');
}

function ensureMungeKey() {
  if (existsSync(MUNGE_KEY)) return;
  const { uid, gid } = userIds('munge');
  mkdirSync('/etc/munge', { recursive: true, mode: 0o700 });
  writeFileSync(MUNGE_KEY, randomBytes(1024), { mode: 0o400 });
  chownSync(MUNGE_KEY, uid, gid);
  say(`wrote ${MUNGE_KEY}`);
}

/** Starts a daemon in the foreground of its own process group, detached from us; its PID is the daemon's own. */
function startDaemon(name, path, args, options = {}) {
  const out = openSync(join(STATE_DIR, `${name}.out`), 'a');
  try {
    const child = spawn(path, args, { detached: true, stdio: ['ignore', out, out], ...options });
    child.unref();
    if (!child.pid) throw new Error(`could not start ${name}`);
    return child.pid;
  } finally {
    closeSync(out);
  }
}

async function waitFor(what, check, timeoutMs, failure) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not ready after ${Math.round(timeoutMs / 1000)} s. ${failure()}`);
    await sleep(250);
  }
}

const logHint = () => `See ${STATE_DIR}/*.out, /var/log/slurm/slurmctld.log and /var/log/slurm/slurmd.log.`;

/**
 * Starts the cluster, or reuses one that answers. Resolves once the node is idle (takes jobs).
 * @returns {Promise<{ started: boolean, owned: boolean, host: string, nodeState: string }>}
 *   started: this call started daemons; owned: `stop` will stop them (this script started them).
 */
export async function startCluster({ quiet = false } = {}) {
  const log = quiet ? () => {} : say;
  const host = hostname();
  const previous = readState();
  if (previous) {
    const alive = recordedAlive(previous);
    const state = nodeState();
    if (alive.length === Object.keys(previous.pids).length && usable(state)) {
      log(`already running (started by this script; node ${state}), reused`);
      return { started: false, owned: true, host, nodeState: state };
    }
    log('the cluster this script started is not healthy: stopping what is left of it and starting again');
    await stopCluster({ quiet });
  } else {
    const state = nodeState();
    if (state !== undefined) {
      if (!usable(state)) throw new Error(`a Slurm cluster not started by this script answers, but its node is ${state}`);
      log(`a Slurm cluster not started by this script answers (node ${state}): reused, nothing recorded`);
      return { started: false, owned: false, host, nodeState: state };
    }
  }

  if (process.getuid?.() !== 0) throw new Error('starting the Slurm daemons needs root');
  const paths = {};
  for (const program of ['munged', 'slurmctld', 'slurmd', 'sinfo']) {
    paths[program] = which(program);
    if (!paths[program]) throw new Error(`${program} is not installed (run scripts/setup-slurm.sh)`);
  }

  mkdirSync(STATE_DIR, { recursive: true });
  for (const dir of ['/var/spool/slurmctld', '/var/spool/slurmd', '/var/log/slurm', '/etc/slurm']) mkdirSync(dir, { recursive: true });
  ensureMungeKey();
  const conf = slurmConf(host);
  if (!existsSync(SLURM_CONF) || readFileSync(SLURM_CONF, 'utf8') !== conf) {
    writeFileSync(SLURM_CONF, conf);
    log(`wrote ${SLURM_CONF} (node ${host})`);
  }

  const pids = {};
  const record = () => writeFileSync(STATE_FILE, `${JSON.stringify({ host, started: new Date().toISOString(), pids }, null, 2)}\n`);
  try {
    if (mungeWorks()) {
      log('munged already running: reused');
    } else {
      const { uid, gid } = userIds('munge');
      mkdirSync(MUNGE_RUN, { recursive: true });
      chownSync(MUNGE_RUN, uid, gid);
      pids.munged = startDaemon('munged', paths.munged, ['--foreground'], { uid, gid });
      record();
      await waitFor('munged', mungeWorks, 10_000, () => `See ${STATE_DIR}/munged.out and /var/log/munge/munged.log.`);
    }
    pids.slurmctld = startDaemon('slurmctld', paths.slurmctld, ['-D', '-c']);
    record();
    pids.slurmd = startDaemon('slurmd', paths.slurmd, ['-D']);
    record();
    const state = await waitFor(
      'the Slurm node',
      () => {
        for (const [name, pid] of Object.entries(pids)) {
          if (!isDaemon(pid, name)) throw new Error(`${name} exited while starting. ${logHint()}`);
        }
        const s = nodeState();
        return s !== undefined && s.replace(/[*~#!%$@^-]+$/, '') === 'idle' ? s : undefined;
      },
      READY_TIMEOUT_MS,
      () => `sinfo says: ${nodeState() ?? '(slurmctld does not answer)'}. ${logHint()}`,
    );
    log(`started (munged ${pids.munged ?? 'reused'}, slurmctld ${pids.slurmctld}, slurmd ${pids.slurmd}); node ${host} is ${state}`);
    return { started: true, owned: true, host, nodeState: state };
  } catch (error) {
    await stopCluster({ quiet: true });
    throw error;
  }
}

/**
 * Cancels the jobs of a cluster this script started, then stops its daemons by their recorded PIDs (TERM, then KILL
 * after 10 s) and removes the state file. Does nothing when this script did not start the cluster.
 * @returns {Promise<{ stopped: string[] }>} the daemons stopped
 */
export async function stopCluster({ quiet = false } = {}) {
  const log = quiet ? () => {} : say;
  const state = readState();
  if (!state) {
    log(nodeState() !== undefined ? 'the running cluster was not started by this script: left alone' : 'not running');
    return { stopped: [] };
  }
  const alive = recordedAlive(state);
  if (alive.some(([name]) => name === 'slurmctld')) {
    // Jobs still running would outlive slurmd (their slurmstepd is not a daemon we started).
    const jobs = run('squeue', ['-h', '-o', '%i'], { timeout: 5_000 }).stdout.split('\n').map((s) => s.trim()).filter(Boolean);
    if (jobs.length) {
      run('scancel', jobs, { timeout: 5_000 });
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && run('squeue', ['-h', '-o', '%i'], { timeout: 5_000 }).stdout.trim()) await sleep(250);
      log(`cancelled ${jobs.length} job(s)`);
    }
  }
  const stopped = [];
  for (const name of ['slurmd', 'slurmctld', 'munged']) {
    const pid = state.pids[name];
    if (!isDaemon(pid, name)) continue;
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      continue;
    }
    const deadline = Date.now() + 10_000;
    while (isDaemon(pid, name) && Date.now() < deadline) await sleep(100);
    if (isDaemon(pid, name)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    stopped.push(`${name} ${pid}`);
  }
  rmSync(STATE_FILE, { force: true });
  log(stopped.length ? `stopped ${stopped.join(', ')}` : 'the daemons this script started had already exited');
  return { stopped };
}

/** @returns {{ answering: boolean, nodeState?: string, owned: boolean, pids: Record<string, number>, alive: string[] }} */
export function clusterStatus() {
  const state = readState();
  const pids = state?.pids ?? {};
  const s = nodeState();
  return { answering: s !== undefined, ...(s !== undefined ? { nodeState: s } : {}), owned: !!state, pids, alive: state ? recordedAlive(state).map(([name]) => name) : [] };
}

/**
 * For the test layers: installs Slurm when it is missing (scripts/setup-slurm.sh), starts the cluster (or reuses the
 * one that answers), runs `body`, and stops the daemons only when this call started them. A cluster that cannot
 * start is said once; the Slurm tests then fail saying the cluster does not answer.
 */
export async function withTestCluster(body) {
  if (!SLURM_PROGRAMS.every((p) => which(p))) {
    say('Slurm is not installed: running scripts/setup-slurm.sh');
    const r = spawnSync('bash', [join(fileURLToPath(new URL('.', import.meta.url)), 'setup-slurm.sh')], { stdio: 'inherit' });
    if (r.status !== 0) say(`scripts/setup-slurm.sh failed with exit code ${r.status}`);
  }
  let started = false;
  try {
    started = (await startCluster({ quiet: true })).started;
  } catch (error) {
    say(`the test cluster did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return await body();
  } finally {
    if (started) await stopCluster({ quiet: true });
  }
}

async function main(argv) {
  const command = argv[0];
  if (command === 'start') {
    await startCluster();
  } else if (command === 'stop') {
    await stopCluster();
  } else if (command === 'status') {
    const st = clusterStatus();
    if (!st.answering) say(st.owned ? `not answering; recorded daemons alive: ${st.alive.join(', ') || 'none'}` : 'not running');
    else say(`running, node ${st.nodeState}; ${st.owned ? `started by this script (${Object.entries(st.pids).map(([n, p]) => `${n} ${p}`).join(', ')})` : 'not started by this script'}`);
    return st.answering ? 0 : 1;
  } else {
    console.error('usage: node scripts/slurm-cluster.mjs start|stop|status');
    return 2;
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`[slurm-cluster] ERROR: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}

// Evaluations beyond one process, on the demo's five candidates (examples/digits, copied to a temp folder):
// - the Slurm path (`mlroadmap evaluate --all --executor slurm --wait`: job scripts, submit-time stamps, jobs.jsonl,
//   polling squeue/scontrol, gathering into the history) against a bare `sbatch --wait --wrap` of the same five
//   commands submitted at once, on the same single-node cluster (scripts/slurm-cluster.mjs); interleaved, median of 3;
// - the local path with `evaluation.parallel: 2` against `parallel: 1` (the same CLI, the same core scheduler the
//   extension's Evaluate All uses), median of 2 each.
// Run alone: `npx tsx bench/slurm.bench.ts`.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { memoryIo } from '../src/cli/io';
import { main } from '../src/cli/main';
import { planEvaluations } from '../src/core/results/plan';
import { parseRoadmap } from '../src/core/roadmap/parse';
import { joinArgv } from '../src/core/results/commandTemplate';
import { median, round, runAlone } from './stats';
import type { BenchRow } from './types';

const DEMO = resolve(__dirname, '..', 'examples', 'digits');
const PYTHON = '/usr/bin/python3';
const SLURM_LIMIT = 1.2;
const PARALLEL_LIMIT = 0.65;

function demoCopy(root: string, name: string, edit: (text: string) => string = (t) => t): string {
  const dir = join(root, name);
  cpSync(DEMO, dir, { recursive: true });
  const file = join(dir, 'mlroadmap.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

function sbatchWait(cwd: string, command: string, log: string): Promise<number> {
  return new Promise((ok, fail) => {
    const child = spawn('sbatch', ['--wait', '--parsable', `--chdir=${cwd}`, `--output=${log}`, '--wrap', command], { stdio: 'ignore' });
    child.on('error', fail);
    child.on('close', (code) => ok(code ?? 1));
  });
}

/** The five commands as the roadmap plans them, each submitted with `sbatch --wait --wrap`, all at once. */
async function bare(dir: string): Promise<number> {
  const parsed = parseRoadmap(readFileSync(join(dir, 'mlroadmap.yaml'), 'utf8'));
  const roadmap = parsed.roadmap!;
  const plan = planEvaluations({ roadmap, root: dir, workspaceFolder: dir, python: PYTHON, candidates: roadmap.candidates.map((c) => c.id) });
  if (!plan.ok) throw new Error(plan.error);
  const t0 = performance.now();
  const codes = await Promise.all(plan.value.map((s) => sbatchWait(dir, joinArgv(s.argv!), join(dir, `${s.candidate}.bare.log`))));
  const ms = performance.now() - t0;
  if (codes.some((c) => c !== 0)) throw new Error(`a bare sbatch job failed: ${codes.join(', ')}`);
  return ms;
}

async function cli(dir: string, ...args: string[]): Promise<number> {
  const io = memoryIo(dir);
  const t0 = performance.now();
  const code = await main(['evaluate', '--all', '--python', PYTHON, ...args], io);
  const ms = performance.now() - t0;
  if (code !== 0) throw new Error(`mlroadmap evaluate ${args.join(' ')} exited ${code}: ${io.stderr.join('').slice(-2000)}`);
  return ms;
}

export default async function slurmBench(): Promise<BenchRow[]> {
  // By its file URL: the bench runner loads this file from a data: URL, where a relative import cannot resolve.
  const { startCluster, stopCluster } = (await import(pathToFileURL(resolve(__dirname, '..', 'scripts', 'slurm-cluster.mjs')).href)) as {
    startCluster(options: { quiet: boolean }): Promise<{ started: boolean }>;
    stopCluster(options: { quiet: boolean }): Promise<unknown>;
  };
  const cluster = await startCluster({ quiet: true });
  const root = mkdtempSync(join(tmpdir(), 'mlroadmap-bench-slurm-'));
  try {
    // One warm-up of each (Python's imports, the page cache), then interleaved runs.
    const warm = demoCopy(root, 'warm');
    await bare(warm);
    await cli(warm, '--executor', 'slurm', '--wait');
    const bareMs: number[] = [];
    const oursMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      bareMs.push(await bare(demoCopy(root, `bare-${i}`)));
      oursMs.push(await cli(demoCopy(root, `slurm-${i}`), '--executor', 'slurm', '--wait'));
    }
    const one: number[] = [];
    const two: number[] = [];
    for (let i = 0; i < 2; i++) {
      one.push(await cli(demoCopy(root, `p1-${i}`)));
      two.push(await cli(demoCopy(root, `p2-${i}`, (t) => t.replace(/^evaluation:.*\n/m, (l) => `${l}  parallel: 2\n`))));
    }
    const [b, o, p1, p2] = [median(bareMs), median(oursMs), median(one), median(two)];
    return [
      { name: 'bare sbatch --wait --wrap, 5 demo candidates at once', value: round(b / 1000), unit: 's' },
      { name: 'mlroadmap evaluate --all --executor slurm --wait (5 candidates)', value: round(o / 1000), unit: 's', ratio: round(o / b), limit: SLURM_LIMIT },
      { name: 'Evaluate All locally, parallel: 1 (5 candidates)', value: round(p1 / 1000), unit: 's' },
      { name: 'Evaluate All locally, parallel: 2 (5 candidates, 2 cores)', value: round(p2 / 1000), unit: 's', ratio: round(p2 / p1), limit: PARALLEL_LIMIT },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
    if (cluster.started) await stopCluster({ quiet: true });
  }
}

if (require.main === module) runAlone(slurmBench);

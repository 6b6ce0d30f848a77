// One measurement in a fresh process, so peak memory is not shared between runs:
// `node --import tsx bench/jsonl-child.ts <baseline|reader> <file>` prints {ms, peakRssDeltaBytes, check}.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { readJsonLines } from '../src/core/results/jsonl-reader';

/** The bare loop the reader is measured against: readline + JSON.parse, keeping the best loss. */
async function baseline(file: string): Promise<number> {
  let best = Infinity;
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of rl) {
    const row = JSON.parse(line) as { loss: number };
    if (row.loss < best) best = row.loss;
  }
  return best;
}

async function reader(file: string): Promise<number> {
  const run = await readJsonLines(file);
  if (run.problems.length > 0) throw new Error(run.problems[0].message);
  return run.metrics.loss.best;
}

async function measure(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  const rssBefore = process.memoryUsage.rss();
  const t0 = process.hrtime.bigint();
  const check = mode === 'baseline' ? await baseline(file) : await reader(file);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ ms, peakRssDeltaBytes: peak - rssBefore, check }) + '\n');
}

measure().catch((e: unknown) => {
  process.stderr.write(String(e) + '\n');
  process.exit(1);
});

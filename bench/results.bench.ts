// Summarising JSON Lines: the reader against a bare readline + JSON.parse loop over the same 1,000,000 rows (time ratio),
// and the reader's peak memory at 250,000 vs 1,000,000 rows (flat in file size). Each measurement runs in its own process.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { median, round } from './stats';
import type { BenchRow } from './types';

const ROWS_LARGE = 1_000_000;
const ROWS_SMALL = 250_000;
const REPEATS = 3;

function generate(file: string, rows: number): void {
  const fd = fs.openSync(file, 'w');
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    const epoch = Math.floor(i / 10_000);
    chunk += `{"step": ${i}, "epoch": ${epoch}, "loss": ${(1 / Math.sqrt(i) + (i % 7) * 1e-4).toFixed(6)}, "accuracy": ${(1 - 1 / Math.sqrt(i)).toFixed(6)}, "lr": 0.0003}\n`;
    if (i % 20_000 === 0) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

interface Measurement {
  ms: number;
  peakRssDeltaBytes: number;
  check: number;
}

function child(mode: 'baseline' | 'reader', file: string): Measurement {
  const script = path.join(path.dirname(__filename), 'jsonl-child.ts');
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, mode, file], { encoding: 'utf8' });
  return JSON.parse(out) as Measurement;
}


const MB = 1024 * 1024;

export default function benchResults(): BenchRow[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlroadmap-bench-'));
  try {
    const large = path.join(dir, 'large.jsonl');
    const small = path.join(dir, 'small.jsonl');
    generate(large, ROWS_LARGE);
    generate(small, ROWS_SMALL);
    const base: Measurement[] = [];
    const read: Measurement[] = [];
    for (let i = 0; i < REPEATS; i++) {
      base.push(child('baseline', large));
      read.push(child('reader', large));
    }
    if (base[0].check !== read[0].check) throw new Error(`reader and baseline disagree: ${read[0].check} vs ${base[0].check}`);
    const smallRead = [child('reader', small), child('reader', small), child('reader', small)];
    const baseMs = median(base.map((m) => m.ms));
    const readMs = median(read.map((m) => m.ms));
    const memLarge = median(read.map((m) => m.peakRssDeltaBytes));
    const memSmall = median(smallRead.map((m) => m.peakRssDeltaBytes));
    const sizeMb = fs.statSync(large).size / MB;
    return [
      { name: `JSON Lines file, ${ROWS_LARGE.toLocaleString('en')} rows`, value: round(sizeMb), unit: 'MB' },
      { name: 'bare readline + JSON.parse loop', value: round(baseMs), unit: 'ms' },
      { name: 'readJsonLines summary (last/best/count of every key)', value: round(readMs), unit: 'ms', ratio: round(readMs / baseMs, 2), limit: 2 },
      { name: 'readJsonLines throughput', value: round(ROWS_LARGE / (readMs / 1000) / 1e6, 2), unit: 'M rows/s' },
      { name: 'bare loop peak RSS delta, 1M rows', value: round(median(base.map((m) => m.peakRssDeltaBytes)) / MB), unit: 'MB' },
      { name: `readJsonLines peak RSS delta, ${ROWS_SMALL.toLocaleString('en')} rows`, value: round(memSmall / MB), unit: 'MB' },
      { name: `readJsonLines peak RSS delta, ${ROWS_LARGE.toLocaleString('en')} rows (vs 250k)`, value: round(memLarge / MB), unit: 'MB', ratio: round(memLarge / memSmall, 2), limit: 1.5 },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}


// The statistics every bench file reports with, and how one runs alone.
import type { BenchRow } from './types';

/** The median (the mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Rounded to `digits` decimals, for the table. */
export const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

/**
 * Runs one bench file on its own (`npx tsx bench/<name>.bench.ts`): prints its rows, exits 1 when a ratio is over its
 * limit, 2 when it fails.
 */
export function runAlone(bench: () => BenchRow[] | Promise<BenchRow[]>): void {
  Promise.resolve()
    .then(bench)
    .then(
      (rows) => {
        for (const r of rows) console.log(`${r.name}: ${r.value} ${r.unit}${r.ratio !== undefined ? ` ×${r.ratio}` : ''}${r.limit !== undefined ? ` (limit ${r.limit})` : ''}`);
        process.exit(rows.some((r) => r.ratio !== undefined && r.limit !== undefined && r.ratio > r.limit) ? 1 : 0);
      },
      (e: unknown) => {
        console.error(e);
        process.exit(2);
      },
    );
}

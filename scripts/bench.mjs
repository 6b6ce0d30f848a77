// Runs every bench/*.bench.ts (through tsx). Each file's default export returns rows {name, value, unit, ratio?, limit?};
// this prints them as a table and exits 1 when a ratio exceeds its limit. `npm run bench [-- <name filter>]`.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const benchDir = resolve('bench');
const filter = process.argv[2];
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error(`bench: no bench/*.bench.ts${filter ? ` matching '${filter}'` : ''}`);
  process.exit(2);
}

let failed = 0;
/** Three significant digits, no exponent: figures are for reading. */
const num = (v) => (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : Number(v.toPrecision(3)).toString());
for (const file of files) {
  const mod = await tsImport(pathToFileURL(join(benchDir, file)).href, import.meta.url);
  const fn = mod.default?.default ?? mod.default;
  if (typeof fn !== 'function') {
    console.error(`bench: ${file} has no default export function`);
    failed++;
    continue;
  }
  const started = Date.now();
  let rows;
  try {
    rows = await fn();
  } catch (e) {
    console.error(`bench: ${file} failed: ${e instanceof Error ? e.stack : e}`);
    failed++;
    continue;
  }
  console.log(`\n${file} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const table = rows.map((r) => {
    const over = r.ratio !== undefined && r.limit !== undefined && r.ratio > r.limit;
    if (over) failed++;
    return [
      r.name,
      `${num(r.value)} ${r.unit}`,
      r.ratio !== undefined ? `×${num(r.ratio)}` : '',
      r.limit !== undefined ? `≤ ×${r.limit}` : '',
      r.limit !== undefined ? (over ? 'FAIL' : 'ok') : '',
    ];
  });
  const head = ['figure', 'value', 'ratio', 'limit', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const fmt = (row) => row.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  console.log(fmt(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table) console.log(fmt(row));
}
if (failed > 0) {
  console.error(`\nbench: ${failed} figure(s) over their limit or failed`);
  process.exit(1);
}

// parseRoadmap on a realistic roadmap of tens of KB against yaml's own parseDocument of the same text,
// in one run: the roadmap reader must add little to the YAML parse (linear work, no quadratic walks).
import { parseDocument } from 'yaml';
import { parseRoadmap } from '../src/core/roadmap/parse';
import { DEMO_ROADMAP } from '../test/unit/support/roadmaps';
import type { BenchRow } from './types';

function time(f: () => void): number {
  const start = performance.now();
  f();
  return performance.now() - start;
}

/** Runs a and b alternately so both see the same machine, and keeps the fastest run of each. */
function fastestInterleaved(runs: number, a: () => void, b: () => void): [number, number] {
  let bestA = Infinity;
  let bestB = Infinity;
  for (let i = 0; i < runs; i++) {
    bestA = Math.min(bestA, time(a));
    bestB = Math.min(bestB, time(b));
  }
  return [bestA, bestB];
}

export default function parseBench(): BenchRow[] {
  const extras = Array.from(
    { length: 200 },
    (_, i) => `  - id: extra${i}\n    title: Extra candidate ${i}\n    based_on: [lecun98]\n    cost: { effort_days: ${i}, risk: low }\n    status: idea\n`,
  ).join('');
  const text = DEMO_ROADMAP.replace('\nevaluation:', `\n${extras}evaluation:`);
  if (parseRoadmap(text).diagnostics.length !== 0) throw new Error('bench roadmap is not clean');
  const yaml = (): unknown => parseDocument(text, { uniqueKeys: true, strict: true });
  const roadmap = (): unknown => parseRoadmap(text);
  fastestInterleaved(5, yaml, roadmap); // warm-up
  const [yamlOnly, full] = fastestInterleaved(40, yaml, roadmap);
  return [
    { name: `yaml parseDocument, ${Math.round(text.length / 1024)} KB roadmap`, value: yamlOnly, unit: 'ms' },
    { name: 'parseRoadmap (parse + schema + semantics), same text', value: full, unit: 'ms', ratio: full / yamlOnly, limit: 1.6 },
  ];
}

// parseRoadmap against yaml's own parseDocument of the same text, in one run: the roadmap reader must add little to
// the YAML parse (linear work, no quadratic walks). Two sizes: a realistic roadmap of tens of KB (parse, schema and
// semantics), and a generated 1 MB one (thousands of literature entries, candidates and steps) read and checked the
// way the extension does on every change: `parseRoadmapText` then `analyseRoadmap` (pitfalls, ranking, gate, focus,
// progress). Also one status edit on the 1 MB text: the bytes it changes and the time to compute it (it parses the
// text, and the edited text again to check it: about two parses, shown against one). Run alone: `npx tsx bench/parse.bench.ts`.
import { parseDocument } from 'yaml';
import { parseRoadmap, parseRoadmapText } from '../src/core/roadmap/parse';
import { analyseRoadmap } from '../src/core/process/analysis';
import { setStepStatus } from '../src/core/roadmap/edits';
import { applyEdits } from '../src/core/roadmap/edit-sequence';
import { DEMO_ROADMAP } from '../test/unit/support/roadmaps';
import { median, round, runAlone } from './stats';
import type { BenchRow } from './types';

/** Issue target: parseRoadmap and every check of a 1 MB roadmap ≤ 1.5× yaml's parseDocument of the same text. */
const LARGE_LIMIT = 1.5;
const LARGE_REPEATS = 7;

function time(f: () => void): number {
  const start = performance.now();
  f();
  return performance.now() - start;
}

/** Runs a and b alternately so both see the same machine; every time of each. */
function interleaved(runs: number, a: () => void, b: () => void): [number[], number[]] {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    ta.push(time(a));
    tb.push(time(b));
  }
  return [ta, tb];
}

/**
 * The demo roadmap grown to at least `bytes`: literature entries, candidates based on them (cost, benefit, status)
 * and Discovery steps, in the proportions of a big real roadmap. Clean: no diagnostics from the parse.
 */
export function largeRoadmap(bytes = 1024 * 1024): string {
  const statuses = ['idea', 'shortlisted', 'prototyping', 'evaluated', 'rejected'];
  const stepStatuses = ['todo', 'doing', 'done', 'blocked', 'skipped'];
  const literature: string[] = [];
  const candidates: string[] = [];
  const steps: string[] = [];
  let size = DEMO_ROADMAP.length;
  for (let i = 0; size < bytes; i++) {
    const lit = `  - id: paper-${i}\n    title: A study of model family ${i} on the task\n    url: https://example.org/papers/${i}.pdf\n    takeaway: Family ${i} gains ${i % 9} points over the baseline at ${i % 5 + 1}x the compute.\n`;
    const status = statuses[i % statuses.length];
    const cand = `  - id: cand-${i}\n    title: Candidate ${i} after paper ${i}\n    based_on: [paper-${i}, lecun98]\n    cost: { effort_days: ${1 + (i % 20)}, compute_hours: ${i % 50}, risk: ${['low', 'medium', 'high'][i % 3]} }\n    benefit: { expected: { accuracy: 0.${90 + (i % 9)} }, confidence: ${['low', 'medium', 'high'][i % 3]} }\n    status: ${status}\n${status === 'rejected' ? '    skip_reason: costs more than it promises\n' : ''}`;
    const step = `      - id: step-${i}\n        title: Work item ${i} of the plan\n        status: ${stepStatuses[i % stepStatuses.length]}\n        owner: person-${i % 7}\n`;
    literature.push(lit);
    candidates.push(cand);
    steps.push(step);
    size += lit.length + cand.length + step.length;
  }
  return DEMO_ROADMAP.replace('\ncandidates:\n', `\n${literature.join('')}candidates:\n`)
    .replace('\nevaluation:', `\n${candidates.join('')}evaluation:`)
    .replace('  - stage: understand\n    steps:\n', `  - stage: understand\n    steps:\n${steps.join('')}`);
}

function smallRows(): BenchRow[] {
  const extras = Array.from(
    { length: 200 },
    (_, i) => `  - id: extra${i}\n    title: Extra candidate ${i}\n    based_on: [lecun98]\n    cost: { effort_days: ${i}, risk: low }\n    status: idea\n`,
  ).join('');
  const text = DEMO_ROADMAP.replace('\nevaluation:', `\n${extras}evaluation:`);
  if (parseRoadmap(text).diagnostics.length !== 0) throw new Error('bench roadmap is not clean');
  const yaml = (): unknown => parseDocument(text, { uniqueKeys: true, strict: true });
  const roadmap = (): unknown => parseRoadmap(text);
  interleaved(5, yaml, roadmap); // warm-up
  const [ty, tr] = interleaved(40, yaml, roadmap);
  const yamlOnly = Math.min(...ty);
  const full = Math.min(...tr);
  return [
    { name: `yaml parseDocument, ${Math.round(text.length / 1024)} KB roadmap, fastest of 40`, value: round(yamlOnly), unit: 'ms' },
    { name: 'parseRoadmap (parse + schema + semantics), same text, fastest of 40', value: round(full), unit: 'ms', ratio: round(full / yamlOnly, 3), limit: 1.6 },
  ];
}

function largeRows(): BenchRow[] {
  const text = largeRoadmap();
  const parsed = parseRoadmapText(text);
  if (parsed.parse.diagnostics.length !== 0) throw new Error(`the 1 MB bench roadmap is not clean: ${JSON.stringify(parsed.parse.diagnostics.slice(0, 3))}`);
  const roadmap = parsed.parse.roadmap;
  if (!roadmap) throw new Error('the 1 MB bench roadmap did not parse');
  const stepCount = roadmap.discovery.reduce((n, s) => n + s.steps.length, 0);
  const yaml = (): unknown => parseDocument(text, { uniqueKeys: true, strict: true });
  // What the extension does with a changed text (the store's one parse, then RoadmapAnalysis), every file present.
  const full = (): unknown => {
    const p = parseRoadmapText(text);
    return analyseRoadmap(p.text, p.parse, { fileExists: () => true });
  };
  interleaved(1, yaml, full); // warm-up
  const [ty, tf] = interleaved(LARGE_REPEATS, yaml, full);
  // The fastest of each, as for the small roadmap: on a shared machine other jobs only ever add time, and the medians
  // (shown for context) move with them.
  const yamlMs = Math.min(...ty);
  const fullMs = Math.min(...tf);
  const medianRatio = median(tf) / median(ty);
  // One status edit in the middle of the steps, as Set Step Status makes it.
  const target = `step-${Math.floor(stepCount / 2)}`;
  const edit = () => setStepStatus(text, target, 'doing');
  const first = edit();
  if (!first.ok || first.edits.length !== 1) throw new Error(`the status edit failed: ${JSON.stringify(first)}`);
  const edited = applyEdits(text, first.edits);
  if (parseRoadmap(edited).diagnostics.length !== 0) throw new Error('the edited 1 MB roadmap is not clean');
  const changed = first.edits.reduce((n, e) => n + Math.max(e.length, Buffer.byteLength(e.newText)), 0);
  const [ty2, te] = interleaved(3, yaml, edit);
  const editMs = median(te);
  const yaml2Ms = median(ty2);
  const kb = Buffer.byteLength(text) / 1024;
  return [
    {
      name: `yaml parseDocument, generated ${round(kb / 1024, 2)} MB roadmap (${roadmap.literature.length.toLocaleString('en')} literature entries, ${roadmap.candidates.length.toLocaleString('en')} candidates, ${stepCount.toLocaleString('en')} steps), fastest of ${LARGE_REPEATS}`,
      value: round(yamlMs),
      unit: 'ms',
    },
    {
      name: `parseRoadmapText + analyseRoadmap (schema, semantics, pitfalls, ranking, gate, focus, progress), same text, fastest of ${LARGE_REPEATS} (median ${round(median(tf))} ms against ${round(median(ty))} ms: ×${round(medianRatio)})`,
      value: round(fullMs),
      unit: 'ms',
      ratio: round(fullMs / yamlMs, 3),
      limit: LARGE_LIMIT,
    },
    { name: `one step status edit on the 1 MB text (setStepStatus ${target} → doing: parses it, and the edited text to check it), median of 3; ratio to one parseDocument`, value: round(editMs), unit: 'ms', ratio: round(editMs / yaml2Ms, 3) },
    { name: '  bytes the edit changes (the text is replaced by one edit of this size, not rewritten)', value: changed, unit: 'B', ratio: round(changed / Buffer.byteLength(text), 6) },
  ];
}

export default function parseBench(): BenchRow[] {
  return [...smallRows(), ...largeRows()];
}

if (require.main === module) runAlone(parseBench);

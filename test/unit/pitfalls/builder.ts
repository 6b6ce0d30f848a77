// Builds typed roadmaps for the pitfall, ranking and process tests: a healthy default, overridable per node. Ranges are zero
// unless a test sets one with `at(line)`.
import type {
  Candidate,
  DiscoveryStage,
  LiteratureEntry,
  Metric,
  ProductionTrack,
  Range,
  RealityCheck,
  Roadmap,
  Step,
  StepStatus,
} from '../../../src/core/roadmap/model';
import type { PitfallContext } from '../../../src/core/pitfalls/types';

export const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A range covering `line` (0-based), for tests that check where a finding points. */
export function at(line: number, endLine = line): Range {
  return { start: { line, character: 2 }, end: { line: endLine, character: 10 } };
}

export function metric(id: string, fields: Partial<Metric> = {}): Metric {
  return { id, goal: 'maximize', kind: 'offline', target: 0.9, range: ZERO, ...fields };
}

export function literature(id: string, fields: Partial<LiteratureEntry> = {}): LiteratureEntry {
  return { id, title: `Paper ${id}`, range: ZERO, ...fields };
}

export function candidate(id: string, fields: Partial<Candidate> = {}): Candidate {
  return { id, baseline: false, status: 'idea', range: ZERO, ...fields };
}

export function baseline(id = 'majority', fields: Partial<Candidate> = {}): Candidate {
  return candidate(id, { baseline: true, status: 'evaluated', ...fields });
}

export function realityCheck(id: string, fields: Partial<RealityCheck> = {}): RealityCheck {
  return { id, kind: 'demo', verdict: 'planned', range: ZERO, ...fields };
}

export function step(id: string, status: StepStatus = 'todo', fields: Partial<Step> = {}): Step {
  return { id, title: `Step ${id}`, status, range: ZERO, ...fields };
}

export function stage(name: DiscoveryStage['stage'], steps: Step[]): DiscoveryStage {
  return { stage: name, steps, range: ZERO };
}

export function track(name: string, steps: Step[]): ProductionTrack {
  return { track: name, steps, range: ZERO };
}

/** Three candidates besides the baseline, each based on literature, with cost and benefit; cnn (best ranked) is prototyped. */
export function healthyCandidates(): Candidate[] {
  return [
    baseline('majority'),
    candidate('cnn', {
      status: 'prototyping',
      based_on: ['lecun98'],
      cost: { effort_days: 2, compute_hours: 0, risk: 'low' },
      benefit: { expected: { accuracy: 0.95 }, confidence: 'high' },
    }),
    candidate('forest', {
      status: 'shortlisted',
      based_on: ['breiman01'],
      cost: { effort_days: 3, risk: 'low' },
      benefit: { expected: { accuracy: 0.9 }, confidence: 'medium' },
    }),
    candidate('logreg', {
      status: 'idea',
      cost: { effort_days: 1 },
      benefit: { expected: { accuracy: 0.8 }, confidence: 'low' },
    }),
  ];
}

/** A roadmap that no pitfall check reports on (with `okContext()`). */
export function healthyRoadmap(overrides: Partial<Roadmap> = {}): Roadmap {
  return {
    version: 1,
    project: { name: 'Digits', phase: 'discovery', range: at(1, 3) },
    roles: { ml_engineers: ['Ari'] },
    metrics: [metric('accuracy'), metric('routed', { kind: 'business', target: 0.8 })],
    literature: [literature('lecun98'), literature('breiman01')],
    candidates: healthyCandidates(),
    evaluation: {
      command: 'python3 evaluate.py ${candidate}',
      dataset: 'data/digits.csv',
      results: 'results/${candidate}.json',
      baseline: 'majority',
      range: ZERO,
    },
    reality_checks: [realityCheck('ops-demo', { candidate: 'cnn' })],
    discovery: [
      stage('understand', [step('problem', 'done', { owner: 'Dana' }), step('data', 'done')]),
      stage('define', [step('metrics', 'done')]),
      stage('ideate', [step('baseline', 'done'), step('brainstorm', 'done')]),
      stage('prototype', [step('prototype-best', 'doing', { owner: 'Lee' })]),
      stage('test', [step('demo', 'todo')]),
    ],
    production: [track('serving', [step('api', 'todo')]), track('monitoring', [step('alerts', 'todo')])],
    decisions: 'docs/decisions',
    settings: { min_candidates: 3, range: ZERO },
    acknowledged: [],
    overrides: [],
    ...overrides,
  };
}

/** A context in which every results file exists. */
export function okContext(overrides: Partial<PitfallContext> = {}): PitfallContext {
  return { fileExists: () => true, ...overrides };
}

/** The roadmap's candidates with one replaced (by id) or appended. */
export function withCandidate(roadmap: Roadmap, c: Candidate): Candidate[] {
  const i = roadmap.candidates.findIndex((x) => x.id === c.id);
  return i < 0 ? [...roadmap.candidates, c] : roadmap.candidates.map((x, j) => (j === i ? c : x));
}

/** Changes fields of one candidate (by id) of the healthy roadmap. */
export function healthyWith(id: string, fields: Partial<Candidate>, overrides: Partial<Roadmap> = {}): Roadmap {
  const base = healthyRoadmap(overrides);
  const existing = base.candidates.find((c) => c.id === id) ?? candidate(id);
  return { ...base, candidates: withCandidate(base, { ...existing, ...fields }) };
}

// The starter roadmap written by "ML Roadmap: Initialize Roadmap": the whole Discovery process in
// Design-Thinking stages, the usual Production tracks, and comments that explain each section.
import type { Stage } from '../roadmap/model';
import { renderFlow, renderScalar } from '../roadmap/yaml-text-edits';
import { STAGE_DESCRIPTIONS, USUAL_TRACKS } from './stages';

export interface StarterInput {
  readonly name: string;
  readonly problem: string;
  readonly businessGoal?: string;
  /** Today's date, YYYY-MM-DD (passed in so the output is deterministic). */
  readonly today: string;
}

interface StarterStep {
  readonly id: string;
  readonly title: string;
}

/** Discovery steps per stage, in order. */
export const STARTER_DISCOVERY: Readonly<Record<Stage, readonly StarterStep[]>> = {
  understand: [
    { id: 'business-problem', title: 'Hear the business problem from the people who live with it, and what a win looks like to them' },
    { id: 'current-process', title: 'Watch how the work is done today and what it costs' },
    { id: 'explore-data', title: 'Explore the data: volume, labels, quality, leaks between train and test' },
    { id: 'review-existing-work', title: 'Review existing work (papers, open-source models, earlier attempts) and list it under literature' },
  ],
  define: [
    { id: 'define-metrics', title: 'Pick metrics that match what customers expect: offline, online and business' },
    { id: 'set-targets', title: 'Set a target for each metric and write down why' },
    { id: 'evaluation-dataset', title: 'Freeze an evaluation dataset that looks like real traffic' },
  ],
  ideate: [
    { id: 'dumb-baseline', title: 'Fit a dumb baseline (majority class, mean, simple rules)' },
    { id: 'evaluation-pipeline', title: 'Automate the end-to-end evaluation: one command scores any candidate against the baseline' },
    { id: 'brainstorm-candidates', title: 'Brainstorm several architecture candidates, grounded in the literature' },
    { id: 'rank-candidates', title: 'Estimate the cost and benefit of each candidate and rank them' },
  ],
  prototype: [
    { id: 'prototype-top', title: 'Prototype the most promising candidate' },
    { id: 'compare-candidates', title: 'Evaluate it through the pipeline and compare it with the baseline and the runners-up' },
  ],
  test: [
    { id: 'reality-check', title: 'Check the best candidate in real conditions: A/B test, demo or focus group' },
    { id: 'record-decision', title: 'Choose the architecture and record the decision' },
  ],
};

/** Production steps per usual track id. */
export const STARTER_PRODUCTION: Readonly<Record<string, readonly StarterStep[]>> = {
  'data-pipeline': [
    { id: 'production-data', title: 'Collect and version the production data' },
    { id: 'data-validation', title: 'Validate incoming data against the training data' },
  ],
  'training-pipeline': [
    { id: 'reproducible-training', title: 'Train the chosen architecture reproducibly from versioned data' },
    { id: 'scheduled-training', title: 'Retrain on a schedule, gated by the evaluation' },
  ],
  serving: [
    { id: 'serving-api', title: 'Serve the model behind an API within the latency target' },
    { id: 'rollout', title: 'Roll out gradually, with a way back' },
  ],
  monitoring: [
    { id: 'live-metrics', title: 'Track the online and business metrics live' },
    { id: 'drift-alerts', title: 'Alert on data drift and metric regressions' },
  ],
};

/** The baseline the starter proposes (a dumb one), as its lines under `candidates:`. */
export const STARTER_BASELINE_ID = 'dumb-baseline';
export const STARTER_BASELINE_LINES: readonly string[] = [
  `  - id: ${STARTER_BASELINE_ID}`,
  '    title: Dumb baseline (majority class or mean prediction)',
  '    baseline: true',
  '    status: idea',
];

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A stage's title as the starter's comments give it: always English, as the whole file is (it is shared and read
 * by anyone), whatever the display language of the views.
 */
function englishTitle(stage: Stage): string {
  return stage.charAt(0).toUpperCase() + stage.slice(1);
}

/** The starter roadmap as YAML text. Every value the user typed is quoted as YAML needs. */
export function starterRoadmap(input: StarterInput): string {
  const name = oneLine(input.name) || 'New model';
  const problem = oneLine(input.problem);
  const goal = input.businessGoal ? oneLine(input.businessGoal) : '';
  const today = /^\d{4}-\d{2}-\d{2}$/.test(input.today) ? input.today : '';
  const lines: string[] = [
    `# ML roadmap: Discovery in Design-Thinking stages, then Production tracks.`,
    `# Format: docs/roadmap-format.md of the ML Roadmap extension.${today ? ` Started ${today}.` : ''}`,
    'version: 1',
    'project:',
    `  name: ${renderScalar(name, undefined, true)}`,
    problem ? `  problem: ${renderScalar(problem, undefined, true)}` : '  # problem: What hurts today, in the customer\'s words.',
    goal ? `  business_goal: ${renderScalar(goal, undefined, true)}` : '  # business_goal: The measurable outcome that means success.',
    '  # deadline: 2027-03-31',
    '  phase: discovery            # discovery | production | shipped',
    'roles:                        # role -> people',
    '  business_owners: []',
    '  ml_engineers: []',
    '  data_engineers: []',
    '  software_engineers: []',
    '',
    '# Metrics that define success, each with a target. Mix offline (on a dataset), online (live traffic)',
    '# and business (the customer\'s outcome) metrics, e.g.:',
    '#   - id: accuracy',
    '#     kind: offline          # offline | online | business',
    '#     goal: maximize         # maximize | minimize',
    '#     target: 0.95',
    '#     why: Below 95% every answer must be checked again by hand.',
    'metrics:',
    '',
    '# Existing work reviewed before designing candidates, e.g.:',
    '#   - { id: smith2020, title: ..., url: ..., takeaway: ... }',
    'literature:',
    '',
    '# Architecture options, baselines included. Aim for several, ranked by cost and benefit:',
    '#   - id: small-cnn',
    '#     based_on: [smith2020]  # or novel_because: ...',
    '#     cost: { effort_days: 5, compute_hours: 4, risk: medium }',
    '#     benefit: { expected: { accuracy: 0.97 }, confidence: medium }',
    '#     status: idea           # idea | shortlisted | prototyping | evaluated | rejected | chosen',
    'candidates:',
    ...STARTER_BASELINE_LINES,
    '',
    '# The automated end-to-end evaluation: one command scores any candidate.',
    'evaluation:',
    '  # command: python3 evaluate.py --candidate ${candidate} --out ${results}',
    '  # dataset: data/evaluation.csv',
    '  # results: results/${candidate}.json',
    `  baseline: ${STARTER_BASELINE_ID}`,
    '',
    '# Checks in real conditions, e.g. { id: ops-demo, kind: demo, candidate: ..., verdict: planned }',
    '# kind: ab-test | demo | focus-group | user-study; verdict: planned | promising | passed | failed',
    'reality_checks:',
    '',
    '# Discovery, in Design-Thinking stages. Step status: todo | doing | done | blocked | skipped',
    'discovery:',
  ];
  for (const [stage, steps] of Object.entries(STARTER_DISCOVERY) as [Stage, readonly StarterStep[]][]) {
    lines.push(`  - stage: ${stage}`.padEnd(32) + `# ${englishTitle(stage)}: ${STAGE_DESCRIPTIONS[stage].diamond} space`);
    lines.push('    steps:');
    for (const step of steps) {
      lines.push(`      - id: ${step.id}`, `        title: ${renderScalar(step.title, undefined, true)}`, '        status: todo');
    }
  }
  lines.push('', '# Production tracks, run in parallel once a candidate is chosen.', 'production:');
  for (const track of USUAL_TRACKS) {
    lines.push(`  - track: ${track.id}`, `    role: ${track.role}`, '    steps:');
    for (const step of STARTER_PRODUCTION[track.id] ?? []) {
      lines.push(`      - ${renderFlow({ id: step.id, title: step.title, status: 'todo' })}`);
    }
  }
  lines.push('', 'decisions: docs/decisions     # where architecture decision records live', '');
  return lines.join('\n');
}

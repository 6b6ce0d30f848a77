// Shared builders of roadmap YAML for unit tests: a realistic, healthy roadmap and small helpers to vary it.
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import type { Roadmap } from '../../../src/core/roadmap/model';

/**
 * A healthy roadmap in the middle of Discovery: customer-facing metrics with targets, literature, a baseline and
 * three other candidates (each based on literature or novel for a reason), an automated evaluation, a reality check
 * and every Design-Thinking stage. It parses with no diagnostics at all.
 */
export const DEMO_ROADMAP = `# ML roadmap of the digit recognizer (format: docs/roadmap-format.md)
version: 1
project:
  name: Digit recognizer
  problem: Staff type every handwritten digit on incoming forms.
  business_goal: Route 80% of forms automatically without raising the error rate.
  deadline: 2027-03-31
  phase: discovery            # discovery | production | shipped
roles:
  business_owners: [Dana]
  ml_engineers: [Ari, Lee]
  data_engineers: [Sam]
  software_engineers: []
metrics:
  - id: accuracy
    kind: offline
    goal: maximize
    target: 0.97
    why: Below 97% every form must be checked again by hand.
  - id: latency_ms
    kind: online
    goal: minimize
    target: 50
    measured_by: p95 latency of the scoring service
  - id: forms_auto_routed
    kind: business
    goal: maximize
    target: 0.8
    measured_by: A/B test on 5% of traffic
literature:
  - id: lecun98
    title: Gradient-based learning applied to document recognition
    url: https://example.org/lecun98.pdf
    takeaway: Convolutional nets reach over 99% on digit images.
  - id: breiman01
    title: Random forests
    url: https://example.org/breiman01.pdf
    takeaway: Strong tabular baseline with little tuning.
candidates:
  - id: majority
    title: Majority class
    baseline: true
    status: evaluated
  - id: logreg
    title: Logistic regression on raw pixels
    based_on: [breiman01]
    cost: { effort_days: 1, compute_hours: 0.1, risk: low }
    benefit: { expected: { accuracy: 0.93 }, confidence: high }
    status: evaluated
  - id: forest
    title: Random forest on raw pixels
    based_on: [breiman01]
    cost: { effort_days: 2, compute_hours: 1, risk: low }
    benefit: { expected: { accuracy: 0.95 }, confidence: medium }
    status: shortlisted
  - id: cnn
    title: Small CNN on 8x8 images
    based_on: [lecun98]
    cost: { effort_days: 5, compute_hours: 4, risk: medium }
    benefit: { expected: { accuracy: 0.99, latency_ms: 20 }, confidence: medium }
    status: prototyping
    decision: "0002"
evaluation:
  command: python3 evaluate.py --candidate \${candidate} --out \${results}
  dataset: data/digits.csv
  results: results/\${candidate}.json
  baseline: majority
reality_checks:
  - id: ops-demo
    kind: demo
    candidate: cnn
    date: 2026-11-20
    verdict: planned
discovery:
  - stage: understand
    steps:
      - id: business-problem
        title: Understand the business problem
        status: done
        owner: Dana
      - id: explore-data
        title: Explore the data
        status: done
        owner: Ari
      - id: review-literature
        title: Review existing work
        status: done
  - stage: define
    steps:
      - id: define-metrics
        title: Define metrics that match customer expectations
        status: done
      - id: evaluation-dataset
        title: Freeze the evaluation dataset
        status: done
  - stage: ideate
    steps:
      - id: baseline-pipeline
        title: Fit a dumb baseline through the automated evaluation pipeline
        status: done
      - id: brainstorm-candidates
        title: Brainstorm architecture candidates
        status: done
  - stage: prototype
    steps:
      - id: prototype-best
        title: Prototype the most promising candidate
        status: doing
        owner: Lee
  - stage: test
    steps:
      - id: reality-check
        title: Demo to the operations team
        status: todo
production:
  - track: training-pipeline
    role: data_engineers
    steps:
      - { id: nightly-training, title: Nightly training job, status: todo }
  - track: serving
    role: software_engineers
    steps:
      - { id: scoring-service, title: Scoring service, status: todo }
decisions: docs/decisions     # architecture decision records
`;

/** The demo roadmap, parsed; throws if the fixture itself has problems (so tests fail loudly). */
export function demoModel(): Roadmap {
  const result = parseRoadmap(DEMO_ROADMAP);
  if (!result.roadmap || result.diagnostics.length > 0) {
    throw new Error(`DEMO_ROADMAP has diagnostics: ${JSON.stringify(result.diagnostics)}`);
  }
  return result.roadmap;
}

/** A copy of the healthy demo roadmap text, with optional literal replacements (each must match). */
export function healthyRoadmap(replacements: readonly (readonly [string | RegExp, string])[] = []): string {
  let text = DEMO_ROADMAP;
  for (const [from, to] of replacements) {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`healthyRoadmap: '${String(from)}' not found in DEMO_ROADMAP`);
    text = next;
  }
  return text;
}

/** A minimal valid roadmap: version, project and whatever YAML `body` adds at the top level. */
export function minimalRoadmap(body = ''): string {
  return `version: 1\nproject:\n  name: Test project\n  problem: A problem to solve.\n${body}`;
}

/** Removes the top-level `key:` block (the key line and its indented or list lines) from a roadmap text. */
export function withoutSection(text: string, key: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${key}:`));
  if (start < 0) throw new Error(`withoutSection: no top-level '${key}'`);
  let end = start + 1;
  while (end < lines.length && (lines[end].startsWith(' ') || lines[end].startsWith('-'))) end++;
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

// A small roadmap for the language tests, and a helper that reads a text with `|` marking the cursor.
import { readSource, type RoadmapSource } from '../../../src/core/roadmap/navigation';

export const SAMPLE = `version: 1
project: { name: Spam filter, phase: discovery }
metrics:
  - id: recall
    kind: offline
    goal: maximize
    target: 0.9
    why: Missed spam costs support time.
  - { id: complaints, kind: business, goal: minimize }
literature:
  - id: graham02
    title: A plan for spam
    url: http://www.paulgraham.com/spam.html
    takeaway: Naive Bayes on tokens catches most spam.
  - id: bert19
    title: BERT
candidates:
  - id: rules
    title: Keyword rules
    baseline: true
    status: evaluated
  - id: nb
    title: Naive Bayes
    based_on: [graham02]
    benefit: { expected: { recall: 0.85 }, confidence: medium }
    status: prototyping
  - id: bert
    based_on:
      - bert19
    status: idea
evaluation:
  command: python eval.py --candidate \${candidate}
  baseline: rules
reality_checks:
  - { id: pilot, kind: demo, candidate: nb, verdict: failed }
discovery:
  - stage: understand
    steps:
      - { id: data, status: done }
      - id: review
        status: blocked
acknowledged:
  - { code: pitfall/one-architecture, target: bert, reason: tried }
`;

/** The text without its `|` and the cursor's offset. */
export function cursor(marked: string): { text: string; offset: number; source: RoadmapSource } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('no | in the text');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, offset, source: readSource(text) };
}

/** The sample with the cursor put `delta` characters into the n-th (0-based) occurrence of `needle`. */
export function inSample(needle: string, delta = 0, occurrence = 0): { offset: number; source: RoadmapSource } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = SAMPLE.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} not in the sample`);
  }
  return { offset: at + delta, source: readSource(SAMPLE) };
}

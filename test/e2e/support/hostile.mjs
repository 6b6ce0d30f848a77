// Hostile data for the end-to-end test of the webviews (test/e2e/hostile.test.mjs): a roadmap, a results file, a
// history and a decision record whose every string a panel shows is markup, a script, a javascript: or data: URL, a
// 100 KB string or a right-to-left control. Any payload that runs sets `__pwned` on its window (and tries the top one).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What an injected handler or script does: leaves a mark on its own window and, where allowed, on the top one. */
const mark = (n) => `window.__pwned=${n};try{top.__pwned=${n}}catch(e){}`;

export const IMG = `<img src=x onerror="${mark(1)}">`;
export const SCRIPT = `</script><script>${mark(2)}</script>`;
export const SVG = `<svg onload="${mark(3)}"><iframe src="javascript:${mark(4)}"></iframe>`;
export const JS_URL = `javascript:${mark(5)}//`;
export const DATA_URL = `data:text/html,<script>${mark(6)}</script>`;
/** A right-to-left override left open: without isolation, the text after it is drawn reversed. */
export const RLO = 'evil\u202Eexe.txt';
/** A right-to-left isolate and mark left open: without isolation, the words after it are drawn in reverse order. */
export const RLI = 'abc\u2067\u200Fdef';
/** A stray isolate closer before an override: it must not close the isolation around the string early. */
export const PDI_ESCAPE = 'pdi\u2069\u202Eescape';
/** 100 KB without a break opportunity. */
export const BIG = `BIG${'W'.repeat(100_000)}`;
/** An https link whose text a right-to-left override would show as something else. */
export const BIDI_URL = 'https://example.com/\u202Efdp.exe';
/** The one link that may be followed (through VS Code's "open external website?" confirmation). */
export const SAFE_URL = 'https://example.com/hostile-suite-paper';

/** Every hostile string, for finding what text on a page came from the data. */
export const HOSTILE = [IMG, SCRIPT, SVG, JS_URL, DATA_URL, RLO, RLI, PDI_ESCAPE, BIG, BIDI_URL];

/** The step ids, candidate ids and metric ids used below (where an id is hostile, it is one of HOSTILE). */
export const IDS = { candidate: IMG, bigCandidate: 'big', metric: IMG };

const q = (s) => JSON.stringify(s);

/** The roadmap: every string field a panel shows is hostile. */
export function roadmapText() {
  return `version: 1
project:
  name: ${q(`${IMG}${RLO}`)}
  problem: ${q(`${SCRIPT} ${RLI} problem`)}
  business_goal: ${q(SVG)}
  phase: discovery

roles:
  business_owners: [${q(RLO)}]
  ml_engineers: [${q(IMG)}, ${q(BIG)}]
  data_engineers: [${q(RLI)}]

metrics:
  - id: accuracy
    kind: offline
    goal: maximize
    target: 0.9
    why: ${q(SCRIPT)}
  - id: ${q(IMG)}
    kind: offline
    goal: maximize
    target: 0.5
    why: ${q(SVG)}
  - id: ${q(RLO)}
    kind: business
    goal: minimize
    target: 1
    measured_by: ${q(RLI)}

literature:
  - { id: js, title: ${q(`${SCRIPT} js link`)}, url: ${q(JS_URL)}, takeaway: ${q(IMG)} }
  - { id: data, title: ${q(`${IMG} data link`)}, url: ${q(DATA_URL)} }
  - { id: bidi, title: ${q(`bidi link ${RLO}`)}, url: ${q(BIDI_URL)} }
  - { id: safe, title: ${q(`safe link ${RLI}`)}, url: ${q(SAFE_URL)} }
  - { id: big, title: ${q(BIG)}, url: ${q(`https://example.com/${BIG}`)} }

candidates:
  - id: majority
    title: ${q(`majority ${RLO}`)}
    baseline: true
    status: evaluated
  - id: ${q(IMG)}
    title: ${q(`${SCRIPT}${RLO}`)}
    based_on: [js, data, bidi, safe]
    cost: { effort_days: 1, compute_hours: 1, risk: low }
    benefit: { expected: { accuracy: 0.95 }, confidence: medium }
    status: shortlisted
    decision: "0003"
  - id: ${q(RLO)}
    title: ${q(`${SVG} ${RLI}`)}
    based_on: [big]
    cost: { effort_days: 2, compute_hours: 0, risk: high }
    benefit: { expected: { accuracy: 0.97 }, confidence: low }
    status: idea
  - id: big
    title: ${q(BIG)}
    cost: { effort_days: 3, compute_hours: 2, risk: medium }
    benefit: { expected: { accuracy: 0.93 }, confidence: high }
    status: prototyping

evaluation:
  command: \${python} evaluate.py --candidate \${candidate} --dataset \${dataset} --out \${results}
  dataset: data/digits.csv
  results: results/\${candidate}.json
  baseline: majority

reality_checks:
  - id: demo
    kind: demo
    candidate: majority
    verdict: planned
    notes: ${q(`${IMG} ${JS_URL}`)}

discovery:
  - stage: understand
    steps:
      - id: plain-step
        title: ${q(`${IMG}${RLO}`)}
        status: done
        owner: ${q(RLO)}
        notes: ${q(`${SCRIPT} ${RLI}`)}
      - id: ${q(IMG)}
        title: ${q(SVG)}
        status: doing
        owner: ${q(IMG)}
        notes: ${q(BIG)}
  - stage: define
    steps:
      - id: big-step
        title: ${q(BIG)}
        status: todo
        owner: ${q(BIG)}
        notes: ${q(`${JS_URL} ${DATA_URL}`)}
      - id: rli-step
        title: ${q(`step ${RLI}`)}
        status: blocked
        owner: ${q(RLI)}
  - stage: ideate
    steps:
      - id: ${q(RLO)}
        title: ${q(`${SCRIPT} ${RLO}`)}
        status: todo
  - stage: prototype
    steps:
      - { id: proto, title: Prototype, status: todo, owner: ${q(PDI_ESCAPE)} }
  - stage: test
    steps:
      - { id: reality, title: ${q(RLI)}, status: todo, owner: ${q(IMG)} }

production:
  - track: ${q(`${IMG}${RLO}`)}
    role: ml_engineers
    steps:
      - { id: prod-a, title: ${q(SCRIPT)}, status: todo }
  - track: ${q(BIG)}
    role: data_engineers
    steps:
      - { id: prod-b, title: ${q(RLO)}, status: todo }

decisions: docs/decisions
`;
}

/** A results file in the own format: hostile metric names, a value that is no number, a hostile candidate. */
export function resultsFile() {
  return JSON.stringify({
    format: 'mlroadmap-result/1',
    candidate: RLO,
    metrics: { accuracy: 0.91, [IMG]: 0.6, [RLO]: 2, [SCRIPT]: 'not a number <img src=x onerror=alert(1)>', [BIG]: 7 },
    command: `${SCRIPT} ${RLI}`,
  });
}

/** History records (.mlroadmap/history.jsonl) with hostile candidates, metric names, commits, datasets and commands. */
export function historyText() {
  const record = (candidate, hour, metrics, extra = {}) =>
    JSON.stringify({
      candidate,
      metrics,
      source: `results/${SCRIPT}.json`,
      format: 'mlroadmap',
      git: { commit: `${IMG}${RLO}`, dirty: true },
      dataset: { path: IMG, sha256: `${RLO}${SCRIPT}`, size: 1, mtimeMs: 1 },
      command: `${JS_URL} ${PDI_ESCAPE}`,
      recordedAt: new Date(Date.UTC(2026, 10, 1, hour)).toISOString(),
      ...extra,
    });
  return [
    record('majority', 1, { accuracy: 0.1, [IMG]: 0.1, [RLO]: 5 }),
    record(IMG, 2, { accuracy: 0.95, [IMG]: 0.7, [RLO]: 0.5, [BIG]: 1, [SVG]: 'x', [RLI]: 3 }),
    record(RLO, 3, { accuracy: 0.85, [IMG]: 0.4, [DATA_URL]: 2 }),
    record(BIG, 4, { accuracy: 0.5 }),
    record('big', 5, { accuracy: 0.92, [IMG]: 0.55 }),
  ].join('\n') + '\n';
}

/** A MADR record with a hostile title, status and people. */
export function decisionText() {
  return `---
status: ${q(`${SCRIPT}${RLO}`)}
date: 2026-11-30
decision-makers: ${q(IMG)}
---

# decision ${IMG} ${RLO}

## Context and Problem Statement

${SCRIPT} ${JS_URL}

## Decision Outcome

Chosen option: "${IMG}", because ${RLI}.
`;
}

/** Writes the hostile roadmap, results, history and decision into the workspace folder (before the workbench opens). */
export function writeHostileWorkspace(root) {
  writeFileSync(join(root, 'mlroadmap.yaml'), roadmapText());
  mkdirSync(join(root, 'results'), { recursive: true });
  writeFileSync(join(root, 'results', 'hostile-results.json'), resultsFile());
  mkdirSync(join(root, '.mlroadmap'), { recursive: true });
  writeFileSync(join(root, '.mlroadmap', 'history.jsonl'), historyText());
  mkdirSync(join(root, 'docs', 'decisions'), { recursive: true });
  writeFileSync(join(root, 'docs', 'decisions', '0003-hostile.md'), decisionText());
}

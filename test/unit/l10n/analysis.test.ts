import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rankCandidates, rankingFormula, isRanked } from '../../../src/core/pitfalls/ranking';
import { analyseRoadmap, type AnalysisInputs } from '../../../src/core/process/analysis';
import { focusAsMarkdown, sprintFocus } from '../../../src/core/process/focus';
import { groupTitle, phaseSummary, phaseTitle } from '../../../src/core/process/progress';
import { STAGE_DESCRIPTIONS, USUAL_TRACKS } from '../../../src/core/process/stages';
import type { HistoryRecord } from '../../../src/core/results/history';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import { PHASES, STAGES } from '../../../src/core/roadmap/model';
import { PSEUDO_OPEN, untranslated, withPseudoL10n } from '../support/pseudoL10n';
import { DEMO_ROADMAP, healthyRoadmap, minimalRoadmap, withoutSection } from '../support/roadmaps';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'roadmaps');

interface Case {
  readonly name: string;
  readonly text: string;
  /** Whether results files exist (default: none does). */
  readonly files?: boolean;
  /** Candidates the results history holds, with their metrics. */
  readonly history?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

const record = (candidate: string, metrics: Readonly<Record<string, number>>): HistoryRecord => ({
  candidate,
  metrics: { ...metrics },
  source: `results/${candidate}.json`,
  format: 'mlroadmap',
  git: null,
  dataset: null,
  command: null,
  recordedAt: '2026-01-01T00:00:00.000Z',
});

const LOGREG_COST = '    cost: { effort_days: 1, compute_hours: 0.1, risk: low }\n';
const LOGREG_BENEFIT = '    benefit: { expected: { accuracy: 0.93 }, confidence: high }\n';
const BASELINE = '  - id: base\n    baseline: true\n    status: evaluated\n';
const METRIC = 'metrics:\n  - { id: accuracy, kind: offline, goal: maximize, target: 0.9 }\n  - { id: routed, kind: business, goal: maximize, target: 0.5 }\n';
const OTHERS = 'literature:\n  - { id: paper, title: A paper }\n';
const production = (n: number): string =>
  `production:\n  - track: serving\n    steps:\n${Array.from({ length: n }, (_, i) => `      - { id: s${i}, title: Step ${i}, status: todo }\n`).join('')}`;

/** Roadmaps that make the checks, the gates and the ranking say each of the things they can say. */
function cases(): Case[] {
  const fixtures = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f): Case[] => {
      const text = readFileSync(join(FIXTURES, f), 'utf8');
      return [
        { name: f, text },
        { name: `${f} with its results files`, text, files: true },
        { name: `${f} evaluated`, text, files: true, history: { majority: { macro_f1: 0.4 } } },
      ];
    });
  return [
    ...fixtures,
    { name: 'demo', text: DEMO_ROADMAP, files: true },
    { name: 'demo, no results', text: DEMO_ROADMAP },
    { name: 'demo, baseline evaluated', text: DEMO_ROADMAP, files: true, history: { majority: { accuracy: 0.2 } } },
    { name: 'demo in production', text: healthyRoadmap([['phase: discovery', 'phase: production']]), files: true },
    { name: 'demo shipped', text: healthyRoadmap([['phase: discovery', 'phase: shipped']]), files: true },
    { name: 'minimal', text: minimalRoadmap() },
    { name: 'minimal in production', text: minimalRoadmap().replace('project:\n', 'project:\n  phase: production\n') },
    { name: 'one pitfall error', text: healthyRoadmap([[/ {2}command: .*\n/, '']]), files: true },
    { name: 'no results path', text: healthyRoadmap([[/ {2}results: .*\n/, '']]), files: true },
    { name: 'offline metric without target', text: healthyRoadmap([['    target: 0.97\n', '']]), files: true },
    { name: 'no reality check', text: withoutSection(DEMO_ROADMAP, 'reality_checks'), files: true },
    { name: 'no literature link', text: healthyRoadmap([['    based_on: [breiman01]\n', '']]), files: true },
    { name: 'no cost', text: healthyRoadmap([[LOGREG_COST, '']]), files: true },
    { name: 'no benefit', text: healthyRoadmap([[LOGREG_BENEFIT, '']]), files: true },
    { name: 'no cost and no benefit', text: healthyRoadmap([[LOGREG_COST + LOGREG_BENEFIT, '']]), files: true },
    { name: 'zero cost', text: healthyRoadmap([[LOGREG_COST, '    cost: { effort_days: 0, risk: low }\n']]), files: true },
    { name: 'a cost too small', text: healthyRoadmap([[LOGREG_COST, '    cost: { effort_days: 1e-320, risk: low }\n']]), files: true },
    { name: 'no expected value', text: healthyRoadmap([[LOGREG_BENEFIT, '    benefit: { expected: { latency_ms: 30 } }\n']]), files: true },
    { name: 'confidence not given', text: healthyRoadmap([[LOGREG_BENEFIT, '    benefit: { expected: { accuracy: 0.93 } }\n']]), files: true },
    {
      name: 'baseline expected value, a minimized metric first',
      text: healthyRoadmap([
        ['    baseline: true\n', '    baseline: true\n    benefit: { expected: { accuracy: 0.5 } }\n'],
        ['    goal: maximize\n    target: 0.97', '    goal: minimize\n    target: 0.97'],
      ]),
      files: true,
    },
    { name: 'more candidates expected', text: healthyRoadmap([['version: 1\n', 'version: 1\nsettings:\n  min_candidates: 5\n']]), files: true },
    { name: 'a blocked step', text: healthyRoadmap([['        title: Demo to the operations team\n        status: todo', '        title: Demo to the operations team\n        status: blocked\n        notes: Ops are busy']]), files: true },
    {
      name: 'the only candidate',
      text: minimalRoadmap(`${METRIC}${OTHERS}candidates:\n${BASELINE}  - id: only\n    based_on: [paper]\n    status: prototyping\n    cost: { effort_days: 2 }\n    benefit: { expected: { accuracy: 0.9 } }\n`),
    },
    { name: 'candidates without metrics', text: minimalRoadmap(`candidates:\n${BASELINE}  - { id: lone, status: idea }\n`) },
    { name: 'one production step', text: minimalRoadmap(production(1)), files: true },
    { name: 'many production steps', text: minimalRoadmap(production(8)), files: true },
    { name: 'production steps done', text: minimalRoadmap(production(2).replace(/todo/g, 'done')), files: true },
    { name: 'broken YAML', text: minimalRoadmap('foo: "bar\n') },
  ];
}

/** Every text the analysis of the roadmaps shows a user, parse diagnostics (another folder's) left out. */
function analysisTexts(): (string | undefined)[] {
  const texts: (string | undefined)[] = [];
  for (const c of cases()) {
    const parse = parseRoadmap(c.text);
    const parseMessages = new Set(parse.diagnostics.map((d) => d.message));
    const results: AnalysisInputs['results'] | undefined = c.history
      ? { evaluated: new Map(Object.entries(c.history).map(([id, metrics]) => [id, record(id, metrics)])), findings: [] }
      : undefined;
    for (const gate of [undefined, 'production', 'shipped'] as const) {
      for (const partialRoadmap of ['analyse', 'hold'] as const) {
        const a = analyseRoadmap(c.text, parse, { fileExists: () => c.files === true, partialRoadmap, ...(gate ? { gate } : {}), ...(results ? { results } : {}) });
        texts.push(a.rankFormula);
        for (const f of a.findings) texts.push(f.message, f.action);
        for (const u of a.gate?.unmet ?? []) texts.push(u.message);
        texts.push(...a.blockers.filter((b) => !parseMessages.has(b)));
        for (const r of a.ranks.values()) texts.push(r.formula);
        const roadmap = a.roadmap;
        if (!roadmap) continue;
        // Every item, not only the first few the Focus view shows.
        for (const item of [...a.focus, ...sprintFocus(roadmap, a.findings, { limit: 1000 })]) {
          if (item.kind === 'pitfall') texts.push(item.title, item.detail, item.pitfall);
          else texts.push(item.detail);
        }
        const markdown = focusAsMarkdown(a.focus, roadmap).split('\n');
        texts.push(markdown[0].replace(/^## /, ''));
        if (a.focus.length === 0) texts.push(markdown[2]);
        texts.push(phaseSummary(roadmap, a.progress));
        for (const o of rankCandidates(roadmap, results ? { baselineMetrics: results.evaluated.get('majority')?.metrics } : {})) {
          texts.push(isRanked(o) ? o.formula : o.reason);
        }
        for (const g of a.progress?.groups ?? []) if (a.progress?.phase === 'discovery') texts.push(groupTitle('discovery', g.id));
      }
    }
  }
  return texts;
}

/** The titles and purposes the views show of the process itself. */
function processTexts(): (string | undefined)[] {
  return [
    ...STAGES.flatMap((s) => [STAGE_DESCRIPTIONS[s].title, STAGE_DESCRIPTIONS[s].purpose, groupTitle('discovery', s)]),
    ...USUAL_TRACKS.flatMap((t) => [t.title, t.purpose]),
    ...PHASES.map(phaseTitle),
    focusAsMarkdown([], parseRoadmap(minimalRoadmap()).roadmap!).split('\n')[2],
    rankingFormula(),
  ];
}

describe('l10n: the analysis of a roadmap (pitfalls, gates, focus, progress, ranking)', function () {
  this.timeout(60_000);

  it('every finding, hint, gate condition, blocker, focus item, rank formula and process title is translated', async () => {
    const texts = await withPseudoL10n(() => [...analysisTexts(), ...processTexts()]);
    const distinct = new Set(texts.filter((t): t is string => t !== undefined && t !== ''));
    assert.deepEqual(untranslated(distinct), []);
    assert.ok(distinct.size >= 120, `only ${distinct.size} distinct texts checked`);
  });

  it('says each kind of thing it can say (the inputs reach every message)', async () => {
    const texts = new Set(await withPseudoL10n(() => analysisTexts()));
    const has = (re: RegExp) => [...texts].some((t) => t !== undefined && re.test(t));
    for (const re of [
      /is the only candidate besides/,
      /is one of only \d+ candidates/,
      /has no results path/,
      /has no results file at/,
      /ranks clearly higher/,
      /without ⟦`cost` and `benefit`⟧/,
      /^⟦Only 1 candidate besides/,
      /^⟦Only \d+ candidates besides/,
      /^⟦1 open pitfall error \(/,
      /^⟦\d+ open pitfall errors \(/,
      /is not from the pipeline/,
      /no evaluation run is recorded/,
      /production step is not done/,
      /production steps are not done/,
      /and 3 more/,
      /lists no production steps/,
      /measured baseline/,
      /expected of baseline/,
      /no baseline value/,
      /\(not given\)/,
      /the roadmap defines no metric/,
      /no expected value for the primary metric/,
      /no cost \(effort_days/,
      /the cost is zero/,
      /the cost is too small/,
      /Ops are busy/,
    ]) {
      assert.ok(has(re), `no text matches ${re}`);
    }
  });

  it('reads the same in English without a bundle', () => {
    const texts = [...analysisTexts(), ...processTexts()];
    assert.ok(!texts.some((t) => t?.includes(PSEUDO_OPEN)));
    assert.match(rankingFormula(), /^score = gain × confidence weight ÷ cost, where/);
    assert.deepEqual(
      STAGES.map((s) => STAGE_DESCRIPTIONS[s].title),
      ['Understand', 'Define', 'Ideate', 'Prototype', 'Test'],
    );
  });
});

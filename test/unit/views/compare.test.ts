import assert from 'node:assert/strict';
import { compareColumns, compareModel, costDays, filterRows, paretoFront, shownColumns, sortRows, type CompareInputs, type CompareLatest, type CompareRow } from '../../../src/core/views/compare';
import { analyseRoadmap } from '../../../src/core/process/analysis';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import { parseCompareRequest } from '../../../src/protocol/compare';

const YAML = `version: 1
project: { name: Digits, phase: discovery }
metrics:
  - { id: accuracy, goal: maximize, target: 0.97 }
  - { id: latency_ms, goal: minimize, target: 20 }
literature:
  - { id: lecun98, title: Gradient-based learning, url: "http://yann.lecun.com/x.pdf" }
  - { id: evil, title: Evil, url: "javascript:alert(1)" }
candidates:
  - id: logreg
    title: Logistic regression
    baseline: true
    cost: { effort_days: 0.5, compute_hours: 0, risk: low }
    status: evaluated
  - id: cnn
    title: Small CNN
    based_on: [lecun98, evil, unknown]
    cost: { effort_days: 5, compute_hours: 4, risk: medium }
    benefit: { expected: { accuracy: 0.99 }, confidence: medium }
    status: shortlisted
    decision: "0002"
  - id: mlp
    based_on: [lecun98]
    cost: { effort_days: 2, compute_hours: 1, risk: low }
    benefit: { expected: { accuracy: 0.975 }, confidence: high }
    status: prototyping
  - id: knn
    cost: { effort_days: 3 }
    benefit: { expected: { accuracy: 0.97 }, confidence: medium }
    status: idea
`;

const latest: Record<string, CompareLatest> = {
  logreg: { metrics: { accuracy: 0.9612345, latency_ms: 3 }, at: '2026-12-01T10:00:00Z' },
  mlp: { metrics: { eval_accuracy: 0.98, latency_ms: 25 }, notFromPipeline: true },
};

function model(readOnly = false) {
  const parse = parseRoadmap(YAML);
  const analysis = analyseRoadmap(YAML, parse, { fileExists: () => true });
  const inputs: CompareInputs = {
    ranks: analysis.ranks,
    rankFormula: analysis.rankFormula,
    latest: (id) => latest[id],
    decisionTitle: (n) => (n === '0002' ? 'Choose the CNN' : undefined),
    readOnly,
  };
  return { m: compareModel(parse.roadmap, inputs), analysis };
}

describe('Compare Candidates view model', () => {
  it('has one row per candidate with cost, benefit, confidence, rank and formula, literature and decision', () => {
    const { m, analysis } = model();
    assert.deepEqual(m.rows.map((r) => r.id), ['logreg', 'cnn', 'mlp', 'knn']);
    const cnn = m.rows[1];
    assert.equal(cnn.title, 'Small CNN');
    assert.equal(cnn.status, 'shortlisted');
    assert.equal(cnn.baseline, false);
    assert.deepEqual(cnn.effortDays, { value: 5, text: '5' });
    assert.deepEqual(cnn.computeHours, { value: 4, text: '4' });
    assert.equal(cnn.risk, 'medium');
    assert.equal(cnn.confidence, 'medium');
    const rank = analysis.ranks.get('cnn')!;
    assert.deepEqual(cnn.rank, { position: rank.position, score: { value: rank.score, text: String(Number(rank.score.toPrecision(4))) }, formula: rank.formula });
    assert.equal(m.rows[0].baseline, true);
    assert.equal(m.rows[0].rank, undefined, 'the baseline is not ranked');
    assert.equal(m.rows[2].title, 'mlp', 'a candidate without a title shows its id');
    // Only http(s) links are kept as links; an unknown literature id is shown as written.
    assert.deepEqual(cnn.literature, [
      { id: 'lecun98', title: 'Gradient-based learning', url: 'http://yann.lecun.com/x.pdf' },
      { id: 'evil', title: 'Evil' },
      { id: 'unknown', title: 'unknown' },
    ]);
    assert.deepEqual(cnn.decision, { number: '0002', title: 'Choose the CNN' });
    assert.equal(m.baselineId, 'logreg');
    assert.equal(m.readOnly, false);
    assert.equal(model(true).m.readOnly, true);
  });

  it('shows every metric: expected, latest value, delta against the baseline and target met, formatted once, raw kept', () => {
    const { m } = model();
    const mlp = m.rows.find((r) => r.id === 'mlp')!;
    assert.deepEqual(mlp.metrics, [
      // eval_accuracy is the tool's name for accuracy, matched as the comparison report matches it.
      { metric: 'accuracy', expected: { value: 0.975, text: '0.975' }, value: { value: 0.98, text: '0.98' }, delta: { value: 0.98 - 0.9612345, text: '+0.01877' }, improved: true, targetMet: true },
      { metric: 'latency_ms', value: { value: 25, text: '25' }, delta: { value: 22, text: '+22' }, improved: false, targetMet: false },
    ]);
    assert.deepEqual(mlp.result, { notFromPipeline: true }, 'a result no history record holds is flagged');
    const logreg = m.rows[0];
    assert.deepEqual(logreg.metrics[0], { metric: 'accuracy', value: { value: 0.9612345, text: '0.9612' }, targetMet: false }, 'the baseline has no delta against itself');
    assert.deepEqual(logreg.result, { notFromPipeline: false, at: '2026-12-01T10:00:00Z' });
    assert.deepEqual(m.rows[1].metrics[0], { metric: 'accuracy', expected: { value: 0.99, text: '0.99' } }, 'no result: only the expectation');
    assert.deepEqual(m.metrics, [
      { id: 'accuracy', goal: 'maximize', target: { value: 0.97, text: '0.97' } },
      { id: 'latency_ms', goal: 'minimize', target: { value: 20, text: '20' } },
    ]);
  });

  it('puts each candidate with a cost on the scatter (expected and measured), and the Pareto front of cost against the benefit measured by the pipeline, else expected', () => {
    const { m } = model();
    assert.equal(m.scatter.metric?.id, 'accuracy');
    assert.deepEqual(m.scatter.points, [
      { candidate: 'logreg', cost: 0.5, measured: 0.9612345, benefit: { value: 0.9612345, basis: 'measured' } },
      { candidate: 'cnn', cost: 5.5, expected: 0.99, benefit: { value: 0.99, basis: 'expected' } },
      // mlp's 0.98 is not from the pipeline: it counts for nothing, its expectation stands.
      { candidate: 'mlp', cost: 2.125, expected: 0.975, measured: 0.98, benefit: { value: 0.975, basis: 'expected' } },
      { candidate: 'knn', cost: 3, expected: 0.97, benefit: { value: 0.97, basis: 'expected' } },
    ]);
    // logreg has no expected benefit but a measured one: the cheapest point. knn costs more than mlp and is expected
    // to do worse: dominated.
    assert.deepEqual(m.scatter.front, ['logreg', 'mlp', 'cnn']);
  });

  it('weighs a measurement by the pipeline over the expectation on the Pareto front, both ways', () => {
    const front = (results: Record<string, CompareLatest>) =>
      compareModel(parseRoadmap(YAML).roadmap, { ranks: new Map(), rankFormula: '', latest: (id) => results[id], readOnly: false }).scatter.front;
    const logreg = latest.logreg;
    // Measured worse than hoped: mlp (expected 0.975) measured 0.95 is beaten by the cheaper logreg's 0.961 and drops
    // off, and knn (expected 0.97), which mlp dominated, comes onto the front.
    assert.deepEqual(front({ logreg, mlp: { metrics: { accuracy: 0.95 } } }), ['logreg', 'knn', 'cnn']);
    // The same number from a results file the pipeline did not record changes nothing: the expectation stands.
    assert.deepEqual(front({ logreg, mlp: { metrics: { accuracy: 0.95 }, notFromPipeline: true } }), ['logreg', 'mlp', 'cnn']);
    // Measured better than hoped: knn (expected 0.97) measured 0.995 now beats the costlier cnn's expected 0.99.
    assert.deepEqual(front({ logreg, knn: { metrics: { accuracy: 0.995 } } }), ['logreg', 'mlp', 'knn']);
  });

  it('says when the roadmap cannot be read', () => {
    const m = compareModel(undefined, { ranks: new Map(), rankFormula: 'f', latest: () => undefined, readOnly: false });
    assert.equal(m.rows.length, 0);
    assert.match(m.problem ?? '', /cannot be read/);
  });
});

describe('Pareto front', () => {
  const p = (id: string, cost: number, benefit: number) => ({ id, cost, benefit });

  it('keeps the points no other is as cheap and as good as, cheapest first (maximize)', () => {
    const points = [p('a', 1, 0.5), p('b', 2, 0.7), p('c', 3, 0.6), p('d', 4, 0.9), p('e', 1, 0.4)];
    assert.deepEqual(paretoFront(points, 'maximize').map((x) => x.id), ['a', 'b', 'd']);
  });

  it('turns the benefit axis round for a metric to minimize', () => {
    const points = [p('a', 1, 30), p('b', 2, 20), p('c', 3, 25), p('d', 4, 10)];
    assert.deepEqual(paretoFront(points, 'minimize').map((x) => x.id), ['a', 'b', 'd']);
  });

  it('keeps equal points together, drops one dominated on a single axis, ignores non-finite ones', () => {
    assert.deepEqual(paretoFront([p('a', 1, 1), p('b', 1, 1)], 'maximize').map((x) => x.id), ['a', 'b']);
    assert.deepEqual(paretoFront([p('a', 1, 1), p('b', 2, 1)], 'maximize').map((x) => x.id), ['a'], 'same benefit, dearer');
    assert.deepEqual(paretoFront([p('a', 1, 1), p('b', 1, 0.5)], 'maximize').map((x) => x.id), ['a'], 'same cost, worse');
    assert.deepEqual(paretoFront([p('a', Number.NaN, 1), p('b', 2, Number.POSITIVE_INFINITY), p('c', 3, 0)], 'maximize').map((x) => x.id), ['c']);
    assert.deepEqual(paretoFront([], 'maximize'), []);
  });

  it('cost is effort days plus compute hours ÷ 8, unknown when neither is given', () => {
    assert.equal(costDays({ cost: { effort_days: 2, compute_hours: 4 } }), 2.5);
    assert.equal(costDays({ cost: { compute_hours: 16 } }), 2);
    assert.equal(costDays({ cost: { risk: 'high' } }), undefined);
    assert.equal(costDays({}), undefined);
  });
});

describe('Compare Candidates table: sorting, filtering, columns', () => {
  const { m } = model();
  const ids = (rows: readonly CompareRow[]) => rows.map((r) => r.id);

  it('sorts by any column on raw values, both ways, rows without a value last, ties in file order', () => {
    assert.deepEqual(ids(sortRows(m.rows, { key: 'effort', direction: 'ascending' })), ['logreg', 'mlp', 'knn', 'cnn']);
    assert.deepEqual(ids(sortRows(m.rows, { key: 'effort', direction: 'descending' })), ['cnn', 'knn', 'mlp', 'logreg']);
    assert.deepEqual(ids(sortRows(m.rows, { key: 'value:accuracy', direction: 'descending' })), ['mlp', 'logreg', 'cnn', 'knn']);
    assert.deepEqual(ids(sortRows(m.rows, { key: 'value:accuracy', direction: 'ascending' })), ['logreg', 'mlp', 'cnn', 'knn']);
    assert.deepEqual(ids(sortRows(m.rows, { key: 'status', direction: 'ascending' })), ['knn', 'cnn', 'mlp', 'logreg'], 'statuses in workflow order');
    assert.deepEqual(ids(sortRows(m.rows, { key: 'title', direction: 'ascending' })), ['knn', 'logreg', 'mlp', 'cnn'], 'titles as text');
    assert.deepEqual(ids(sortRows(m.rows, { key: 'rank', direction: 'ascending' }))[3], 'logreg', 'the unranked baseline last');
    assert.deepEqual(ids(sortRows(m.rows, { key: 'risk', direction: 'descending' })), ['cnn', 'logreg', 'mlp', 'knn']);
    assert.deepEqual(ids(sortRows(m.rows, { key: 'met:accuracy', direction: 'descending' })), ['mlp', 'logreg', 'cnn', 'knn']);
    assert.deepEqual(ids(sortRows(m.rows, undefined)), ['logreg', 'cnn', 'mlp', 'knn']);
    assert.deepEqual(ids(sortRows(m.rows, { key: 'no-such-column', direction: 'ascending' })), ['logreg', 'cnn', 'mlp', 'knn']);
  });

  it('filters by status and by text (id, title, literature, decision), case-insensitive', () => {
    assert.deepEqual(ids(filterRows(m.rows, { statuses: ['idea', 'prototyping'] })), ['mlp', 'knn']);
    assert.deepEqual(ids(filterRows(m.rows, { statuses: [] })), ['logreg', 'cnn', 'mlp', 'knn']);
    assert.deepEqual(ids(filterRows(m.rows, { text: 'GRADIENT' })), ['cnn', 'mlp']);
    assert.deepEqual(ids(filterRows(m.rows, { text: 'choose' })), ['cnn']);
    assert.deepEqual(ids(filterRows(m.rows, { text: '  ', statuses: ['evaluated'] })), ['logreg']);
    assert.deepEqual(ids(filterRows(m.rows, { text: 'lecun', statuses: ['idea'] })), []);
  });

  it('has four columns per metric, shows the defaults until the user chooses, then the chosen ones in table order', () => {
    const all = compareColumns(m.metrics);
    assert.deepEqual(all.map((c) => c.key), [
      'title', 'status', 'effort', 'compute', 'risk', 'confidence', 'rank',
      'expected:accuracy', 'value:accuracy', 'delta:accuracy', 'met:accuracy',
      'expected:latency_ms', 'value:latency_ms', 'delta:latency_ms', 'met:latency_ms',
      'literature', 'decision',
    ]);
    assert.ok(!shownColumns(all, undefined).some((c) => c.key === 'literature' || c.key === 'delta:latency_ms'));
    assert.ok(shownColumns(all, undefined).some((c) => c.key === 'delta:accuracy'));
    assert.deepEqual(shownColumns(all, ['decision', 'title', 'gone']).map((c) => c.key), ['title', 'decision']);
    assert.deepEqual(shownColumns(all, []), []);
  });
});

describe('Compare Candidates contract', () => {
  it('accepts the requests it knows', () => {
    assert.deepEqual(parseCompareRequest({ type: 'ready' }), { ok: true, request: { type: 'ready' } });
    for (const type of ['revealCandidate', 'evaluateCandidate', 'recordDecision']) {
      assert.deepEqual(parseCompareRequest({ type, id: 'cnn' }), { ok: true, request: { type, id: 'cnn' } });
    }
    assert.equal(parseCompareRequest({ type: 'openLink', url: 'https://example.org/paper?x=1' }).ok, true);
    assert.equal(parseCompareRequest({ type: 'openLink', url: 'HTTP://example.org' }).ok, true);
  });

  it('refuses forged or malformed messages, and links that are not http(s), saying why', () => {
    for (const bad of [
      null,
      'ready',
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'evaluateCandidate' },
      { type: 'evaluateCandidate', id: '' },
      { type: 'evaluateCandidate', id: 'x'.repeat(201) },
      { type: 'evaluateCandidate', id: 3 },
      { type: 'evaluateCandidate', id: 'cnn', roadmap: 'file:///etc/passwd' },
      { type: 'openLink', url: 'javascript:alert(1)' },
      { type: 'openLink', url: 'data:text/html,<script>alert(1)</script>' },
      { type: 'openLink', url: 'file:///etc/passwd' },
      { type: 'openLink', url: 'command:workbench.action.terminal.new' },
      { type: 'openLink', url: 'https://ex ample.org' },
    ]) {
      const r = parseCompareRequest(bad);
      assert.equal(r.ok, false, JSON.stringify(bad));
      assert.ok(!r.ok && r.error.length > 0);
    }
  });
});

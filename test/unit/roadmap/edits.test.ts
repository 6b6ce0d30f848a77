import assert from 'node:assert/strict';
import {
  addAcknowledgement,
  addCandidate,
  addLiterature,
  addMetric,
  addOverride,
  addRealityCheck,
  applyEdits,
  setCandidateEstimate,
  setCandidateField,
  setCandidateStatus,
  setEvaluation,
  setMetricTarget,
  setOverrideDecision,
  setPhase,
  setRealityCheckVerdict,
  setStepStatus,
  type EditResult,
} from '../../../src/core/roadmap/edits';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import type { Roadmap } from '../../../src/core/roadmap/model';
import { createPositionMap } from '../../../src/core/roadmap/positions';
import { DEMO_ROADMAP, minimalRoadmap } from '../support/roadmaps';

/** Applies a successful edit result, checking each edit's range agrees with its offsets. */
function apply(text: string, result: EditResult): string {
  assert.ok(result.ok, result.ok ? '' : result.error);
  const positions = createPositionMap(text);
  for (const e of result.edits) {
    assert.equal(positions.offsetAt(e.range.start), e.offset);
    assert.equal(positions.offsetAt(e.range.end), e.offset + e.length);
  }
  return applyEdits(text, result.edits);
}

function model(text: string): Roadmap {
  const r = parseRoadmap(text);
  assert.deepEqual(r.diagnostics, [], text);
  assert.ok(r.roadmap);
  return r.roadmap;
}

/** Lines of `after` that differ from `before`, when both have the same number of lines. */
function changedLines(before: string, after: string): [string, string][] {
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(a.length, b.length, 'line count changed');
  return a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]] as [string, string]]));
}

/** `after` is `before` with `inserted` lines added and nothing else changed. */
function assertOnlyInserted(before: string, after: string, inserted: readonly string[]): void {
  const a = before.split('\n');
  const b = after.split('\n');
  const at = b.findIndex((line, i) => line !== a[i]);
  assert.deepEqual(b.slice(at, at + inserted.length), inserted);
  assert.deepEqual([...b.slice(0, at), ...b.slice(at + inserted.length)], a);
}

const COMMENTED = `# Team roadmap
version: 1   # format
project:
  name: 'Quoted: name'   # keep quotes
  phase: discovery
candidates:
  # the reference
  - id: majority
    baseline: true
    status: evaluated    # measured last week
  - { id: cnn, title: "Small CNN", status: idea }
discovery:
  - stage: understand
    steps:
      - { id: nightly-training, title: Nightly training job, status: todo }   # flow step
      - id: data
        status: todo
`;

describe('roadmap edits', () => {
  it('apply of no edits is a byte-identical round trip', () => {
    for (const text of [DEMO_ROADMAP, COMMENTED, DEMO_ROADMAP.replace(/\n/g, '\r\n')]) {
      assert.equal(applyEdits(text, []), text);
      const same = setStepStatus(text, 'nightly-training', 'todo');
      assert.equal(apply(text, same), text);
    }
  });

  describe('status changes touch only their line', () => {
    it('a step in a flow mapping', () => {
      const after = apply(COMMENTED, setStepStatus(COMMENTED, 'nightly-training', 'doing'));
      assert.deepEqual(changedLines(COMMENTED, after), [
        [
          '      - { id: nightly-training, title: Nightly training job, status: todo }   # flow step',
          '      - { id: nightly-training, title: Nightly training job, status: doing }   # flow step',
        ],
      ]);
      assert.equal(model(after).discovery[0].steps[0].status, 'doing');
    });

    it('a step in a block mapping of the demo', () => {
      const after = apply(DEMO_ROADMAP, setStepStatus(DEMO_ROADMAP, 'prototype-best', 'done'));
      assert.deepEqual(changedLines(DEMO_ROADMAP, after), [['        status: doing', '        status: done']]);
      assert.equal(model(after).discovery[3].steps[0].status, 'done');
    });

    it('a candidate, keeping the comment on its line', () => {
      const after = apply(COMMENTED, setCandidateStatus(COMMENTED, 'majority', 'rejected'));
      assert.deepEqual(changedLines(COMMENTED, after), [['    status: evaluated    # measured last week', '    status: rejected    # measured last week']]);
      const after2 = apply(COMMENTED, setCandidateStatus(COMMENTED, 'cnn', 'shortlisted'));
      assert.deepEqual(changedLines(COMMENTED, after2), [
        ['  - { id: cnn, title: "Small CNN", status: idea }', '  - { id: cnn, title: "Small CNN", status: shortlisted }'],
      ]);
    });

    it('the phase and a reality check verdict', () => {
      const after = apply(DEMO_ROADMAP, setPhase(DEMO_ROADMAP, 'production'));
      assert.deepEqual(changedLines(DEMO_ROADMAP, after), [
        ['  phase: discovery            # discovery | production | shipped', '  phase: production            # discovery | production | shipped'],
      ]);
      const verdict = apply(DEMO_ROADMAP, setRealityCheckVerdict(DEMO_ROADMAP, 'ops-demo', 'passed'));
      assert.equal(model(verdict).reality_checks[0].verdict, 'passed');
      assert.equal(changedLines(DEMO_ROADMAP, verdict).length, 1);
    });

    it('keeps CRLF line breaks', () => {
      const crlf = DEMO_ROADMAP.replace(/\n/g, '\r\n');
      const after = apply(crlf, setStepStatus(crlf, 'reality-check', 'doing'));
      assert.equal(after, apply(DEMO_ROADMAP, setStepStatus(DEMO_ROADMAP, 'reality-check', 'doing')).replace(/\n/g, '\r\n'));
    });
  });

  describe('fields', () => {
    it('replaces a field in place, keeping its quoting style', () => {
      const after = apply(DEMO_ROADMAP, setCandidateField(DEMO_ROADMAP, 'cnn', 'decision', '0004'));
      assert.deepEqual(changedLines(DEMO_ROADMAP, after), [['    decision: "0002"', '    decision: "0004"']]);
      const title = apply(COMMENTED, setCandidateField(COMMENTED, 'cnn', 'title', "Tiny CNN, v2"));
      assert.equal(model(title).candidates[1].title, 'Tiny CNN, v2');
    });

    it('adds an absent field after the last key of a block or flow mapping', () => {
      const after = apply(DEMO_ROADMAP, setCandidateField(DEMO_ROADMAP, 'forest', 'skip_reason', 'Needs: more memory'));
      assertOnlyInserted(DEMO_ROADMAP, after, ['    skip_reason: "Needs: more memory"']);
      assert.equal(model(after).candidates[2].skip_reason, 'Needs: more memory');
      const flow = apply(COMMENTED, setCandidateField(COMMENTED, 'cnn', 'decision', '0007'));
      assert.deepEqual(changedLines(COMMENTED, flow), [
        ['  - { id: cnn, title: "Small CNN", status: idea }', '  - { id: cnn, title: "Small CNN", status: idea, decision: "0007" }'],
      ]);
      assert.equal(model(flow).candidates[1].decision, '0007');
    });

    it('fills an empty value', () => {
      const text = minimalRoadmap('candidates:\n  - id: c\n    status:\n    title: T\n');
      assert.equal(parseRoadmap(apply(text, setCandidateStatus(text, 'c', 'chosen'))).roadmap?.candidates[0].status, 'chosen');
    });

    it('sets evaluation fields, creating the block when absent', () => {
      const base = minimalRoadmap();
      const created = apply(base, setEvaluation(base, { command: 'python3 evaluate.py --out ${results}', dataset: 'data/x.csv', shell: false }));
      assert.ok(created.startsWith(base));
      const e = model(created).evaluation;
      assert.deepEqual([e?.command, e?.dataset, e?.shell], ['python3 evaluate.py --out ${results}', 'data/x.csv', false]);
      const updated = apply(DEMO_ROADMAP, setEvaluation(DEMO_ROADMAP, { dataset: 'data/digits_v2.csv', shell: true }));
      assert.deepEqual([model(updated).evaluation?.dataset, model(updated).evaluation?.shell], ['data/digits_v2.csv', true]);
      const twice = setEvaluation(created, { command: 'python3 evaluate.py --out ${results}', dataset: 'data/y.csv' });
      assert.ok(twice.ok && twice.edits.length === 1, 'several fields, one edit');
      assert.deepEqual(setEvaluation(created, { dataset: 'data/x.csv' }), { ok: true, edits: [] }, 'nothing to change, no edit');
    });

    it('sets cost and benefit estimates inside the flow mappings, touching only their line', () => {
      const after = apply(DEMO_ROADMAP, setCandidateEstimate(DEMO_ROADMAP, 'cnn', { cost: { effort_days: 8, risk: 'high' }, benefit: { expected: { accuracy: 0.985 } } }));
      assert.deepEqual(changedLines(DEMO_ROADMAP, after), [
        ['    cost: { effort_days: 5, compute_hours: 4, risk: medium }', '    cost: { effort_days: 8, compute_hours: 4, risk: high }'],
        ['    benefit: { expected: { accuracy: 0.99, latency_ms: 20 }, confidence: medium }', '    benefit: { expected: { accuracy: 0.985, latency_ms: 20 }, confidence: medium }'],
      ]);
      const r = setCandidateEstimate(DEMO_ROADMAP, 'forest', { benefit: { expected: { latency_ms: 12 }, confidence: 'low' } });
      const forest = model(apply(DEMO_ROADMAP, r)).candidates.find((c) => c.id === 'forest');
      assert.deepEqual(forest?.benefit, { expected: { accuracy: 0.95, latency_ms: 12 }, confidence: 'low' });
      assert.equal(r.ok && r.edits.length, 1, 'one edit: one undo step');
    });

    it('adds cost and benefit to a candidate without them, in flow style, keeping comments', () => {
      const after = apply(COMMENTED, setCandidateEstimate(COMMENTED, 'majority', { cost: { effort_days: 0.5, compute_hours: 0, risk: 'low' }, benefit: { expected: { accuracy: 0.1 }, confidence: 'high' } }));
      assertOnlyInserted(COMMENTED, after, [
        '    cost: { effort_days: 0.5, compute_hours: 0, risk: low }',
        '    benefit: { expected: { accuracy: 0.1 }, confidence: high }',
      ]);
      assert.ok(after.includes('    status: evaluated    # measured last week\n'));
      const flow = apply(COMMENTED, setCandidateEstimate(COMMENTED, 'cnn', { cost: { effort_days: 3 } }));
      assert.deepEqual(changedLines(COMMENTED, flow), [
        ['  - { id: cnn, title: "Small CNN", status: idea }', '  - { id: cnn, title: "Small CNN", status: idea, cost: { effort_days: 3 } }'],
      ]);
      const empty = minimalRoadmap('candidates:\n  - id: c\n    cost:\n    benefit: {}\n');
      const filled = model(apply(empty, setCandidateEstimate(empty, 'c', { cost: { risk: 'medium' }, benefit: { confidence: 'medium' } }))).candidates[0];
      assert.deepEqual([filled.cost, filled.benefit], [{ risk: 'medium' }, { confidence: 'medium' }]);
    });

    it('refuses bad estimates and unknown candidates, and a cost that is not a mapping', () => {
      assert.equal(setCandidateEstimate(DEMO_ROADMAP, 'cnn', { cost: { effort_days: -1 } }).ok, false);
      assert.equal(setCandidateEstimate(DEMO_ROADMAP, 'cnn', { cost: { risk: 'extreme' as 'high' } }).ok, false);
      assert.equal(setCandidateEstimate(DEMO_ROADMAP, 'cnn', { benefit: { expected: { accuracy: Number.NaN } } }).ok, false);
      assert.equal(setCandidateEstimate(DEMO_ROADMAP, 'nope', { cost: { effort_days: 1 } }).ok, false);
      const scalar = minimalRoadmap('candidates:\n  - id: c\n    cost: cheap\n');
      const r = setCandidateEstimate(scalar, 'c', { cost: { effort_days: 1 } });
      assert.equal(r.ok, false);
      assert.match(r.ok ? '' : r.error, /single value, not a mapping/);
    });

    it('sets a metric target in place or adds it', () => {
      const text = minimalRoadmap('metrics:\n  - id: accuracy   # primary\n    goal: maximize\n  - { id: latency_ms, goal: minimize, target: 50 }\n');
      const added = apply(text, setMetricTarget(text, 'accuracy', 0.97));
      assertOnlyInserted(text, added, ['    target: 0.97']);
      const replaced = apply(text, setMetricTarget(text, 'latency_ms', 30));
      assert.deepEqual(changedLines(text, replaced), [['  - { id: latency_ms, goal: minimize, target: 50 }', '  - { id: latency_ms, goal: minimize, target: 30 }']]);
      assert.equal(setMetricTarget(text, 'accuracy', Number.POSITIVE_INFINITY).ok, false);
      assert.equal(setMetricTarget(text, 'recall', 0.9).ok, false);
    });

    it('links the latest open override of a transition to its decision record', () => {
      const text = minimalRoadmap(
        'overrides:\n  - { from: discovery, to: production, reason: Demo booked, decision: "0003" }\n  - from: discovery   # again\n    to: production\n    reason: Pilot customer waiting\n',
      );
      const after = apply(text, setOverrideDecision(text, 'discovery', 'production', '0007'));
      assertOnlyInserted(text, after, ['    decision: "0007"']);
      assert.deepEqual(model(after).overrides.map((o) => o.decision), ['0003', '0007']);
      assert.equal(setOverrideDecision(after, 'discovery', 'production', '0008').ok, false, 'none left without a decision');
      assert.equal(setOverrideDecision(text, 'production', 'shipped', '0008').ok, false);
    });

    it('sets the phase when project has none, or creates project', () => {
      const noPhase = 'version: 1\nproject:\n  name: X\n';
      assert.equal(model(apply(noPhase, setPhase(noPhase, 'shipped'))).project.phase, 'shipped');
      const noProject = 'version: 1\n';
      const created = apply(noProject, setPhase(noProject, 'production'));
      assert.equal(created, 'version: 1\nproject:\n  phase: production\n');
    });
  });

  describe('adding items', () => {
    it('appends a candidate to a block list in the file style, nested values in flow style', () => {
      const after = apply(
        DEMO_ROADMAP,
        addCandidate(DEMO_ROADMAP, {
          id: 'vit',
          title: 'Vision transformer: tiny',
          based_on: ['lecun98'],
          cost: { effort_days: 10, risk: 'high' },
          benefit: { expected: { accuracy: 0.995 }, confidence: 'low' },
          status: 'idea',
        }),
      );
      assertOnlyInserted(DEMO_ROADMAP, after, [
        '  - id: vit',
        '    title: "Vision transformer: tiny"',
        '    based_on: [ lecun98 ]',
        '    cost: { effort_days: 10, risk: high }',
        '    benefit: { expected: { accuracy: 0.995 }, confidence: low }',
        '    status: idea',
      ]);
      const vit = model(after).candidates.find((c) => c.id === 'vit');
      assert.deepEqual(vit?.benefit, { expected: { accuracy: 0.995 }, confidence: 'low' });
    });

    it('appends to a flow list and to an empty flow list', () => {
      const text = minimalRoadmap('literature: [{ id: a }]   # reviewed\n');
      const after = apply(text, addLiterature(text, { id: 'b', title: 'B, the sequel' }));
      assert.ok(after.endsWith('literature: [{ id: a }, { id: b, title: "B, the sequel" }]   # reviewed\n'));
      const empty = minimalRoadmap('metrics: []\n');
      const added = apply(empty, addMetric(empty, { id: 'f1', kind: 'offline', goal: 'maximize', target: 0.9 }));
      assert.deepEqual(model(added).metrics.map((m) => [m.id, m.target]), [['f1', 0.9]]);
    });

    it('appends after a flow item of a block list in flow style', () => {
      const text = minimalRoadmap('reality_checks:\n  - { id: a, kind: demo }\n# end\n');
      const after = apply(text, addRealityCheck(text, { id: 'b', kind: 'ab-test', candidate: 'x' }));
      assert.ok(after.endsWith('  - { id: a, kind: demo }\n  - { id: b, kind: ab-test, candidate: x }\n# end\n'), after);
    });

    it('creates the list when absent, or fills an empty key, in the file indentation', () => {
      const text = 'version: 1\nproject:\n    name: X\ncandidates:\n-   id: a\n';
      const after = apply(text, addLiterature(text, { id: 'b', title: 'B' }));
      assert.equal(after, `${text}literature:\n- id: b\n  title: B\n`);
      const emptyKey = 'version: 1\nliterature:   # none yet\nproject: {}\n';
      const filled = apply(emptyKey, addLiterature(emptyKey, { id: 'x' }));
      assert.equal(filled, 'version: 1\nliterature:   # none yet\n  - id: x\nproject: {}\n');
      const tilde = 'version: 1\nliterature: ~\nproject: {}\n';
      assert.equal(apply(tilde, addLiterature(tilde, { id: 'x' })), 'version: 1\nliterature:\n  - id: x\nproject: {}\n');
      const noBreak = 'version: 1\nproject: {}';
      assert.equal(apply(noBreak, addMetric(noBreak, { id: 'm' })), 'version: 1\nproject: {}\nmetrics:\n  - id: m\n');
    });

    it('adds overrides and acknowledgements', () => {
      const o = apply(DEMO_ROADMAP, addOverride(DEMO_ROADMAP, { from: 'discovery', to: 'production', date: '2026-12-01', reason: 'Deadline: fixed' }));
      assert.deepEqual(model(o).overrides.map((x) => [x.from, x.to, x.date, x.reason]), [['discovery', 'production', '2026-12-01', 'Deadline: fixed']]);
      const a = apply(o, addAcknowledgement(o, { code: 'pitfall/one-architecture', target: 'cnn', reason: "It's the only one that fits" }));
      assert.deepEqual(model(a).acknowledged.map((x) => [x.code, x.target, x.reason]), [['pitfall/one-architecture', 'cnn', "It's the only one that fits"]]);
      assert.ok(a.startsWith(DEMO_ROADMAP));
    });

    it('keeps multi-line and special text intact', () => {
      const after = apply(DEMO_ROADMAP, addLiterature(DEMO_ROADMAP, { id: 'odd', title: '- [x] #1 {a}', takeaway: 'line one\nline two' }));
      const odd = model(after).literature.find((l) => l.id === 'odd');
      assert.deepEqual([odd?.title, odd?.takeaway], ['- [x] #1 {a}', 'line one\nline two']);
    });
  });

  describe('errors as results', () => {
    it('reports unknown ids, duplicates, bad values and unreadable text', () => {
      const errors: EditResult[] = [
        setStepStatus(DEMO_ROADMAP, 'nope', 'done'),
        setCandidateStatus(DEMO_ROADMAP, 'nope', 'chosen'),
        setRealityCheckVerdict(DEMO_ROADMAP, 'nope', 'passed'),
        addCandidate(DEMO_ROADMAP, { id: 'cnn' }),
        addCandidate(DEMO_ROADMAP, { id: ' ' }),
        setStepStatus(DEMO_ROADMAP, 'explore-data', 'finished' as never),
        setPhase(DEMO_ROADMAP, 'later' as never),
        setStepStatus('version: 1\nproject: [\n', 'a', 'done'),
        addMetric('- just\n- a list\n', { id: 'm' }),
        addMetric(minimalRoadmap('metrics: 3\n'), { id: 'm' }),
        addOverride(DEMO_ROADMAP, { from: 'discovery', to: 'production', reason: ' ' }),
        addAcknowledgement(DEMO_ROADMAP, { code: '', reason: 'x' }),
      ];
      for (const r of errors) assert.ok(!r.ok && r.error.length > 5, JSON.stringify(r));
      const unknown = setStepStatus(DEMO_ROADMAP, 'nope', 'done');
      assert.ok(!unknown.ok && /nope/.test(unknown.error));
    });
  });
});

import assert from 'node:assert/strict';
import { boardModel, cardVisible, neighbourStatus, type BoardInputs } from '../../../src/core/views/board';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import { parseBoardRequest } from '../../../src/protocol/board';

const YAML = `version: 1
project: { name: Digits, phase: discovery }
roles:
  ml_engineers: [Lee, Ari]
  software_engineers: [Sam]
discovery:
  - stage: understand
    steps:
      - { id: interview, title: Interview the operators, status: done, owner: Dana }
  - stage: ideate
    steps:
      - { id: baseline, status: doing, owner: Lee, notes: "majority class first" }
  - stage: understand
    steps:
      - { id: data-tour, title: Tour the data, status: todo }
production:
  - track: serving
    role: software_engineers
    steps:
      - { id: api, title: Prediction API, status: todo }
  - track: training
    steps:
      - { id: pipeline, status: blocked, owner: Ari }
`;

const inputs: BoardInputs = { findings: [], fixesOf: () => [{ title: 'Fix it…' }], readOnly: false };

describe('Roadmap Board view model', () => {
  const roadmap = parseRoadmap(YAML).roadmap;

  it('has the five Design-Thinking stages in order, then the tracks as written, each with its steps', () => {
    const m = boardModel(roadmap, inputs);
    assert.deepEqual(m.columns.map((c) => c.key), ['discovery:understand', 'discovery:define', 'discovery:ideate', 'discovery:prototype', 'discovery:test', 'production:serving', 'production:training']);
    assert.deepEqual(m.columns[0].cards.map((c) => [c.id, c.title, c.status]), [
      ['interview', 'Interview the operators', 'done'],
      ['data-tour', 'Tour the data', 'todo'],
    ]);
    assert.equal(m.columns[2].cards[0].title, 'baseline', 'a step without a title shows its id');
    assert.equal(m.columns[2].cards[0].notes, 'majority class first');
    assert.deepEqual(m.columns[5], { key: 'production:serving', phase: 'production', title: 'serving', role: 'software_engineers', subtitle: 'software engineers', cards: [{ id: 'api', title: 'Prediction API', status: 'todo', roles: [] }] });
    assert.deepEqual(m.owners, ['Ari', 'Dana', 'Lee']);
    assert.deepEqual(m.roles, ['ml_engineers', 'software_engineers']);
    assert.equal(m.project, 'Digits');
  });

  it('carries the gate and the findings with their fixes, and says when it is read-only', () => {
    const finding = { code: 'pitfall/one-architecture', severity: 'warning' as const, message: 'Only one candidate', range: { start: { line: 7, character: 0 }, end: { line: 7, character: 4 } } };
    const m = boardModel(roadmap, {
      ...inputs,
      readOnly: true,
      findings: [finding],
      gate: { target: 'production', passed: false, unmet: [{ id: 'candidate-chosen', message: 'No candidate is chosen.' }] },
    });
    assert.deepEqual(m.gate, { from: 'discovery', to: 'production', passed: false, unmet: ['No candidate is chosen.'] });
    assert.deepEqual(m.findings, [{ code: 'pitfall/one-architecture', severity: 'warning', message: 'Only one candidate', line: 7, fixes: [{ title: 'Fix it…' }] }]);
    assert.equal(m.readOnly, true);
  });

  it('an unreadable roadmap gives no columns and says why', () => {
    const m = boardModel(undefined, inputs);
    assert.deepEqual(m.columns, []);
    assert.match(m.problem ?? '', /cannot be read/);
  });

  it('filters by owner, and by role (the owner plays it, or the track is of that role)', () => {
    const m = boardModel(roadmap, inputs);
    const visible = (f: Parameters<typeof cardVisible>[2]) => m.columns.flatMap((c) => c.cards.filter((k) => cardVisible(c, k, f)).map((k) => k.id));
    assert.deepEqual(visible({ owner: 'Lee' }), ['baseline']);
    assert.deepEqual(visible({ role: 'ml_engineers' }), ['baseline', 'pipeline']);
    assert.deepEqual(visible({ role: 'software_engineers' }), ['api']);
    assert.deepEqual(visible({}), ['interview', 'data-tour', 'baseline', 'api', 'pipeline']);
  });

  it('neighbour statuses follow the workflow order', () => {
    assert.equal(neighbourStatus('todo', 1), 'doing');
    assert.equal(neighbourStatus('todo', -1), undefined);
    assert.equal(neighbourStatus('doing', 1), 'done');
  });
});

describe('Roadmap Board message contract', () => {
  it('accepts the requests the webview may send', () => {
    assert.deepEqual(parseBoardRequest({ type: 'ready' }), { ok: true, request: { type: 'ready' } });
    assert.deepEqual(parseBoardRequest({ type: 'setStepStatus', stepId: 'api', status: 'doing' }), { ok: true, request: { type: 'setStepStatus', stepId: 'api', status: 'doing' } });
    assert.equal(parseBoardRequest({ type: 'runFix', finding: 0, fix: 2 }).ok, true);
  });

  it('refuses forged or malformed messages, saying why', () => {
    for (const bad of [
      null,
      'ready',
      { type: 'deleteEverything' },
      { type: 'setStepStatus', stepId: 'api', status: 'shipped' },
      { type: 'setStepStatus', stepId: '', status: 'done' },
      { type: 'setStepStatus', stepId: 'api', status: 'done', command: 'rm -rf /' },
      { type: 'runFix', finding: -1, fix: 0 },
      { type: 'runFix', finding: 1.5, fix: 0 },
      { type: 'revealLine', line: '3' },
    ]) {
      const r = parseBoardRequest(bad);
      assert.equal(r.ok, false, JSON.stringify(bad));
      assert.ok(!r.ok && r.error.length > 0);
    }
  });
});

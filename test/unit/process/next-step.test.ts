import * as assert from 'node:assert/strict';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import { nextTodoStep } from '../../../src/core/process/next-step';

function roadmapOf(text: string) {
  const { roadmap } = parseRoadmap(text);
  assert.ok(roadmap);
  return roadmap;
}

const STAGES_OUT_OF_ORDER = `version: 1
project: { name: X, phase: PHASE }
discovery:
  - stage: ideate
    steps:
      - { id: candidates, status: todo }
  - stage: understand
    steps:
      - { id: problem, status: done }
      - { id: data, status: doing }
      - { id: literature, status: todo }
production:
  - track: serving
    steps:
      - { id: api, status: done }
  - track: monitoring
    steps:
      - { id: alerts, status: blocked }
      - { id: dashboard, status: todo }
`;

describe('nextTodoStep', () => {
  it('takes the first todo step in Design-Thinking stage order in Discovery, not file order', () => {
    const next = nextTodoStep(roadmapOf(STAGES_OUT_OF_ORDER.replace('PHASE', 'discovery')));
    assert.equal(next?.step.id, 'literature');
    assert.equal(next?.group, 'understand');
  });

  it('takes the first todo step of the Production tracks in production', () => {
    const next = nextTodoStep(roadmapOf(STAGES_OUT_OF_ORDER.replace('PHASE', 'production')));
    assert.equal(next?.step.id, 'dashboard');
    assert.equal(next?.group, 'monitoring');
  });

  it('finds nothing once shipped or when every step has started', () => {
    assert.equal(nextTodoStep(roadmapOf(STAGES_OUT_OF_ORDER.replace('PHASE', 'shipped'))), undefined);
    const started = STAGES_OUT_OF_ORDER.replace('PHASE', 'discovery').replace(/status: todo/g, 'status: doing');
    assert.equal(nextTodoStep(roadmapOf(started)), undefined);
  });
});

import * as assert from 'node:assert/strict';
import { applyEdits, addOverride, setPhase, setStepStatus } from '../../../src/core/roadmap/edits';
import { editSequence } from '../../../src/core/roadmap/edit-sequence';
import { parseRoadmap } from '../../../src/core/roadmap/parse';

const TEXT = `version: 1
project:
  name: X   # the name
  phase: discovery   # where we are
discovery:
  - stage: understand
    steps:
      - { id: problem, status: todo }
`;

describe('editSequence', () => {
  it('combines changes into one edit computed on the text each previous change produced', () => {
    const result = editSequence(TEXT, [
      (t) => setPhase(t, 'production'),
      (t) => addOverride(t, { from: 'discovery', to: 'production', date: '2026-11-27', reason: 'Deadline moved up' }),
    ]);
    assert.ok(result.ok);
    assert.equal(result.edits.length, 1);
    const after = applyEdits(TEXT, result.edits);
    assert.ok(after.includes('  phase: production   # where we are\n'), after);
    const { roadmap, diagnostics } = parseRoadmap(after);
    assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
    assert.equal(roadmap?.project.phase, 'production');
    assert.deepEqual(
      roadmap?.overrides.map((o) => ({ from: o.from, to: o.to, date: o.date, reason: o.reason })),
      [{ from: 'discovery', to: 'production', date: '2026-11-27', reason: 'Deadline moved up' }],
    );
    assert.ok(after.startsWith(TEXT.slice(0, TEXT.indexOf('phase:'))), 'text before the first change is untouched');
  });

  it('stops at the first change that fails and returns its error', () => {
    const result = editSequence(TEXT, [(t) => setStepStatus(t, 'problem', 'done'), (t) => setStepStatus(t, 'missing', 'done')]);
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.error, /missing/);
  });

  it('returns no edit when nothing changes', () => {
    const result = editSequence(TEXT, []);
    assert.deepEqual(result, { ok: true, edits: [] });
  });
});

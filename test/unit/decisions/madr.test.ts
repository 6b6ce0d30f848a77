import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDecision, renderMadr, evaluationText } from '../../../src/core/decisions';
import { sampleDraft } from './draft';

describe('MADR 4 writer', function () {
  this.timeout(20000);
  it('writes front matter and the MADR 4 sections, with cost, benefit and the evaluation snapshot of each option', () => {
    const text = renderMadr(sampleDraft());
    assert.match(text, /^---\nstatus: accepted\ndate: 2024-05-02\ndecision-makers:\n {2}- Ana Lima\n {2}- Bo Chen, PhD\n/);
    assert.match(text, /\ncandidates:\n {2}- cnn-small\n {2}- vit-tiny\n---\n# Choose a small CNN over ViT-tiny\n/);
    const headings = text.split('\n').filter((l) => /^#{2,3} /.test(l));
    assert.deepEqual(headings, [
      '## Context and Problem Statement',
      '## Decision Drivers',
      '## Considered Options',
      '## Decision Outcome',
      '### Consequences',
      '## Pros and Cons of the Options',
      '### Small CNN',
      '### ViT-tiny',
    ]);
    assert.match(text, /Chosen option: "Small CNN", because it meets both targets at the lowest cost\./);
    assert.match(text, /\* Cost: 5 effort days, 20 compute hours, risk low/);
    assert.match(text, /\* Benefit: expected f1 0\.88; confidence medium/);
    assert.match(
      text,
      /\* Evaluation: f1 0\.874 \(baseline 0\.812, delta \+0\.062\), commit `3f2a9c1` with uncommitted changes, dataset sha256 `ab12cd34`, measured 2024-05-01T10:00:00Z/,
    );
    assert.match(text, /### ViT-tiny\n\nCandidate `vit-tiny`\.\n\n\* Cost: 12 effort days\n\* Evaluation: not measured yet\n\* Bad, because slow on CPU/);
    assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'));
  });

  it('writes the Confirmation section when given, and outcome lines for the other kinds', () => {
    assert.match(renderMadr(sampleDraft({ confirmation: 'A/B test in June.' })), /### Confirmation\n\nA\/B test in June\./);
    const reject = renderMadr(sampleDraft({ kind: 'reject-candidates', outcome: { reason: 'too slow' }, candidates: ['vit-tiny'] }));
    assert.match(reject, /Rejected option: "ViT-tiny", because too slow\./);
    const free = renderMadr(sampleDraft({ kind: 'change-metric', options: [], outcome: { reason: 'customers care about recall.' } }));
    assert.match(free, /Decision: customers care about recall\./);
    assert.doesNotMatch(free, /Pros and Cons/);
  });

  it('round-trips: what it writes reads back with the same fields', () => {
    const draft = sampleDraft();
    const r = parseDecision(renderMadr(draft), { file: 'docs/decisions/0007-choose-a-small-cnn.md' });
    assert.deepEqual(r.problems, []);
    const rec = r.record!;
    assert.deepEqual(
      [rec.number, rec.title, rec.status, rec.date, rec.format, rec.decisionMakers, rec.consulted, rec.informed, rec.candidates],
      [7, draft.title, 'accepted', '2024-05-02', 'madr4', draft.decisionMakers, draft.consulted, draft.informed, draft.candidates],
    );
  });

  it('round-trips titles and names with markdown and YAML special characters', () => {
    const titles = ['C# & F#: `fast` *or* _slow_? [draft] <v2> | #1', '1. Not a number', 'status: "quoted" # not a comment', 'Trailing #', '\\back\\slash'];
    for (const title of titles) {
      const draft = sampleDraft({ title, decisionMakers: ['O\'Neil: lead', '- dash', '[x]'], candidates: ['a: b', '#c'] });
      const rec = parseDecision(renderMadr(draft), { file: '0003-x.md' }).record!;
      assert.equal(rec.title, title);
      assert.deepEqual(rec.decisionMakers, draft.decisionMakers);
      assert.deepEqual(rec.candidates, draft.candidates);
    }
  });

  it('round-trips any single-line title (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '' && !/[\r\n]/.test(s) && s === s.trim().replace(/\s+/g, ' ')),
        fc.constantFrom('draft', 'proposed', 'accepted', 'rejected', 'deprecated', 'superseded' as const),
        (title, status) => {
          const rec = parseDecision(renderMadr(sampleDraft({ title, status })), { file: '0042-x.md' }).record;
          assert.equal(rec?.title, title);
          assert.equal(rec?.status, status);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('computes the delta when only the baseline is given, and leaves out what is unknown', () => {
    assert.equal(evaluationText({ metric: 'acc', value: 0.9, baseline: 0.7 }), 'acc 0.9 (baseline 0.7, delta +0.2)');
    assert.equal(evaluationText({ metric: 'mae', value: 3, delta: -1.5, commit: 'abc' }), 'mae 3 (delta -1.5), commit `abc`');
  });
});

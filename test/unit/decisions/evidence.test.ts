// The evidence a record embeds, read back by the decision reader: what Record Decision writes under "Pros and Cons of
// the Options" (each option's cost, benefit and evaluation snapshot); records from other tools embed none.
import assert from 'node:assert/strict';
import { parseDecision, renderMadr } from '../../../src/core/decisions';
import { sampleDraft } from './draft';

const read = (text: string, file = '0007-x.md') => parseDecision(text, { file }).record;

describe('decision evidence', () => {
  it('reads back what the MADR writer embeds: each option with its cost, benefit and evaluation', () => {
    const record = read(renderMadr(sampleDraft()));
    assert.deepEqual(record?.evidence, [
      {
        title: 'Small CNN',
        candidate: 'cnn-small',
        cost: '5 effort days, 20 compute hours, risk low',
        benefit: 'expected f1 0.88; confidence medium',
        evaluation: 'f1 0.874 (baseline 0.812, delta +0.062), commit 3f2a9c1 with uncommitted changes, dataset sha256 ab12cd34, measured 2024-05-01T10:00:00Z',
      },
      { title: 'ViT-tiny', candidate: 'vit-tiny', cost: '12 effort days', evaluation: 'not measured yet' },
    ]);
  });

  it('a title with Markdown marks reads as written', () => {
    const record = read(renderMadr(sampleDraft({ options: [{ id: 'x', title: 'CNN *fast* [v2] <b>', cost: '1 day', pros: [], cons: [] }] })));
    assert.deepEqual(record?.evidence, [{ title: 'CNN *fast* [v2] <b>', candidate: 'x', cost: '1 day', evaluation: 'not measured yet' }]);
  });

  it('a hand-written MADR record with evidence bullets (dashes, comments, a fenced example left alone)', () => {
    const text = [
      '---',
      'status: accepted',
      '---',
      '# Pick the MLP',
      '',
      '## Pros and Cons of the Options',
      '',
      '### MLP <!-- the small one -->',
      '',
      '- Cost: 2 effort days',
      '- Evaluation: accuracy 0.975, commit `abc1234`',
      '- Good, because it is simple',
      '',
      '```',
      '* Cost: 99 days (an example, not evidence)',
      '```',
      '',
      '### kNN',
      '',
      '* Good, because no training',
      '',
      '## More Information',
      '',
      '### Not an option',
      '',
      '* Cost: nothing',
    ].join('\n');
    assert.deepEqual(read(text)?.evidence, [{ title: 'MLP', cost: '2 effort days', evaluation: 'accuracy 0.975, commit abc1234' }]);
  });

  it('records without evidence have none: MADR pros and cons only, Nygard, no options at all', () => {
    const madr = ['---', 'status: accepted', '---', '# Use accuracy', '', '## Pros and Cons of the Options', '', '### Accuracy only', '', '* Good, because ops track it', '* Bad, because 7s'].join('\n');
    const nygard = ['# 3. Use Postgres', '', '## Status', '', 'Accepted', '', '## Context', '', 'Cost: high'].join('\n');
    const free = renderMadr(sampleDraft({ kind: 'free', options: [], outcome: { reason: 'we agree' }, candidates: [] }));
    for (const [text, file] of [[madr, '0001-a.md'], [nygard, '0003-b.md'], [free, '0004-c.md']] as const) {
      const record = read(text, file);
      assert.ok(record, file);
      assert.equal(record.evidence, undefined, file);
      assert.equal('evidence' in record, false, file);
    }
  });
});

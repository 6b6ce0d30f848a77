import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseDecision, readDecisionFolder } from '../../../src/core/decisions';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'decisions');

function summary(folder: string) {
  const r = readDecisionFolder(join(FIXTURES, folder));
  return {
    records: r.records.map((d) => ({
      n: d.padded,
      title: d.title,
      status: d.status,
      category: d.category,
      date: d.date,
      format: d.format,
      supersedes: d.supersedes,
      supersededBy: d.supersededBy,
    })),
    problems: r.problems.map((p) => ({ file: p.file.split('/').pop(), severity: p.severity, message: p.message })),
    raw: r,
  };
}

describe('decision readers', () => {
  it('reads MADR 4 front matter, skipping README and the template', () => {
    const s = summary('madr4');
    assert.deepEqual(s.records, [
      { n: '0001', title: 'Start with a gradient-boosting baseline', status: 'superseded by adr-0002', category: 'superseded', date: '2024-03-01', format: 'madr4', supersedes: [], supersededBy: [2] },
      { n: '0002', title: 'Fine-tune a small CNN', status: 'accepted', category: 'accepted', date: '2024-04-12', format: 'madr4', supersedes: [1], supersededBy: [] },
    ]);
    const first = s.raw.records[0];
    assert.deepEqual(first.decisionMakers, ['Ana Lima', 'Bo Chen']);
    assert.deepEqual(first.consulted, ['Data platform team']);
    assert.deepEqual(first.informed, ['Support leads']);
    assert.deepEqual(first.candidates, ['gbm']);
    assert.deepEqual(s.raw.records[1].candidates, ['cnn-small', 'vit-tiny']);
    assert.equal(first.id, '0001-start-with-a-gradient-boosting-baseline');
    assert.deepEqual(s.problems, []);
  });

  it('reads MADR 2-3 bullets, nested deciders, emphasis and comments', () => {
    const s = summary('madr3');
    assert.deepEqual(s.records, [
      { n: '0001', title: 'Store features in Parquet', status: 'superseded by adr-0003', category: 'superseded', date: '2023-11-20', format: 'madr2-3', supersedes: [], supersededBy: [3] },
      { n: '0002', title: 'Label with two annotators', status: 'accepted', category: 'accepted', date: '2023-12-02', format: 'madr2-3', supersedes: [], supersededBy: [] },
      { n: '0003', title: 'Store features in a feature store', status: 'proposed', category: 'proposed', date: '2024-01-15', format: 'madr2-3', supersedes: [1], supersededBy: [] },
    ]);
    assert.deepEqual(s.raw.records[0].decisionMakers, ['Ana Lima', 'Bo Chen']);
    assert.deepEqual(s.raw.records[1].decisionMakers, ['Ana Lima (ML)', 'Carla Diaz (product, approves budget)']);
  });

  it('reads Nygard / adr-tools records: numbered titles, a status in a code block, Pending, Supersedes', () => {
    const s = summary('nygard');
    assert.deepEqual(s.records, [
      { n: '0001', title: 'Record architecture decisions', status: 'accepted', category: 'accepted', date: '2023-05-02', format: 'nygard', supersedes: [], supersededBy: [] },
      { n: '0002', title: 'Use PyTorch Lightning', status: 'superseded by 4. use plain pytorch', category: 'superseded', date: '2023-05-09', format: 'nygard', supersedes: [], supersededBy: [4] },
      { n: '0003', title: 'Evaluate on a frozen test set', status: 'pending', category: 'other', date: '2023-06-01', format: 'nygard', supersedes: [], supersededBy: [] },
      { n: '0004', title: 'Use plain PyTorch', status: 'accepted', category: 'accepted', date: '2023-09-14', format: 'nygard', supersedes: [2], supersededBy: [] },
    ]);
    assert.deepEqual(s.problems, []);
  });

  it('reads log4brains date-named records, numbered in date order, links resolved by slug', () => {
    const s = summary('log4brains');
    assert.deepEqual(s.records, [
      { n: '0001', title: 'Track experiments in MLflow', status: 'superseded by 20240320-track-experiments-in-git', category: 'superseded', date: '2024-01-05', format: 'log4brains', supersedes: [], supersededBy: [2] },
      { n: '0002', title: 'Track experiments in git', status: 'draft', category: 'other', date: '2024-03-20', format: 'log4brains', supersedes: [1], supersededBy: [] },
    ]);
    assert.deepEqual(s.raw.records[0].decisionMakers, ['Bo Chen']);
  });

  it('lists what it understood and reports the rest as problems, without throwing; a status it does not know is no problem', () => {
    const s = summary('mixed-problems');
    assert.deepEqual(
      s.records.map((r) => [r.n, r.title, r.status, r.category]),
      [
        ['0001', 'Readable record', 'accepted', 'accepted'],
        ['0004', 'Odd status', 'parked until q3', 'other'],
      ],
    );
    assert.deepEqual(
      s.problems.map((p) => [p.file, p.severity]),
      [
        ['0002-no-title.md', 'error'],
        ['0003-broken-front-matter.md', 'error'],
      ],
    );
  });

  it('reads a missing folder as no records and no problem (no decision was recorded yet)', () => {
    const r = readDecisionFolder(join(FIXTURES, 'does-not-exist'));
    assert.deepEqual(r, { records: [], problems: [] });
  });

  it('keeps a title that starts with a number other than the record number', () => {
    const r = parseDecision('# 2024 roadmap freeze\n\n* Status: accepted\n', { file: 'docs/0007-freeze.md' });
    assert.equal(r.record?.title, '2024 roadmap freeze');
    assert.equal(r.record?.number, 7);
  });

  it('reads a record without any status as having none (MADR makes the status optional)', () => {
    const r = parseDecision('# Use Markdown records\n\n## Context and Problem Statement\n\nx\n', { file: '0000-use-markdown.md' });
    assert.equal(r.record?.status, undefined);
    assert.equal(r.record?.category, 'none');
    assert.equal(r.record?.format, 'madr2-3');
    assert.equal(r.record?.number, 0);
    assert.deepEqual(r.problems, []);
  });

  it('reads CRLF files', () => {
    const r = parseDecision('# 3. Use CRLF\r\n\r\nDate: 2024-01-01\r\n\r\n## Status\r\n\r\nRejected\r\n', { file: '0003-use-crlf.md' });
    assert.deepEqual([r.record?.title, r.record?.status, r.record?.date], ['Use CRLF', 'rejected', '2024-01-01']);
  });
});

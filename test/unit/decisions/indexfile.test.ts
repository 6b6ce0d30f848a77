import assert from 'node:assert/strict';
import { INDEX_BEGIN, INDEX_END, indexBlock, parseDecisionFiles, updateIndex, type DecisionRecord } from '../../../src/core/decisions';
import { LEGACY_INDEX_MARKER } from '../../../src/core/decisions/indexfile';

function records(): readonly DecisionRecord[] {
  const texts: Record<string, string> = {
    'docs/decisions/0001-a.md': '# 1. A\n\nDate: 2024-01-01\n\n## Status\n\nSuperseded by [2. B](0002-b.md)\n',
    'docs/decisions/0002-b.md': '# 2. B\n\n## Status\n\nAccepted\n\nSupersedes [1. A](0001-a.md)\n',
    'docs/decisions/0003-c.md': '---\nstatus: on hold\n---\n# C\n',
  };
  return parseDecisionFiles(
    Object.keys(texts).map((p) => ({ name: p.split('/').pop()!, path: p })),
    (p) => texts[p],
  ).records;
}

function update(existing: string | undefined) {
  const u = updateIndex(existing, records());
  assert.ok(u.ok, JSON.stringify(u));
  return u;
}

describe('decision index file', () => {
  it('a new file: a heading and the table between the markers, statuses as written', () => {
    const u = update(undefined);
    assert.equal(u.how, 'created');
    assert.equal(
      u.text,
      [
        '# Architecture Decision Records',
        '',
        INDEX_BEGIN,
        '',
        '| Number | Title | Status | Date |',
        '|---|---|---|---|',
        '| [0001](0001-a.md) | A | superseded by 2. b (superseded by 0002) | 2024-01-01 |',
        '| [0002](0002-b.md) | B | accepted (supersedes 0001) |  |',
        '| [0003](0003-c.md) | C | on hold |  |',
        '',
        INDEX_END,
        '',
      ].join('\n'),
    );
  });

  it('replaces only the block between the markers: the text before and after is kept byte for byte', () => {
    const before = '# Our decisions\r\n\r\nWritten by hand — ünïcödé, trailing spaces   \r\n\r\n';
    const after = '\r\n\r\n## Notes\r\n\r\nKeep this paragraph.\r\nNo newline at the end';
    const existing = `${before}<!-- mlroadmap:decision-index:begin old wording -->\r\n| stale | table |\r\n<!-- mlroadmap:decision-index:end -->${after}`;
    const u = update(existing);
    assert.equal(u.how, 'replaced');
    assert.ok(u.text.startsWith(before), 'text before the block');
    assert.ok(u.text.endsWith(after), 'text after the block');
    assert.equal(u.text, before + indexBlock(records(), '\r\n') + after);
    assert.doesNotMatch(u.text, /stale/);
    assert.equal(existing.slice(0, u.offset) + u.newText + existing.slice(u.offset + u.length), u.text);
    // Running it again changes nothing.
    assert.equal(update(u.text).text, u.text);
  });

  it('appends the block at the end of a file without markers, leaving every byte of it in place', () => {
    for (const existing of ['# Decisions\n\nOur own intro.\n', '# Decisions\n\nNo newline at the end', '']) {
      const u = update(existing);
      assert.equal(u.how, 'appended');
      assert.ok(u.text.startsWith(existing), JSON.stringify(existing));
      assert.equal(u.offset, existing.length);
      assert.equal(u.length, 0);
      assert.ok(u.text.endsWith(`${INDEX_END}\n`));
      assert.equal(update(u.text).how, 'replaced', 'the next run replaces the appended block');
      assert.equal(update(u.text).text, u.text);
    }
    assert.equal(update('# Decisions\n\nNo newline at the end').text, `# Decisions\n\nNo newline at the end\n\n${indexBlock(records())}\n`);
  });

  it('refuses markers that do not pair up, changing nothing', () => {
    for (const existing of [`x\n${INDEX_BEGIN}\ny\n`, `x\n${INDEX_END}\n`, `${INDEX_END}\n${INDEX_BEGIN}\n`, `${INDEX_BEGIN}\n${INDEX_END}\n${INDEX_BEGIN}\n${INDEX_END}\n`]) {
      const u = updateIndex(existing, records());
      assert.equal(u.ok, false, existing);
      assert.ok(!u.ok && /markers do not pair up/.test(u.message));
    }
  });

  it('an index written by an older version: its marker and table are replaced, the user text around them kept', () => {
    const old = `# Architecture Decision Records\n\nIntro by the team.\n\n${LEGACY_INDEX_MARKER}\n\n| Number | Title | Status | Date |\n|---|---|---|---|\n| [0001](0001-a.md) | A | superseded |  |\n\nA note added below.\n`;
    const u = update(old);
    assert.equal(u.how, 'replaced');
    assert.equal(u.text, `# Architecture Decision Records\n\nIntro by the team.\n\n${indexBlock(records())}\n\nA note added below.\n`);
  });
});

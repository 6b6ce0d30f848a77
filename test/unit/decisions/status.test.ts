import assert from 'node:assert/strict';
import { categoryOf, parseDecision, parseDecisionFiles, statusAsWritten, type DecisionRecord } from '../../../src/core/decisions';

// Small records in the shapes public decision logs use (adr-tools, MADR 2-4, log4brains), written here.

function read(text: string, file = '0007-sample.md'): DecisionRecord {
  const parsed = parseDecision(text, { file });
  assert.deepEqual(parsed.problems, [], 'no problems');
  assert.ok(parsed.record, 'a record');
  return parsed.record;
}

function statusOf(text: string, file?: string): [string | undefined, string] {
  const r = read(text, file);
  return [r.status, r.category];
}

const nygard = (status: string) => `# 7. Sample\n\nDate: 2017-07-04\n\n## Status\n\n${status}\n\n## Context\n\nText.\n`;
const madr4 = (frontMatter: string) => `---\nparent: Decisions\n${frontMatter}---\n# Sample\n\n## Context and Problem Statement\n\nText.\n`;
const madr2 = (bullets: string) => `# Sample\n\n${bullets}\n\n## Context and Problem Statement\n\nText.\n`;

describe('decision statuses as written', () => {
  describe('Nygard / adr-tools "## Status" section', () => {
    it('reads the words teams use, lower-cased, in their category', () => {
      assert.deepEqual(statusOf(nygard('Accepted')), ['accepted', 'accepted']);
      assert.deepEqual(statusOf(nygard('Proposed')), ['proposed', 'proposed']);
      assert.deepEqual(statusOf(nygard('Rejected')), ['rejected', 'rejected']);
      assert.deepEqual(statusOf(nygard('Deprecated')), ['deprecated', 'deprecated']);
      assert.deepEqual(statusOf(nygard('**Accepted**')), ['accepted', 'accepted']);
    });

    it('shows a status it does not know as written, never as another status', () => {
      assert.deepEqual(statusOf(nygard('Pending')), ['pending', 'other']);
      assert.deepEqual(statusOf(nygard('On hold')), ['on hold', 'other']);
      assert.deepEqual(statusOf(nygard('Draft')), ['draft', 'other']);
      assert.deepEqual(statusOf(nygard('Partly superseded')), ['partly superseded', 'other']);
      assert.deepEqual(statusOf(nygard('Waiting  for   the *security* review')), ['waiting for the security review', 'other']);
    });

    it('reads "Superseded by [5](...)" as written, with the link to 5', () => {
      const r = read(nygard('Superseded by [5. Use plain PyTorch](0005-use-plain-pytorch.md)'));
      assert.deepEqual([r.status, r.category, r.supersededBy], ['superseded by 5. use plain pytorch', 'superseded', [5]]);
      const short = read(nygard('Superseded by [5](0005-use-plain-pytorch.md)'));
      assert.deepEqual([short.status, short.category, short.supersededBy], ['superseded by 5', 'superseded', [5]]);
    });

    it('keeps "Accepted" as written when adr-tools adds a "Superseded by" line below it; the category is superseded', () => {
      const r = read(nygard('Accepted\n\nSuperseded by [9. Other](0009-other.md)'));
      assert.deepEqual([r.status, r.category, r.supersededBy], ['accepted', 'superseded', [9]]);
    });

    it('has no status when the section is empty', () => {
      assert.deepEqual(statusOf(nygard('')), [undefined, 'none']);
    });
  });

  describe('MADR 3-4 front matter', () => {
    it('reads status: as written', () => {
      assert.deepEqual(statusOf(madr4('status: accepted\n')), ['accepted', 'accepted']);
      assert.deepEqual(statusOf(madr4('status: on hold\n')), ['on hold', 'other']);
      assert.deepEqual(statusOf(madr4('status: draft\n')), ['draft', 'other']);
      assert.deepEqual(statusOf(madr4('status: deprecated\n')), ['deprecated', 'deprecated']);
      assert.deepEqual(statusOf(madr4('status: "superseded by ADR-0012"\n')), ['superseded by adr-0012', 'superseded']);
      assert.deepEqual(read(madr4('status: "superseded by ADR-0012"\n')).supersededBy, [12]);
    });

    it('has no status when the front matter names none (MADR makes it optional)', () => {
      const r = read(madr4('nav_order: 3\n'));
      assert.deepEqual([r.status, r.category, r.format], [undefined, 'none', 'madr4']);
    });
  });

  describe('MADR 2 "* Status:" bullets', () => {
    it('reads the bullet as written, dates as written', () => {
      const r = read(madr2('* Status: Accepted\n* Date: 2024-07-25'));
      assert.deepEqual([r.status, r.category, r.date, r.format], ['accepted', 'accepted', '2024-07-25', 'madr2-3']);
      const p = read(madr2('* Status: proposed\n* Deciders: Ana, Bo\n* Date: May 2025'));
      assert.deepEqual([p.status, p.category, p.date], ['proposed', 'proposed', 'May 2025']);
      assert.deepEqual(statusOf(madr2('* Status: pending')), ['pending', 'other']);
      assert.deepEqual(statusOf(madr2('* Status: rejected')), ['rejected', 'rejected']);
    });

    it('has no status when no bullet states one', () => {
      const r = read('# Use Markdown Architectural Decision Records\n\n## Context and Problem Statement\n\nText.\n', '0000-use-markdown.md');
      assert.deepEqual([r.status, r.category, r.number], [undefined, 'none', 0]);
    });
  });

  describe('log4brains "- Status:" bullets', () => {
    it('reads "superseded by [slug](...)" as written and links the record by its slug', () => {
      const files = {
        'adr/20200926-use-the-number.md': '# Use the number\n\n- Status: superseded by [20201016-use-the-slug](20201016-use-the-slug.md)\n- Date: 2020-09-26\n\n## Context\n',
        'adr/20201016-use-the-slug.md': '# Use the slug\n\n- Status: accepted\n- Date: 2020-10-16\n\n## Links\n\n- Supersedes [20200926-use-the-number](20200926-use-the-number.md)\n',
        'adr/20201103-use-lunr.md': '# Use Lunr\n\n- Status: on hold\n- Date: 2020-11-03\n',
      };
      const folder = parseDecisionFiles(
        Object.keys(files).map((path) => ({ name: path.split('/').pop()!, path })),
        (p) => files[p as keyof typeof files],
      );
      assert.deepEqual(folder.problems, []);
      assert.deepEqual(
        folder.records.map((r) => [r.number, r.title, r.status, r.category, r.date, r.supersedes, r.supersededBy, r.format]),
        [
          [1, 'Use the number', 'superseded by 20201016-use-the-slug', 'superseded', '2020-09-26', [], [2], 'log4brains'],
          [2, 'Use the slug', 'accepted', 'accepted', '2020-10-16', [1], [], 'log4brains'],
          [3, 'Use Lunr', 'on hold', 'other', '2020-11-03', [], [], 'log4brains'],
        ],
      );
    });
  });

  it('statusAsWritten and categoryOf: links read as labels, no text is no status', () => {
    assert.equal(statusAsWritten('Superseded by [ADR-0005](0005-x.md)'), 'superseded by adr-0005');
    assert.equal(statusAsWritten('  <!-- optional -->  '), undefined);
    assert.equal(statusAsWritten('Status: On Hold'), 'on hold');
    assert.equal(categoryOf(undefined), 'none');
    assert.equal(categoryOf('superceded by 3'), 'superseded');
    assert.equal(categoryOf('accepted'), 'accepted');
    assert.equal(categoryOf('approved'), 'accepted');
    assert.equal(categoryOf('pending'), 'other');
    assert.equal(categoryOf('acceptedish'), 'other');
  });
});

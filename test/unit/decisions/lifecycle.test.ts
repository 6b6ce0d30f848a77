import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applyEdits,
  detectCollisions,
  generateIndex,
  kebab,
  nextNumber,
  parseDecision,
  parseDecisionFiles,
  planRenumber,
  recordFileName,
  renderMadr,
  setStatusEdits,
  supersedeEdits,
  type DecisionFormat,
  type DecisionStatus,
} from '../../../src/core/decisions';
import { sampleDraft } from './draft';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'decisions');
const fixture = (p: string) => readFileSync(join(FIXTURES, p), 'utf8');

function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  return b.filter((l, i) => a[i] !== l || a.length !== b.length);
}

describe('numbering', () => {
  it('continues the sequence with 4-digit names', () => {
    assert.equal(nextNumber([]), 1);
    assert.equal(nextNumber([{ number: 0 }, { number: 7 }, { number: 3 }]), 8);
    assert.equal(recordFileName(12, 'Use a Transformer (ViT-B/16)!'), '0012-use-a-transformer-vit-b-16.md');
  });

  it('ASCII-folds and bounds the kebab name', () => {
    assert.equal(kebab('Résumé: ÆON über straße Łódź'), 'resume-aeon-uber-strasse-lodz');
    assert.equal(kebab('日本語'), 'decision');
    const long = kebab('a very long title that keeps going and going well beyond any reasonable file name length limit');
    assert.ok(long.length <= 60 && !long.endsWith('-'), long);
    assert.equal(long, 'a-very-long-title-that-keeps-going-and-going-well-beyond-any');
  });
});

describe('status edits', () => {
  const cases: [string, DecisionFormat, DecisionStatus, string][] = [
    ['madr4/0002-fine-tune-a-small-cnn.md', 'madr4', 'deprecated', 'status: deprecated'],
    ['madr3/0003-store-features-in-a-feature-store.md', 'madr2-3', 'rejected', '* Status: rejected'],
    ['nygard/0001-record-architecture-decisions.md', 'nygard', 'deprecated', 'Deprecated'],
    ['log4brains/20240320-track-experiments-in-git.md', 'log4brains', 'accepted', '- Status: accepted'],
  ];
  for (const [file, format, status, line] of cases) {
    it(`changes only the status line of a ${format} record`, () => {
      const text = fixture(file);
      const after = applyEdits(text, setStatusEdits(text, format, status));
      assert.deepEqual(changedLines(text, after), [line]);
      assert.equal(parseDecision(after, { file, number: 1 }).record?.status, status);
    });
  }

  it('is a no-op when the status is already set', () => {
    const text = fixture('nygard/0001-record-architecture-decisions.md');
    assert.deepEqual(setStatusEdits(text, 'nygard', 'accepted'), []);
  });

  it('inserts a status where the format puts it when there is none', () => {
    const madr = '---\nparent: Decisions\n---\n# Title\n\nBody\n';
    assert.equal(applyEdits(madr, setStatusEdits(madr, 'madr4', 'proposed')), '---\nstatus: proposed\nparent: Decisions\n---\n# Title\n\nBody\n');
    const bare = '# Title\n\n## Context and Problem Statement\n';
    assert.equal(applyEdits(bare, setStatusEdits(bare, 'madr2-3', 'accepted')), '# Title\n\n* Status: accepted\n\n## Context and Problem Statement\n');
    const nygard = '# 5. Title\n\nDate: 2024-01-01\n\n## Context\n\nx\n';
    const after = applyEdits(nygard, setStatusEdits(nygard, 'nygard', 'accepted'));
    assert.equal(after, '# 5. Title\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nx\n');
  });

  it('keeps CRLF line breaks', () => {
    const text = '# 1. T\r\n\r\n## Status\r\n\r\nAccepted\r\n\r\n## Context\r\n';
    assert.equal(applyEdits(text, setStatusEdits(text, 'nygard', 'rejected')), '# 1. T\r\n\r\n## Status\r\n\r\nRejected\r\n\r\n## Context\r\n');
  });

  it('gives ranges that match the offsets', () => {
    const text = fixture('madr3/0003-store-features-in-a-feature-store.md');
    const [e] = setStatusEdits(text, 'madr2-3', 'accepted');
    assert.deepEqual(e.range.start, { line: 2, character: 10 });
    assert.equal(text.split('\n')[2].slice(e.range.start.character), 'proposed');
  });
});

describe('supersede', () => {
  for (const format of ['madr4', 'madr2-3', 'nygard', 'log4brains'] as const) {
    it(`links both records both ways (${format})`, () => {
      const old = format === 'madr4' ? renderMadr(sampleDraft({ title: 'Old way' })) : sample(format, 1, 'Old way');
      const next = format === 'madr4' ? renderMadr(sampleDraft({ title: 'New way', status: 'proposed' })) : sample(format, 2, 'New way');
      const edits = supersedeEdits(
        { text: old, format, link: { number: 1, title: 'Old way', fileName: '0001-old-way.md' } },
        { text: next, format, link: { number: 2, title: 'New way', fileName: '0002-new-way.md' } },
      );
      const files = parseDecisionFiles(
        [
          { name: '0001-old-way.md', path: '0001-old-way.md' },
          { name: '0002-new-way.md', path: '0002-new-way.md' },
        ],
        (p) => (p.startsWith('0001') ? applyEdits(old, edits.old) : applyEdits(next, edits.next)),
      );
      assert.deepEqual(files.problems, []);
      const [o, n] = files.records;
      assert.deepEqual([o.category, o.supersededBy, o.format], ['superseded', [2], format]);
      assert.match(o.status ?? '', /^superseded by /);
      assert.deepEqual([n.supersedes, n.format], [[1], format]);
      assert.equal(n.status, format === 'madr4' ? 'proposed' : 'accepted');
      // Idempotent: the new record already says what it supersedes.
      const again = supersedeEdits(
        { text: applyEdits(old, edits.old), format, link: { number: 1, title: 'Old way', fileName: '0001-old-way.md' } },
        { text: applyEdits(next, edits.next), format, link: { number: 2, title: 'New way', fileName: '0002-new-way.md' } },
      );
      assert.deepEqual(again, { old: [], next: [] });
    });
  }

  it('writes the adr-tools wording for Nygard records', () => {
    const old = sample('nygard', 1, 'Old way');
    const edits = supersedeEdits(
      { text: old, format: 'nygard', link: { number: 1, title: 'Old way', fileName: '0001-old-way.md' } },
      { text: sample('nygard', 2, 'New way'), format: 'nygard', link: { number: 2, title: 'New way', fileName: '0002-new-way.md' } },
    );
    assert.match(applyEdits(old, edits.old), /## Status\n\nSuperseded by \[2\. New way\]\(0002-new-way\.md\)\n/);
  });
});

function sample(format: 'madr2-3' | 'nygard' | 'log4brains', n: number, title: string): string {
  if (format === 'nygard') return `# ${n}. ${title}\n\nDate: 2024-01-0${n}\n\n## Status\n\nAccepted\n\n## Context\n\nx\n`;
  const m = format === 'log4brains' ? '-' : '*';
  return `# ${title}\n\n${m} Status: accepted\n${m} Date: 2024-01-0${n}\n\n## Context and Problem Statement\n\nx\n`;
}

describe('number collisions', () => {
  const texts = new Map<string, string>([
    ['d/0001-a.md', '# 1. A\n\n## Status\n\nAccepted\n'],
    ['d/0002-use-cnn.md', '# 2. Use CNN\n\nDate: 2024-01-10\n\n## Status\n\nAccepted\n'],
    ['d/0002-use-vit.md', '# 2. Use ViT\n\nDate: 2024-01-12\n\n## Status\n\nSuperseded by [3. C](0003-c.md)\n\nSee [2. Use ViT](0002-use-vit.md#context).\n'],
    ['d/0003-c.md', '# 3. C\n\n## Status\n\nAccepted\n\nSupersedes [2. Use ViT](0002-use-vit.md)\n'],
  ]);
  const folder = parseDecisionFiles(
    [...texts.keys()].map((p) => ({ name: p.slice(2), path: p })),
    (p) => texts.get(p)!,
  );

  it('finds two records with one number', () => {
    const c = detectCollisions(folder.records);
    assert.deepEqual(
      c.map((x) => [x.number, x.records.map((r) => r.file)]),
      [[2, ['d/0002-use-cnn.md', 'd/0002-use-vit.md']]],
    );
  });

  it('renumbers the record that is not in HEAD to the next free number, with its title and the links to it', () => {
    const [step] = planRenumber(folder.records, texts, { inHead: (f) => f !== 'd/0002-use-cnn.md' });
    assert.equal(step.file, 'd/0002-use-cnn.md');
    assert.equal(step.newFile, 'd/0004-use-cnn.md');
    assert.equal(step.to, 4);
    assert.match(step.message, /0002 is used twice .* renumbered to 0004 .* already committed/);
    const edited = new Map(step.edits.map((e) => [e.file, applyEdits(texts.get(e.file)!, e.edits)]));
    assert.equal(edited.get('d/0002-use-cnn.md'), '# 4. Use CNN\n\nDate: 2024-01-10\n\n## Status\n\nAccepted\n');
    assert.equal(edited.size, 1);
  });

  it('without git facts moves the later-dated record, and rewrites links and labels that point at it', () => {
    const [step] = planRenumber(folder.records, texts);
    assert.equal(step.file, 'd/0002-use-vit.md');
    assert.match(step.message, /dated later \(2024-01-12 after 2024-01-10\)/);
    const edited = new Map(step.edits.map((e) => [e.file, applyEdits(texts.get(e.file)!, e.edits)]));
    assert.equal(edited.get('d/0003-c.md'), '# 3. C\n\n## Status\n\nAccepted\n\nSupersedes [4. Use ViT](0004-use-vit.md)\n');
    assert.match(edited.get('d/0002-use-vit.md')!, /^# 4\. Use ViT\n[\s\S]*See \[4\. Use ViT\]\(0004-use-vit\.md#context\)\./);
  });

  it('rewrites every link the reader resolves to the moved record: titled, URL-encoded, backslash folders, no .md', () => {
    const links = new Map<string, string>([
      ['d/0001-a.md', '# 1. A\n\n## Status\n\nAccepted\n'],
      ['d/0002-use-cnn.md', '# 2. Use CNN\n\nDate: 2024-01-10\n\n## Status\n\nAccepted\n'],
      ['d/0002-use-vit.md', '# 2. Use ViT\n\nDate: 2024-01-12\n\n## Status\n\nAccepted\n'],
      [
        'd/0003-c.md',
        '# 3. C\n\n## Status\n\nAccepted\n\nSupersedes [2. Use ViT](0002-use-vit.md "Use ViT")\n\n' +
          'See [ADR-0002](0002%2Duse%2Dvit.md), [ViT](..\\d\\0002-use-vit.md#context) and [ViT](./0002-use-vit).\n',
      ],
    ]);
    const read = parseDecisionFiles([...links.keys()].map((p) => ({ name: p.slice(2), path: p })), (p) => links.get(p)!);
    assert.deepEqual(read.records.find((r) => r.file === 'd/0003-c.md')?.supersedes, [2]);
    const [step] = planRenumber(read.records, links);
    assert.equal(step.file, 'd/0002-use-vit.md');
    const edited = new Map(step.edits.map((e) => [e.file, applyEdits(links.get(e.file)!, e.edits)]));
    assert.equal(
      edited.get('d/0003-c.md'),
      '# 3. C\n\n## Status\n\nAccepted\n\nSupersedes [4. Use ViT](0004-use-vit.md "Use ViT")\n\n' +
        'See [ADR-0004](0004-use-vit.md), [ViT](..\\d\\0004-use-vit.md#context) and [ViT](./0004-use-vit).\n',
    );
  });
});

describe('index', () => {
  it('generates a README table of number, title, status and date', () => {
    const folder = parseDecisionFiles(
      ['0002-b.md', '0001-a.md'].map((n) => ({ name: n, path: `docs/decisions/${n}` })),
      (p) => (p.endsWith('0001-a.md') ? '# 1. A | pipe\n\nDate: 2024-01-01\n\n## Status\n\nSuperseded by [2. B](0002-b.md)\n' : '# 2. B\n\n## Status\n\nAccepted\n\nSupersedes [1. A](0001-a.md)\n'),
    );
    const readme = generateIndex(folder.records);
    assert.deepEqual(readme.split('\n').filter((l) => l.startsWith('|')), [
      '| Number | Title | Status | Date |',
      '|---|---|---|---|',
      '| [0001](0001-a.md) | A \\| pipe | superseded by 2. b (superseded by 0002) | 2024-01-01 |',
      '| [0002](0002-b.md) | B | accepted (supersedes 0001) |  |',
    ]);
  });
});

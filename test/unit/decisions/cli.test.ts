import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { memoryIo } from '../../../src/cli/io';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'decisions');

describe('mlroadmap decisions', () => {
  it('lists one line per record: number, title, status, date, links', async () => {
    const io = memoryIo(FIXTURES);
    assert.equal(await main(['decisions', 'nygard'], io), 0);
    assert.deepEqual(io.stdout, [
      '0001  Record architecture decisions  accepted  2023-05-02',
      '0002  Use PyTorch Lightning  superseded by 4. use plain pytorch  2023-05-09  superseded by 0004',
      '0003  Evaluate on a frozen test set  pending  2023-06-01',
      '0004  Use plain PyTorch  accepted  2023-09-14  supersedes 0002',
    ]);
    assert.deepEqual(io.stderr, []);
  });

  it('prints JSON with --json', async () => {
    const io = memoryIo(FIXTURES);
    assert.equal(await main(['decisions', '--json', 'madr4'], io), 0);
    const out = JSON.parse(io.stdout.join('\n'));
    assert.deepEqual(out, {
      decisions: [
        {
          number: 1,
          title: 'Start with a gradient-boosting baseline',
          status: 'superseded by adr-0002',
          category: 'superseded',
          date: '2024-03-01',
          supersedes: [],
          supersededBy: [2],
          file: 'madr4/0001-start-with-a-gradient-boosting-baseline.md',
        },
        { number: 2, title: 'Fine-tune a small CNN', status: 'accepted', category: 'accepted', date: '2024-04-12', supersedes: [1], supersededBy: [], file: 'madr4/0002-fine-tune-a-small-cnn.md' },
      ],
      problems: [],
    });
  });

  it('--json: status as written (lower-cased, null when none is written) and its category', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlroadmap-cli-'));
    try {
      writeFileSync(join(dir, '0001-use-markdown.md'), '---\nparent: Decisions\n---\n# Use Markdown\n\n## Context and Problem Statement\n\nx\n');
      writeFileSync(join(dir, '0002-own-tooling.md'), '---\nstatus: on hold\n---\n# Own tooling\n');
      writeFileSync(join(dir, '0003-puppet.md'), '# 3. Puppet\n\nDate: 2017-07-04\n\n## Status\n\nPending\n');
      writeFileSync(join(dir, '0004-dns.md'), '# 4. DNS\n\nDate: 2017-07-14\n\n## Status\n\nSuperseded by [DNS Infrastructure](0005-dns-infrastructure.md)\n');
      writeFileSync(join(dir, '0005-dns-infrastructure.md'), '# DNS Infrastructure\n\n* Status: Accepted\n* Date: Dec 19, 2022\n');
      const io = memoryIo(dir);
      assert.equal(await main(['decisions', '.', '--json'], io), 0);
      const out = JSON.parse(io.stdout.join('\n'));
      assert.deepEqual(
        out.decisions.map((d: Record<string, unknown>) => [d.number, d.title, d.status, d.category, d.date, d.supersededBy]),
        [
          [1, 'Use Markdown', null, 'none', null, []],
          [2, 'Own tooling', 'on hold', 'other', null, []],
          [3, 'Puppet', 'pending', 'other', '2017-07-04', []],
          [4, 'DNS', 'superseded by dns infrastructure', 'superseded', '2017-07-14', [5]],
          [5, 'DNS Infrastructure', 'accepted', 'accepted', 'Dec 19, 2022', []],
        ],
      );
      assert.deepEqual(out.problems, []);
      const text = memoryIo(dir);
      assert.equal(await main(['decisions', '.'], text), 0);
      assert.deepEqual(text.stdout.slice(0, 3), ['0001  Use Markdown  -  -', '0002  Own tooling  on hold  -', '0003  Puppet  pending  2017-07-04']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 when a record is not understood, still listing the rest', async () => {
    const io = memoryIo(FIXTURES);
    assert.equal(await main(['decisions', 'mixed-problems', '--json'], io), 1);
    const out = JSON.parse(io.stdout.join('\n'));
    assert.deepEqual(out.decisions.map((d: { number: number }) => d.number), [1, 4]);
    assert.deepEqual(
      out.problems.map((p: { file: string; severity: string }) => [p.file, p.severity]),
      [
        ['mixed-problems/0002-no-title.md', 'error'],
        ['mixed-problems/0003-broken-front-matter.md', 'error'],
      ],
    );
    const text = memoryIo(FIXTURES);
    assert.equal(await main(['decisions', 'mixed-problems'], text), 1);
    assert.equal(text.stdout.length, 2);
    assert.match(text.stderr[0], /0002-no-title\.md: error: no "# Title" heading/);
  });

  it('exits 2 on usage errors', async () => {
    for (const args of [['--yaml'], ['a', 'b'], ['no-such-folder']]) {
      const io = memoryIo(FIXTURES);
      assert.equal(await main(['decisions', ...args], io), 2, args.join(' '));
      assert.match(io.stderr.join('\n'), /Usage: mlroadmap decisions/);
    }
  });

  it("defaults to the roadmap's decisions folder, else docs/decisions", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlroadmap-cli-'));
    try {
      cpSync(join(FIXTURES, 'madr3'), join(dir, 'docs', 'decisions'), { recursive: true });
      cpSync(join(FIXTURES, 'log4brains'), join(dir, 'adr'), { recursive: true });
      const plain = memoryIo(dir);
      assert.equal(await main(['decisions'], plain), 0);
      assert.equal(plain.stdout.length, 3);
      writeFileSync(join(dir, 'mlroadmap.yaml'), 'version: 1\ndecisions: adr\n');
      const fromRoadmap = memoryIo(dir);
      assert.equal(await main(['decisions', '--json'], fromRoadmap), 0);
      assert.deepEqual(
        JSON.parse(fromRoadmap.stdout.join('\n')).decisions.map((d: { file: string }) => d.file),
        ['adr/20240105-track-experiments-in-mlflow.md', 'adr/20240320-track-experiments-in-git.md'],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

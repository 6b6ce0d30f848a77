// Fuzz: mutated decision records (MADR 4, MADR 2-3, Nygard/adr-tools, log4brains) and generated Markdown through
// parseDecision, parseDecisionFiles and `mlroadmap decisions`: no throw, a record or a problem value, memory bounded.
// Fixed seed; see mutate.ts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { runDecisions } from '../../../src/cli/decisions';
import { memoryIo } from '../../../src/cli/io';
import { parseDecision, parseDecisionFiles, type DecisionProblem, type DecisionRecord } from '../../../src/core/decisions';
import { FUZZ_SEED, HEAP_GROWTH_BOUND, heapUsed, mutate, mutatedFrom, mutations } from './mutate';

const FIXTURES = path.resolve(__dirname, '../../fixtures/decisions');
const SEEDS: readonly string[] = ['madr4', 'madr3', 'nygard', 'log4brains', 'mixed-problems'].flatMap((d) =>
  fs
    .readdirSync(path.join(FIXTURES, d))
    .filter((n) => n.endsWith('.md'))
    .sort()
    .map((n) => fs.readFileSync(path.join(FIXTURES, d, n), 'utf8')),
);
const NAMES = ['0001-a.md', '0002-b-c.md', '20240105-dated.md', '0010-superseded.md'];

/** Markdown-ish noise: headings, lists, fences, front matter, the status and relation lines the readers look for. */
const piece = fc.constantFrom(
  '---\n', 'status: accepted\n', 'date: 2024-01-01\n', 'deciders: [a, b]\n', 'candidates:\n  - x\n', '# Title\n', '## Status\n', '## Decision Outcome\n',
  'Accepted\n', 'Superseded by [2](0002-b-c.md)\n', 'Supersedes 1\n', '* Status: proposed\n', '- **Date:** yesterday\n', '```\n', '~~~\n', '<!-- x -->\n',
  '> quote\n', '| a | b |\n', 'Chosen option: "X", because y.\n', '\n', ' ', '*', '_', '[', '](', ')', '\\', '\ufeff', '\r\n', '\u0000',
);
const generated = fc.array(piece, { maxLength: 30 }).map((ps) => ps.join(''));

function checkProblem(p: DecisionProblem): void {
  assert.equal(typeof p.file, 'string');
  assert.ok(typeof p.message === 'string' && p.message.length > 0, 'empty problem message');
  assert.ok(p.severity === 'error' || p.severity === 'warning', `severity ${String(p.severity)}`);
}

function checkRecord(r: DecisionRecord): void {
  assert.ok(Number.isInteger(r.number) && r.number >= 0, `number ${r.number}`);
  assert.equal(typeof r.title, 'string');
  for (const list of [r.supersedes, r.supersededBy]) for (const n of list) assert.ok(Number.isFinite(n), `reference ${n}`);
  for (const list of [r.decisionMakers, r.consulted, r.informed, r.candidates]) for (const s of list) assert.equal(typeof s, 'string');
}

describe('fuzz: decision records through the readers and `mlroadmap decisions`', function () {
  this.timeout(60_000);
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'mlroadmap-fuzz-decisions-'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it(`the ${SEEDS.length} fixture records read`, () => {
    for (const text of SEEDS) checkProblemsAndRecord(parseDecision(text, { file: '0001-a.md' }));
  });

  it('8,000 mutated or generated records through parseDecision: no throw, a record or an error, heap bounded', () => {
    const before = heapUsed();
    fc.assert(
      fc.property(fc.oneof(mutatedFrom(SEEDS), generated), fc.constantFrom(...NAMES), (text, file) => {
        const parsed = parseDecision(text, { file });
        checkProblemsAndRecord(parsed);
        if (!parsed.record) assert.ok(parsed.problems.some((p) => p.severity === 'error'), 'no record and no error');
      }),
      { seed: FUZZ_SEED, numRuns: 8000 },
    );
    const growth = heapUsed() - before;
    assert.ok(growth < HEAP_GROWTH_BOUND, `heap grew ${Math.round(growth / 1e6)} MB`);
  });

  it('1,700 folders of mutated records through parseDecisionFiles (one unreadable): no throw, problems as values', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(SEEDS.length - 1), mutations, fc.constantFrom(...NAMES)), { minLength: 1, maxLength: 5 }), fc.boolean(), (files, unreadable) => {
        const texts = new Map(files.map(([i, ms, name], k) => [`d/${k}-${name}`, mutate(SEEDS[i], ms)]));
        const names = [...texts.keys()];
        const folder = parseDecisionFiles(
          names.map((p) => ({ name: path.basename(p), path: p })),
          (p) => {
            if (unreadable && p === names[0]) throw new Error('EACCES');
            return texts.get(p) ?? '';
          },
        );
        folder.records.forEach(checkRecord);
        folder.problems.forEach(checkProblem);
      }),
      { seed: FUZZ_SEED, numRuns: 1700 },
    );
  });

  it('300 folders of mutated records through `mlroadmap decisions --json`: exit 0 or 1, JSON out, no throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(mutatedFrom(SEEDS), fc.constantFrom(...NAMES)), { minLength: 1, maxLength: 4 }), async (files) => {
        const dir = fs.mkdtempSync(path.join(root, 'cli-'));
        try {
          files.forEach(([text, name], k) => fs.writeFileSync(path.join(dir, `${k}${name}`), text));
          const io = memoryIo(dir);
          const code = await runDecisions([dir, '--json'], io);
          assert.ok([0, 1].includes(code), `exit ${code}: ${io.stderr.join('\n')}`);
          JSON.parse(io.stdout.join('\n'));
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }),
      { seed: FUZZ_SEED, numRuns: 300 },
    );
  });
});

function checkProblemsAndRecord(parsed: ReturnType<typeof parseDecision>): void {
  parsed.problems.forEach(checkProblem);
  if (parsed.record) checkRecord(parsed.record);
}

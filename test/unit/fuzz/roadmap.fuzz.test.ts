// Fuzz: mutations of the demo roadmap (cuts, splices, byte flips, duplicated keys, deep nesting, huge numbers, wrong
// types) through parseRoadmap, analyseRoadmap (every check) and `mlroadmap check`: no throw, every diagnostic ranged
// inside the text, memory bounded. Fixed seed; see mutate.ts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { runCheck } from '../../../src/cli/check';
import { memoryIo } from '../../../src/cli/io';
import { analyseRoadmap, hasSyntaxErrors } from '../../../src/core/process/analysis';
import type { Range } from '../../../src/core/roadmap/model';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import { FUZZ_SEED, HEAP_GROWTH_BOUND, heapUsed, mutatedFrom } from './mutate';

const DEMO = fs.readFileSync(path.resolve(__dirname, '../../../examples/digits/mlroadmap.yaml'), 'utf8');

function assertInside(lines: readonly string[], range: Range, what: string): void {
  for (const p of [range.start, range.end]) {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: non-integer position`);
    assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} outside ${lines.length} lines`);
    assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `${what}: character ${p.character} outside line ${p.line}`);
  }
  const { start, end } = range;
  assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${what}: start after end`);
}

/** Parse and analyse (both partial-roadmap modes): no throw, every diagnostic ranged inside the text. */
function check(text: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  const parse = parseRoadmap(text);
  // `hold` differs from `analyse` only past syntax errors.
  for (const partialRoadmap of hasSyntaxErrors(parse) ? (['analyse', 'hold'] as const) : (['analyse'] as const)) {
    const analysis = analyseRoadmap(text, parse, { fileExists: (p) => p.length % 2 === 0, partialRoadmap });
    for (const d of analysis.diagnostics) {
      assert.notEqual(d.code, 'internal/error', d.message);
      assert.ok(typeof d.message === 'string' && d.message.length > 0, `${d.code}: empty message`);
      assertInside(lines, d.range, d.code);
    }
  }
}

describe('fuzz: roadmaps through parse, analysis and `mlroadmap check`', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlroadmap-fuzz-roadmap-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the demo roadmap parses and analyses', () => {
    check(DEMO);
  });

  it('8,800 mutated demo roadmaps: no throw, every diagnostic inside the text, heap bounded', () => {
    const before = heapUsed();
    fc.assert(fc.property(mutatedFrom([DEMO]), check), { seed: FUZZ_SEED, numRuns: 8800 });
    const growth = heapUsed() - before;
    assert.ok(growth < HEAP_GROWTH_BOUND, `heap grew ${Math.round(growth / 1e6)} MB`);
  });

  it('1,000 mutated demo roadmaps running on Slurm (executor, parallel, slurm options): no throw, every diagnostic inside the text', () => {
    const cluster = DEMO.replace(
      '  baseline: majority\n',
      [
        '  baseline: majority',
        '  executor: slurm',
        '  parallel: 2',
        '  slurm:',
        '    partition: gpu,debug',
        '    gpus: 1',
        '    cpus: 8',
        '    mem: 32G',
        '    time: "1-02:00:00"',
        '    account: vision',
        '    setup: |',
        '      module load cuda',
        '      source .venv/bin/activate',
        '    extra: [--constraint=a100, --qos=high]',
        '',
      ].join('\n'),
    ).replace('  - id: cnn\n', '  - id: cnn\n    executor: local\n    slurm: { gpus: 2, mem: 64G, extra: [--exclusive] }\n');
    assert.notEqual(cluster.indexOf('executor: local'), -1);
    assert.deepEqual(parseRoadmap(cluster).diagnostics.filter((d) => d.severity === 'error'), []);
    fc.assert(fc.property(mutatedFrom([cluster]), check), { seed: FUZZ_SEED, numRuns: 1000 });
  });

  it('200 mutated demo roadmaps through `mlroadmap check --json`: exit 0, 1 or 2, JSON out, no throw', async () => {
    const file = path.join(dir, 'mlroadmap.yaml');
    await fc.assert(
      fc.asyncProperty(mutatedFrom([DEMO]), fc.boolean(), async (text, json) => {
        fs.writeFileSync(file, text);
        const io = memoryIo(dir);
        const code = await runCheck(json ? [file, '--json'] : [file], io);
        assert.ok([0, 1, 2].includes(code), `exit ${code}`);
        if (json && code !== 2) JSON.parse(io.stdout.join('\n'));
      }),
      { seed: FUZZ_SEED, numRuns: 200 },
    );
  });
});

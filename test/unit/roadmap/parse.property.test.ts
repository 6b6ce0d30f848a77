// parseRoadmap never throws and keeps every range inside the document, on mutated and random inputs.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import { addCandidate, applyEdits, setCandidateField, setStepStatus, type EditResult } from '../../../src/core/roadmap/edits';
import { CANDIDATE_STATUSES, PHASES, STEP_STATUSES, type Range } from '../../../src/core/roadmap/model';

/** A small but complete roadmap (small keeps the 10,000+ runs fast). */
const SEED = `version: 1
project: { name: Demo, deadline: 2027-03-31, phase: discovery }
roles: { ml_engineers: [Ari] }
metrics: [{ id: acc, kind: offline, target: 0.9 }]
literature: [{ id: lit }]
candidates:
  - id: base
    baseline: true   # reference
  - { id: cnn, based_on: [lit], cost: { risk: low }, benefit: { expected: { acc: 1 } }, decision: 0002 }
evaluation: { dataset: data/x.csv, results: "r/\${candidate}", baseline: base }
reality_checks: [{ id: rc, candidate: cnn, verdict: planned }]
discovery:
  - stage: understand
    steps:
      - { id: s1, status: done }
      - id: s2
        status: todo
production: [{ track: serving, role: ml_engineers, steps: [{ id: p1 }] }]
acknowledged: [{ code: c, reason: ok }]
overrides: [{ from: discovery, to: production, reason: why }]
settings: { min_candidates: 2 }
`;

/** Lines as VS Code counts them. */
function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function assertInside(text: string, lines: readonly string[], range: Range, what: string): void {
  const { start, end } = range;
  for (const p of [start, end]) {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: non-integer position`);
    assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} outside ${lines.length} lines`);
    assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `${what}: character ${p.character} outside line ${p.line}`);
  }
  assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${what}: start after end`);
}

/** The property: no throw, no internal error, every range inside, model values within their enums. */
function check(text: string): void {
  const result = parseRoadmap(text);
  const lines = linesOf(text);
  for (const d of result.diagnostics) {
    assert.notEqual(d.code, 'internal/error', d.message);
    assertInside(text, lines, d.range, d.code);
    assert.ok(d.message.length > 0);
  }
  const m = result.roadmap;
  if (!m) return;
  assert.ok(PHASES.includes(m.project.phase));
  for (const c of m.candidates) {
    assert.ok(CANDIDATE_STATUSES.includes(c.status));
    assert.equal(typeof c.id, 'string');
    assertInside(text, lines, c.range, `candidate ${c.id}`);
  }
  for (const s of [...m.discovery.flatMap((x) => x.steps), ...m.production.flatMap((x) => x.steps)]) {
    assert.ok(STEP_STATUSES.includes(s.status));
    assertInside(text, lines, s.range, `step ${s.id}`);
  }
}

type Mutation = { kind: 'insert' | 'delete' | 'replace'; at: number; char: string } | { kind: 'shuffle'; a: number; b: number } | { kind: 'indent'; line: number; delta: number };

const yamlChars = fc.constantFrom(...' \t\n\r:-[]{},#&*!|>\'"%@`?.~0a1Z\u00e9\u{1F600}'.split(''), '${', '\u2028', '\ufeff', '\\');

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('insert' as const, 'delete' as const, 'replace' as const), at: fc.nat(), char: yamlChars }),
  fc.record({ kind: fc.constant('shuffle' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), delta: fc.integer({ min: -4, max: 4 }) }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    if (m.kind === 'shuffle' || m.kind === 'indent') {
      const lines = out.split('\n');
      if (m.kind === 'shuffle') {
        const a = m.a % lines.length;
        const b = m.b % lines.length;
        [lines[a], lines[b]] = [lines[b], lines[a]];
      } else {
        const i = m.line % lines.length;
        lines[i] = m.delta >= 0 ? ' '.repeat(m.delta) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-m.delta}}`), '');
      }
      out = lines.join('\n');
      continue;
    }
    const at = out.length === 0 ? 0 : m.at % (out.length + 1);
    if (m.kind === 'insert') out = out.slice(0, at) + m.char + out.slice(at);
    else if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + 1);
    else out = out.slice(0, at) + m.char + out.slice(at + 1);
  }
  return out;
}

/** JSON-ish values shaped like roadmaps: known keys mixed with arbitrary ones. */
const keys = fc.constantFrom('version', 'project', 'name', 'phase', 'metrics', 'id', 'status', 'candidates', 'based_on', 'cost', 'benefit', 'expected', 'evaluation', 'baseline', 'dataset', 'steps', 'discovery', 'stage', 'production', 'role', 'decisions', 'settings', 'min_candidates', 'x');
const scalar = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('discovery', 'done', '../up', '/abs', 'lit', 'cnn', '2026-01-01'));
const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.dictionary(keys, tie('tree'), { maxKeys: 5 }),
  ),
}));

function toYaml(value: unknown, flow: boolean): string {
  try {
    return stringify(value, { collectionStyle: flow ? 'flow' : 'block' });
  } catch {
    return '';
  }
}

describe('parseRoadmap property: never throws, ranges inside the document', function () {
  this.timeout(60_000);

  it('the seed parses with no diagnostics', () => {
    assert.deepEqual(parseRoadmap(SEED).diagnostics, []);
  });

  it('2,000 mutated roadmaps (character edits, line shuffles, indentation changes)', () => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (ms) => check(mutate(SEED, ms))), { numRuns: 2000 });
  });

  it('5,000 arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 120 }), check), { numRuns: 2500 });
    fc.assert(fc.property(fc.array(yamlChars, { maxLength: 80 }).map((cs) => cs.join('')), check), { numRuns: 2500 });
  });

  it('3,000 arbitrary roadmap-shaped values dumped as YAML, block and flow', () => {
    fc.assert(fc.property(tree, fc.boolean(), (value, flow) => check(toYaml(value, flow))), { numRuns: 1500 });
    fc.assert(
      fc.property(fc.dictionary(keys, tree, { maxKeys: 8 }), fc.boolean(), (value, flow) => check(toYaml({ version: 1, ...value }, flow))),
      { numRuns: 1500 },
    );
  });
});

describe('roadmap edits property: never throw, and a successful edit keeps valid YAML', function () {
  this.timeout(60_000);

  it('300 edits of mutated roadmaps', () => {
    const edits = [
      (t: string) => setStepStatus(t, 's2', 'done'),
      (t: string) => setStepStatus(t, 's1', 'blocked'),
      (t: string) => setCandidateField(t, 'cnn', 'skip_reason', 'x: y, z'),
      (t: string) => addCandidate(t, { id: 'new', title: 'New [one]', cost: { risk: 'low' } }),
    ];
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.nat(edits.length - 1), (ms, which) => {
        const text = mutate(SEED, ms);
        const result: EditResult = edits[which](text);
        if (!result.ok) return;
        const after = parseRoadmap(applyEdits(text, result.edits));
        assert.deepEqual(after.diagnostics.filter((d) => d.code === 'yaml/syntax' && d.severity === 'error'), []);
      }),
      { numRuns: 300 },
    );
  });
});

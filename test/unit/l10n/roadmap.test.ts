// The roadmap's own texts in the display language: every parse diagnostic over valid and broken roadmaps, hovers and
// completion documentation, the format's descriptions, input validation and edit failures, run under the
// pseudo-translation (see support/pseudoL10n.ts) so that a text that escaped l10n shows up without its ⟦ mark.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isScalar, parseDocument } from 'yaml';
import { completionsAt } from '../../../src/core/roadmap/completion';
import { PARSE_DIAGNOSTIC_CODES } from '../../../src/core/roadmap/diagnostic-codes';
import * as edits from '../../../src/core/roadmap/edits';
import { ROADMAP_FORMAT, type FieldSpec } from '../../../src/core/roadmap/format';
import { escapeMarkdown, hoverAt, specMarkdown, typeName } from '../../../src/core/roadmap/hover-text';
import { roadmapJsonSchema } from '../../../src/core/roadmap/json-schema';
import { validateDate, validateNewId, validateNumber, validateRequired, validateUrl } from '../../../src/core/roadmap/inputs';
import type { RoadmapDiagnostic } from '../../../src/core/roadmap/model';
import { readSource, walkScalars } from '../../../src/core/roadmap/navigation';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import { indexSymbols } from '../../../src/core/roadmap/symbols';
import { PSEUDO_CLOSE, PSEUDO_OPEN, untranslated, withPseudoL10n } from '../support/pseudoL10n';
import { DEMO_ROADMAP, healthyRoadmap, minimalRoadmap } from '../support/roadmaps';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'roadmaps');
const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));

/** `n` list items that each follow an alias: more than the reader follows. */
const aliases = (n: number) => `version: 1\nproject:\n  name: &who Ann\nroles:\n  ml_engineers: [${Array.from({ length: n }, () => '*who').join(', ')}]\n`;

/** Broken roadmaps, together reporting every parse diagnostic (and each variant of its message) but YAML syntax. */
const BROKEN: readonly string[] = [
  '',
  '# only a comment\n',
  '- a list\n- at the root\n',
  'just text\n',
  '42\n',
  'version: 2\nproject: { name: x }\n',
  'project: { name: x }\n',
  'version: one\nproject: { name: x }\n',
  'version: 1.5\nproject: { name: x }\n',
  'version: true\nproject: { name: x }\n',
  'version: 1\nproject: [a, b]\n',
  'version: 1\nproject: plain\n',
  minimalRoadmap('metrics: { a: 1 }\n'),
  minimalRoadmap('metrics:\n  -\n  - id: ok\n'),
  minimalRoadmap('metrics:\n  - kind: offline\n'),
  minimalRoadmap('metrics:\n  - id: ~\n'),
  minimalRoadmap('metrics:\n  - { id: a, kind: ofline, goal: up, target: high }\n'),
  minimalRoadmap('metrics:\n  - { id: a }\n  - { id: a }\n'),
  minimalRoadmap('literature:\n  - { id: l }\n  - { id: l }\ncandidates:\n  - { id: c, based_on: [k, zzzzzz] }\n  - { id: c }\n'),
  minimalRoadmap('candidates:\n  - { id: c, based_on: [nothing-yet], benefit: { expected: { acuracy: 1, zzzzzz: 2 } } }\n'),
  minimalRoadmap('metrics: [{ id: accuracy }]\ncandidates:\n  - { id: c, benefit: { expected: { [a, b]: 1, accuracy: x }, confidence: hi } }\n'),
  minimalRoadmap('candidates:\n  - { id: c, cost: { effort_days: -1, compute_hours: many, risk: extreme }, baseline: maybe }\n'),
  minimalRoadmap('candidates:\n  - { id: base, status: idae, results: /tmp/out.json }\n  - { id: other, results: ../../out.json }\n'),
  minimalRoadmap('candidates: [{ id: a }, { id: b }]\nevaluation: { baseline: a, dataset: ~/data.csv, results: ../r.json }\n'),
  minimalRoadmap('candidates: [{ id: a, baseline: true }]\nevaluation: { baseline: b }\n'),
  minimalRoadmap('candidates: [{ id: a, baseline: true }]\nevaluation: { baseline: zzzzzz }\n'),
  minimalRoadmap('evaluation: { baseline: none }\n'),
  minimalRoadmap('candidates: [{ id: a }]\nevaluation: { executor: slurm, parallel: 100 }\n'),
  minimalRoadmap('evaluation: { executor: slrum, parallel: 0, shell: sometimes }\n'),
  minimalRoadmap(
    'evaluation:\n  executor: slurm\n  slurm: { partition: "a b", mem: lots, time: soon, account: "x;y", gpus: -1, cpus: 0, extra: [constraint, "--ok"], setup: "a\\0b" }\n',
  ),
  minimalRoadmap('candidates:\n  - { id: c, executor: cloud, slurm: { mem: "32 G", time: "1:2:3:4" } }\n'),
  minimalRoadmap('reality_checks:\n  - { id: r, candidate: nobody, kind: survey, verdict: passd, date: next week }\n  - { id: r }\n'),
  minimalRoadmap('discovery:\n  - stage: define\n    steps:\n      - { id: s, status: don }\n      - { id: s }\n  - stage: understnd\n  - steps: []\n'),
  minimalRoadmap('production:\n  - { track: t, role: ml_engineer }\n  - { track: u, role: devops }\n'),
  minimalRoadmap('decisions: /etc/decisions\nsettings: { min_candidates: -2 }\n'),
  minimalRoadmap('acknowledged:\n  - { code: pitfall/x }\noverrides:\n  - { from: discovery, to: shiped, reason: ~ }\n'),
  minimalRoadmap('projct: {}\nzzzzzz: 1\n? [complex, key]\n: 1\n'),
  'version: 1\nproject: { nam: x, qqqqqq: y, phase: production, deadline: tomorrow }\nroles: { ml_engineers: Ann, nobody: [] }\n',
  aliases(1001),
];

const ROADMAPS: readonly string[] = [DEMO_ROADMAP, healthyRoadmap([['status: prototyping', 'status: chosen']]), ...fixtures, ...BROKEN];

function diagnosticsOf(texts: readonly string[]): RoadmapDiagnostic[] {
  return texts.flatMap((t) => parseRoadmap(t).diagnostics);
}

/** Every spec of the format with its key pattern (as `formatKeyPaths` writes them). */
function specsOf(spec: FieldSpec, pattern = ''): [string, FieldSpec][] {
  const here: [string, FieldSpec][] = [[pattern, spec]];
  switch (spec.kind) {
    case 'object':
      return [...here, ...Object.entries(spec.fields).flatMap(([k, v]) => specsOf(v, pattern ? `${pattern}.${k}` : k))];
    case 'array':
      return [...here, ...specsOf(spec.items, `${pattern}[]`)];
    case 'map':
      return [...here, ...specsOf(spec.values, `${pattern}{}`)];
    default:
      return here;
  }
}

/** The scalars of a roadmap text as a hover shows them (the user's own data, not to be translated). */
function userTexts(text: string): Set<string> {
  const out = new Set<string>();
  walkScalars(parseDocument(text).contents, (scalar) => {
    if (isScalar(scalar) && scalar.value !== null) out.add(escapeMarkdown(String(scalar.value)));
  });
  return out;
}

/**
 * The texts of hover or completion Markdown that are written for the user, one per line: the markup around them
 * (the key pattern in code, an id in bold, a title in italics, links, separators) and the user's own values left out.
 */
function markdownTexts(markdown: string, user: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const line of markdown.split('\n')) {
    if (line === '' || line === '---' || /^<https?:/.test(line) || user.has(line)) continue;
    const key = /^`[^`]+` — (.*)$/.exec(line);
    if (key) {
      out.push(key[1]);
      continue;
    }
    const definition = /^\*\*.+?\*\* — (.*)$/.exec(line);
    if (definition) {
      // The kind of the item, then its facts as YAML keys and values (`status` `done`), which stay as written.
      out.push(definition[1].split(' · ')[0]);
      continue;
    }
    if (/^\*.*\*$/.test(line) && user.has(line.slice(1, -1))) continue;
    out.push(line);
  }
  return out;
}

describe('l10n of the roadmap (src/core/roadmap)', function () {
  this.timeout(60_000);

  it('every parse diagnostic is translated, over valid and broken roadmaps', async () => {
    const diagnostics = await withPseudoL10n(() => diagnosticsOf(ROADMAPS));
    // A syntax error's message is the YAML library's own (English); its code and range say what it is.
    const ours = diagnostics.filter((d) => d.code !== 'yaml/syntax');
    const messages = new Set(ours.map((d) => d.message));
    assert.deepEqual(untranslated(messages), []);
    const seen = new Set(diagnostics.map((d) => d.code));
    const missing = PARSE_DIAGNOSTIC_CODES.map((c) => c.code).filter((c) => c !== 'internal/error' && !seen.has(c));
    assert.deepEqual(missing, [], 'the roadmaps above report every diagnostic code');
    assert.ok(messages.size >= 70, `only ${messages.size} distinct messages checked`);
  });

  it('the English words inside a diagnostic are translated with it, the user data and keys are not', async () => {
    const t = (s: string) => `${PSEUDO_OPEN}${s}${PSEUDO_CLOSE}`;
    const messages = await withPseudoL10n(() => new Set(diagnosticsOf(BROKEN).map((d) => d.message)));
    for (const expected of [
      t(`'project' should be ${t('a mapping')}, not ${t('a list')}.`),
      t(`The file should be ${t('a mapping')}, not ${t("the text 'just text'")}.`),
      t(`'version' should be ${t('a whole number')}, not ${t('the number 1.5')}.`),
      t(`'metrics[0]' is empty: expected ${t('a mapping')}.`),
      t(`'lots' is not a valid mem: expected ${t('a memory size: a whole number with an optional unit K, M, G or T (32G, 4000M)')}.`),
      t(`Duplicate ${t('metric')} id 'a' (first on line 6).`),
      t(`Unknown ${t('literature entry')} 'nothing-yet'. No ${t('literature entry')} is defined yet.`),
      t(`Unknown ${t('candidate')} 'zzzzzz'.`),
      t(`Duplicate ${t('step')} id 's' (first on line 8).`),
      t("'idae' is not a valid status: expected one of idea, shortlisted, prototyping, evaluated, rejected, chosen. Did you mean 'idea'?"),
    ]) {
      assert.ok(messages.has(expected), `${expected}\nnot among:\n${[...messages].join('\n')}`);
    }
  });

  it('every description and form of the format is translated, and the JSON Schema keeps English', async () => {
    const specs = specsOf(ROADMAP_FORMAT);
    const texts = await withPseudoL10n(() =>
      specs.flatMap(([, spec]) => [
        spec.description,
        typeName(spec),
        spec.kind === 'string' ? spec.form : undefined,
        spec.kind === 'map' ? spec.keyDescription : undefined,
      ]),
    );
    assert.deepEqual(untranslated(texts), []);
    assert.ok(new Set(texts).size >= 120, `only ${new Set(texts).size} distinct texts checked`);
    // Without a bundle, as schemas/mlroadmap.schema.json is generated, the descriptions are the English ones.
    assert.ok(!JSON.stringify(roadmapJsonSchema()).includes(PSEUDO_OPEN));
    assert.ok(ROADMAP_FORMAT.description.startsWith('An ML roadmap'));
  });

  it('hovers and completion proposals speak the display language, everywhere in the roadmaps', async () => {
    const slurm = minimalRoadmap(
      'metrics:\n  - { id: acc, kind: offline, target: 0.9, measured_by: a held-out split }\ncandidates:\n  - id: c\n    executor: slurm\n    slurm: { mem: 32G, extra: [--qos=high] }\n    benefit: { expected: { acc: 0.9 } }\nevaluation:\n  baseline: nobody\n  executor: slurm\n  slurm:\n    time: "02:00:00"\nreality_checks:\n  - { id: r, candidate: ghost }\nsettings: { min_candidates: 2 }\nacknowledged: []\n',
    );
    const texts = [DEMO_ROADMAP, slurm, ...fixtures.filter((f) => !f.includes('never closes'))];
    const checked = await withPseudoL10n(() => {
      const out: string[] = [];
      for (const text of texts) {
        const source = readSource(text);
        const index = indexSymbols(source);
        const user = userTexts(text);
        for (let offset = 0; offset <= text.length; offset++) {
          const hover = hoverAt(source, offset, index);
          if (hover) out.push(...markdownTexts(hover.markdown, user));
          for (const p of completionsAt(source, offset, index)) {
            if (p.documentation) out.push(...markdownTexts(p.documentation, user));
            // A key's detail is its type; a value's is its key pattern; an id's is its title and status, or its kind.
            if (p.kind === 'key' || (p.kind === 'reference' && !p.detail?.includes(' · ') && !user.has(escapeMarkdown(p.detail ?? '')))) out.push(p.detail ?? '');
          }
        }
      }
      for (const [pattern, spec] of specsOf(ROADMAP_FORMAT)) out.push(...markdownTexts(specMarkdown(pattern || 'root', spec), new Set()));
      return out;
    });
    const distinct = new Set(checked);
    assert.deepEqual(untranslated(distinct), []);
    assert.ok(distinct.size >= 200, `only ${distinct.size} distinct texts checked`);
    for (const needle of ['references in this roadmap.', 'reference in this roadmap.', 'in this roadmap.⟧', 'Measured by', 'Values: ', 'Default: ', 'Form: ', 'Each item: ', 'Keys: ', 'Minimum: ', '(required)']) {
      assert.ok([...distinct].some((t) => t.includes(needle)), `no text with '${needle}' was checked`);
    }
  });

  it('input validation messages are translated', async () => {
    const messages = await withPseudoL10n(() => [
      validateNewId('', []),
      validateNewId('Not An Id', []),
      validateNewId('taken', ['taken']),
      validateRequired(' ', 'a title'),
      validateUrl('', false),
      validateUrl('arxiv.org/abs/1'),
      validateUrl('ftp://example.org/x'),
      validateUrl('http://'),
      validateUrl('file:///tmp/x'),
      validateNumber(''),
      validateNumber('twelve'),
      validateNumber('-1', { minimum: 0 }),
      validateDate('31/12/2026'),
      validateDate('2026-02-30'),
    ]);
    assert.ok(messages.every((m) => m !== undefined), 'each input above is refused');
    assert.deepEqual(untranslated(messages), []);
    assert.ok(new Set(messages).size >= 12);
  });

  it('the reasons an edit of the roadmap is refused are translated', async () => {
    const demo = DEMO_ROADMAP;
    const results = await withPseudoL10n(() => [
      edits.setStepStatus(demo, 'no-such-step', 'done'),
      edits.setStepStatus(demo, 'explore-data', 'finished' as never),
      edits.setCandidateStatus(demo, 'cnn', 'great' as never),
      edits.setCandidateStatus(demo, 'nobody', 'chosen'),
      edits.setCandidateField(demo, 'cnn', 'cost' as never, 1),
      edits.setCandidateEstimate(demo, 'cnn', { cost: { effort_days: -1 } }),
      edits.setCandidateEstimate(demo, 'cnn', { cost: { risk: 'huge' as never } }),
      edits.setCandidateEstimate(demo, 'cnn', { benefit: { expected: { accuracy: Number.NaN } } }),
      edits.setCandidateEstimate(demo, 'nobody', { cost: { effort_days: 1 } }),
      edits.setCandidateEstimate(minimalRoadmap('candidates:\n  - { id: c, cost: 5 }\n'), 'c', { cost: { effort_days: 1 } }),
      edits.setCandidateEstimate(minimalRoadmap('candidates:\n  - { id: c, cost: [1] }\n'), 'c', { cost: { effort_days: 1 } }),
      edits.setCandidateField(minimalRoadmap('candidates:\n  - { id: c, title: { a: 1 } }\n'), 'c', 'title', 'x'),
      edits.setCandidateField(minimalRoadmap('candidates:\n  - { id: c, title: [a] }\n'), 'c', 'title', 'x'),
      edits.setMetricTarget(demo, 'accuracy', Number.POSITIVE_INFINITY),
      edits.setMetricTarget(demo, 'nobody', 1),
      edits.setRealityCheckVerdict(demo, 'ops-demo', 'meh' as never),
      edits.setRealityCheckVerdict(demo, 'nobody', 'passed'),
      edits.setPhase(demo, 'done' as never),
      edits.setPhase('- a list\n', 'production'),
      edits.setEvaluation(minimalRoadmap('evaluation: 5\n'), { command: 'x' }),
      edits.addCandidate(demo, { id: '' }),
      edits.addCandidate(demo, { id: 'cnn' }),
      edits.addCandidate(minimalRoadmap('candidates: 5\n'), { id: 'x' }),
      edits.addLiterature(demo, { id: 'lecun98' }),
      edits.addMetric(demo, { id: 'accuracy' }),
      edits.addRealityCheck(demo, { id: '' }),
      edits.addOverride(demo, { from: 'discovery', to: 'later' as never, reason: 'x' }),
      edits.addOverride(demo, { from: 'discovery', to: 'production', reason: ' ' }),
      edits.setOverrideDecision(demo, 'discovery', 'production', '0001'),
      edits.addAcknowledgement(demo, { code: '', reason: 'x' }),
      edits.addAcknowledgement(demo, { code: 'pitfall/x', reason: '' }),
      edits.addCandidate('version: 1\nproject: [\n', { id: 'x' }),
    ]);
    const errors = results.map((r) => (r.ok ? undefined : r.error));
    assert.deepEqual(
      errors.flatMap((e, i) => (e === undefined ? [i] : [])),
      [],
      'each edit above is refused',
    );
    assert.deepEqual(untranslated(errors), []);
    assert.ok(new Set(errors).size >= 28, `only ${new Set(errors).size} distinct errors checked`);
  });
});

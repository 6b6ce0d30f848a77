// The editor and `mlroadmap check` give the same findings and the same production gate on every roadmap fixture:
// the CLI through `runCheck --json`, the editor's analysis as `src/workspace/analysis.ts` builds it (the results
// merged by the core rule, then `analyseRoadmap` with the default settings). The extension host itself is compared
// with `dist/cli.js` in test/integration/parity.test.ts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCheck } from '../../../src/cli/check';
import { memoryIo } from '../../../src/cli/io';
import { analyseRoadmap } from '../../../src/core/process/analysis';
import { loadEvaluatedResults } from '../../../src/core/results/evaluated';
import { parseRoadmap } from '../../../src/core/roadmap/parse';

const FIXTURES = path.resolve(__dirname, '../../fixtures');
const PARITY = path.join(FIXTURES, 'parity');

interface Finding {
  code: string;
  severity: string;
  message: string;
  line: number;
  column: number;
}

interface Answer {
  diagnostics: Finding[];
  gate: { target: string; passed: boolean; unmet: { id: string; message: string }[] } | undefined;
}

function sorted(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.line - b.line || a.column - b.column || a.message.localeCompare(b.message));
}

async function cliAnswer(file: string): Promise<Answer> {
  const io = memoryIo(path.dirname(file));
  await runCheck([file, '--json', '--gate', 'production'], io);
  const out = JSON.parse(io.stdout.join('\n')) as Answer;
  return { diagnostics: sorted(out.diagnostics), gate: out.gate };
}

/** What the extension computes for the roadmap: its results index merges with the same core rule. */
async function editorAnswer(file: string): Promise<Answer> {
  const root = path.dirname(file);
  const text = fs.readFileSync(file, 'utf8');
  const parse = parseRoadmap(text);
  assert.ok(parse.roadmap, file);
  const results = await loadEvaluatedResults(root, parse.roadmap, { maxWholeFileBytes: 50 * 1024 * 1024 });
  const a = analyseRoadmap(text, parse, { fileExists: (rel) => fs.existsSync(path.resolve(root, rel)), severities: {}, results, gate: 'production' });
  const diagnostics = a.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, line: d.range.start.line + 1, column: d.range.start.character + 1 }));
  return { diagnostics: sorted(diagnostics), gate: a.gate && { target: a.gate.target, passed: a.gate.passed, unmet: a.gate.unmet.map((u) => ({ id: u.id, message: u.message })) } };
}

/** Every roadmap fixture the editor analyses whole (a roadmap with YAML syntax errors is held by the CLI on purpose). */
function roadmapFixtures(): string[] {
  const parity = fs.readdirSync(PARITY, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(PARITY, d.name, 'mlroadmap.yaml'));
  const roadmaps = fs
    .readdirSync(path.join(FIXTURES, 'roadmaps'))
    .filter((f) => f.endsWith('.yaml') && f !== 'broken-yaml.yaml')
    .map((f) => path.join(FIXTURES, 'roadmaps', f));
  return [...parity, ...roadmaps];
}

function notFromPipeline(a: Answer): string[] {
  return a.diagnostics.filter((d) => d.message.includes('are not from the pipeline')).map((d) => /'([^']+)'/.exec(d.message)?.[1] ?? '');
}

describe('the editor and mlroadmap check agree', () => {
  for (const file of roadmapFixtures()) {
    it(`on ${path.relative(FIXTURES, file)}`, async () => {
      const [cli, editor] = await Promise.all([cliAnswer(file), editorAnswer(file)]);
      assert.deepEqual(editor, cli);
    });
  }

  it('count only what the pipeline recorded: a hand-written results file is shown as not from the pipeline', async () => {
    const answer = async (name: string) => cliAnswer(path.join(PARITY, name, 'mlroadmap.yaml'));
    const pipeline = await answer('pipeline');
    assert.deepEqual([pipeline.gate?.passed, notFromPipeline(pipeline)], [true, []]);
    for (const name of ['hand-written', 'hand-written-unmarked']) {
      const byHand = await answer(name);
      assert.deepEqual(byHand.gate?.unmet.map((u) => u.id), ['baseline-evaluated'], name);
      assert.deepEqual(notFromPipeline(byHand), ['majority', 'tfidf-logreg'], name);
    }
    const edited = await answer('edited-after-run');
    assert.deepEqual([edited.gate?.passed, notFromPipeline(edited)], [true, ['majority']], 'the recorded result still counts');
  });
});

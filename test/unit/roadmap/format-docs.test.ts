import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatKeyPaths } from '../../../src/core/roadmap/format';
import { PARSE_DIAGNOSTIC_CODES } from '../../../src/core/roadmap/diagnostic-codes';
import { parseRoadmap } from '../../../src/core/roadmap/parse';

const ROOT = join(__dirname, '../../..');
const DOC = readFileSync(join(ROOT, 'docs/roadmap-format.md'), 'utf8');

describe('docs/roadmap-format.md', () => {
  it('documents every key of the format', () => {
    const missing = formatKeyPaths().filter((path) => !DOC.includes(`| \`${path}\` |`));
    assert.deepEqual(missing, []);
  });

  it('documents every diagnostic code the reader can report', () => {
    const listed = new Set(PARSE_DIAGNOSTIC_CODES.map((c) => c.code));
    for (const code of listed) assert.ok(DOC.includes(`| \`${code}\` |`), code);
    const folder = join(ROOT, 'src/core/roadmap');
    const used = new Set<string>();
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.ts') && f !== 'diagnostic-codes.ts' && f !== 'model.ts')) {
      for (const m of readFileSync(join(folder, file), 'utf8').matchAll(/'((?:yaml|schema|semantic|ref|path|internal)\/[a-z-]+)'/g)) used.add(m[1]);
    }
    assert.ok(used.size > 10);
    assert.deepEqual([...used].filter((c) => !listed.has(c)), []);
  });

  it('shows an example that parses with no diagnostics', () => {
    const example = /```yaml\n([\s\S]*?)```/.exec(DOC)?.[1];
    assert.ok(example);
    const r = parseRoadmap(example);
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.roadmap?.overrides.length, 1);
  });

  it('shows a cluster example that parses with no diagnostics and documents the override rule', () => {
    const section = DOC.slice(DOC.indexOf('## Running evaluations on a cluster'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    assert.ok(example);
    const r = parseRoadmap(`version: 1\nproject: { name: x }\n${example}`);
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.roadmap?.evaluation?.executor, 'slurm');
    assert.equal(r.roadmap?.evaluation?.slurm?.mem, '32G');
    assert.deepEqual(r.roadmap?.candidates.map((c) => [c.id, c.executor ?? null, c.slurm?.gpus ?? null]), [['big', null, 2], ['tiny', 'local', null]]);
    for (const words of ['.mlroadmap/jobs/', 'sbatch --parsable', '.mlroadmap/jobs.jsonl', 'key by key', 'added after']) assert.ok(section.includes(words), words);
  });
});

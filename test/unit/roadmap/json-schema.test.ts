import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { formatKeyPaths } from '../../../src/core/roadmap/format';
import { roadmapJsonSchema } from '../../../src/core/roadmap/json-schema';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import { DEMO_ROADMAP, healthyRoadmap } from '../support/roadmaps';

const SCHEMA_FILE = join(__dirname, '../../../schemas/mlroadmap.schema.json');
const shipped = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;

/** Key paths of a JSON Schema, read from the schema file itself (independently of format.ts). */
function schemaKeyPaths(schema: Record<string, unknown>, prefix = ''): string[] {
  const props = schema.properties as Record<string, Record<string, unknown>> | undefined;
  if (props) {
    return Object.entries(props).flatMap(([key, child]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      return [path, ...schemaKeyPaths(child, path)];
    });
  }
  if (schema.items) return schemaKeyPaths(schema.items as Record<string, unknown>, `${prefix}[]`);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    return schemaKeyPaths(schema.additionalProperties as Record<string, unknown>, `${prefix}{}`);
  }
  return [];
}

function everySchemaNode(schema: unknown, visit: (node: Record<string, unknown>, path: string) => void, path = '$'): void {
  if (!schema || typeof schema !== 'object') return;
  const node = schema as Record<string, unknown>;
  visit(node, path);
  for (const [k, v] of Object.entries(node.properties ?? {})) everySchemaNode(v, visit, `${path}.${k}`);
  if (node.items) everySchemaNode(node.items, visit, `${path}[]`);
  if (node.additionalProperties && typeof node.additionalProperties === 'object') everySchemaNode(node.additionalProperties, visit, `${path}{}`);
}

describe('schemas/mlroadmap.schema.json', () => {
  it('is exactly what format.ts generates (regenerate with the command in json-schema.ts)', () => {
    assert.deepEqual(shipped, roadmapJsonSchema());
  });

  it('has the same key set as the parser', () => {
    assert.deepEqual(schemaKeyPaths(shipped).sort(), formatKeyPaths().sort());
    // Every key of the schema is known to the parser: a roadmap using it gets no unknown-key warning.
    for (const key of Object.keys(shipped.properties as object)) {
      const unknown = parseRoadmap(`version: 1\nproject: {}\n${key}: ~\n`).diagnostics.filter((d) => d.code === 'schema/unknown-key');
      assert.deepEqual(unknown, [], key);
    }
    assert.equal(
      parseRoadmap('version: 1\nproject: {}\nnot_in_schema: 1\n').diagnostics.filter((d) => d.code === 'schema/unknown-key').length,
      1,
    );
  });

  it('describes every key and closes every object', () => {
    everySchemaNode(shipped, (node, path) => {
      assert.equal(typeof node.description, 'string', `${path} has no description`);
      assert.ok((node.description as string).length > 3, path);
      assert.ok(!node.properties || node.additionalProperties === false, `${path} should reject unknown keys`);
    });
  });

  it('is a valid draft-07 schema that accepts the demo roadmap and rejects what the parser rejects', () => {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    const validate = ajv.compile(shipped);
    assert.ok(validate(parse(DEMO_ROADMAP)), JSON.stringify(validate.errors));
    const broken = [
      healthyRoadmap([['status: shortlisted', 'status: maybe']]),
      healthyRoadmap([['version: 1', 'version: 2']]),
      healthyRoadmap([['target: 0.97', 'target: high']]),
      healthyRoadmap([['    goal: maximize\n    target: 0.97', '    goal: maximize\n    taget: 0.97']]),
      healthyRoadmap([['role: data_engineers', 'role: data_engineer']]),
      healthyRoadmap([['  baseline: majority', '  baseline: majority\n  executor: slrum']]),
      healthyRoadmap([['  baseline: majority', '  baseline: majority\n  parallel: 0']]),
      healthyRoadmap([['  baseline: majority', '  baseline: majority\n  slurm: { partiton: gpu }']]),
      healthyRoadmap([['  baseline: majority', '  baseline: majority\n  slurm: { mem: 32GB }']]),
      healthyRoadmap([['  baseline: majority', '  baseline: majority\n  slurm: { time: 2h }']]),
      healthyRoadmap([['  baseline: majority', '  baseline: majority\n  slurm: { partition: "gpu\\n#SBATCH -x" }']]),
      healthyRoadmap([['  baseline: majority', '  baseline: majority\n  slurm: { account: "a b" }']]),
      healthyRoadmap([['  baseline: majority', '  baseline: majority\n  slurm: { extra: [constraint=a100] }']]),
      healthyRoadmap([['  baseline: majority', '  baseline: majority\n  slurm: { setup: "a\\0b" }']]),
    ];
    const cluster = healthyRoadmap([
      [
        '  baseline: majority',
        '  baseline: majority\n  executor: slurm\n  parallel: 2\n  slurm:\n    partition: gpu\n    gpus: 1\n    cpus: 8\n    mem: 32G\n' +
          '    time: "02:00:00"\n    account: vision\n    setup: |\n      source .venv/bin/activate\n    extra: [--constraint=a100]',
      ],
      ['    status: shortlisted', '    status: shortlisted\n    executor: local\n    slurm: { gpus: 2, time: 90 }'],
    ]);
    assert.ok(validate(parse(cluster)), JSON.stringify(validate.errors));
    assert.deepEqual(parseRoadmap(cluster).diagnostics, []);
    for (const text of broken) {
      assert.equal(validate(parse(text)), false, text.slice(0, 60));
      assert.ok(parseRoadmap(text).diagnostics.length > 0);
    }
  });
});

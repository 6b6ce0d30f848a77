// The JSON Schema (draft-07) of the format, derived from format.ts, for Red Hat's YAML extension (`yamlValidation`).
// schemas/mlroadmap.schema.json is this function's output; a unit test keeps the two equal. To regenerate:
//   npx tsx -e "process.stdout.write(JSON.stringify(require('./src/core/roadmap/json-schema').roadmapJsonSchema(), null, 2) + '\n')" > schemas/mlroadmap.schema.json
import { ROADMAP_FORMAT, type FieldSpec } from './format';

export type JsonSchema = { readonly [key: string]: unknown };

export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

function schemaOf(spec: FieldSpec): Record<string, unknown> {
  const out: Record<string, unknown> = { description: spec.description };
  switch (spec.kind) {
    case 'string':
      if (spec.enum) {
        out.type = 'string';
        out.enum = [...spec.enum];
      } else if (spec.format === 'date') {
        out.type = 'string';
        out.pattern = DATE_PATTERN;
      } else if (spec.format === 'path') {
        out.type = 'string';
      } else {
        // Plain numbers are read as written (`decision: 0002`), so they are accepted as text.
        out.type = ['string', 'number'];
      }
      // A pattern holds for text; a plain number is read as written and checked by the reader.
      if (spec.pattern !== undefined) out.pattern = spec.pattern;
      if (spec.default !== undefined) out.default = spec.default;
      break;
    case 'number':
    case 'integer':
      out.type = spec.kind;
      if (spec.const !== undefined) out.const = spec.const;
      if (spec.minimum !== undefined) out.minimum = spec.minimum;
      if (spec.default !== undefined) out.default = spec.default;
      break;
    case 'boolean':
      out.type = 'boolean';
      if (spec.default !== undefined) out.default = spec.default;
      break;
    case 'array':
      out.type = 'array';
      out.items = schemaOf(spec.items);
      break;
    case 'map':
      out.type = 'object';
      out.propertyNames = { description: spec.keyDescription };
      out.additionalProperties = schemaOf(spec.values);
      break;
    case 'object': {
      out.type = 'object';
      out.properties = Object.fromEntries(Object.entries(spec.fields).map(([k, v]) => [k, schemaOf(v)]));
      const required = Object.entries(spec.fields)
        .filter(([, v]) => v.required)
        .map(([k]) => k);
      if (required.length > 0) out.required = required;
      out.additionalProperties = false;
      break;
    }
  }
  return out;
}

export function roadmapJsonSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'ML Roadmap (mlroadmap.yaml, format version 1)',
    ...schemaOf(ROADMAP_FORMAT),
  };
}

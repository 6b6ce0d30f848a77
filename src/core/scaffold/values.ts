// Checking the values given for a template's variables, with the manifest's defaults filled in.
import { candidateIdProblem } from './candidate-id';
import type { TemplateManifest, VariableValue } from './manifest';

export interface ResolvedValues {
  readonly values: Readonly<Record<string, VariableValue>>;
  readonly errors: readonly string[];
}

/** Fill defaults and check every declared variable has a value of its type; never throws. */
export function resolveValues(manifest: TemplateManifest, given: Readonly<Record<string, VariableValue | undefined>>): ResolvedValues {
  const values: Record<string, VariableValue> = {};
  const errors: string[] = [];
  for (const variable of manifest.variables) {
    const value = given[variable.name] ?? variable.default;
    if (value === undefined || value === '') {
      errors.push(`missing a value for "${variable.name}"${variable.description ? ` (${variable.description})` : ''}`);
      continue;
    }
    switch (variable.type) {
      case 'integer': {
        const n = typeof value === 'number' ? value : /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
        if (!Number.isSafeInteger(n)) errors.push(`"${variable.name}" must be an integer (got ${JSON.stringify(value)})`);
        else values[variable.name] = n;
        continue;
      }
      case 'id': {
        const problem = candidateIdProblem(String(value));
        if (problem) errors.push(`"${variable.name}": ${problem}`);
        else values[variable.name] = String(value);
        continue;
      }
      case 'choice':
        if (!variable.choices?.includes(String(value))) {
          errors.push(`"${variable.name}" must be one of ${variable.choices?.join(', ')} (got ${JSON.stringify(value)})`);
        } else values[variable.name] = String(value);
        continue;
      default:
        values[variable.name] = String(value);
    }
  }
  return { values, errors };
}

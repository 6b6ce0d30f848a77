// Checking the values given for a template's variables, with the manifest's defaults filled in.
import * as l10n from '@vscode/l10n';
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
      errors.push(variable.description ? l10n.t('missing a value for "{0}" ({1})', variable.name, variable.description) : l10n.t('missing a value for "{0}"', variable.name));
      continue;
    }
    switch (variable.type) {
      case 'integer': {
        const n = typeof value === 'number' ? value : /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
        if (!Number.isSafeInteger(n)) errors.push(l10n.t('"{0}" must be an integer (got {1})', variable.name, JSON.stringify(value)));
        else values[variable.name] = n;
        continue;
      }
      case 'id': {
        const problem = candidateIdProblem(String(value));
        if (problem) errors.push(l10n.t('"{0}": {1}', variable.name, problem));
        else values[variable.name] = String(value);
        continue;
      }
      case 'choice':
        if (!variable.choices?.includes(String(value))) {
          errors.push(l10n.t('"{0}" must be one of {1} (got {2})', variable.name, String(variable.choices?.join(', ')), JSON.stringify(value)));
        } else values[variable.name] = String(value);
        continue;
      default:
        values[variable.name] = String(value);
    }
  }
  return { values, errors };
}

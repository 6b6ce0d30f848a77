import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATUS_TOKEN_TYPES } from '../../../src/core/roadmap/status-tokens';

interface Manifest {
  contributes: {
    semanticTokenTypes: { id: string; superType?: string; description: string }[];
    semanticTokenScopes: { language: string; scopes: Record<string, string[]> }[];
  };
}

describe('semantic token contributions', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as Manifest;

  it('declare every status token type, with a super type and TextMate scopes for YAML', () => {
    const types = manifest.contributes.semanticTokenTypes;
    assert.deepEqual(types.map((t) => t.id), [...STATUS_TOKEN_TYPES]);
    for (const t of types) assert.ok(t.superType && t.description, t.id);
    const yaml = manifest.contributes.semanticTokenScopes.find((s) => s.language === 'yaml');
    assert.deepEqual(Object.keys(yaml?.scopes ?? {}).sort(), [...STATUS_TOKEN_TYPES].sort());
    for (const scopes of Object.values(yaml?.scopes ?? {})) assert.ok(scopes.length > 0);
  });
});

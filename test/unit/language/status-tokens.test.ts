import * as assert from 'node:assert/strict';
import { readSource } from '../../../src/core/roadmap/navigation';
import { statusTokens } from '../../../src/core/roadmap/status-tokens';
import { SAMPLE } from './sample';

describe('statusTokens', () => {
  it('classifies step statuses, candidate statuses and verdicts by meaning, in document order', () => {
    const lines = SAMPLE.split('\n');
    const tokens = statusTokens(readSource(SAMPLE)).map((t) => [lines[t.line].slice(t.character, t.character + t.length), t.type]);
    assert.deepEqual(tokens, [
      ['evaluated', 'mlrStatusDone'],
      ['prototyping', 'mlrStatusActive'],
      ['idea', 'mlrStatusPending'],
      ['failed', 'mlrVerdictBad'],
      ['done', 'mlrStatusDone'],
      ['blocked', 'mlrStatusBlocked'],
    ]);
  });

  it('covers every value of each set and leaves unknown values and other keys alone', () => {
    const text = `candidates:
  - { id: a, status: chosen }
  - { id: b, status: rejected }
  - { id: c, status: maybe }
reality_checks:
  - { id: r, verdict: passed }
  - { id: s, verdict: promising }
  - { id: t, verdict: planned }
production:
  - track: x
    steps:
      - { id: p, status: doing }
      - { id: q, status: skipped }
      - { id: todo, status: todo }
`;
    assert.deepEqual(
      statusTokens(readSource(text)).map((t) => t.type),
      ['mlrVerdictGood', 'mlrStatusSkipped', 'mlrVerdictGood', 'mlrVerdictGood', 'mlrStatusPending', 'mlrStatusActive', 'mlrStatusSkipped', 'mlrStatusPending'],
    );
  });
});

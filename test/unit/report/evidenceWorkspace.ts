// The demo copied to a temporary folder with two more decision records: 0003 written by the MADR writer (Record
// Decision) with each option's evidence, hostile strings in it, and 0004 from another tool, with pros and cons only.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { renderMadr } from '../../../src/core/decisions';
import { sampleDraft } from '../decisions/draft';

export const HOSTILE_OPTION = '<img src=x onerror="window.__pwned = 1">CNN\u202E';
export const HOSTILE_COST = '**5** days | [pay](javascript:alert(1)) https://evil.example';

export interface EvidenceWorkspace {
  readonly dir: string;
  readonly roadmap: string;
  cleanup(): void;
}

export function evidenceWorkspace(): EvidenceWorkspace {
  const dir = mkdtempSync(path.join(tmpdir(), 'mlroadmap-report-evidence-'));
  cpSync(path.resolve(__dirname, '../../../examples/digits'), dir, { recursive: true });
  const decisions = path.join(dir, 'docs', 'decisions');
  const draft = sampleDraft({
    title: 'Choose the small CNN',
    options: [
      {
        id: 'cnn',
        title: HOSTILE_OPTION,
        cost: HOSTILE_COST,
        benefit: { expected: { accuracy: 0.99 }, confidence: 'medium' },
        evaluation: { metric: 'accuracy', value: 0.983, baseline: 0.1003, commit: '3f2a9c1', at: '2026-11-30T10:00:00Z' },
        pros: [],
        cons: [],
      },
      { id: 'mlp', title: 'One-hidden-layer MLP', cost: { effort_days: 2, compute_hours: 1, risk: 'low' }, pros: [], cons: [] },
    ],
    outcome: { option: 'cnn', reason: 'it is the most accurate' },
    candidates: ['cnn', 'mlp'],
  });
  writeFileSync(path.join(decisions, '0003-choose-the-small-cnn.md'), renderMadr(draft));
  writeFileSync(
    path.join(decisions, '0004-keep-8x8-images.md'),
    ['# Keep the 8x8 images', '', '* Status: accepted', '* Date: 2026-11-25', '', '## Pros and Cons of the Options', '', '### 8x8', '', '* Good, because it is what we have'].join('\n'),
  );
  return { dir, roadmap: path.join(dir, 'mlroadmap.yaml'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

// The report as Markdown: the demo's numbers in its tables and list, and every hostile string as text (no HTML, no
// link, no table cell broken).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadReportSnapshot } from '../../../src/core/report/load';
import { mdText, reportMarkdown } from '../../../src/core/report/markdown';
import { evidenceWorkspace } from './evidenceWorkspace';
// @ts-expect-error: a plain ES module of the e2e support, without types
import { writeHostileWorkspace } from '../../e2e/support/hostile.mjs';

const DEMO = path.resolve(__dirname, '../../../examples/digits/mlroadmap.yaml');

describe('report as Markdown', () => {
  it('the demo: problem, progress, candidates against the baseline, ranking formula, decisions, findings', async () => {
    const md = reportMarkdown(await loadReportSnapshot(DEMO, 'mlroadmap.yaml', new Date('2026-12-01T00:00:00Z')));
    assert.match(md, /^# Discovery report: Digit recognizer\n/);
    assert.match(md, /- \*\*Business goal:\*\* Route 80% of forms automatically/);
    assert.match(md, /- \*\*Phase:\*\* discovery \(5 of 12 steps done\)/);
    assert.match(md, /\| Understand \| discovery \| 3 \/ 3 \|/);
    assert.match(md, /\| Logistic regression on scaled pixels \(logreg\), baseline \| evaluated \| 0\.5 \| 0 \| low \| — \| — \| — \| 0\.9721 \(not from the pipeline\) \| \+0\.8718 \| met \|/);
    assert.match(md, /Ranking: score = gain × confidence weight ÷ cost/);
    assert.match(md, /- #1 k-nearest neighbours: 0\.485 = /);
    assert.match(md, /\| 0002 \| Shortlist a small CNN on the 8x8 images \| proposed \| 2026-11-20 \|/);
    assert.match(md, /\| ops-demo \| demo \| cnn \| 2026-12-15 \| planned \|/);
    assert.match(md, /- \*\*warning\*\* The results of 'majority' in 'results\/majority\.json' are not from the pipeline/);
    assert.doesNotMatch(md, /<img|<svg|<script/i);
  });

  it('escapes markup, HTML, table pipes, line breaks and bare URLs in data strings', () => {
    assert.equal(mdText('<img src=x onerror=alert(1)>'), '&lt;img src=x onerror=alert(1)&gt;');
    assert.equal(mdText('a | b\nc'), 'a \\| b c');
    assert.equal(mdText('**bold** [x](javascript:alert(1)) `code` _i_'), '\\*\\*bold\\*\\* \\[x\\](javascript:alert(1)) \\`code\\` \\_i\\_');
    assert.equal(mdText('see https://evil.example and www.evil.example'), 'see https\\://evil.example and www\\.evil.example');
    assert.equal(mdText('evil\u202Eexe'), '\u2068evil\u202Eexe\u2069');
  });

  it('escapes a block marker at the start of a data string (a heading or a list inside a list item)', () => {
    assert.equal(mdText('# Title'), '\\# Title');
    assert.equal(mdText('- item'), '\\- item');
    assert.equal(mdText('+ item'), '\\+ item');
    assert.equal(mdText('1. first'), '1\\. first');
    assert.equal(mdText('2) second'), '2\\) second');
    assert.equal(mdText('a - b # c'), 'a - b # c', 'inside the text, nothing to escape');
  });

  it('a hostile roadmap: no element, no link, every table row keeps its cells', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'mlroadmap-report-md-'));
    try {
      writeHostileWorkspace(root);
      const md = reportMarkdown(await loadReportSnapshot(path.join(root, 'mlroadmap.yaml'), 'mlroadmap.yaml'));
      assert.doesNotMatch(md, /<[a-z/]/i, 'no tag');
      assert.doesNotMatch(md, /\]\(/, 'no inline link');
      assert.doesNotMatch(md, /https?:\/\//, 'no autolink');
      assert.doesNotMatch(md, /\u202E(?![^\u2068]*\u2069)/, 'every override isolated');
      // Every row of a table has as many cells as its header.
      const lines = md.split('\n');
      for (let i = 0; i < lines.length; i++) {
        if (!lines[i + 1]?.startsWith('| ---')) continue;
        const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
        for (let j = i + 2; lines[j]?.startsWith('|'); j++) assert.equal(cells(lines[j]), cells(lines[i]), lines[j].slice(0, 200));
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("each decision's embedded evidence as a nested list, escaped; a record without evidence shows none", async () => {
    const ws = evidenceWorkspace();
    try {
      const md = reportMarkdown(await loadReportSnapshot(ws.roadmap, 'mlroadmap.yaml', new Date('2026-12-01T00:00:00Z')));
      const evidence = md.slice(md.indexOf('### Evidence in the records'), md.indexOf('## Open pitfall findings'));
      assert.equal(
        evidence,
        [
          '### Evidence in the records',
          '',
          '- 0003 Choose the small CNN',
          '  - \u2068&lt;img src=x onerror="window.\\_\\_pwned = 1"&gt;CNN\u202E\u2069 (cnn)',
          '    - Cost: \\*\\*5\\*\\* days \\| \\[pay\\](javascript:alert(1)) https\\://evil.example',
          '    - Benefit: expected accuracy 0.99; confidence medium',
          '    - Evaluation: accuracy 0.983 (baseline 0.1003, delta +0.8827), commit 3f2a9c1, measured 2026-11-30T10:00:00Z',
          '  - One-hidden-layer MLP (mlp)',
          '    - Cost: 2 effort days, 1 compute hours, risk low',
          '    - Evaluation: not measured yet',
          '',
          '',
        ].join('\n'),
      );
      // The demo's records and 0004 (another tool's, pros and cons only) have no evidence entry.
      assert.doesNotMatch(evidence, /- 000[124] /);
      assert.match(md, /\| 0004 \| Keep the 8x8 images \| accepted \| 2026-11-25 \|/);
    } finally {
      ws.cleanup();
    }
  });
});

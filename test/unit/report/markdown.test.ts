// The report as Markdown: the demo's numbers in its tables and list, and every hostile string as text (no HTML, no
// link, no table cell broken).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadReportSnapshot } from '../../../src/core/report/load';
import { mdText, reportMarkdown } from '../../../src/core/report/markdown';
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
});

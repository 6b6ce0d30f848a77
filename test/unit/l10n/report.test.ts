// The Discovery report speaks the display language in its own prose: the Markdown's headings, table headers,
// sentences and cells, the "Since" section, the page's title and its note without scripts. What it quotes (the
// roadmap's names, ids, statuses, the records, the numbers) stays as written. Run over the demo, the fixture
// roadmaps, a workspace with blocked steps and unreadable records, and "Since" comparisons of every kind.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { reportHtml } from '../../../src/core/report/html';
import { loadReportSnapshot } from '../../../src/core/report/load';
import { reportMarkdown } from '../../../src/core/report/markdown';
import { ROADMAP_NOTE, type ReportSnapshot } from '../../../src/core/report/model';
import { reportSince } from '../../../src/core/report/since';
import type { HistoryRecord } from '../../../src/core/results/history';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import { evidenceWorkspace } from '../report/evidenceWorkspace';
import { dataWords, outside, untranslated, withPseudoL10n } from '../support/pseudoL10n';
import { DEMO_ROADMAP } from '../support/roadmaps';

const ROOT = path.resolve(__dirname, '../../..');
const DEMO = path.join(ROOT, 'examples/digits/mlroadmap.yaml');
const ROADMAPS = path.join(ROOT, 'test/fixtures/roadmaps');
const NOW = new Date('2026-12-01T00:00:00Z');

/** The HTML entities and escapes the Markdown writes for `<`, `>`, `&` and bare URLs in data strings. */
const MARKUP_WORDS = ['lt', 'gt', 'amp'];

/** Words of the report that are neither in a translated span nor part of the snapshot it was made from. */
function strayWords(text: string, snapshot: ReportSnapshot): string[] {
  const allowed = [...dataWords(snapshot), ...MARKUP_WORDS];
  return [...new Set(outside(text).match(/[A-Za-z]{2,}/g) ?? [])].filter((w) => !allowed.some((d) => d.includes(w)));
}

/**
 * The demo roadmap with blocked steps (owned or not, with notes or not) and a decisions folder holding broken records,
 * and beside it a file that is no roadmap at all.
 */
function blockedWorkspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mlroadmap-l10n-report-'));
  const text = DEMO_ROADMAP.replace(
    ['      - id: reality-check', '        title: Demo to the operations team', '        status: todo', ''].join('\n'),
    [
      '      - { id: reality-check, title: Demo to the operations team, status: blocked, owner: Dana, notes: waits for the ops team }',
      '      - { id: second-demo, title: Second demo, status: blocked, owner: Lee }',
      '      - { id: third-demo, title: Third demo, status: blocked, notes: no room booked }',
      '      - { id: fourth-demo, title: Fourth demo, status: blocked }',
      '',
    ].join('\n'),
  );
  assert.notEqual(text, DEMO_ROADMAP);
  writeFileSync(path.join(dir, 'mlroadmap.yaml'), text);
  mkdirSync(path.join(dir, 'docs'), { recursive: true });
  cpSync(path.join(ROOT, 'test/fixtures/decisions/mixed-problems'), path.join(dir, 'docs/decisions'), { recursive: true });
  writeFileSync(path.join(dir, 'unreadable.yaml'), '- not\n- a roadmap\n');
  return dir;
}

function record(candidate: string, recordedAt: string, commit?: string): HistoryRecord {
  return { candidate, metrics: { accuracy: 0.9, loss: 0.1 }, source: `results/${candidate}.json`, format: 'mlroadmap', git: commit ? { commit, dirty: false } : null, dataset: null, command: null, recordedAt };
}

describe('l10n: the Discovery report', function () {
  this.timeout(60_000);

  it('every sentence, heading, table header and cell the report writes itself is translated', async () => {
    const evidence = evidenceWorkspace();
    const blocked = blockedWorkspace();
    const reports: { markdown: string; snapshot: ReportSnapshot }[] = [];
    const texts: string[] = [];
    try {
      await withPseudoL10n(async () => {
        const files = [
          DEMO,
          evidence.roadmap,
          path.join(blocked, 'mlroadmap.yaml'),
          path.join(blocked, 'unreadable.yaml'),
          ...readdirSync(ROADMAPS)
            .filter((f) => f.endsWith('.yaml'))
            .map((f) => path.join(ROADMAPS, f)),
        ];
        const snapshots = await Promise.all(files.map((f) => loadReportSnapshot(f, path.basename(f), NOW)));
        assert.ok(snapshots.some((s) => s.problem !== undefined) && snapshots.some((s) => s.gate?.passed) && snapshots.some((s) => s.gate && !s.gate.passed));
        assert.ok(snapshots.some((s) => s.decisionProblems.length > 0) && snapshots.some((s) => s.blockedSteps.length === 4));

        // "Since <ref>": the roadmap absent or unreadable at the ref, then read with every kind of change.
        const now = parseRoadmap(DEMO_ROADMAP).roadmap;
        const then = DEMO_ROADMAP.replace('status: doing', 'status: todo')
          .replace('  - id: cnn\n', '  - id: gone\n    status: idea\n  - id: cnn\n')
          .replace('    target: 0.97\n', '    target: 0.9\n')
          .replace('    target: 50\n', '');
        const base = { ref: 'v1', commit: 'a'.repeat(40), committedAt: '2026-01-01T00:00:00Z', roadmapNow: now, history: [] };
        const sinces = [
          reportSince({ ...base, roadmapThen: undefined, decisionsThen: [], decisionsNow: [] }),
          reportSince({ ...base, roadmapThen: 'version: [', decisionsThen: [], decisionsNow: [] }),
          reportSince({ ...base, roadmapThen: DEMO_ROADMAP, decisionsThen: [], decisionsNow: [] }),
          reportSince({
            ...base,
            roadmapThen: then,
            decisionsThen: [{ number: 1, title: 'One', status: 'proposed' }, { number: 2, title: 'Two' }],
            decisionsNow: [{ number: 1, title: 'One', status: 'accepted' }, { number: 2, title: 'Two', status: 'accepted' }, { number: 3, title: 'Three' }],
            history: [record('cnn', '2025-12-01T00:00:00Z'), record('cnn', '2026-02-01T00:00:00Z', 'b'.repeat(40)), record('logreg', '2026-03-01T00:00:00Z')],
          }),
        ];
        for (const since of sinces) snapshots.push({ ...snapshots[0], since });

        for (const snapshot of snapshots) {
          reports.push({ markdown: reportMarkdown(snapshot), snapshot });
          const html = reportHtml(snapshot, { script: '', css: '' });
          texts.push(/<title>(.*)<\/title>/.exec(html)?.[1] ?? '', /<noscript>(.*)<\/noscript>/.exec(html)?.[1] ?? '');
        }
        texts.push(ROADMAP_NOTE.absent, ROADMAP_NOTE.unreadable);
      });
    } finally {
      evidence.cleanup();
      rmSync(blocked, { recursive: true, force: true });
    }
    assert.deepEqual(untranslated(texts), []);
    for (const { markdown, snapshot } of reports) assert.deepEqual(strayWords(markdown, snapshot), [], markdown);
    // The report's own texts, counted once each: the spans of its Markdown and the page's.
    const spans = new Set([...texts, ...reports.flatMap((r) => r.markdown.match(/⟦[^⟦⟧]*⟧/g) ?? [])]);
    assert.ok(spans.size >= 80, `only ${spans.size} distinct texts checked`);
  });
});

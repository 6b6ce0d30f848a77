// The decisions core speaks the display language in what it tells the user (a record it could not read, a folder it
// could not list, a number renumbered, index markers that do not pair up) and nowhere in what it writes into the
// records and the index: their headings, templates and status lines are read back by this and other tools.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  generateIndex,
  parseDecision,
  parseDecisionFiles,
  planRenumber,
  readDecisionFolder,
  renderMadr,
  setStatusEdits,
  supersedeEdits,
  updateIndex,
  applyEdits,
  INDEX_BEGIN,
  INDEX_END,
} from '../../../src/core/decisions';
import { defaultContext, defaultTitle, driverOf, optionsFrom } from '../../../src/core/decisions/fromRoadmap';
import { sampleDraft } from '../decisions/draft';
import { untranslated, withPseudoL10n } from '../support/pseudoL10n';
import { demoModel } from '../support/roadmaps';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'decisions');

describe('l10n: the decisions core', () => {
  it('every problem and message is translated; what is written into records and the index is not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlroadmap-l10n-decisions-'));
    const texts: string[] = [];
    const written: string[] = [];
    try {
      writeFileSync(join(dir, 'not-a-folder'), 'x');
      await withPseudoL10n(() => {
        for (const folder of ['mixed-problems', 'madr3', 'madr4', 'nygard', 'log4brains']) {
          const read = readDecisionFolder(join(FIXTURES, folder));
          texts.push(...read.problems.map((p) => p.message));
        }
        const unlisted = readDecisionFolder(join(dir, 'not-a-folder', 'decisions'));
        texts.push(...unlisted.problems.map((p) => p.message), unlisted.error?.message ?? '');
        const unread = parseDecisionFiles([{ name: '0001-a.md', path: 'd/0001-a.md' }], () => {
          throw new Error('EACCES: permission denied');
        });
        texts.push(...unread.problems.map((p) => p.message));
        for (const [file, text] of [
          ['d/readme.md', '# A\n'],
          ['d/0001-a.md', '---\nstatus: [\n---\n# A\n'],
          ['d/0002-b.md', 'No heading here.\n'],
          ['d/0003-c.md', '#  \n'],
        ]) {
          texts.push(...parseDecision(text, { file }).problems.map((p) => p.message));
        }

        // Number collisions: each of the three reasons a record is the one that moves.
        const records = new Map<string, string>([
          ['d/0001-a.md', '# 1. A\n\nDate: 2024-01-10\n\n## Status\n\nAccepted\n'],
          ['d/0001-b.md', '# 1. B\n\nDate: 2024-01-12\n\n## Status\n\nAccepted\n'],
          ['d/0002-c.md', '# C\n\n## Status\n\nAccepted\n'],
          ['d/0002-d.md', '# D\n\n## Status\n\nAccepted\n'],
        ]);
        const folder = parseDecisionFiles(
          [...records.keys()].map((path) => ({ name: path.slice(2), path })),
          (path) => records.get(path)!,
        );
        for (const facts of [{}, { inHead: (f: string) => f.endsWith('-a.md') || f.endsWith('-c.md') }]) {
          texts.push(...planRenumber(folder.records, records, facts).map((s) => s.message));
        }

        for (const existing of [`${INDEX_BEGIN}\n`, `${INDEX_BEGIN}\n${INDEX_END}\n${INDEX_END}\n`, `${INDEX_END}\n${INDEX_BEGIN}\n`]) {
          const u = updateIndex(existing, folder.records);
          if (!u.ok) texts.push(u.message);
        }

        // What is written stays as the formats and the readers expect it.
        const roadmap = demoModel();
        const latest = () => ({ metrics: { accuracy: 0.9 }, commit: 'abc1234', dirty: true, at: '2026-01-01' });
        written.push(renderMadr(sampleDraft({ options: optionsFrom(roadmap, ['majority', 'cnn', 'x'], latest) })));
        written.push(generateIndex(folder.records), ...roadmap.metrics.map(driverOf));
        for (const kind of ['choose-candidate', 'reject-candidates', 'change-metric', 'override-gate', 'free'] as const) {
          written.push(defaultTitle(roadmap, { kind }), defaultContext(roadmap, { kind, chosen: 'cnn', rejected: ['forest'], metric: 'accuracy', from: 'discovery', to: 'production' }));
        }
        const text = records.get('d/0001-a.md')!;
        written.push(applyEdits(text, setStatusEdits(text, 'nygard', 'superseded', { supersededBy: { number: 3, title: 'C', fileName: '0002-c.md' } })));
        const link = { number: 1, title: 'A', fileName: '0001-a.md' };
        const edits = supersedeEdits({ text, format: 'madr2-3', link }, { text, format: 'madr2-3', link: { ...link, number: 2 } });
        written.push(applyEdits(text, edits.old), applyEdits(text, edits.next));
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const all = texts.filter((t) => t !== '');
    assert.deepEqual(untranslated(all), []);
    assert.ok(new Set(all).size >= 13, `only ${new Set(all).size} distinct texts checked`);
    for (const text of written) assert.ok(!text.includes('⟦'), text);
  });
});

// The board, compare and review view models speak the display language in their own words: the column titles of
// Compare Candidates, the role a Production track serves, why a panel cannot show the roadmap, a run's per-class note.
// Ids, statuses and the user's own titles stay as the roadmap writes them.
import assert from 'node:assert/strict';
import { ROLE_NAMES } from '../../../src/core/roadmap/model';
import type { HistoryRecord } from '../../../src/core/results/history';
import { boardModel, roleTitle } from '../../../src/core/views/board';
import { compareColumns, compareModel } from '../../../src/core/views/compare';
import { reviewModel, runDetail } from '../../../src/core/views/review';
import { untranslated, withPseudoL10n } from '../support/pseudoL10n';
import { demoModel } from '../support/roadmaps';

function record(candidate: string, perClass?: HistoryRecord['perClass'], source = `results/${candidate}.json`): HistoryRecord {
  return { candidate, metrics: { accuracy: 0.9 }, source, format: 'mlroadmap', git: null, dataset: null, command: null, recordedAt: '2026-01-01T10:00:00Z', ...(perClass ? { perClass } : {}) };
}

describe('l10n: the view models', () => {
  it('every label, column title, problem and note is translated', async () => {
    const texts: string[] = [];
    await withPseudoL10n(() => {
      const roadmap = demoModel();
      const inputs = { findings: [], fixesOf: () => [], readOnly: false };
      texts.push(boardModel(undefined, inputs).problem ?? '');
      texts.push(...ROLE_NAMES.map(roleTitle));
      const production = boardModel(roadmap, inputs).columns.filter((c) => c.phase === 'production');
      assert.ok(production.length > 0);
      texts.push(...production.map((c) => c.subtitle ?? ''));

      const compareInputs = { ranks: new Map(), rankFormula: 'score', latest: () => undefined, readOnly: false };
      texts.push(compareModel(undefined, compareInputs).problem ?? '');
      const metrics = compareModel(roadmap, compareInputs).metrics;
      // Every column's title but the metric value's, which is the metric id itself.
      texts.push(...compareColumns(metrics).filter((c) => !c.key.startsWith('value:')).map((c) => c.title));

      texts.push(reviewModel(undefined, { history: [], shown: () => undefined, readOnly: false }).problem ?? '');
      const history = [
        record('cnn'),
        record('cnn', undefined, ''),
        record('cnn', { classes: {}, elided: 2000 }),
        record('cnn', { classes: { cat: { f1: 0.5 } }, cut: { classes: 2, metrics: 1 } }),
      ];
      for (const id of ['run-0', 'run-1', 'run-2', 'run-3', 'run-9']) {
        const detail = runDetail(history, id);
        texts.push(detail.note ?? '', detail.perClass?.cut ?? '');
      }
    });
    const all = texts.filter((t) => t !== '');
    assert.deepEqual(untranslated(all), []);
    assert.ok(new Set(all).size >= 25, `only ${new Set(all).size} distinct texts checked`);
  });
});

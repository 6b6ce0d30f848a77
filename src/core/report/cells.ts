// The report's candidate table as text: the columns Compare Candidates shows by default, each cell in the panel's
// words, for the Markdown renderer. The report's page draws Compare's own table (webview/shared/candidateTable.ts)
// in the same columns (`reportColumns`).
import * as l10n from '@vscode/l10n';
import { compareColumns, shownColumns, type CompareColumn, type CompareRow } from '../views/compare-model';
import type { ReportSnapshot } from './model';

const DASH = '—';

/** A Compare cell as text: the same columns and words as the panel's default table. */
export function compareCellText(row: CompareRow, column: CompareColumn): string {
  const colon = column.key.indexOf(':');
  if (colon > 0) {
    const c = row.metrics.find((x) => x.metric === column.key.slice(colon + 1));
    switch (column.key.slice(0, colon)) {
      case 'expected':
        return c?.expected?.text ?? DASH;
      case 'value':
        if (!c?.value) return DASH;
        return row.result?.notFromPipeline ? l10n.t('{0} (not from the pipeline)', c.value.text) : row.result?.stale ? l10n.t('{0} (stale)', c.value.text) : c.value.text;
      case 'delta':
        return c?.delta?.text ?? DASH;
      case 'met':
        return c?.targetMet === undefined ? DASH : c.targetMet ? l10n.t({ message: 'met', comment: ['Whether a metric meets its target'] }) : l10n.t({ message: 'not met', comment: ['Whether a metric meets its target'] });
      default:
        return DASH;
    }
  }
  switch (column.key) {
    case 'title':
      return row.baseline ? l10n.t('{0} ({1}), baseline', row.title, row.id) : `${row.title} (${row.id})`;
    case 'status':
      return row.status;
    case 'effort':
      return row.effortDays?.text ?? DASH;
    case 'compute':
      return row.computeHours?.text ?? DASH;
    case 'risk':
      return row.risk ?? DASH;
    case 'confidence':
      return row.confidence ?? DASH;
    case 'rank':
      return row.rank ? `#${row.rank.position} (${row.rank.score.text})` : DASH;
    case 'literature':
      return row.literature.length === 0 ? DASH : row.literature.map((l) => l.title).join(', ');
    case 'decision':
      return row.decision ? `${row.decision.number}${row.decision.title ? `: ${row.decision.title}` : ''}` : DASH;
    default:
      return DASH;
  }
}

/** The columns of the report's candidate table: the panel's default columns. */
export function reportColumns(s: Pick<ReportSnapshot, 'compare'>): CompareColumn[] {
  return shownColumns(compareColumns(s.compare.metrics), undefined);
}


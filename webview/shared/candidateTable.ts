// Compare Candidates' table of candidates, drawn by one function for Compare Candidates (webview/compare/) and the
// Discovery report's page (webview/report/): the header, one row per candidate, and its cells — status, cost, risk,
// confidence, rank with its formula, per metric the expected value, the latest value (flagged not from the pipeline or
// stale), the delta against the baseline and whether the target is met, literature, decision. Compare passes its
// interactive parts (sort on a header click, the selected row, literature opened through the host); without them the
// table is static, for the report: no handler, no focus stop, literature as plain text. Every data string is text,
// isolated in a <bdi>; every number arrives formatted by the host.
import * as l10n from '@vscode/l10n';
import type { CompareColumn, CompareModel, CompareRow, CompareSort } from '../../src/core/views/compare-model';
import { bidi, isolate } from './bidi';
import { el } from './vscode';

/** What Compare Candidates adds to the table: sorting, the selected row, links opened by the host. */
export interface CandidateTableInteraction {
  readonly sort: CompareSort | undefined;
  readonly selected: string | undefined;
  onSort(sort: CompareSort): void;
  onSelect(id: string): void;
  onLink(url: string): void;
}

export interface CandidateTableInput {
  readonly model: Pick<CompareModel, 'rankFormula'>;
  /** The rows in the order shown. */
  readonly rows: readonly CompareRow[];
  readonly columns: readonly CompareColumn[];
  /** Absent: a static table (the report). */
  readonly interaction?: CandidateTableInteraction;
}

const DASH = '—';

/**
 * A column's title with the metric id in it isolated (`accuracy Δ baseline`: the id is data, the rest is UI). The id
 * leads the English title; a translation may put it elsewhere.
 */
export function columnTitle(c: CompareColumn): (Node | string)[] {
  const colon = c.key.indexOf(':');
  const metric = colon > 0 ? c.key.slice(colon + 1) : undefined;
  const at = metric === undefined ? -1 : c.title.indexOf(metric);
  if (metric === undefined || at < 0) return [c.title];
  return [...(at > 0 ? [c.title.slice(0, at)] : []), bidi(metric, 'metric'), c.title.slice(at + metric.length)];
}

export function candidateTable({ model, rows, columns, interaction }: CandidateTableInput): HTMLTableElement {
  const head = el('tr');
  for (const c of columns) {
    const th = el('th', { attrs: { scope: 'col', 'data-column': c.key } });
    if (interaction) {
      const sorted = interaction.sort?.key === c.key ? interaction.sort.direction : undefined;
      const button = el('button', { class: 'sort', attrs: { 'data-focus-key': `sort:${c.key}`, title: l10n.t('Sort by {0}', isolate(c.title)) } }, ...columnTitle(c));
      button.append(el('span', { class: `codicon codicon-${sorted === 'ascending' ? 'arrow-up' : sorted === 'descending' ? 'arrow-down' : 'blank'}`, attrs: { 'aria-hidden': 'true' } }));
      button.addEventListener('click', () => interaction.onSort({ key: c.key, direction: sorted === 'ascending' ? 'descending' : 'ascending' }));
      th.setAttribute('aria-sort', sorted ?? 'none');
      th.append(button);
    } else th.append(...columnTitle(c));
    head.append(th);
  }
  const body = el('tbody');
  for (const row of rows) {
    const tr = el('tr', { attrs: { 'data-candidate': row.id } });
    if (interaction) {
      const selected = row.id === interaction.selected;
      tr.className = `row${selected ? ' selected' : ''}`;
      for (const [k, v] of Object.entries({ 'aria-selected': String(selected), tabindex: '0', 'data-focus-key': `row:${row.id}` })) tr.setAttribute(k, v);
      tr.addEventListener('click', (e) => {
        if (e.target instanceof HTMLAnchorElement || (e.target instanceof HTMLElement && e.target.closest('button.link'))) return;
        interaction.onSelect(row.id);
      });
      tr.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          interaction.onSelect(row.id);
        }
      });
    }
    for (const c of columns) tr.append(cell(model, row, c, interaction));
    body.append(tr);
  }
  return el('table', { class: 'compare', attrs: { 'aria-label': l10n.t('Candidates'), 'aria-rowcount': String(rows.length + 1) } }, el('thead', {}, head), body);
}

function cell(m: Pick<CompareModel, 'rankFormula'>, row: CompareRow, column: CompareColumn, interaction: CandidateTableInteraction | undefined): HTMLElement {
  const td = el('td', { attrs: { 'data-column': column.key } });
  const colon = column.key.indexOf(':');
  if (colon > 0) {
    const metric = column.key.slice(colon + 1);
    const c = row.metrics.find((x) => x.metric === metric);
    td.classList.add('num');
    switch (column.key.slice(0, colon)) {
      case 'expected':
        td.textContent = c?.expected?.text ?? DASH;
        break;
      case 'value':
        td.textContent = c?.value?.text ?? DASH;
        if (c?.value && row.result?.notFromPipeline) {
          td.classList.add('warn');
          td.append(el('span', { class: 'tag', text: ` ${l10n.t('not from the pipeline')}`, attrs: { title: l10n.t('No evaluation run recorded this result, so it does not count as evaluated.') } }));
        } else if (c?.value && row.result?.stale) {
          td.append(el('span', { class: 'tag', text: ` ${l10n.t({ message: 'stale', args: [], comment: ['A tag on a result recorded before the candidate or the data changed'] })}`, attrs: { title: row.result.stale } }));
        }
        break;
      case 'delta':
        td.textContent = c?.delta?.text ?? DASH;
        if (c?.delta && c.delta.value !== 0) td.classList.add(c.improved ? 'better' : 'worse');
        break;
      case 'met':
        td.classList.remove('num');
        if (c?.targetMet === undefined) td.textContent = DASH;
        else {
          td.classList.add(c.targetMet ? 'passed' : 'failed');
          // The codicon font is the editor's: the report's page (no font allowed) says it in words only.
          if (interaction) td.append(el('span', { class: `codicon codicon-${c.targetMet ? 'pass' : 'error'}`, attrs: { 'aria-hidden': 'true' } }), ' ');
          td.append(c.targetMet ? l10n.t({ message: 'met', args: [], comment: ['The metric reaches its target'] }) : l10n.t({ message: 'not met', args: [], comment: ['The metric does not reach its target'] }));
        }
        break;
    }
    return td;
  }
  switch (column.key) {
    case 'title':
      td.append(bidi(row.title, 'title'), ' ', bidi(row.id, 'muted'));
      if (row.baseline) td.append(el('span', { class: 'badge', text: l10n.t({ message: 'baseline', args: [], comment: ['A badge on the candidate the others are compared with'] }) }));
      break;
    case 'status':
      td.textContent = row.status;
      break;
    case 'effort':
      td.classList.add('num');
      td.textContent = row.effortDays?.text ?? DASH;
      break;
    case 'compute':
      td.classList.add('num');
      td.textContent = row.computeHours?.text ?? DASH;
      break;
    case 'risk':
      td.textContent = row.risk ?? DASH;
      break;
    case 'confidence':
      td.textContent = row.confidence ?? DASH;
      break;
    case 'rank':
      td.classList.add('num');
      if (row.rank) {
        td.textContent = l10n.t({ message: '#{0} ({1})', args: [row.rank.position, row.rank.score.text], comment: ["A candidate's rank, then its score"] });
        td.title = `${row.rank.formula}\n\n${m.rankFormula}`;
      } else td.textContent = DASH;
      break;
    case 'literature':
      if (row.literature.length === 0) td.textContent = DASH;
      row.literature.forEach((l, i) => {
        if (l.url && interaction) {
          const link = el('button', { class: 'link', attrs: { title: l.url } }, bidi(l.title));
          link.addEventListener('click', () => interaction.onLink(l.url!));
          td.append(link);
        } else td.append(...(i > 0 && !interaction ? [', '] : []), bidi(l.title, 'literature'));
      });
      break;
    case 'decision':
      if (!row.decision) td.textContent = DASH;
      else td.append(bidi(row.decision.number), ...(row.decision.title ? [': ', bidi(row.decision.title, 'decision-title')] : []));
      break;
  }
  return td;
}

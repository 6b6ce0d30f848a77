// Compare Candidates webview: draws the host's snapshot as a sortable, filterable table with choosable columns (the
// candidate table is webview/shared/candidateTable.ts, which the Discovery report's page draws too) and a
// cost-versus-benefit scatter (uPlot: expected and measured benefit joined per candidate, the Pareto front as a line,
// the target as a reference line); a selected candidate offers Reveal in YAML, Evaluate and Record Decision. Every
// number arrives computed and formatted by the host; this page only orders, hides and draws.
import { withNodes } from '../shared/l10n';
import * as l10n from '@vscode/l10n';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type uPlot from 'uplot';
import { compareColumns, filterRows, shownColumns, sortRows, type CompareModel, type CompareRow } from '../../src/core/views/compare-model';
import type { CandidateStatus } from '../../src/core/roadmap/model';
import type { CompareRequest, CompareState, CompareUpdate } from '../../src/protocol/compare';
import { onThemeChange, themeColours, type ThemeColours } from '../shared/theme';
import { bidi } from '../shared/bidi';
import { candidateTable, columnTitle } from '../shared/candidateTable';
import { drawCostBenefit } from '../shared/scatter';
import { connect, el } from '../shared/vscode';
import '../shared/base.css';
import './compare.css';

const host = connect<CompareRequest, CompareUpdate, CompareState>();
let model: CompareModel | undefined;
let plot: uPlot | undefined;

const save = (patch: Partial<CompareState>): void => host.save(patch);
const state = (): Partial<CompareState> => host.state;

host.onSnapshot((snapshot) => {
  model = snapshot;
  render();
});

onThemeChange((colours) => {
  if (model) drawScatter(model, colours);
});

function render(): void {
  const app = document.getElementById('app');
  if (!app || !model) return;
  const active = document.activeElement;
  const focused = active instanceof HTMLElement ? active.dataset.focusKey : undefined;
  // The text filter re-renders on every key: its caret stays where it was.
  const caret = active instanceof HTMLInputElement && active.type === 'search' ? [active.selectionStart, active.selectionEnd] : undefined;
  app.replaceChildren(header(model), controls(model), table(model), actions(model), el('section', { class: 'scatter', attrs: { 'aria-label': l10n.t('Cost versus benefit') } }));
  app.setAttribute('aria-busy', 'false');
  drawScatter(model, themeColours());
  const again = focused ? app.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focused)}"]`) : null;
  again?.focus();
  if (caret && again instanceof HTMLInputElement) again.setSelectionRange(caret[0], caret[1]);
}

function header(m: CompareModel): HTMLElement {
  return el(
    'header',
    { class: 'header' },
    el('h1', {}, ...(m.project ? withNodes(l10n.t('Compare candidates: {0}'), bidi(m.project)) : [l10n.t('Compare candidates')])),
    m.baselineId !== undefined ? el('span', { class: 'muted' }, ...withNodes(l10n.t('Deltas against the baseline {0}'), bidi(m.baselineId))) : undefined,
    m.readOnly ? el('span', { class: 'readonly', text: l10n.t('Restricted Mode: read-only') }) : undefined,
    m.problem ? el('p', { class: 'problem', text: m.problem }) : undefined,
  );
}

function controls(m: CompareModel): HTMLElement {
  const search = el('input', { class: 'search', attrs: { type: 'search', placeholder: l10n.t('Filter by text'), 'aria-label': l10n.t('Filter candidates by text'), 'data-focus-key': 'search' } });
  search.value = state().text ?? '';
  search.addEventListener('input', () => {
    save({ text: search.value });
    render();
  });
  const statuses = el('fieldset', { class: 'statuses' }, el('legend', { text: l10n.t('Status') }));
  const chosen = new Set(state().statuses ?? []);
  for (const s of m.statuses) {
    const count = m.rows.filter((r) => r.status === s).length;
    if (count === 0 && !chosen.has(s)) continue;
    const box = el('input', { attrs: { type: 'checkbox', 'data-status': s, 'data-focus-key': `status:${s}` } });
    box.checked = chosen.has(s);
    box.addEventListener('change', () => {
      const next = new Set(state().statuses ?? []);
      if (box.checked) next.add(s);
      else next.delete(s);
      save({ statuses: m.statuses.filter((x) => next.has(x)) as CandidateStatus[] });
      render();
    });
    statuses.append(el('label', { class: 'status-choice' }, box, document.createTextNode(` ${s} (${count})`)));
  }
  const all = compareColumns(m.metrics);
  const shown = new Set(shownColumns(all, state().columns).map((c) => c.key));
  const chooser = el('details', { class: 'columns' }, el('summary', { text: l10n.t('Columns'), attrs: { 'data-focus-key': 'columns' } }));
  chooser.open = state().columnsOpen === true;
  chooser.addEventListener('toggle', () => save({ columnsOpen: chooser.open }));
  const list = el('div', { class: 'column-list' });
  for (const c of all) {
    const box = el('input', { attrs: { type: 'checkbox', 'data-column': c.key, 'data-focus-key': `column:${c.key}` } });
    box.checked = shown.has(c.key);
    box.addEventListener('change', () => {
      const next = new Set(shown);
      if (box.checked) next.add(c.key);
      else next.delete(c.key);
      save({ columns: all.filter((x) => next.has(x.key)).map((x) => x.key) });
      render();
    });
    list.append(el('label', {}, box, ' ', ...columnTitle(c)));
  }
  chooser.append(list);
  return el('div', { class: 'controls' }, search, statuses, chooser);
}

function visibleRows(m: CompareModel): CompareRow[] {
  return sortRows(filterRows(m.rows, { ...(state().statuses ? { statuses: state().statuses } : {}), ...(state().text ? { text: state().text } : {}) }), state().sort);
}

function table(m: CompareModel): HTMLElement {
  const rows = visibleRows(m);
  const tableEl = candidateTable({
    model: m,
    rows,
    columns: shownColumns(compareColumns(m.metrics), state().columns),
    interaction: {
      sort: state().sort,
      selected: state().selected,
      onSort: (sort) => {
        save({ sort });
        render();
      },
      onSelect: select,
      onLink: (url) => host.send({ type: 'openLink', url }),
    },
  });
  const empty = rows.length === 0 ? el('p', { class: 'empty', text: m.rows.length === 0 ? l10n.t('No candidates yet: add them under candidates: in mlroadmap.yaml.') : l10n.t('No candidate matches the filter.') }) : undefined;
  return el('div', { class: 'table-wrap' }, tableEl, empty);
}

function select(id: string): void {
  save({ selected: state().selected === id ? undefined : id });
  render();
}

function actions(m: CompareModel): HTMLElement {
  const row = m.rows.find((r) => r.id === state().selected);
  const section = el('section', { class: 'actions', attrs: { 'aria-label': l10n.t('Selected candidate'), 'aria-live': 'polite' } });
  if (!row) {
    section.append(el('span', { class: 'muted', text: l10n.t('Select a candidate (row or point) to reveal it in the YAML, evaluate it or record a decision on it.') }));
    return section;
  }
  section.append(el('strong', { text: row.title }), ' ', bidi(row.id, 'muted'));
  const button = (label: string, icon: string, request: CompareRequest) => {
    const b = document.createElement('vscode-button');
    b.setAttribute('secondary', '');
    b.setAttribute('icon', icon);
    b.dataset.action = request.type;
    b.textContent = label;
    b.addEventListener('click', () => host.send(request));
    return b;
  };
  section.append(button(l10n.t('Reveal in YAML'), 'go-to-file', { type: 'revealCandidate', id: row.id }));
  if (!m.readOnly) {
    section.append(
      button(l10n.t({ message: 'Evaluate', args: [], comment: ['A button that runs the evaluation of the selected candidate'] }), 'play', { type: 'evaluateCandidate', id: row.id }),
      button(l10n.t('Record Decision'), 'law', { type: 'recordDecision', id: row.id }),
    );
  }
  if (row.rank) section.append(el('p', { class: 'formula', text: l10n.t('Rank #{0}: {1}', row.rank.position, row.rank.formula) }));
  if (row.result?.notFromPipeline) section.append(el('p', { class: 'warn', text: l10n.t('Not from the pipeline: no evaluation run recorded this result, so it does not count as evaluated.') }));
  if (row.result?.stale) section.append(el('p', { class: 'warn', text: l10n.t('Stale: {0}', row.result.stale) }));
  return section;
}

/** The scatter of the candidates the filter keeps (webview/shared/scatter.ts); a point clicked selects its row. */
function drawScatter(m: CompareModel, colours: ThemeColours): void {
  plot?.destroy();
  plot = undefined;
  const holder = document.querySelector<HTMLElement>('section.scatter');
  if (!holder) return;
  const points = m.scatter.points.filter((p) => filterRows(m.rows.filter((r) => r.id === p.candidate), { ...(state().statuses ? { statuses: state().statuses } : {}), ...(state().text ? { text: state().text } : {}) }).length > 0);
  plot = drawCostBenefit(holder, m, points, colours, select);
}

host.send({ type: 'ready' });

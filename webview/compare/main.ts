// Compare Candidates webview: draws the host's snapshot as a sortable, filterable table with choosable columns and a
// cost-versus-benefit scatter (uPlot: expected and measured benefit joined per candidate, the Pareto front as a line,
// the target as a reference line); a selected candidate offers Reveal in YAML, Evaluate and Record Decision. Every
// number arrives computed and formatted by the host; this page only orders, hides and draws.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type uPlot from 'uplot';
import { compareColumns, filterRows, shownColumns, sortRows, type CompareColumn, type CompareModel, type CompareRow, type CompareSort } from '../../src/core/views/compare-model';
import type { CandidateStatus } from '../../src/core/roadmap/model';
import type { CompareRequest, CompareState, CompareUpdate } from '../../src/protocol/compare';
import { onThemeChange, themeColours, type ThemeColours } from '../shared/theme';
import { bidi, isolate } from '../shared/bidi';
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
  app.replaceChildren(header(model), controls(model), table(model), actions(model), el('section', { class: 'scatter', attrs: { 'aria-label': 'Cost versus benefit' } }));
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
    el('h1', {}, m.project ? 'Compare candidates: ' : 'Compare candidates', m.project ? bidi(m.project) : undefined),
    m.baselineId !== undefined ? el('span', { class: 'muted' }, 'Deltas against the baseline ', bidi(m.baselineId)) : undefined,
    m.readOnly ? el('span', { class: 'readonly', text: 'Restricted Mode: read-only' }) : undefined,
    m.problem ? el('p', { class: 'problem', text: m.problem }) : undefined,
  );
}

function controls(m: CompareModel): HTMLElement {
  const search = el('input', { class: 'search', attrs: { type: 'search', placeholder: 'Filter by text', 'aria-label': 'Filter candidates by text', 'data-focus-key': 'search' } });
  search.value = state().text ?? '';
  search.addEventListener('input', () => {
    save({ text: search.value });
    render();
  });
  const statuses = el('fieldset', { class: 'statuses' }, el('legend', { text: 'Status' }));
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
  const chooser = el('details', { class: 'columns' }, el('summary', { text: 'Columns', attrs: { 'data-focus-key': 'columns' } }));
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
  const columns = shownColumns(compareColumns(m.metrics), state().columns);
  const head = el('tr');
  for (const c of columns) {
    const sort = state().sort;
    const sorted = sort?.key === c.key ? sort.direction : undefined;
    const button = el('button', { class: 'sort', attrs: { 'data-focus-key': `sort:${c.key}`, title: `Sort by ${isolate(c.title)}` } }, ...columnTitle(c));
    button.append(el('span', { class: `codicon codicon-${sorted === 'ascending' ? 'arrow-up' : sorted === 'descending' ? 'arrow-down' : 'blank'}`, attrs: { 'aria-hidden': 'true' } }));
    button.addEventListener('click', () => {
      const direction = sorted === 'ascending' ? 'descending' : 'ascending';
      save({ sort: { key: c.key, direction } satisfies CompareSort });
      render();
    });
    head.append(el('th', { attrs: { scope: 'col', 'aria-sort': sorted ?? 'none', 'data-column': c.key } }, button));
  }
  const body = el('tbody');
  const rows = visibleRows(m);
  for (const row of rows) {
    const tr = el('tr', { class: `row${row.id === state().selected ? ' selected' : ''}`, attrs: { 'data-candidate': row.id, 'aria-selected': String(row.id === state().selected), tabindex: '0', 'data-focus-key': `row:${row.id}` } });
    tr.addEventListener('click', (e) => {
      if (e.target instanceof HTMLAnchorElement || (e.target instanceof HTMLElement && e.target.closest('button.link'))) return;
      select(row.id);
    });
    tr.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        select(row.id);
      }
    });
    for (const c of columns) tr.append(cell(m, row, c));
    body.append(tr);
  }
  const tableEl = el('table', { class: 'compare', attrs: { 'aria-label': 'Candidates', 'aria-rowcount': String(rows.length + 1) } }, el('thead', {}, head), body);
  const empty = rows.length === 0 ? el('p', { class: 'empty', text: m.rows.length === 0 ? 'No candidates yet: add them under candidates: in mlroadmap.yaml.' : 'No candidate matches the filter.' }) : undefined;
  return el('div', { class: 'table-wrap' }, tableEl, empty);
}

/** A column's title with the metric id in it isolated (`accuracy Δ baseline`: the id is data, the rest is UI). */
function columnTitle(c: CompareColumn): (Node | string)[] {
  const colon = c.key.indexOf(':');
  const metric = colon > 0 ? c.key.slice(colon + 1) : undefined;
  if (metric === undefined || !c.title.startsWith(metric)) return [c.title];
  return [bidi(metric, 'metric'), c.title.slice(metric.length)];
}

function select(id: string): void {
  save({ selected: state().selected === id ? undefined : id });
  render();
}

const DASH = '—';

function cell(m: CompareModel, row: CompareRow, column: CompareColumn): HTMLElement {
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
          td.append(el('span', { class: 'tag', text: ' not from the pipeline', attrs: { title: 'No evaluation run recorded this result, so it does not count as evaluated.' } }));
        } else if (c?.value && row.result?.stale) {
          td.append(el('span', { class: 'tag', text: ' stale', attrs: { title: row.result.stale } }));
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
          td.append(el('span', { class: `codicon codicon-${c.targetMet ? 'pass' : 'error'}`, attrs: { 'aria-hidden': 'true' } }), document.createTextNode(c.targetMet ? ' met' : ' not met'));
        }
        break;
    }
    return td;
  }
  switch (column.key) {
    case 'title':
      td.append(el('span', { class: 'title', text: row.title }), el('span', { class: 'muted', text: ` ${row.id}` }));
      if (row.baseline) td.append(el('span', { class: 'badge', text: 'baseline' }));
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
        td.textContent = `#${row.rank.position} (${row.rank.score.text})`;
        td.title = `${row.rank.formula}\n\n${m.rankFormula}`;
      } else td.textContent = DASH;
      break;
    case 'literature':
      if (row.literature.length === 0) td.textContent = DASH;
      for (const l of row.literature) {
        if (l.url) {
          const link = el('button', { class: 'link', text: l.title, attrs: { title: l.url } });
          link.addEventListener('click', () => host.send({ type: 'openLink', url: l.url! }));
          td.append(link);
        } else td.append(el('span', { text: l.title }));
      }
      break;
    case 'decision':
      if (!row.decision) td.textContent = DASH;
      else td.append(bidi(row.decision.number), ...(row.decision.title ? [': ', bidi(row.decision.title, 'decision-title')] : []));
      break;
  }
  return td;
}

function actions(m: CompareModel): HTMLElement {
  const row = m.rows.find((r) => r.id === state().selected);
  const section = el('section', { class: 'actions', attrs: { 'aria-label': 'Selected candidate', 'aria-live': 'polite' } });
  if (!row) {
    section.append(el('span', { class: 'muted', text: 'Select a candidate (row or point) to reveal it in the YAML, evaluate it or record a decision on it.' }));
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
  section.append(button('Reveal in YAML', 'go-to-file', { type: 'revealCandidate', id: row.id }));
  if (!m.readOnly) {
    section.append(button('Evaluate', 'play', { type: 'evaluateCandidate', id: row.id }), button('Record Decision', 'law', { type: 'recordDecision', id: row.id }));
  }
  if (row.rank) section.append(el('p', { class: 'formula', text: `Rank #${row.rank.position}: ${row.rank.formula}` }));
  if (row.result?.notFromPipeline) section.append(el('p', { class: 'warn', text: 'Not from the pipeline: no evaluation run recorded this result, so it does not count as evaluated.' }));
  if (row.result?.stale) section.append(el('p', { class: 'warn', text: `Stale: ${row.result.stale}` }));
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

// The Evaluation Review webview: draws the host's snapshot — per metric each candidate against the baseline (or the
// pinned run) and the target, last vs best, a uPlot chart of one metric over every run (from the snapshot's typed
// columns), and the run table, virtualised with @tanstack/virtual-core so 10,000 runs scroll smoothly. The snapshot
// carries the table's first rows only: once painted, the rest is asked of the host page by page (`loadRuns` ->
// `runs`) and added to the table as it comes. Diff-only shows the columns the host found differing over every run;
// the candidate filter is applied with the core's own helper; pinning, export and logs are asked of the host. Selecting a run (a row, or a
// point of the chart) asks the host for its per-class table (`showRunDetail` -> `runDetail`); a chart point or the
// detail's Show commit asks the host to open the run's commit (`showCommit`: the host looks the commit up itself).
import { withNodes } from '../shared/l10n';
import * as l10n from '@vscode/l10n';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { Virtualizer, elementScroll, observeElementOffset } from '@tanstack/virtual-core';
import { isRunOf, shownRuns, snapshotColumns, sortPerClassRows, type ReviewRun, type ReviewRunDetail, type ReviewRunsPage, type ReviewSnapshot, type ReviewView } from '../../src/core/views/review-model';
import { formatNumber, formatSigned } from '../../src/core/results/numbers';
import type { ReviewRequest, ReviewState, ReviewUpdate } from '../../src/protocol/review';
import { bidi, isolate } from '../shared/bidi';
import { connect, el } from '../shared/vscode';
import { onThemeChange, themeColours } from '../shared/theme';
import '../shared/base.css';
import './review.css';

const host = connect<ReviewRequest, ReviewUpdate, ReviewState>();
let model: ReviewSnapshot | undefined;
/** The run table's rows received so far (the snapshot's first ones, then the pages), in the table's order. */
let runs: ReviewRun[] = [];
/** Redraws the run table's rows after a page came (set by the run table drawn last). */
let refreshRows: (() => void) | undefined;
const cleanups: (() => void)[] = [];
let askedForPin = false;
let detail: ReviewRunDetail | undefined;
let askedForDetail: string | undefined;
const ROW_HEIGHT = 26;
/**
 * The run table's row the keyboard is on (its index among the rows shown): the table's one tab stop, moved with the
 * arrows, Home/End and Page Up/Down; Enter or Space selects its run.
 */
let activeRow = 0;
/** Where the keyboard was in the run table before a redraw: on a row (or on its pin button), to be given back. */
type TableFocus = { readonly index: number; readonly pin: boolean } | undefined;

function tableFocus(): TableFocus {
  const active = document.activeElement;
  const row = active instanceof HTMLElement ? active.closest<HTMLElement>('.inner .row[aria-rowindex]') : null;
  return row ? { index: Number(row.getAttribute('aria-rowindex')) - 2, pin: active?.classList.contains('pin') === true } : undefined;
}

/** Gives the keyboard back to the row of `focus` (or its pin button), if drawn; else to the table's scroll box. */
function restoreTableFocus(focus: TableFocus): void {
  if (!focus) return;
  const row = document.querySelector<HTMLElement>(`.inner .row[aria-rowindex="${focus.index + 2}"]`);
  const target = (focus.pin ? row?.querySelector<HTMLElement>('button.pin') : undefined) ?? row ?? document.querySelector<HTMLElement>('.runs .scroller');
  target?.focus({ preventScroll: true });
}
/** The run table's scroll box (set here, not in the stylesheet: the virtualiser starts from it without measuring). */
const SCROLLER_HEIGHT = 420;
/**
 * What runs once the page holds the new DOM, in order: the run table's virtualiser first (it measures nothing), then
 * the chart (uPlot reads the theme's colours and the box's width: one style and layout pass, then the canvas).
 */
const afterMount: (() => void)[] = [];

const save = (patch: Partial<ReviewState>): void => host.save(patch);
const state = (): Partial<ReviewState> => host.state;

function view(): ReviewView {
  return { diffOnly: state().diffOnly === true, ...(state().candidate !== undefined ? { candidate: state().candidate } : {}) };
}

host.onSnapshot((snapshot) => {
  model = snapshot;
  runs = [...snapshot.runs];
  // After a reload the host has forgotten the pinned run: ask for it again, once.
  const { pinned, candidate } = state();
  if (!askedForPin && pinned !== undefined && model.pinned === undefined && isRunOf(model.runCount, pinned)) {
    askedForPin = true;
    host.send({ type: 'pinBaseline', runId: pinned });
  } else if (askedForPin || pinned === undefined || model.pinned !== undefined) {
    save({ pinned: model.pinned });
  }
  if (candidate !== undefined && !model.candidates.includes(candidate)) save({ candidate: undefined });
  // The selected run's detail is asked again after a reload; a run gone from the history is unselected.
  const selected = state().selected;
  if (selected !== undefined && !isRunOf(model.runCount, selected)) {
    save({ selected: undefined });
    detail = undefined;
  } else if (selected !== undefined && askedForDetail !== selected) selectRun(selected);
  render();
  // The rest of the run table, once the first screen is painted.
  const version = snapshot.version;
  requestAnimationFrame(() => setTimeout(() => loadRuns(version)));
});

/** Asks the host for the next page of the run table of snapshot `version`, if it is still shown and rows are missing. */
function loadRuns(version: number): void {
  if (model?.version === version && runs.length < model.runCount) host.send({ type: 'loadRuns', version, offset: runs.length });
}

/** A page of the run table: added when it is the next of the snapshot shown, then the next is asked for. */
function addRuns(page: ReviewRunsPage): void {
  if (!model || page.version !== model.version || page.offset !== runs.length || page.runs.length === 0) return;
  for (const r of page.runs) runs.push(r);
  refreshRows?.();
  if (state().selected !== undefined && page.runs.some((r) => r.id === state().selected)) renderDetail();
  setTimeout(() => loadRuns(page.version));
}

host.onUpdate((update) => {
  switch (update.type) {
    case 'snapshot':
      return; // onSnapshot's
    case 'runs':
      addRuns(update.page);
      return;
    case 'runDetail':
      if (update.detail.runId !== state().selected) return;
      detail = update.detail;
      renderDetail();
      return;
    default: {
      const never: never = update;
      throw new Error(`unhandled review update ${JSON.stringify(never)}`);
    }
  }
});

/** Selects a run: its row is marked and its detail (per-class table) asked of the host. */
function selectRun(runId: string): void {
  save({ selected: runId });
  askedForDetail = runId;
  if (detail?.runId !== runId) detail = undefined;
  host.send({ type: 'showRunDetail', runId });
  for (const row of document.querySelectorAll<HTMLElement>('.inner .row[data-run-id]')) {
    const on = row.dataset.runId === runId;
    row.classList.toggle('selected', on);
    row.setAttribute('aria-selected', String(on));
  }
  renderDetail();
}

function render(): void {
  const app = document.getElementById('app');
  if (!app || !model) return;
  while (cleanups.length) cleanups.pop()?.();
  refreshRows = undefined;
  const m = model;
  const focus = tableFocus();
  afterMount.length = 0;
  const charted = chart(m);
  const table = runTable(m);
  app.replaceChildren(header(m), failures(m), summary(m), lastBest(m), charted, table, el('section', { class: 'block detail', attrs: { id: 'run-detail', 'aria-live': 'polite' } }));
  for (const mount of afterMount.splice(0)) mount();
  renderDetail();
  app.setAttribute('aria-busy', 'false');
  restoreTableFocus(focus);
}

function header(m: ReviewSnapshot): HTMLElement {
  const h = el('div', { class: 'header' }, el('h1', {}, ...(m.project ? withNodes(l10n.t('Evaluation Review: {0}'), bidi(m.project)) : [l10n.t('Evaluation Review')])));
  if (m.baseline?.kind === 'run') {
    const pinned = m.pinnedAt !== undefined
      ? withNodes(l10n.t('Baseline: pinned {0} ({1}, {2})'), m.baseline.id, bidi(m.baseline.candidate), m.pinnedAt)
      : withNodes(l10n.t('Baseline: pinned {0} ({1})'), m.baseline.id, bidi(m.baseline.candidate));
    h.append(el('span', { class: 'baseline pinned' }, ...pinned));
    const unpin = el('button', { class: 'action', text: l10n.t('Unpin'), attrs: { type: 'button', id: 'unpin' } });
    unpin.addEventListener('click', () => {
      save({ pinned: undefined });
      host.send({ type: 'unpin' });
    });
    h.append(unpin);
  } else if (m.baseline) {
    h.append(el('span', { class: 'baseline' }, ...withNodes(l10n.t('Baseline: {0}'), bidi(m.baseline.id))));
  } else {
    h.append(el('span', { class: 'baseline', text: l10n.t('No baseline candidate: pin a run to compare with it.') }));
  }
  if (m.readOnly) h.append(el('span', { class: 'readonly', text: l10n.t('Restricted Mode: read-only') }));
  if (m.problem) h.append(el('p', { class: 'problem', text: m.problem, attrs: { role: 'alert' } }));
  return h;
}

function failures(m: ReviewSnapshot): HTMLElement {
  const box = el('section', { class: 'failures', attrs: { 'aria-label': l10n.t('Failed evaluations') } });
  for (const f of m.failures) {
    const row = el('div', { class: 'failure', attrs: { role: 'alert' } }, el('span', { class: 'codicon codicon-error' }), el('span', {}, ...withNodes(l10n.t('{0}: exit code {1}. {2}'), bidi(f.candidate), String(f.exitCode), bidi(f.message))));
    if (f.hasLog) {
      const show = el('button', { class: 'action', text: l10n.t('Show log'), attrs: { type: 'button' } });
      show.addEventListener('click', () => host.send({ type: 'showLog', runId: f.id }));
      row.append(show);
    }
    box.append(row);
  }
  return box;
}

function passFail(met: boolean | undefined): HTMLElement | undefined {
  if (met === undefined) return undefined;
  return el('span', { class: `verdict ${met ? 'pass' : 'fail'}`, text: met ? l10n.t('✓ pass') : l10n.t('✗ fail') });
}

function summary(m: ReviewSnapshot): HTMLElement {
  const candidates = m.summary[0]?.cells.map((c) => c.candidate) ?? [];
  const table = el('table', { class: 'summary', attrs: { 'aria-label': l10n.t('Each candidate against the baseline and the target') } });
  const baselineHead = m.baseline?.kind === 'run' ? [l10n.t('pinned {0}', m.baseline.id)] : m.baseline ? withNodes(l10n.t('baseline ({0})'), bidi(m.baseline.id)) : [l10n.t('baseline')];
  const head = el('tr', {}, ...[l10n.t('metric'), l10n.t('goal'), l10n.t('target')].map((t) => el('th', { text: t, attrs: { scope: 'col' } })), el('th', { attrs: { scope: 'col' } }, ...baselineHead));
  for (const c of candidates) {
    const th = el('th', { attrs: { scope: 'col' } });
    const link = el('button', { class: 'link', text: c, attrs: { type: 'button', title: l10n.t('Reveal in mlroadmap.yaml') } });
    link.addEventListener('click', () => host.send({ type: 'revealCandidate', id: c }));
    th.append(link);
    head.append(th);
  }
  table.append(el('thead', {}, head));
  const body = el('tbody');
  for (const row of m.summary) {
    const tr = el('tr', {}, el('th', { attrs: { scope: 'row' } }, bidi(row.metric)), el('td', { text: row.goal }), el('td', { class: 'num', text: formatNumber(row.target) }), el('td', { class: 'num', text: formatNumber(row.baseline) }));
    for (const cell of row.cells) {
      const td = el('td', { class: 'num' });
      td.append(el('span', { text: formatNumber(cell.value) }));
      if (cell.delta !== undefined) td.append(el('span', { class: `delta ${cell.improved ? 'better' : cell.delta !== 0 ? 'worse' : ''}`, text: ` ${formatSigned(cell.delta)}` }));
      const verdict = passFail(cell.targetMet);
      if (verdict) td.append(' ', verdict);
      if (cell.notFromPipeline) td.append(el('span', { class: 'flag', text: l10n.t('not from the pipeline'), attrs: { title: l10n.t('No history record holds this result: it does not count as evaluated.') } }));
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  return el('section', { class: 'block' }, el('h2', { text: l10n.t('Against the baseline and the target') }), m.summary.length ? el('div', { class: 'table-wrap' }, table) : el('p', { class: 'muted', text: l10n.t('The roadmap names no metrics.') }));
}

function lastBest(m: ReviewSnapshot): HTMLElement {
  const section = el('section', { class: 'block' }, el('h2', { text: l10n.t('Last vs best') }));
  if (m.lastBest.length === 0) {
    section.append(el('p', { class: 'muted', text: l10n.t('No run is recorded yet: run ML Roadmap: Evaluate Candidate….') }));
    return section;
  }
  const table = el('table', { class: 'lastbest' }, el('thead', {}, el('tr', {}, ...[l10n.t('candidate'), l10n.t('metric'), l10n.t({ message: 'last', args: [], comment: ["A column: a candidate's latest value of the metric"] }), l10n.t({ message: 'best', args: [], comment: ["A column: a candidate's best value of the metric"] }), l10n.t('best run')].map((t) => el('th', { text: t, attrs: { scope: 'col' } })))));
  const body = el('tbody');
  for (const x of m.lastBest) {
    body.append(el('tr', {}, el('td', {}, bidi(x.candidate)), el('td', {}, bidi(x.metric)), el('td', { class: 'num', text: formatNumber(x.last) }), el('td', { class: 'num', text: formatNumber(x.best) }), el('td', { text: x.bestRun ?? '—' })));
  }
  table.append(body);
  section.append(table);
  return section;
}

function chartMetric(m: ReviewSnapshot): string | undefined {
  const metric = state().metric;
  return metric !== undefined && m.columns.includes(metric) ? metric : m.columns[0];
}

function chart(m: ReviewSnapshot): HTMLElement {
  const section = el('section', { class: 'block chart' }, el('h2', { text: l10n.t('Over the history') }));
  const metric = chartMetric(m);
  if (metric === undefined) {
    section.append(el('p', { class: 'muted', text: l10n.t('No run is recorded yet.') }));
    return section;
  }
  const select = el('select', { attrs: { 'aria-label': l10n.t('Metric to chart'), id: 'chart-metric' } });
  for (const c of m.columns) {
    const o = el('option', { text: c });
    o.value = c;
    o.selected = c === metric;
    select.append(o);
  }
  select.addEventListener('change', () => {
    save({ metric: select.value });
    render();
  });
  const box = el('div', { class: 'plot', attrs: { role: 'img', 'aria-label': l10n.t("{0} of every run over time, one series per candidate; a point opens its run's commit", metric) } });
  section.append(el('label', { text: `${l10n.t('Metric')} ` }, select), box);
  // Drawn once the section is in the page (uPlot measures it), after the table is mounted.
  afterMount.push(() => drawChart(box, m, metric));
  return section;
}

function drawChart(box: HTMLElement, m: ReviewSnapshot, metric: string): void {
  // Every run's value of the metric from the snapshot's columns (NaN: the run has none). The runs come in time order:
  // one pass gives the distinct times (x) and each run's place among them.
  const values = m.chart.values[m.columns.indexOf(metric)] ?? new Float64Array(0);
  const { at: runAt, candidate: runCandidate, record } = m.chart;
  const seriesOf = new Int32Array(m.candidates.length).fill(-1);
  const candidates: string[] = [];
  const times: number[] = [];
  const place = new Int32Array(values.length).fill(-1);
  let sorted = true;
  for (let k = 0; k < values.length; k++) {
    const t = runAt[k]!;
    if (Number.isNaN(values[k]) || Number.isNaN(t)) continue;
    const c = runCandidate[k]!;
    if (seriesOf[c] === -1) seriesOf[c] = 1;
    const last = times[times.length - 1];
    if (last === undefined || t > last) times.push(t);
    else if (t < last) sorted = false;
    place[k] = times.length - 1;
  }
  if (!sorted) {
    // Not in time order (the host sorts them; kept for safety): place every run by a lookup.
    const distinct = [...new Set(times.concat([...runAt].filter((t, k) => place[k]! >= 0 && !Number.isNaN(t))))].sort((a, b) => a - b);
    const index = new Map(distinct.map((t, i) => [t, i]));
    times.length = 0;
    times.push(...distinct);
    for (let k = 0; k < values.length; k++) if (place[k]! >= 0) place[k] = index.get(runAt[k]!)!;
  }
  // The legend follows the roadmap's order of the candidates that have a value.
  m.candidates.forEach((name, c) => {
    if (seriesOf[c] === -1) return;
    seriesOf[c] = candidates.length;
    candidates.push(name);
  });
  const series = candidates.map(() => new Array<number | null>(times.length).fill(null));
  // The run each point stands for (the later run when two of a candidate share a time), to open its commit.
  const pointRuns = candidates.map(() => new Int32Array(times.length).fill(-1));
  for (let k = 0; k < values.length; k++) {
    const i = place[k]!;
    if (i < 0) continue;
    const s = seriesOf[runCandidate[k]!]!;
    series[s]![i] = values[k]!;
    pointRuns[s]![i] = record[k]!;
  }
  const pointCounts = series.map((values) => values.reduce((n: number, v) => (v === null ? n : n + 1), 0));
  /** The run of the point nearest to the cursor at its time, if any. */
  const runAtCursor = (u: uPlot): string | undefined => {
    const i = u.cursor.idx;
    const top = u.cursor.top;
    if (i === null || i === undefined || top === undefined || top < 0) return undefined;
    let best: { run: string; distance: number } | undefined;
    series.forEach((values, s) => {
      const v = values[i];
      const run = pointRuns[s]![i] ?? -1;
      if (v === null || v === undefined || run < 0 || u.series[s + 1]?.show === false) return;
      const distance = Math.abs(u.valToPos(v, 'y') - top);
      if (!best || distance < best.distance) best = { run: `run-${run}`, distance };
    });
    return best?.run;
  };
  let plot: uPlot | undefined;
  const draw = () => {
    plot?.destroy();
    const colours = themeColours();
    const axis = { stroke: colours.foreground, grid: { stroke: colours.grid, width: 1 }, ticks: { stroke: colours.grid, width: 1 } };
    plot = new uPlot(
      {
        width: Math.max(300, box.clientWidth || 600),
        height: 240,
        series: [
          { label: l10n.t({ message: 'time', args: [], comment: ["The chart's horizontal axis in its legend: when a run was recorded"] }) },
          // A series' points are drawn when they stand apart (a few pixels each), else its line alone: 10,000 dots
          // on a few hundred pixels are one smear that costs most of the chart's time. A lone run still shows its point.
          ...candidates.map((c, i) => ({ label: c, stroke: colours.series[i % colours.series.length], width: 1.5, spanGaps: true, points: { show: (u: uPlot) => pointCounts[i]! * 4 * devicePixelRatio <= u.bbox.width, size: 5, fill: colours.series[i % colours.series.length] }, value: (_u: uPlot, v: number | null) => (v === null ? '—' : formatNumber(v)) })),
        ],
        axes: [axis, { ...axis, values: (_u: uPlot, vals: number[]) => vals.map((v) => formatNumber(v)) }],
        cursor: { points: { show: true } },
        legend: { show: true },
        hooks: {
          ready: [
            (u: uPlot) => {
              u.over.title = l10n.t('Click a point: select its run and open its commit');
              u.over.style.cursor = 'pointer';
              u.over.addEventListener('click', () => {
                const run = runAtCursor(u);
                if (run === undefined) return;
                selectRun(run);
                host.send({ type: 'showCommit', runId: run });
              });
            },
          ],
        },
      },
      [times, ...series],
      box,
    );
  };
  draw();
  const stopTheme = onThemeChange(draw);
  // A ResizeObserver reports once as soon as it observes: only a width that changed redraws the 10,000 points.
  const resize = new ResizeObserver(() => {
    const width = Math.max(300, box.clientWidth);
    if (plot && width !== plot.width) plot.setSize({ width, height: 240 });
  });
  resize.observe(box);
  cleanups.push(() => {
    stopTheme();
    resize.disconnect();
    plot?.destroy();
  });
}

function cellText(r: ReviewRun, c: string): string {
  const v = formatNumber(r.metrics[c]);
  const d = r.deltas?.[c];
  return d === undefined ? v : `${v} (${formatSigned(d)})`;
}

function runTable(m: ReviewSnapshot): HTMLElement {
  const section = el('section', { class: 'block runs' }, el('h2', { text: l10n.t('Runs ({0})', m.runCount) }));
  const controls = el('div', { class: 'controls' });
  const filter = el('select', { attrs: { 'aria-label': l10n.t('Candidate'), id: 'run-candidate' } });
  for (const c of [undefined, ...m.candidates]) {
    const o = el('option', { text: c ?? l10n.t('All candidates') });
    o.value = c ?? '';
    o.selected = c === state().candidate;
    filter.append(o);
  }
  filter.addEventListener('change', () => {
    save({ candidate: filter.value === '' ? undefined : filter.value, scrollTop: 0 });
    activeRow = 0;
    render();
  });
  const diff = el('input', { attrs: { type: 'checkbox', id: 'diff-only' } });
  diff.checked = state().diffOnly === true;
  diff.addEventListener('change', () => {
    save({ diffOnly: diff.checked });
    render();
  });
  const exportButton = el('button', { class: 'action', text: l10n.t('Export CSV'), attrs: { type: 'button', id: 'export-csv' } });
  exportButton.addEventListener('click', () => host.send({ type: 'exportCsv', diffOnly: state().diffOnly === true, ...(state().candidate !== undefined ? { candidate: state().candidate } : {}) }));
  controls.append(el('label', { text: `${l10n.t('Candidate')} ` }, filter), el('label', { class: 'check' }, diff, el('span', { text: ` ${l10n.t('Only the metrics that differ')}` })), exportButton);
  section.append(controls);

  // The rows received so far (the rest comes in pages: refreshRows); the columns are over every run from the start.
  let shown = shownRuns(runs, view());
  const complete = () => runs.length >= m.runCount;
  // Every run's place from the start when all are shown (the scroll bar and a restored scroll position hold), one
  // candidate's once they are all here.
  const count = () => (view().candidate === undefined ? m.runCount : shown.length);
  const columns = snapshotColumns(m, view());
  const fixed = ['', l10n.t('run'), l10n.t('candidate'), l10n.t({ message: 'recorded', args: [], comment: ['A column: when the run was recorded'] }), l10n.t('commit'), l10n.t('dataset')];
  const template = `28px 72px minmax(90px, 1fr) 200px 110px 90px${columns.map(() => ' minmax(90px, 1fr)').join('')}`;
  const table = el('div', { class: 'table', attrs: { role: 'table', 'aria-label': l10n.t('Every run of the history'), 'aria-rowcount': String((view().candidate === undefined ? m.runCount : shown.length) + 1), 'aria-busy': String(!complete()) } });
  // Every row is a grid of its own: one width for all (the tracks' minimums), not each row's content, keeps the
  // columns aligned when a cell holds a long name (it is cut with an ellipsis).
  table.style.setProperty('--row-min', `${28 + 72 + 90 + 200 + 110 + 90 + columns.length * 90}px`);
  const head = el('div', { class: 'row head', attrs: { role: 'row', 'aria-rowindex': '1' } });
  head.style.gridTemplateColumns = template;
  for (const t of [...fixed, ...columns]) head.append(el('div', { class: 'cell', text: t, attrs: { role: 'columnheader', title: t } }));
  const scroller = el('div', { class: 'scroller', attrs: { tabindex: '0', 'aria-label': l10n.t('Runs, scrollable') } });
  scroller.style.height = `${SCROLLER_HEIGHT}px`;
  const inner = el('div', { class: 'inner' });
  scroller.append(inner);
  table.append(head, scroller);
  section.append(table);
  const none = el('p', { class: 'muted', text: complete() ? l10n.t('No run to show.') : l10n.t('Loading the runs…') });
  none.hidden = count() > 0;
  section.append(none);

  const drawRow = (r: ReviewRun, index: number, start: number): HTMLElement => {
    const pinned = m.pinned === r.id;
    const selected = state().selected === r.id;
    const row = el('div', {
      class: `row${pinned ? ' pinned' : ''}${selected ? ' selected' : ''}`,
      attrs: {
        role: 'row',
        'aria-rowindex': String(index + 2),
        'aria-selected': String(selected),
        'data-run-id': r.id,
        title: r.perClass ? l10n.t('Select (Enter): per-class table and commit') : l10n.t('Select (Enter): commit'),
        tabindex: index === activeRow ? '0' : '-1',
      },
    });
    row.addEventListener('click', (e) => {
      if ((e.target as HTMLElement).closest('button')) return;
      activeRow = index;
      selectRun(r.id);
    });
    row.style.gridTemplateColumns = template;
    row.style.transform = `translateY(${start}px)`;
    const pin = el('button', {
      class: `pin codicon ${pinned ? 'codicon-pinned' : 'codicon-pin'}`,
      attrs: { type: 'button', 'aria-label': pinned ? l10n.t('Unpin {0}', r.id) : l10n.t('Pin {0} as the baseline', r.id), title: pinned ? l10n.t('Unpin') : l10n.t('Pin as the baseline'), 'aria-pressed': String(pinned) },
    });
    pin.addEventListener('click', () => {
      save({ pinned: pinned ? undefined : r.id });
      host.send(pinned ? { type: 'unpin' } : { type: 'pinBaseline', runId: r.id });
    });
    const commit = r.commit === undefined ? '—' : `${r.commit.slice(0, 10)}${r.dirty ? ' *' : ''}`;
    row.append(
      el('div', { class: 'cell', attrs: { role: 'cell' } }, pin),
      el('div', { class: 'cell', text: r.perClass ? `${r.id} ▦` : r.id, attrs: { role: 'cell', ...(r.perClass ? { 'aria-label': l10n.t('{0}, has per-class values', r.id) } : {}) } }),
      el('div', { class: 'cell', text: r.candidate, attrs: { role: 'cell', title: r.candidate } }),
      el('div', { class: 'cell', text: r.at, attrs: { role: 'cell' } }),
      el('div', { class: 'cell mono', text: commit, attrs: { role: 'cell', title: r.commit === undefined ? l10n.t('not a git repository') : r.dirty ? l10n.t('{0} (uncommitted changes)', r.commit) : r.commit } }),
      el('div', { class: 'cell mono', text: r.dataset?.slice(0, 8) ?? '—', attrs: { role: 'cell', title: r.dataset ?? l10n.t('no dataset fingerprint') } }),
      ...columns.map((c) => el('div', { class: 'cell num', text: cellText(r, c), attrs: { role: 'cell' } })),
    );
    return row;
  };

  /** A row whose run has not come yet. */
  const loadingRow = (index: number, start: number): HTMLElement => {
    const row = el('div', { class: 'row loading', attrs: { role: 'row', 'aria-rowindex': String(index + 2), 'aria-busy': 'true' } }, el('div', { class: 'cell muted', text: '…', attrs: { role: 'cell' } }));
    row.style.gridTemplateColumns = template;
    row.style.transform = `translateY(${start}px)`;
    return row;
  };

  let fresh = true;
  /** A row the keyboard was sent to that is not drawn yet (it is once the table has scrolled to it). */
  let pendingFocus = false;
  if (activeRow >= count()) activeRow = Math.max(0, count() - 1);
  const virtualizer = new Virtualizer<HTMLDivElement, HTMLDivElement>({
    count: count(),
    getScrollElement: () => scroller,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // A new scroll box is at the top: the first scroll to 0 is skipped (it would force a layout of the page).
    scrollToFn: (offset, options, instance) => {
      if (fresh && offset + (options.adjustments ?? 0) === 0) return;
      elementScroll(offset, options, instance);
    },
    // The box's size from a ResizeObserver only, after the browser's own layout; until then the height it is given.
    initialRect: { width: 0, height: SCROLLER_HEIGHT },
    observeElementRect: (instance, report) => {
      const target = instance.scrollElement;
      if (!target) return undefined;
      const observer = new ResizeObserver(([entry]) => {
        const box = entry?.borderBoxSize[0];
        if (box) report({ width: Math.round(box.inlineSize), height: Math.round(box.blockSize) });
      });
      observer.observe(target);
      return () => observer.disconnect();
    },
    observeElementOffset,
    initialOffset: state().scrollTop ?? 0,
    onChange: (instance) => {
      // The rows are drawn anew: the keyboard, on one of them, goes to the new one (or to the row it was sent to).
      const focus = pendingFocus ? { index: activeRow, pin: false } : tableFocus();
      inner.style.height = `${instance.getTotalSize()}px`;
      inner.replaceChildren(...instance.getVirtualItems().map((item) => (shown[item.index] ? drawRow(shown[item.index]!, item.index, item.start) : loadingRow(item.index, item.start))));
      if (focus && inner.querySelector(`.row[aria-rowindex="${focus.index + 2}"]`)) pendingFocus = false;
      restoreTableFocus(focus);
    },
  });
  refreshRows = () => {
    shown = shownRuns(runs, view());
    if (view().candidate !== undefined) table.setAttribute('aria-rowcount', String(shown.length + 1));
    table.setAttribute('aria-busy', String(!complete()));
    none.textContent = complete() ? l10n.t('No run to show.') : l10n.t('Loading the runs…');
    none.hidden = count() > 0;
    virtualizer.setOptions({ ...virtualizer.options, count: count() });
    virtualizer._willUpdate();
    virtualizer.options.onChange?.(virtualizer, false);
  };
  /** Moves the keyboard to row `index`: scrolled into view, made the tab stop, focused (once drawn). */
  const focusRow = (index: number): void => {
    activeRow = Math.min(Math.max(index, 0), count() - 1);
    for (const row of inner.querySelectorAll<HTMLElement>('.row[aria-rowindex]')) row.tabIndex = Number(row.getAttribute('aria-rowindex')) - 2 === activeRow ? 0 : -1;
    virtualizer.scrollToIndex(activeRow, { align: 'auto' });
    const row = inner.querySelector<HTMLElement>(`.row[aria-rowindex="${activeRow + 2}"]`);
    pendingFocus = !row;
    row?.focus({ preventScroll: true });
  };
  scroller.addEventListener('keydown', (e) => {
    if (count() === 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    const onRow = target.matches('.inner .row');
    const page = Math.max(1, Math.floor(scroller.clientHeight / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.key in moves) focusRow(onRow ? activeRow + moves[e.key]! : activeRow);
    else if (e.key === 'Home') focusRow(0);
    else if (e.key === 'End') focusRow(count() - 1);
    else if ((e.key === 'Enter' || e.key === ' ') && onRow && target.dataset.runId !== undefined) selectRun(target.dataset.runId);
    else return;
    e.preventDefault();
  });
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  scroller.addEventListener('scroll', () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => save({ scrollTop: scroller.scrollTop }), 150);
  });
  // The first rows are drawn before the table is in the page (from the initial offset and height): the page's first
  // layout, when the virtualiser mounts, already holds them.
  virtualizer.options.onChange?.(virtualizer, false);
  afterMount.unshift(() => {
    const unmount = virtualizer._didMount();
    virtualizer._willUpdate();
    fresh = false;
    const scrollTop = state().scrollTop;
    if (scrollTop) scroller.scrollTop = scrollTop;
    cleanups.push(unmount);
  });
  return section;
}

/** The selected run's detail: its commit and its per-class table (class × metric, sortable), or why there is none. */
function renderDetail(): void {
  const box = document.getElementById('run-detail');
  if (!box || !model) return;
  const selected = state().selected;
  const run = runs.find((r) => r.id === selected);
  if (!run && selected !== undefined && isRunOf(model.runCount, selected)) {
    box.replaceChildren(el('h2', { text: l10n.t('Run {0}', selected) }), el('p', { class: 'muted', text: l10n.t('Loading the run…') }));
    return;
  }
  if (!run) {
    box.replaceChildren(el('h2', { text: l10n.t({ message: 'Run', args: [], comment: ['A heading: the run selected in the table (a noun)'] }) }), el('p', { class: 'muted', text: l10n.t('Select a run (a row of the table or a point of the chart) to see its per-class values and its commit.') }));
    return;
  }
  const title = el('h2', {}, ...withNodes(l10n.t('Run {0}: {1}, {2}'), run.id, bidi(run.candidate), run.at));
  const commit = el('button', { class: 'action', text: run.commit ? l10n.t('Show commit {0}', run.commit.slice(0, 10)) : l10n.t('No commit'), attrs: { type: 'button', id: 'show-commit' } });
  if (run.commit) commit.addEventListener('click', () => host.send({ type: 'showCommit', runId: run.id }));
  else {
    commit.disabled = true;
    commit.title = l10n.t('This run was recorded outside a git repository.');
  }
  const parts: HTMLElement[] = [title, el('div', { class: 'controls' }, commit)];
  if (detail?.runId !== run.id) parts.push(el('p', { class: 'muted', text: l10n.t('Loading the per-class values…') }));
  else if (!detail.perClass) parts.push(el('p', { class: 'muted no-per-class', text: detail.note ?? l10n.t('This run has no per-class values.') }));
  else parts.push(perClassTable(detail.perClass));
  box.replaceChildren(...parts);
}

function perClassTable(table: NonNullable<ReviewRunDetail['perClass']>): HTMLElement {
  const sort = state().perClassSort ?? { column: -1, descending: false };
  const wrap = el('div', { class: 'per-class-wrap' });
  const t = el('table', { class: 'per-class', attrs: { 'aria-label': l10n.t('Per-class values: {0} classes × {1} metrics', table.rows.length, table.metrics.length) } });
  const head = el('tr');
  [l10n.t({ message: 'class', args: [], comment: ['A column of the per-class table: the class (label) of the model'] }), ...table.metrics].forEach((name, i) => {
    const column = i - 1;
    const on = sort.column === column;
    const th = el('th', { attrs: { scope: 'col', 'aria-sort': on ? (sort.descending ? 'descending' : 'ascending') : 'none' } });
    // Metric names come from the results file: isolated, like every data string.
    const b = el('button', { class: 'link sort', attrs: { type: 'button', title: l10n.t('Sort by {0}', i === 0 ? name : isolate(name)) } }, i === 0 ? name : bidi(name), on ? (sort.descending ? ' ▼' : ' ▲') : '');
    b.addEventListener('click', () => {
      save({ perClassSort: { column, descending: on ? !sort.descending : column >= 0 } });
      renderDetail();
    });
    th.append(b);
    head.append(th);
  });
  t.append(el('thead', {}, head));
  const body = el('tbody');
  for (const row of sortPerClassRows(table.rows, sort)) {
    body.append(el('tr', {}, el('th', { attrs: { scope: 'row' } }, bidi(row.label)), ...row.values.map((v) => el('td', { class: 'num', text: v === null ? '—' : formatNumber(v) }))));
  }
  t.append(body);
  wrap.append(t);
  const parts: HTMLElement[] = [wrap];
  if (table.cut) parts.push(el('p', { class: 'flag', text: table.cut }));
  return el('div', {}, ...parts);
}

host.send({ type: 'ready' });

// The Discovery report page (one self-contained HTML file, src/core/report/html.ts): draws the snapshot embedded in
// the page as JSON, with the webviews' own code — the text-only element helper, <bdi> isolation, theme colours, the
// Compare scatter and Compare's candidate table (webview/shared/candidateTable.ts, drawn static). Light and dark follow
// `prefers-color-scheme`; printing draws the chart again in the light colours.
import '../shared/l10n';
import { reportColumns } from '../../src/core/report/cells';
import { REPORT_DATA_ID } from '../../src/core/report/html-ids';
import { ROADMAP_NOTE, type ReportChange, type ReportDecision, type ReportSince, type ReportSnapshot } from '../../src/core/report/model';
import { bidi } from '../shared/bidi';
import { candidateTable } from '../shared/candidateTable';
import { drawCostBenefit } from '../shared/scatter';
import { themeColours } from '../shared/theme';
import { el } from '../shared/vscode';
import '../shared/base.css';
import './report.css';

const DASH = '—';

function readSnapshot(): ReportSnapshot | undefined {
  const text = document.getElementById(REPORT_DATA_ID)?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text) as ReportSnapshot;
  } catch {
    return undefined;
  }
}

/** `vscode-light` or `vscode-dark` on the body, so the shared theme code picks its colours (report.css sets them). */
function applyScheme(scheme: 'light' | 'dark'): void {
  document.body.classList.toggle('vscode-light', scheme === 'light');
  document.body.classList.toggle('vscode-dark', scheme === 'dark');
}

const dark = window.matchMedia('(prefers-color-scheme: dark)');

function section(title: string, ...children: (Node | string | undefined)[]): HTMLElement {
  const id = title.toLowerCase().replace(/[^a-z]+/g, '-');
  return el('section', { class: 'block', attrs: { 'aria-labelledby': id } }, el('h2', { text: title, attrs: { id } }), ...children);
}

function table(caption: string, header: readonly (Node | string)[], rows: readonly (readonly (Node | string)[])[], numeric: readonly number[] = []): HTMLElement {
  const head = el('tr', {}, ...header.map((h) => el('th', { attrs: { scope: 'col' } }, h)));
  const body = el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c, i) => el('td', numeric.includes(i) ? { class: 'num' } : {}, c)))));
  return el('div', { class: 'table-wrap' }, el('table', { attrs: { 'aria-label': caption } }, el('thead', {}, head), body));
}

/** A data string, or a dash when absent. */
const data = (text: string | undefined): Node | string => (text === undefined ? DASH : bidi(text));

function header(s: ReportSnapshot): HTMLElement {
  const facts = el('dl', { class: 'facts' });
  const fact = (term: string, value: Node | string) => facts.append(el('dt', { text: term }), el('dd', {}, value));
  if (s.project.problem !== undefined) fact('Problem', bidi(s.project.problem));
  if (s.project.businessGoal !== undefined) fact('Business goal', bidi(s.project.businessGoal));
  if (s.project.deadline !== undefined) fact('Deadline', bidi(s.project.deadline));
  fact('Phase', `${s.project.phase}${s.progress ? ` — ${s.progress.done} of ${s.progress.total} steps done` : ''}`);
  return el(
    'header',
    { class: 'header report-header' },
    el('h1', {}, s.project.name ? 'Discovery report: ' : 'Discovery report', s.project.name ? bidi(s.project.name) : undefined),
    el('p', { class: 'muted' }, 'Made ', el('time', { text: s.generatedAt, attrs: { datetime: s.generatedAt } }), ' from ', bidi(s.source)),
    s.problem ? el('p', { class: 'problem', text: s.problem }) : undefined,
    facts,
  );
}

/** Before and now of a change: `new` when there was nothing before, `removed` when there is nothing now. */
const change = (c: ReportChange): (Node | string)[] => [c.from !== undefined ? bidi(c.from) : el('em', { text: 'new' }), c.to !== undefined ? bidi(c.to) : el('em', { text: 'removed' })];

/** What changed since the git ref the report was asked for (`--since`). */
function since(c: ReportSince): HTMLElement {
  const parts: (Node | undefined)[] = [
    el('p', { class: 'muted' }, 'Changes since ', bidi(c.ref), ' (commit ', bidi(c.commit), ', ', el('time', { text: c.committedAt, attrs: { datetime: c.committedAt } }), ').'),
    c.roadmapAtRef !== 'read' ? el('p', { text: ROADMAP_NOTE[c.roadmapAtRef] }) : undefined,
  ];
  const sub = (title: string, node: HTMLElement) => parts.push(el('h3', { text: title }), node);
  if (c.steps.length > 0) sub('Steps', table('Steps whose status changed', ['Step', 'Stage or track', 'Before', 'Now'], c.steps.map((x) => [el('span', {}, bidi(x.title), ' (', bidi(x.id), ')'), bidi(x.group), ...change(x)])));
  if (c.candidates.length > 0) sub('Candidates', table('Candidates whose status changed', ['Candidate', 'Before', 'Now'], c.candidates.map((x) => [el('span', {}, bidi(x.title), ' (', bidi(x.id), ')'), ...change(x)])));
  if (c.metrics.length > 0) sub('Metric targets', table('Metric targets that changed', ['Metric', 'Before', 'Now'], c.metrics.map((x) => [bidi(x.id), ...change(x)])));
  if (c.decisions.length > 0) sub('Decisions', table('Decisions added or changed', ['Number', 'Decision', 'Before', 'Now'], c.decisions.map((x) => [x.number, bidi(x.title), ...change(x)])));
  if (c.results.length > 0) sub('New results', table('Results recorded since', ['Candidate', 'Recorded', 'Metrics', 'Commit'], c.results.map((r) => [bidi(r.candidate), bidi(r.recordedAt), bidi(r.metrics), data(r.commit)])));
  if (c.steps.length + c.candidates.length + c.metrics.length + c.decisions.length + c.results.length === 0) parts.push(el('p', { text: 'Nothing changed.' }));
  const s = el('section', { class: 'block since', attrs: { 'aria-labelledby': 'since' } }, el('h2', { attrs: { id: 'since' } }, 'Since ', bidi(c.ref)), ...parts);
  return s;
}

function progress(s: ReportSnapshot): HTMLElement {
  const bar = (done: number, total: number) => {
    const fill = el('span', { class: 'fill' });
    fill.style.width = `${total === 0 ? 0 : Math.round((done / total) * 100)}%`;
    return el('span', { class: 'bar', attrs: { role: 'img', 'aria-label': `${done} of ${total} done` } }, fill);
  };
  const rows = s.groups.map((g) => [bidi(g.title), g.phase === 'discovery' ? 'Discovery stage' : 'Production track', el('span', {}, bar(g.done, g.total), ` ${g.done} / ${g.total}`)]);
  const gate = s.gate
    ? el(
        'div',
        { class: `gate ${s.gate.passed ? 'passed' : 'failed'}` },
        el('p', { text: `Gate ${s.gate.from} → ${s.gate.to}: ${s.gate.passed ? 'passed' : 'not passed'}` }),
        s.gate.unmet.length > 0 ? el('ul', {}, ...s.gate.unmet.map((u) => el('li', {}, bidi(u)))) : undefined,
      )
    : undefined;
  return section('Progress', table('Progress per stage and track', ['Stage or track', 'Kind', 'Done'], rows), gate);
}

function blocked(s: ReportSnapshot): HTMLElement {
  if (s.blockers.length === 0 && s.blockedSteps.length === 0) return section('Blocked', el('p', { text: 'Nothing is blocked.' }));
  return section(
    'Blocked',
    el(
      'ul',
      { class: 'blocked' },
      ...s.blockers.map((b) => el('li', {}, bidi(b))),
      ...s.blockedSteps.map((b) => el('li', {}, 'Step ', bidi(b.title), ' (', bidi(b.group), ') is blocked', ...(b.owner !== undefined ? ['; owner ', bidi(b.owner)] : [', no owner']), ...(b.notes !== undefined ? [': ', bidi(b.notes)] : []))),
    ),
  );
}

function metrics(s: ReportSnapshot): HTMLElement {
  const rows = s.metrics.map((m) => [bidi(m.id), m.kind ?? DASH, m.goal, m.target ?? DASH, m.why !== undefined ? bidi(m.why) : m.measuredBy !== undefined ? el('span', {}, 'measured by ', bidi(m.measuredBy)) : DASH]);
  return section('Metrics', s.metrics.length === 0 ? el('p', { text: 'No metric defined yet.' }) : table('Metrics with their targets', ['Metric', 'Kind', 'Goal', 'Target', 'Why'], rows, [3]));
}

/** Compare Candidates' own table (webview/shared/candidateTable.ts), static: its default columns, no handler. */
function candidates(s: ReportSnapshot): HTMLElement {
  const m = s.compare;
  const ranked = m.rows.filter((r) => r.rank).sort((a, b) => (a.rank?.position ?? 0) - (b.rank?.position ?? 0));
  return section(
    'Candidates',
    m.baselineId !== undefined ? el('p', { class: 'muted' }, 'Latest results against the baseline ', bidi(m.baselineId), ' and the targets.') : el('p', { class: 'muted', text: 'No baseline: no deltas.' }),
    m.rows.length === 0 ? el('p', { text: 'No candidate yet.' }) : el('div', { class: 'table-wrap' }, candidateTable({ model: m, rows: m.rows, columns: reportColumns(s) })),
    el('h3', { text: 'Ranking' }),
    el('p', { class: 'formula', text: m.rankFormula }),
    ranked.length > 0 ? el('ol', { class: 'ranking' }, ...ranked.map((r) => el('li', {}, el('strong', {}, bidi(r.title)), ': ', bidi(r.rank?.formula ?? '')))) : el('p', { text: 'No candidate is ranked yet: the ranking needs a cost and an expected benefit.' }),
    el('section', { class: 'scatter', attrs: { 'aria-label': 'Cost versus benefit' } }),
  );
}

function realityChecks(s: ReportSnapshot): HTMLElement {
  if (s.realityChecks.length === 0) return section('Reality checks', el('p', { text: 'No reality check planned yet.' }));
  const rows = s.realityChecks.map((r) => [bidi(r.id), r.kind ?? DASH, data(r.candidate), data(r.date), el('span', { class: `verdict ${r.verdict}`, text: r.verdict }), data(r.notes)]);
  return section('Reality checks', table('Reality checks', ['Check', 'Kind', 'Candidate', 'Date', 'Verdict', 'Notes'], rows));
}

function decisions(s: ReportSnapshot): HTMLElement {
  const head = el('tr', {}, ...['Number', 'Decision', 'Status', 'Date'].map((h) => el('th', { text: h, attrs: { scope: 'col' } })));
  const body = el('tbody');
  for (const d of s.decisions) {
    body.append(el('tr', { class: 'decision' }, el('td', { text: d.number }), el('td', {}, bidi(d.title)), el('td', {}, d.status !== undefined ? bidi(d.status) : 'no status', d.supersededBy.length > 0 ? ` (superseded by ${d.supersededBy.join(', ')})` : ''), el('td', {}, data(d.date))));
    // The evidence the record embeds, under its row: each option with its cost, benefit and evaluation, as text.
    if (d.evidence.length > 0) body.append(el('tr', { class: 'evidence' }, el('td', { attrs: { colspan: '4', 'aria-label': `Evidence of ${d.number}` } }, evidence(d.evidence))));
  }
  return section(
    'Decisions',
    s.decisions.length === 0 ? el('p', { text: 'No decision recorded yet.' }) : el('div', { class: 'table-wrap' }, el('table', { class: 'decisions', attrs: { 'aria-label': 'Architecture decisions' } }, el('thead', {}, head), body)),
    s.decisionProblems.length > 0 ? el('ul', { class: 'problems' }, ...s.decisionProblems.map((p) => el('li', {}, 'Not read: ', bidi(p)))) : undefined,
  );
}

function evidence(options: ReportDecision['evidence']): HTMLElement {
  return el(
    'ul',
    { class: 'evidence' },
    ...options.map((o) => {
      const facts = el('dl', {});
      const fact = (term: string, value: string | undefined) => value !== undefined && facts.append(el('dt', { text: term }), el('dd', {}, bidi(value)));
      fact('Cost', o.cost);
      fact('Benefit', o.benefit);
      fact('Evaluation', o.evaluation);
      return el('li', {}, el('strong', {}, bidi(o.title)), o.candidate !== undefined && o.candidate !== o.title ? el('span', { class: 'muted' }, ' (', bidi(o.candidate), ')') : undefined, facts);
    }),
  );
}

function findings(s: ReportSnapshot): HTMLElement {
  if (s.findings.length === 0) return section('Open pitfall findings', el('p', { text: 'No open finding.' }));
  return section('Open pitfall findings', el('ul', { class: 'findings' }, ...s.findings.map((f) => el('li', { class: f.severity }, el('strong', { text: `${f.severity}: ` }), bidi(f.message), el('span', { class: 'muted', text: ` (line ${f.line})` })))));
}

let snapshot: ReportSnapshot | undefined;

function drawChart(): void {
  const holder = document.querySelector<HTMLElement>('section.scatter');
  if (holder && snapshot) drawCostBenefit(holder, snapshot.compare, snapshot.compare.scatter.points, themeColours());
}

function render(): void {
  const app = document.getElementById('app');
  if (!app) return;
  snapshot = readSnapshot();
  if (!snapshot) {
    app.replaceChildren(el('p', { class: 'problem', text: 'This report holds no readable data.' }));
    return;
  }
  const s = snapshot;
  document.title = `Discovery report${s.project.name ? `: ${s.project.name}` : ''}`;
  app.replaceChildren(header(s), ...(s.since ? [since(s.since)] : []), progress(s), blocked(s), metrics(s), candidates(s), realityChecks(s), decisions(s), findings(s));
  app.setAttribute('aria-busy', 'false');
  drawChart();
}

applyScheme(dark.matches ? 'dark' : 'light');
render();
dark.addEventListener('change', () => {
  applyScheme(dark.matches ? 'dark' : 'light');
  drawChart();
});
// Paper is light: the chart is drawn in the light colours for printing, and again in the screen's after.
window.addEventListener('beforeprint', () => {
  applyScheme('light');
  drawChart();
});
window.addEventListener('afterprint', () => {
  applyScheme(dark.matches ? 'dark' : 'light');
  drawChart();
});

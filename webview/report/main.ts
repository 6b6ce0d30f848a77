// The Discovery report page (one self-contained HTML file, src/core/report/html.ts): draws the snapshot embedded in
// the page as JSON, with the webviews' own code — the text-only element helper, <bdi> isolation, theme colours, the
// Compare scatter and Compare's candidate table (webview/shared/candidateTable.ts, drawn static). Light and dark follow
// `prefers-color-scheme`; printing draws the chart again in the light colours.
import { withNodes } from '../shared/l10n';
import * as l10n from '@vscode/l10n';
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

/** A section of the report; `id` names its heading (the English title's words: the same in every language). */
function section(id: string, title: string, ...children: (Node | string | undefined)[]): HTMLElement {
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
  if (s.project.problem !== undefined) fact(l10n.t('Problem'), bidi(s.project.problem));
  if (s.project.businessGoal !== undefined) fact(l10n.t('Business goal'), bidi(s.project.businessGoal));
  if (s.project.deadline !== undefined) fact(l10n.t('Deadline'), bidi(s.project.deadline));
  fact(l10n.t('Phase'), s.progress ? l10n.t('{0} — {1} of {2} steps done', s.project.phase, s.progress.done, s.progress.total) : s.project.phase);
  return el(
    'header',
    { class: 'header report-header' },
    el('h1', {}, ...(s.project.name ? withNodes(l10n.t('Discovery report: {0}'), bidi(s.project.name)) : [l10n.t('Discovery report')])),
    el('p', { class: 'muted' }, ...withNodes(l10n.t('Made {0} from {1}'), el('time', { text: s.generatedAt, attrs: { datetime: s.generatedAt } }), bidi(s.source))),
    s.problem ? el('p', { class: 'problem', text: s.problem }) : undefined,
    facts,
  );
}

/** Before and now of a change: `new` when there was nothing before, `removed` when there is nothing now. */
const change = (c: ReportChange): (Node | string)[] => [
  c.from !== undefined ? bidi(c.from) : el('em', { text: l10n.t({ message: 'new', args: [], comment: ['In a table of changes: there was nothing before'] }) }),
  c.to !== undefined ? bidi(c.to) : el('em', { text: l10n.t({ message: 'removed', args: [], comment: ['In a table of changes: there is nothing now'] }) }),
];

/** What changed since the git ref the report was asked for (`--since`). */
function since(c: ReportSince): HTMLElement {
  const parts: (Node | undefined)[] = [
    el('p', { class: 'muted' }, ...withNodes(l10n.t('Changes since {0} (commit {1}, {2}).'), bidi(c.ref), bidi(c.commit), el('time', { text: c.committedAt, attrs: { datetime: c.committedAt } }))),
    c.roadmapAtRef !== 'read' ? el('p', { text: ROADMAP_NOTE[c.roadmapAtRef] }) : undefined,
  ];
  const sub = (title: string, node: HTMLElement) => parts.push(el('h3', { text: title }), node);
  const before = () => l10n.t({ message: 'Before', args: [], comment: ['A column of a table of changes: the value at the git ref compared with'] });
  const now = () => l10n.t({ message: 'Now', args: [], comment: ['A column of a table of changes: the value today'] });
  if (c.steps.length > 0) sub(l10n.t('Steps'), table(l10n.t('Steps whose status changed'), [l10n.t('Step'), l10n.t('Stage or track'), before(), now()], c.steps.map((x) => [el('span', {}, bidi(x.title), ' (', bidi(x.id), ')'), bidi(x.group), ...change(x)])));
  if (c.candidates.length > 0) sub(l10n.t('Candidates'), table(l10n.t('Candidates whose status changed'), [l10n.t('Candidate'), before(), now()], c.candidates.map((x) => [el('span', {}, bidi(x.title), ' (', bidi(x.id), ')'), ...change(x)])));
  if (c.metrics.length > 0) sub(l10n.t('Metric targets'), table(l10n.t('Metric targets that changed'), [l10n.t('Metric'), before(), now()], c.metrics.map((x) => [bidi(x.id), ...change(x)])));
  if (c.decisions.length > 0) sub(l10n.t('Decisions'), table(l10n.t('Decisions added or changed'), [l10n.t('Number'), l10n.t('Decision'), before(), now()], c.decisions.map((x) => [x.number, bidi(x.title), ...change(x)])));
  if (c.results.length > 0) sub(l10n.t('New results'), table(l10n.t('Results recorded since'), [l10n.t('Candidate'), l10n.t({ message: 'Recorded', args: [], comment: ['A column: when the result was recorded'] }), l10n.t('Metrics'), l10n.t('Commit')], c.results.map((r) => [bidi(r.candidate), bidi(r.recordedAt), bidi(r.metrics), data(r.commit)])));
  if (c.steps.length + c.candidates.length + c.metrics.length + c.decisions.length + c.results.length === 0) parts.push(el('p', { text: l10n.t('Nothing changed.') }));
  const s = el('section', { class: 'block since', attrs: { 'aria-labelledby': 'since' } }, el('h2', { attrs: { id: 'since' } }, ...withNodes(l10n.t('Since {0}'), bidi(c.ref))), ...parts);
  return s;
}

function progress(s: ReportSnapshot): HTMLElement {
  const bar = (done: number, total: number) => {
    const fill = el('span', { class: 'fill' });
    fill.style.width = `${total === 0 ? 0 : Math.round((done / total) * 100)}%`;
    return el('span', { class: 'bar', attrs: { role: 'img', 'aria-label': l10n.t('{0} of {1} done', done, total) } }, fill);
  };
  const rows = s.groups.map((g) => [bidi(g.title), g.phase === 'discovery' ? l10n.t('Discovery stage') : l10n.t('Production track'), el('span', {}, bar(g.done, g.total), ` ${g.done} / ${g.total}`)]);
  const gate = s.gate
    ? el(
        'div',
        { class: `gate ${s.gate.passed ? 'passed' : 'failed'}` },
        el('p', { text: s.gate.passed ? l10n.t('Gate {0} → {1}: passed', s.gate.from, s.gate.to) : l10n.t('Gate {0} → {1}: not passed', s.gate.from, s.gate.to) }),
        s.gate.unmet.length > 0 ? el('ul', {}, ...s.gate.unmet.map((u) => el('li', {}, bidi(u)))) : undefined,
      )
    : undefined;
  return section('progress', l10n.t('Progress'), table(l10n.t('Progress per stage and track'), [l10n.t('Stage or track'), l10n.t('Kind'), l10n.t({ message: 'Done', args: [], comment: ['A column: how many steps of a stage or track are done'] })], rows), gate);
}

function blocked(s: ReportSnapshot): HTMLElement {
  const title = l10n.t({ message: 'Blocked', args: [], comment: ['A heading of the report: what is blocked'] });
  if (s.blockers.length === 0 && s.blockedSteps.length === 0) return section('blocked', title, el('p', { text: l10n.t('Nothing is blocked.') }));
  return section(
    'blocked',
    title,
    el(
      'ul',
      { class: 'blocked' },
      ...s.blockers.map((b) => el('li', {}, bidi(b))),
      ...s.blockedSteps.map((b) => el('li', {}, ...blockedStep(b))),
    ),
  );
}

/** A blocked step as one sentence: its title, its stage or track, its owner or none, its notes if any. */
function blockedStep(b: ReportSnapshot['blockedSteps'][number]): (Node | string)[] {
  const [title, group] = [bidi(b.title), bidi(b.group)];
  if (b.owner !== undefined) {
    return b.notes !== undefined
      ? withNodes(l10n.t('Step {0} ({1}) is blocked; owner {2}: {3}'), title, group, bidi(b.owner), bidi(b.notes))
      : withNodes(l10n.t('Step {0} ({1}) is blocked; owner {2}'), title, group, bidi(b.owner));
  }
  return b.notes !== undefined ? withNodes(l10n.t('Step {0} ({1}) is blocked, no owner: {2}'), title, group, bidi(b.notes)) : withNodes(l10n.t('Step {0} ({1}) is blocked, no owner'), title, group);
}

function metrics(s: ReportSnapshot): HTMLElement {
  const rows = s.metrics.map((m) => [bidi(m.id), m.kind ?? DASH, m.goal, m.target ?? DASH, m.why !== undefined ? bidi(m.why) : m.measuredBy !== undefined ? el('span', {}, ...withNodes(l10n.t('measured by {0}'), bidi(m.measuredBy))) : DASH]);
  return section('metrics', l10n.t('Metrics'), s.metrics.length === 0 ? el('p', { text: l10n.t('No metric defined yet.') }) : table(l10n.t('Metrics with their targets'), [l10n.t('Metric'), l10n.t('Kind'), l10n.t('Goal'), l10n.t('Target'), l10n.t('Why')], rows, [3]));
}

/** Compare Candidates' own table (webview/shared/candidateTable.ts), static: its default columns, no handler. */
function candidates(s: ReportSnapshot): HTMLElement {
  const m = s.compare;
  const ranked = m.rows.filter((r) => r.rank).sort((a, b) => (a.rank?.position ?? 0) - (b.rank?.position ?? 0));
  return section(
    'candidates',
    l10n.t('Candidates'),
    m.baselineId !== undefined ? el('p', { class: 'muted' }, ...withNodes(l10n.t('Latest results against the baseline {0} and the targets.'), bidi(m.baselineId))) : el('p', { class: 'muted', text: l10n.t('No baseline: no deltas.') }),
    m.rows.length === 0 ? el('p', { text: l10n.t('No candidate yet.') }) : el('div', { class: 'table-wrap' }, candidateTable({ model: m, rows: m.rows, columns: reportColumns(s) })),
    el('h3', { text: l10n.t('Ranking') }),
    el('p', { class: 'formula', text: m.rankFormula }),
    ranked.length > 0 ? el('ol', { class: 'ranking' }, ...ranked.map((r) => el('li', {}, el('strong', {}, bidi(r.title)), ': ', bidi(r.rank?.formula ?? '')))) : el('p', { text: l10n.t('No candidate is ranked yet: the ranking needs a cost and an expected benefit.') }),
    el('section', { class: 'scatter', attrs: { 'aria-label': l10n.t('Cost versus benefit') } }),
  );
}

function realityChecks(s: ReportSnapshot): HTMLElement {
  if (s.realityChecks.length === 0) return section('reality-checks', l10n.t('Reality checks'), el('p', { text: l10n.t('No reality check planned yet.') }));
  const rows = s.realityChecks.map((r) => [bidi(r.id), r.kind ?? DASH, data(r.candidate), data(r.date), el('span', { class: `verdict ${r.verdict}`, text: r.verdict }), data(r.notes)]);
  return section('reality-checks', l10n.t('Reality checks'), table(l10n.t('Reality checks'), [l10n.t('Check'), l10n.t('Kind'), l10n.t('Candidate'), l10n.t('Date'), l10n.t('Verdict'), l10n.t('Notes')], rows));
}

function decisions(s: ReportSnapshot): HTMLElement {
  const head = el('tr', {}, ...[l10n.t('Number'), l10n.t('Decision'), l10n.t('Status'), l10n.t('Date')].map((h) => el('th', { text: h, attrs: { scope: 'col' } })));
  const body = el('tbody');
  for (const d of s.decisions) {
    body.append(el('tr', { class: 'decision' }, el('td', { text: d.number }), el('td', {}, bidi(d.title)), el('td', {}, d.status !== undefined ? bidi(d.status) : l10n.t('no status'), d.supersededBy.length > 0 ? ` ${l10n.t('(superseded by {0})', d.supersededBy.join(', '))}` : ''), el('td', {}, data(d.date))));
    // The evidence the record embeds, under its row: each option with its cost, benefit and evaluation, as text.
    if (d.evidence.length > 0) body.append(el('tr', { class: 'evidence' }, el('td', { attrs: { colspan: '4', 'aria-label': l10n.t('Evidence of {0}', d.number) } }, evidence(d.evidence))));
  }
  return section(
    'decisions',
    l10n.t('Decisions'),
    s.decisions.length === 0 ? el('p', { text: l10n.t('No decision recorded yet.') }) : el('div', { class: 'table-wrap' }, el('table', { class: 'decisions', attrs: { 'aria-label': l10n.t('Architecture decisions') } }, el('thead', {}, head), body)),
    s.decisionProblems.length > 0 ? el('ul', { class: 'problems' }, ...s.decisionProblems.map((p) => el('li', {}, ...withNodes(l10n.t('Not read: {0}'), bidi(p))))) : undefined,
  );
}

function evidence(options: ReportDecision['evidence']): HTMLElement {
  return el(
    'ul',
    { class: 'evidence' },
    ...options.map((o) => {
      const facts = el('dl', {});
      const fact = (term: string, value: string | undefined) => value !== undefined && facts.append(el('dt', { text: term }), el('dd', {}, bidi(value)));
      fact(l10n.t('Cost'), o.cost);
      fact(l10n.t('Benefit'), o.benefit);
      fact(l10n.t('Evaluation'), o.evaluation);
      return el('li', {}, el('strong', {}, bidi(o.title)), o.candidate !== undefined && o.candidate !== o.title ? el('span', { class: 'muted' }, ' (', bidi(o.candidate), ')') : undefined, facts);
    }),
  );
}

function findings(s: ReportSnapshot): HTMLElement {
  const title = l10n.t('Open pitfall findings');
  if (s.findings.length === 0) return section('open-pitfall-findings', title, el('p', { text: l10n.t('No open finding.') }));
  return section('open-pitfall-findings', title, el('ul', { class: 'findings' }, ...s.findings.map((f) => el('li', { class: f.severity }, el('strong', { text: `${severity(f.severity)}: ` }), bidi(f.message), el('span', { class: 'muted', text: ` ${l10n.t('(line {0})', f.line)}` })))));
}

/** A finding's severity as a word (the diagnostics' severities; any other value as it is). */
function severity(value: string): string {
  switch (value) {
    case 'error':
      return l10n.t({ message: 'error', args: [], comment: ['The severity of a pitfall finding'] });
    case 'warning':
      return l10n.t({ message: 'warning', args: [], comment: ['The severity of a pitfall finding'] });
    case 'information':
      return l10n.t({ message: 'information', args: [], comment: ['The severity of a pitfall finding'] });
    case 'hint':
      return l10n.t({ message: 'hint', args: [], comment: ['The severity of a pitfall finding'] });
    default:
      return value;
  }
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
    app.replaceChildren(el('p', { class: 'problem', text: l10n.t('This report holds no readable data.') }));
    return;
  }
  const s = snapshot;
  document.title = s.project.name ? l10n.t('Discovery report: {0}', s.project.name) : l10n.t('Discovery report');
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

// The Discovery report as Markdown, for pull requests: the same snapshot as the HTML page, as headings, tables and
// the pitfall list, no charts. Every string from the roadmap, the results and the records is escaped so that it
// reads as the text it is: no HTML, no links, no emphasis, no table cell broken by a `|` or a line break.
import * as l10n from '@vscode/l10n';
import { isolateBidi } from '../bidi';
import { compareCellText, reportColumns } from './cells';
import { ROADMAP_NOTE, type ReportChange, type ReportSince, type ReportSnapshot } from './model';

/**
 * A data string as Markdown text inside a line (a table cell, after a list marker): inline markup and HTML escaped,
 * bare URLs kept from becoming links, line breaks as spaces, bidi controls isolated.
 */
export function mdText(text: string): string {
  return isolateBidi(text)
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'))
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`)
    // A block marker at the start (a heading, a list item, a numbered item) would start a block in a list item.
    .replace(/^(\s*)(\d+)([.)])(?=\s|$)/, '$1$2\\$3')
    .replace(/^(\s*)([#+=-])(?=[#\s]|$)/, '$1\\$2');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

const DASH = '—';

const change = (c: ReportChange): [string, string] => [
  c.from !== undefined ? mdText(c.from) : l10n.t({ message: 'new', comment: ['In the "Before" column of the report\'s "Since" tables: the thing did not exist then'] }),
  c.to !== undefined ? mdText(c.to) : l10n.t({ message: 'removed', comment: ['In the "Now" column of the report\'s "Since" tables: the thing is gone'] }),
];

/** The "Since <ref>" section: what changed since the ref's commit. */
function sinceMarkdown(c: ReportSince): string[] {
  const t = mdText;
  const out: string[] = [`## ${l10n.t('Since {0}', t(c.ref))}`, '', l10n.t('Changes since {0} (commit {1}, {2}).', t(c.ref), t(c.commit), t(c.committedAt)), ''];
  if (c.roadmapAtRef !== 'read') out.push(`${ROADMAP_NOTE[c.roadmapAtRef]}`, '');
  if (c.steps.length + c.candidates.length + c.metrics.length + c.decisions.length + c.results.length === 0) return [...out, l10n.t('Nothing changed.'), ''];
  const before = l10n.t('Before');
  const now = l10n.t('Now');
  if (c.steps.length > 0) out.push(`### ${l10n.t('Steps')}`, '', ...table([l10n.t('Step'), l10n.t('Stage or track'), before, now], c.steps.map((x) => [`${t(x.title)} (${t(x.id)})`, t(x.group), ...change(x)])), '');
  if (c.candidates.length > 0) out.push(`### ${l10n.t('Candidates')}`, '', ...table([l10n.t('Candidate'), before, now], c.candidates.map((x) => [`${t(x.title)} (${t(x.id)})`, ...change(x)])), '');
  if (c.metrics.length > 0) out.push(`### ${l10n.t('Metric targets')}`, '', ...table([l10n.t('Metric'), before, now], c.metrics.map((x) => [t(x.id), ...change(x)])), '');
  if (c.decisions.length > 0) out.push(`### ${l10n.t('Decisions')}`, '', ...table([l10n.t('Number'), l10n.t('Decision'), before, now], c.decisions.map((x) => [x.number, t(x.title), ...change(x)])), '');
  if (c.results.length > 0) {
    const header = [l10n.t('Candidate'), l10n.t('Recorded'), l10n.t('Metrics'), l10n.t('Commit')];
    out.push(`### ${l10n.t('New results')}`, '', ...table(header, c.results.map((r) => [t(r.candidate), t(r.recordedAt), t(r.metrics), r.commit !== undefined ? t(r.commit) : DASH])), '');
  }
  return out;
}

/** Each decision's embedded evidence as a nested list: the record, its options, their cost, benefit and evaluation. */
function evidenceMarkdown(decisions: ReportSnapshot['decisions']): string[] {
  const withEvidence = decisions.filter((d) => d.evidence.length > 0);
  if (withEvidence.length === 0) return [];
  const t = mdText;
  const out = [`### ${l10n.t('Evidence in the records')}`, ''];
  for (const d of withEvidence) {
    out.push(`- ${d.number} ${t(d.title)}`);
    for (const o of d.evidence) {
      out.push(`  - ${t(o.title)}${o.candidate !== undefined && o.candidate !== o.title ? ` (${t(o.candidate)})` : ''}`);
      if (o.cost !== undefined) out.push(`    - ${l10n.t('Cost: {0}', t(o.cost))}`);
      if (o.benefit !== undefined) out.push(`    - ${l10n.t('Benefit: {0}', t(o.benefit))}`);
      if (o.evaluation !== undefined) out.push(`    - ${l10n.t('Evaluation: {0}', t(o.evaluation))}`);
    }
  }
  return [...out, ''];
}

/** A blocked step in one sentence: its stage or track, its owner and its notes when it has them. */
function blockedStepText(b: ReportSnapshot['blockedSteps'][number]): string {
  const t = mdText;
  if (b.owner !== undefined) {
    return b.notes !== undefined
      ? l10n.t('Step {0} ({1}) is blocked; owner {2}: {3}', t(b.title), t(b.group), t(b.owner), t(b.notes))
      : l10n.t('Step {0} ({1}) is blocked; owner {2}', t(b.title), t(b.group), t(b.owner));
  }
  return b.notes !== undefined ? l10n.t('Step {0} ({1}) is blocked, no owner: {2}', t(b.title), t(b.group), t(b.notes)) : l10n.t('Step {0} ({1}) is blocked, no owner', t(b.title), t(b.group));
}

/** A record's status as written, and the records superseding it. */
function decisionStatusText(d: ReportSnapshot['decisions'][number]): string {
  const status = d.status !== undefined ? mdText(d.status) : l10n.t('no status');
  return d.supersededBy.length > 0 ? l10n.t('{0} (superseded by {1})', status, d.supersededBy.join(', ')) : status;
}

export function reportMarkdown(s: ReportSnapshot): string {
  const t = mdText;
  const out: string[] = [];
  out.push(`# ${s.project.name ? l10n.t('Discovery report: {0}', t(s.project.name)) : l10n.t('Discovery report: unnamed project')}`, '');
  out.push(l10n.t('Made {0} from {1}.', t(s.generatedAt), t(s.source)), '');
  if (s.problem) out.push(`**${t(s.problem)}**`, '');
  if (s.project.problem !== undefined) out.push(`- ${l10n.t('**Problem:** {0}', t(s.project.problem))}`);
  if (s.project.businessGoal !== undefined) out.push(`- ${l10n.t('**Business goal:** {0}', t(s.project.businessGoal))}`);
  if (s.project.deadline !== undefined) out.push(`- ${l10n.t('**Deadline:** {0}', t(s.project.deadline))}`);
  const phase = t(s.project.phase);
  out.push(`- ${s.progress ? l10n.t('**Phase:** {0} ({1} of {2} steps done)', phase, s.progress.done, s.progress.total) : l10n.t('**Phase:** {0}', phase)}`, '');

  if (s.since) out.push(...sinceMarkdown(s.since));

  out.push(`## ${l10n.t('Progress')}`, '');
  out.push(...table([l10n.t('Stage or track'), l10n.t('Phase'), l10n.t('Done')], s.groups.map((g) => [t(g.title), g.phase, `${g.done} / ${g.total}`])), '');
  if (s.gate) {
    out.push(s.gate.passed ? l10n.t('Gate {0} → {1}: passed', s.gate.from, s.gate.to) : l10n.t('Gate {0} → {1}: not passed', s.gate.from, s.gate.to), '');
    for (const u of s.gate.unmet) out.push(`- ${t(u)}`);
    if (s.gate.unmet.length > 0) out.push('');
  }

  out.push(`## ${l10n.t('Blocked')}`, '');
  if (s.blockers.length === 0 && s.blockedSteps.length === 0) out.push(l10n.t('Nothing is blocked.'), '');
  for (const b of s.blockers) out.push(`- ${t(b)}`);
  for (const b of s.blockedSteps) out.push(`- ${blockedStepText(b)}`);
  if (s.blockers.length + s.blockedSteps.length > 0) out.push('');

  out.push(`## ${l10n.t('Metrics')}`, '');
  out.push(
    ...table(
      [l10n.t('Metric'), l10n.t('Kind'), l10n.t('Goal'), l10n.t('Target'), l10n.t('Why')],
      s.metrics.map((m) => [t(m.id), m.kind ?? DASH, m.goal, m.target ?? DASH, m.why !== undefined ? t(m.why) : m.measuredBy !== undefined ? l10n.t('measured by {0}', t(m.measuredBy)) : DASH]),
    ),
    '',
  );

  out.push(`## ${l10n.t('Candidates')}`, '');
  if (s.compare.baselineId !== undefined) out.push(l10n.t('Deltas against the baseline {0}.', t(s.compare.baselineId)), '');
  const columns = reportColumns(s);
  out.push(...table(columns.map((c) => t(c.title)), s.compare.rows.map((r) => columns.map((c) => t(compareCellText(r, c))))), '');
  out.push(l10n.t('Ranking: {0}', t(s.compare.rankFormula)), '');
  for (const r of s.compare.rows) if (r.rank) out.push(`- #${r.rank.position} ${t(r.title)}: ${t(r.rank.formula)}`);
  if (s.compare.rows.some((r) => r.rank)) out.push('');

  out.push(`## ${l10n.t('Reality checks')}`, '');
  if (s.realityChecks.length === 0) out.push(l10n.t('No reality check planned yet.'), '');
  else out.push(...table([l10n.t('Check'), l10n.t('Kind'), l10n.t('Candidate'), l10n.t('Date'), l10n.t('Verdict'), l10n.t('Notes')], s.realityChecks.map((r) => [t(r.id), r.kind ?? DASH, r.candidate !== undefined ? t(r.candidate) : DASH, r.date !== undefined ? t(r.date) : DASH, r.verdict, r.notes !== undefined ? t(r.notes) : DASH])), '');

  out.push(`## ${l10n.t('Decisions')}`, '');
  if (s.decisions.length === 0) out.push(l10n.t('No decision recorded yet.'), '');
  else out.push(...table([l10n.t('Number'), l10n.t('Decision'), l10n.t('Status'), l10n.t('Date')], s.decisions.map((d) => [d.number, t(d.title), decisionStatusText(d), d.date !== undefined ? t(d.date) : DASH])), '');
  for (const p of s.decisionProblems) out.push(`- ${l10n.t('Not read: {0}', t(p))}`);
  if (s.decisionProblems.length > 0) out.push('');
  out.push(...evidenceMarkdown(s.decisions));

  out.push(`## ${l10n.t('Open pitfall findings')}`, '');
  if (s.findings.length === 0) out.push(l10n.t('No open finding.'), '');
  for (const f of s.findings) out.push(`- **${f.severity}** ${l10n.t('{0} (line {1}, {2})', t(f.message), f.line, t(f.code))}`);
  return `${out.join('\n').trimEnd()}\n`;
}

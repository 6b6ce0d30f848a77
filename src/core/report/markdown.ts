// The Discovery report as Markdown, for pull requests: the same snapshot as the HTML page, as headings, tables and
// the pitfall list, no charts. Every string from the roadmap, the results and the records is escaped so that it
// reads as the text it is: no HTML, no links, no emphasis, no table cell broken by a `|` or a line break.
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

const change = (c: ReportChange): [string, string] => [c.from !== undefined ? mdText(c.from) : 'new', c.to !== undefined ? mdText(c.to) : 'removed'];

/** The "Since <ref>" section: what changed since the ref's commit. */
function sinceMarkdown(c: ReportSince): string[] {
  const t = mdText;
  const out: string[] = [`## Since ${t(c.ref)}`, '', `Changes since ${t(c.ref)} (commit ${t(c.commit)}, ${t(c.committedAt)}).`, ''];
  if (c.roadmapAtRef !== 'read') out.push(`${ROADMAP_NOTE[c.roadmapAtRef]}`, '');
  if (c.steps.length + c.candidates.length + c.metrics.length + c.decisions.length + c.results.length === 0) return [...out, 'Nothing changed.', ''];
  if (c.steps.length > 0) out.push('### Steps', '', ...table(['Step', 'Stage or track', 'Before', 'Now'], c.steps.map((x) => [`${t(x.title)} (${t(x.id)})`, t(x.group), ...change(x)])), '');
  if (c.candidates.length > 0) out.push('### Candidates', '', ...table(['Candidate', 'Before', 'Now'], c.candidates.map((x) => [`${t(x.title)} (${t(x.id)})`, ...change(x)])), '');
  if (c.metrics.length > 0) out.push('### Metric targets', '', ...table(['Metric', 'Before', 'Now'], c.metrics.map((x) => [t(x.id), ...change(x)])), '');
  if (c.decisions.length > 0) out.push('### Decisions', '', ...table(['Number', 'Decision', 'Before', 'Now'], c.decisions.map((x) => [x.number, t(x.title), ...change(x)])), '');
  if (c.results.length > 0) out.push('### New results', '', ...table(['Candidate', 'Recorded', 'Metrics', 'Commit'], c.results.map((r) => [t(r.candidate), t(r.recordedAt), t(r.metrics), r.commit !== undefined ? t(r.commit) : DASH])), '');
  return out;
}

/** Each decision's embedded evidence as a nested list: the record, its options, their cost, benefit and evaluation. */
function evidenceMarkdown(decisions: ReportSnapshot['decisions']): string[] {
  const withEvidence = decisions.filter((d) => d.evidence.length > 0);
  if (withEvidence.length === 0) return [];
  const t = mdText;
  const out = ['### Evidence in the records', ''];
  for (const d of withEvidence) {
    out.push(`- ${d.number} ${t(d.title)}`);
    for (const o of d.evidence) {
      out.push(`  - ${t(o.title)}${o.candidate !== undefined && o.candidate !== o.title ? ` (${t(o.candidate)})` : ''}`);
      if (o.cost !== undefined) out.push(`    - Cost: ${t(o.cost)}`);
      if (o.benefit !== undefined) out.push(`    - Benefit: ${t(o.benefit)}`);
      if (o.evaluation !== undefined) out.push(`    - Evaluation: ${t(o.evaluation)}`);
    }
  }
  return [...out, ''];
}

export function reportMarkdown(s: ReportSnapshot): string {
  const t = mdText;
  const out: string[] = [];
  out.push(`# Discovery report: ${s.project.name ? t(s.project.name) : 'unnamed project'}`, '');
  out.push(`Made ${t(s.generatedAt)} from ${t(s.source)}.`, '');
  if (s.problem) out.push(`**${t(s.problem)}**`, '');
  if (s.project.problem !== undefined) out.push(`- **Problem:** ${t(s.project.problem)}`);
  if (s.project.businessGoal !== undefined) out.push(`- **Business goal:** ${t(s.project.businessGoal)}`);
  if (s.project.deadline !== undefined) out.push(`- **Deadline:** ${t(s.project.deadline)}`);
  out.push(`- **Phase:** ${t(s.project.phase)}${s.progress ? ` (${s.progress.done} of ${s.progress.total} steps done)` : ''}`, '');

  if (s.since) out.push(...sinceMarkdown(s.since));

  out.push('## Progress', '');
  out.push(...table(['Stage or track', 'Phase', 'Done'], s.groups.map((g) => [t(g.title), g.phase, `${g.done} / ${g.total}`])), '');
  if (s.gate) {
    out.push(`Gate ${s.gate.from} → ${s.gate.to}: ${s.gate.passed ? 'passed' : 'not passed'}`, '');
    for (const u of s.gate.unmet) out.push(`- ${t(u)}`);
    if (s.gate.unmet.length > 0) out.push('');
  }

  out.push('## Blocked', '');
  if (s.blockers.length === 0 && s.blockedSteps.length === 0) out.push('Nothing is blocked.', '');
  for (const b of s.blockers) out.push(`- ${t(b)}`);
  for (const b of s.blockedSteps) out.push(`- Step ${t(b.title)} (${t(b.group)}) is blocked${b.owner !== undefined ? `; owner ${t(b.owner)}` : ', no owner'}${b.notes !== undefined ? `: ${t(b.notes)}` : ''}`);
  if (s.blockers.length + s.blockedSteps.length > 0) out.push('');

  out.push('## Metrics', '');
  out.push(
    ...table(
      ['Metric', 'Kind', 'Goal', 'Target', 'Why'],
      s.metrics.map((m) => [t(m.id), m.kind ?? DASH, m.goal, m.target ?? DASH, m.why !== undefined ? t(m.why) : m.measuredBy !== undefined ? `measured by ${t(m.measuredBy)}` : DASH]),
    ),
    '',
  );

  out.push('## Candidates', '');
  if (s.compare.baselineId !== undefined) out.push(`Deltas against the baseline ${t(s.compare.baselineId)}.`, '');
  const columns = reportColumns(s);
  out.push(...table(columns.map((c) => t(c.title)), s.compare.rows.map((r) => columns.map((c) => t(compareCellText(r, c))))), '');
  out.push(`Ranking: ${t(s.compare.rankFormula)}`, '');
  for (const r of s.compare.rows) if (r.rank) out.push(`- #${r.rank.position} ${t(r.title)}: ${t(r.rank.formula)}`);
  if (s.compare.rows.some((r) => r.rank)) out.push('');

  out.push('## Reality checks', '');
  if (s.realityChecks.length === 0) out.push('No reality check planned yet.', '');
  else out.push(...table(['Check', 'Kind', 'Candidate', 'Date', 'Verdict', 'Notes'], s.realityChecks.map((r) => [t(r.id), r.kind ?? DASH, r.candidate !== undefined ? t(r.candidate) : DASH, r.date !== undefined ? t(r.date) : DASH, r.verdict, r.notes !== undefined ? t(r.notes) : DASH])), '');

  out.push('## Decisions', '');
  if (s.decisions.length === 0) out.push('No decision recorded yet.', '');
  else out.push(...table(['Number', 'Decision', 'Status', 'Date'], s.decisions.map((d) => [d.number, t(d.title), `${d.status !== undefined ? t(d.status) : 'no status'}${d.supersededBy.length > 0 ? ` (superseded by ${d.supersededBy.join(', ')})` : ''}`, d.date !== undefined ? t(d.date) : DASH])), '');
  for (const p of s.decisionProblems) out.push(`- Not read: ${t(p)}`);
  if (s.decisionProblems.length > 0) out.push('');
  out.push(...evidenceMarkdown(s.decisions));

  out.push('## Open pitfall findings', '');
  if (s.findings.length === 0) out.push('No open finding.', '');
  for (const f of s.findings) out.push(`- **${f.severity}** ${t(f.message)} (line ${f.line}, ${t(f.code)})`);
  return `${out.join('\n').trimEnd()}\n`;
}

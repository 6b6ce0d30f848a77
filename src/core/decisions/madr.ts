// Writes a MADR 4 record from a decision draft, with each option's cost, benefit and latest
// evaluation embedded as a snapshot, and the linked candidates in front matter.
import { stringify } from 'yaml';
import type { DecisionDraft, DraftOption, EvaluationSnapshot } from './model';
import { escapeMarkdown } from './lines';

export function renderMadr(draft: DecisionDraft): string {
  const out: string[] = [frontMatter(draft), `# ${escapeTitle(draft.title)}`, ''];
  out.push('## Context and Problem Statement', '', paragraph(draft.context), '');
  if (draft.drivers.length > 0) out.push('## Decision Drivers', '', ...draft.drivers.map(bullet), '');
  if (draft.options.length > 0) {
    out.push('## Considered Options', '', ...draft.options.map((o) => bullet(optionLabel(o))), '');
  }
  out.push('## Decision Outcome', '', outcomeLine(draft), '');
  if (draft.consequences.length > 0) out.push('### Consequences', '', ...draft.consequences.map(bullet), '');
  if (draft.confirmation && draft.confirmation.trim() !== '') out.push('### Confirmation', '', paragraph(draft.confirmation), '');
  if (draft.options.length > 0) {
    out.push('## Pros and Cons of the Options', '');
    for (const o of draft.options) out.push(...optionSection(o));
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

/** The title as a heading: markdown marks escaped, one line, and a leading `1.` not read as a record number. */
export function escapeTitle(title: string): string {
  return escapeMarkdown(oneLine(title)).replace(/^(\d+)([.):])/, '$1\\$2');
}

function frontMatter(d: DecisionDraft): string {
  const data: Record<string, unknown> = { status: d.status, date: d.date };
  if (d.decisionMakers.length > 0) data['decision-makers'] = [...d.decisionMakers];
  if (d.consulted.length > 0) data.consulted = [...d.consulted];
  if (d.informed.length > 0) data.informed = [...d.informed];
  if (d.candidates.length > 0) data.candidates = [...d.candidates];
  return `---\n${stringify(data, { lineWidth: 0 })}---`;
}

function outcomeLine(d: DecisionDraft): string {
  const reason = oneLine(d.outcome.reason).replace(/\.$/, '');
  const chosen = d.outcome.option !== undefined ? d.options.find((o) => o.id === d.outcome.option) : undefined;
  if (d.outcome.option !== undefined) {
    return `Chosen option: "${oneLine(chosen?.title ?? d.outcome.option)}", because ${reason}.`;
  }
  if (d.kind === 'reject-candidates') {
    const names = d.candidates.map((id) => `"${oneLine(d.options.find((o) => o.id === id)?.title ?? id)}"`);
    return `Rejected option${names.length === 1 ? '' : 's'}: ${names.join(', ')}, because ${reason}.`;
  }
  return `Decision: ${reason}.`;
}

function optionLabel(o: DraftOption): string {
  return o.title === o.id || o.id === '' ? escapeMarkdown(oneLine(o.title)) : `${escapeMarkdown(oneLine(o.title))} (\`${o.id}\`)`;
}

function optionSection(o: DraftOption): string[] {
  const lines = [`### ${escapeMarkdown(oneLine(o.title))}`, ''];
  if (o.id !== '' && o.id !== o.title) lines.push(`Candidate \`${o.id}\`.`, '');
  const items: string[] = [];
  const cost = costText(o.cost);
  if (cost) items.push(`Cost: ${cost}`);
  const benefit = benefitText(o.benefit);
  if (benefit) items.push(`Benefit: ${benefit}`);
  items.push(o.evaluation ? `Evaluation: ${evaluationText(o.evaluation)}` : 'Evaluation: not measured yet');
  items.push(...o.pros.map((p) => `Good, because ${p}`));
  items.push(...o.cons.map((c) => `Bad, because ${c}`));
  lines.push(...items.map(bullet), '');
  return lines;
}

function costText(cost: DraftOption['cost']): string | undefined {
  if (cost === undefined) return undefined;
  if (typeof cost === 'string') return oneLine(cost) || undefined;
  const parts: string[] = [];
  if (cost.effort_days !== undefined) parts.push(`${cost.effort_days} effort days`);
  if (cost.compute_hours !== undefined) parts.push(`${cost.compute_hours} compute hours`);
  if (cost.risk !== undefined) parts.push(`risk ${cost.risk}`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function benefitText(benefit: DraftOption['benefit']): string | undefined {
  if (benefit === undefined) return undefined;
  if (typeof benefit === 'string') return oneLine(benefit) || undefined;
  const parts: string[] = [];
  const expected = Object.entries(benefit.expected ?? {});
  if (expected.length > 0) parts.push(`expected ${expected.map(([m, v]) => `${m} ${v}`).join(', ')}`);
  if (benefit.confidence !== undefined) parts.push(`confidence ${benefit.confidence}`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** `accuracy 0.91 (baseline 0.85, delta +0.06), commit `abc1234`, dataset sha256 `…`, measured 2025-…`. */
export function evaluationText(e: EvaluationSnapshot): string {
  const rel: string[] = [];
  if (e.baseline !== undefined) rel.push(`baseline ${e.baseline}`);
  const delta = e.delta ?? (e.baseline !== undefined ? round(e.value - e.baseline) : undefined);
  if (delta !== undefined) rel.push(`delta ${delta >= 0 ? '+' : ''}${delta}`);
  const parts = [`${e.metric} ${e.value}${rel.length > 0 ? ` (${rel.join(', ')})` : ''}`];
  if (e.commit) parts.push(`commit \`${e.commit}\`${e.dirty ? ' with uncommitted changes' : ''}`);
  if (e.datasetSha256) parts.push(`dataset sha256 \`${e.datasetSha256}\``);
  if (e.at) parts.push(`measured ${e.at}`);
  return parts.join(', ');
}

function round(x: number): number {
  return Number(x.toPrecision(12));
}

function bullet(s: string): string {
  return `* ${oneLine(s)}`;
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function paragraph(s: string): string {
  const t = s.replace(/\r\n/g, '\n').trim();
  return t === '' ? '{no context given}' : t;
}

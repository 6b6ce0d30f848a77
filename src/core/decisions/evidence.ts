// The evidence a decision record embeds: what Record Decision writes under "Pros and Cons of the Options" (madr.ts) —
// per considered option its cost, its expected benefit and the snapshot of its latest evaluation (value, baseline,
// delta, commit, dataset, when). Read back as text, as the record writes it. Records from other tools, or options
// that state only pros and cons, have no evidence: nothing is guessed.
import type { OptionEvidence } from './model';
import { stripComments, unescapeMarkdown, type MarkdownLines } from './lines';

const SECTION_RE = /^##\s+Pros and Cons of the Options\s*#*\s*$/i;
const OPTION_RE = /^###\s+(.*?)(?:\s+#+)?\s*$/;
const CANDIDATE_RE = /^Candidate\s+`([^`]+)`\.?\s*$/;
const ITEM_RE = /^\s{0,3}[*-]\s+(Cost|Benefit|Evaluation):\s*(.*)$/i;

/** Inline code marks dropped (`abc1234` → abc1234): the evidence is shown as text. */
const plain = (s: string): string => s.replace(/`([^`]*)`/g, '$1').trim();

/** The options with their cost, benefit or evaluation, in the record's order; empty when the record embeds none. */
export function readEvidence(md: MarkdownLines): OptionEvidence[] {
  const from = md.frontMatter ? md.frontMatter.close + 1 : 0;
  const lines = md.lines.filter((l) => l.index >= from && !l.inFence);
  const start = lines.findIndex((l) => SECTION_RE.test(stripComments(l.text)));
  if (start < 0) return [];
  const out: OptionEvidence[] = [];
  let current: { title: string; candidate?: string; cost?: string; benefit?: string; evaluation?: string } | undefined;
  const close = () => {
    if (current && (current.cost !== undefined || current.benefit !== undefined || current.evaluation !== undefined)) out.push({ ...current });
    current = undefined;
  };
  for (const l of lines.slice(start + 1)) {
    const text = stripComments(l.text);
    if (/^#{1,2}\s/.test(text)) break;
    const option = OPTION_RE.exec(text);
    if (option) {
      close();
      current = { title: unescapeMarkdown(option[1]).trim() };
      continue;
    }
    if (!current) continue;
    const candidate = CANDIDATE_RE.exec(text.trim());
    if (candidate && current.candidate === undefined) {
      current.candidate = candidate[1];
      continue;
    }
    const item = ITEM_RE.exec(text);
    if (!item) continue;
    const key = item[1].toLowerCase() as 'cost' | 'benefit' | 'evaluation';
    if (current[key] === undefined && plain(item[2]) !== '') current[key] = plain(item[2]);
  }
  close();
  return out;
}

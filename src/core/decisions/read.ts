// Reads one decision record (MADR 4, MADR 2-3, Nygard/adr-tools or log4brains) from its text.
// Lenient: real folders hold statuses inside code blocks, nested decider lists and free-form dates.
import * as l10n from '@vscode/l10n';
import { parse as parseYaml } from 'yaml';
import type { DecisionFormat, DecisionProblem, DecisionRecord } from './model';
import { padNumber } from './model';
import { headerLines, isFenceLine, splitLines, statusSection, stripComments, stripEmphasis, unescapeMarkdown, type Line, type MarkdownLines } from './lines';
import { readEvidence } from './evidence';
import { categoryOf, numberPrefix, refsIn, statusAsWritten, type RecordRef } from './status';

export interface ParseOptions {
  /** File path to put in the record and in problems. */
  readonly file: string;
  /** Sequence number; by default the file name's `NNNN-` prefix. */
  readonly number?: number;
  /** Maps a reference to another record to its number; by default the link's `NNNN-` prefix or the bare number. */
  readonly resolve?: (ref: RecordRef) => number | undefined;
}

export interface ParsedDecision {
  readonly record?: DecisionRecord;
  readonly problems: readonly DecisionProblem[];
}

const META_KEYS: Record<string, 'status' | 'date' | 'decisionMakers' | 'consulted' | 'informed' | 'candidates'> = {
  status: 'status',
  date: 'date',
  deciders: 'decisionMakers',
  'decision-makers': 'decisionMakers',
  'decision makers': 'decisionMakers',
  'decision-maker': 'decisionMakers',
  consulted: 'consulted',
  informed: 'informed',
  candidates: 'candidates',
};
const META_RE = /^(\s{0,3})([*-])\s+(?:\*\*)?(status|date|deciders|decision[- ]makers?|consulted|informed|candidates)(?:\*\*)?\s*:(?:\*\*)?\s*(.*)$/i;
const RELATION_RE = /^\s*(?:[-*]\s+)?(?:\*\*)?(superseded by|supersedes)(?:\*\*)?:?\s+(.*)$/i;
const H1_RE = /^#\s+(.*?)(?:\s+#+)?\s*$/;

export function parseDecision(text: string, options: ParseOptions): ParsedDecision {
  const { file } = options;
  const problems: DecisionProblem[] = [];
  const fileName = file.split(/[\\/]/).pop() ?? file;
  const id = fileName.replace(/\.md$/i, '');
  const number = options.number ?? numberPrefix(fileName);
  if (number === undefined) {
    return { problems: [{ file, severity: 'error', message: l10n.t('file name does not start with a number (NNNN-title.md)') }] };
  }
  const prefix = /^(\d+)-/.exec(fileName)?.[1];
  const padded = prefix && Number(prefix) === number && prefix.length >= 4 ? prefix : padNumber(number);
  const resolve = options.resolve ?? ((r: RecordRef) => r.number ?? (r.target ? numberPrefix(r.target) : undefined));

  const md = splitLines(text);
  const bodyStart = md.frontMatter ? md.frontMatter.close + 1 : 0;
  const prose = md.lines.filter((l) => l.index >= bodyStart && !l.inFence);

  // Front matter (MADR 3-4).
  let fm: Record<string, unknown> | undefined;
  if (md.frontMatter) {
    const yamlText = md.lines.slice(1, md.frontMatter.close).map((l) => l.text).join('\n');
    try {
      const v: unknown = parseYaml(yamlText, { logLevel: 'error' });
      fm = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
    } catch (e) {
      return { problems: [{ file, severity: 'error', message: l10n.t('front matter is not valid YAML: {0}', firstLine(e)) }] };
    }
  }

  // Title.
  const h1 = prose.find((l) => H1_RE.test(stripComments(l.text)));
  if (!h1) return { problems: [{ file, severity: 'error', message: l10n.t('no "# Title" heading found') }] };
  let title = unescapeMarkdown(H1_RE.exec(stripComments(h1.text))![1]);
  const numbered = /^(?:ADR[-\s]?)?(\d+)\s*(?:[.:)]|\s[-–—])\s*(.+)$/i.exec(title);
  const nygardTitle = numbered !== null && Number(numbered[1]) === number;
  if (nygardTitle) title = numbered![2].trim();
  if (title === '') return { problems: [{ file, severity: 'error', message: l10n.t('the "# Title" heading is empty') }] };

  // Header area: between the title and the first `##` heading.
  const header = headerLines(md, h1);
  const bullets = readMetaBullets(header);
  const dateLine = header.map((l) => /^\s*(?:\*\*)?Date(?:\*\*)?:\s*(.+)$/i.exec(stripComments(l.text))).find((m) => m);

  // Nygard `## Status` section: its first non-empty line, fenced or not.
  const statusSection = readStatusSection(md);

  // Status text and format.
  const fmStatus = fm && fm.status !== undefined && fm.status !== null ? String(fm.status) : undefined;
  let statusText: string | undefined;
  let format: DecisionFormat;
  const bulletMarker = bullets.markers.status;
  const dateSlug = /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])-/.test(fileName);
  if (fmStatus !== undefined) {
    format = 'madr4';
    statusText = fmStatus;
  } else if (bullets.values.status !== undefined) {
    statusText = bullets.values.status.filter((v) => v !== '').join(' ');
    format = bulletMarker === '-' || dateSlug ? 'log4brains' : 'madr2-3';
  } else if (statusSection !== undefined) {
    format = 'nygard';
    statusText = statusSection.text;
  } else if (fm) {
    format = 'madr4';
  } else if (nygardTitle) {
    format = 'nygard';
  } else {
    format = dateSlug || bullets.anyMarker === '-' ? 'log4brains' : 'madr2-3';
  }

  // Links between records: in the status text and on `Supersedes` / `Superseded by` lines.
  const supersedes = new Set<number>();
  const supersededBy = new Set<number>();
  const addRefs = (set: Set<number>, refText: string) => {
    for (const ref of refsIn(refText)) {
      const n = resolve(ref);
      if (n !== undefined && n !== number) set.add(n);
    }
  };
  const linkLines = [...prose, ...(statusSection?.lines ?? [])];
  for (const l of linkLines) {
    const m = RELATION_RE.exec(stripComments(l.text));
    if (!m) continue;
    addRefs(m[1].toLowerCase() === 'supersedes' ? supersedes : supersededBy, m[2]);
  }
  if (statusText && /supersed|superceded/i.test(statusText)) addRefs(supersededBy, statusText);

  // The status as written; a record that states none has none (MADR makes the status optional).
  const status = statusText === undefined ? undefined : statusAsWritten(statusText);
  let category = categoryOf(status);
  // adr-tools keeps "Accepted" and adds a "Superseded by" line to the status section when it supersedes a record.
  if (category === 'accepted' && supersededBy.size > 0 && statusSection !== undefined) category = 'superseded';

  const fmDate = fm?.date instanceof Date ? fm.date.toISOString().slice(0, 10) : fm?.date !== undefined && fm.date !== null ? String(fm.date) : undefined;
  const date = fmDate ?? (bullets.values.date?.filter((v) => v !== '')[0]) ?? dateLine?.[1];

  const list = (key: 'decisionMakers' | 'consulted' | 'informed' | 'candidates', fmKeys: readonly string[]): string[] => {
    for (const k of fmKeys) if (fm && fm[k] !== undefined && fm[k] !== null) return toList(fm[k]);
    const v = bullets.values[key];
    if (!v) return [];
    const [inline, ...nested] = v;
    return [...(inline === '' ? [] : splitNames(inline)), ...nested];
  };

  const evidence = readEvidence(md);
  const record: DecisionRecord = {
    number,
    padded,
    id,
    title,
    ...(status !== undefined ? { status } : {}),
    category,
    ...(date && date.trim() !== '' ? { date: stripEmphasis(stripComments(date)).trim() } : {}),
    supersedes: [...supersedes].sort((a, b) => a - b),
    supersededBy: [...supersededBy].sort((a, b) => a - b),
    decisionMakers: list('decisionMakers', ['decision-makers', 'deciders', 'decision_makers', 'decision-maker']),
    consulted: list('consulted', ['consulted']),
    informed: list('informed', ['informed']),
    candidates: list('candidates', ['candidates']),
    file,
    format,
    ...(evidence.length > 0 ? { evidence } : {}),
  };
  return { record, problems };
}

interface MetaBullets {
  values: Partial<Record<'status' | 'date' | 'decisionMakers' | 'consulted' | 'informed' | 'candidates', string[]>>;
  markers: Partial<Record<string, string>>;
  anyMarker?: string;
}

/** `* Status: accepted` / `- Deciders: a, b` lines, with nested bullets as list values. */
function readMetaBullets(header: readonly Line[]): MetaBullets {
  const out: MetaBullets = { values: {}, markers: {} };
  for (let i = 0; i < header.length; i++) {
    const text = stripComments(header[i].text);
    const m = META_RE.exec(text);
    if (!m) continue;
    const key = META_KEYS[m[3].toLowerCase()];
    if (!key) continue;
    out.markers[key] = m[2];
    out.anyMarker ??= m[2];
    // values[0]: the text after the colon ('' when none); then one entry per nested bullet.
    const values: string[] = [m[4].trim()];
    const indent = m[1].length;
    while (i + 1 < header.length) {
      const next = stripComments(header[i + 1].text);
      const sub = /^(\s*)[*-]\s+(.*)$/.exec(next);
      if (next.trim() === '' || !sub || sub[1].length <= indent) break;
      values.push(sub[2].trim());
      i++;
    }
    if ((values[0] !== '' || values.length > 1) && out.values[key] === undefined) out.values[key] = values;
  }
  return out;
}

function readStatusSection(md: MarkdownLines): { text: string; lines: Line[] } | undefined {
  const section = statusSection(md);
  if (!section) return undefined;
  const content = section.body.filter((l) => !isFenceLine(l.text) && stripComments(l.text).trim() !== '');
  return { text: content.length === 0 ? '' : stripComments(content[0].text).trim(), lines: section.body };
}

function toList(v: unknown): string[] {
  if (Array.isArray(v)) return v.map((x) => String(x).trim()).filter((x) => x !== '');
  return splitNames(String(v));
}

/** Splits `a, b; c` on commas and semicolons outside parentheses. */
function splitNames(s: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of stripComments(s)) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if ((ch === ',' || ch === ';') && depth === 0) {
      names.push(current);
      current = '';
    } else current += ch;
  }
  names.push(current);
  return names.map((x) => x.trim()).filter((x) => x !== '');
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

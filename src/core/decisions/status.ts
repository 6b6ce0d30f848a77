// Statuses as their authors wrote them, the category each one falls in, and the links between records.
import type { DecisionCategory, DecisionStatus } from './model';
import { stripComments, stripEmphasis } from './lines';

/** Status words teams write for the five categories; any other status is `other`, shown as written. */
const CATEGORY_WORDS: readonly (readonly [RegExp, DecisionCategory])[] = [
  [/^(superseded|superceded|replaced)\b/, 'superseded'],
  [/^(deprecated|obsolete)\b/, 'deprecated'],
  [/^(rejected|declined)\b/, 'rejected'],
  [/^(accepted|approved|adopted|agreed)\b/, 'accepted'],
  [/^(proposed|proposal)\b/, 'proposed'],
];

/**
 * A status text as written, for display and `--json`: links read as their labels, emphasis, comments and a leading
 * `Status:` dropped, spaces collapsed, lower-cased. Undefined when nothing is left (no status is written).
 */
export function statusAsWritten(text: string): string | undefined {
  const t = stripEmphasis(stripComments(text).replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'))
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .replace(/^status\s*:\s*/, '')
    .trim();
  return t === '' ? undefined : t;
}

/** The category of a status as written (see `statusAsWritten`); `none` when no status is written. */
export function categoryOf(status: string | undefined): DecisionCategory {
  if (status === undefined) return 'none';
  for (const [re, category] of CATEGORY_WORDS) if (re.test(status)) return category;
  return 'other';
}

/** The status word as the format writes it: Nygard capitalises (`Accepted`), MADR and log4brains do not. */
export function statusWord(status: DecisionStatus, capitalised: boolean): string {
  return capitalised ? status[0].toUpperCase() + status.slice(1) : status;
}

/** A reference to another record, as found in a link or a bare `ADR-0005`. */
export interface RecordRef {
  /** Link target (`0005-use-x.md`), when the reference is a link. */
  readonly target?: string;
  /** Number read from the text when there is no link (`ADR-0005`, `5.`). */
  readonly number?: number;
}

/** An inline markdown link `[label](target "title")`, with offsets into the text it was found in. */
export interface MarkdownLink {
  readonly label: string;
  readonly labelStart: number;
  /** The target as written (URL-encoded when it was). */
  readonly target: string;
  readonly targetStart: number;
  /** The target URL-decoded (as written when it does not decode). */
  readonly decoded: string;
}

/** Every inline link of the text; a title after the target is allowed. */
export function linksIn(text: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  const re = /\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const labelStart = m.index + 1;
    links.push({ label: m[1], labelStart, target: m[2], targetStart: labelStart + m[1].length + 2, decoded: decodeTarget(m[2]) });
  }
  return links;
}

/** A link target URL-decoded, or as written when it does not decode. */
export function decodeTarget(target: string): string {
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

/** References in a `Superseded by ...` / `Supersedes ...` text. */
export function refsIn(text: string): RecordRef[] {
  const refs: RecordRef[] = linksIn(text).map((l) => ({ target: l.decoded }));
  if (refs.length > 0) return refs;
  let m: RegExpExecArray | null;
  const numRe = /\b(?:ADR|#)[-\s#]?(\d{1,6})\b/gi;
  while ((m = numRe.exec(text)) !== null) refs.push({ number: Number(m[1]) });
  return refs;
}

/** The `NNNN` prefix of a file name or link target (`docs/0005-x.md` -> 5). */
export function numberPrefix(target: string): number | undefined {
  const base = target.split(/[\\/]/).pop() ?? target;
  const m = /^(\d+)-/.exec(base);
  return m ? Number(m[1]) : undefined;
}

/** Base name of a link target without folders, anchors or `.md`. */
export function targetId(target: string): string {
  const base = (target.split('#')[0].split(/[\\/]/).pop() ?? target).replace(/\.md$/i, '');
  return base;
}

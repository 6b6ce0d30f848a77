// Status words as teams write them, mapped onto the six statuses, and the links between records.
import type { DecisionStatus } from './model';
import { stripEmphasis } from './lines';

const SYNONYMS: readonly (readonly [RegExp, DecisionStatus])[] = [
  [/supersed|superceded|replaced by/, 'superseded'],
  [/^(deprecated|obsolete|retired|withdrawn)/, 'deprecated'],
  [/^(rejected|declined|refused|abandoned)/, 'rejected'],
  [/^(accepted|approved|adopted|agreed|decided|done|implemented|active)/, 'accepted'],
  [/^draft/, 'draft'],
  [/^(proposed|proposal|pending|open|in progress|in review|under review|on hold|wip|discussion|discussing)/, 'proposed'],
];

/** The status a status text means, or undefined when it is not one teams use. */
export function statusFromText(text: string): DecisionStatus | undefined {
  const t = stripEmphasis(text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'))
    .toLowerCase()
    .replace(/^status\s*:\s*/, '')
    .trim();
  if (t === '') return undefined;
  for (const [re, status] of SYNONYMS) if (re.test(t)) return status;
  return undefined;
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

/** References in a `Superseded by ...` / `Supersedes ...` text. */
export function refsIn(text: string): RecordRef[] {
  const refs: RecordRef[] = [];
  const linkRe = /\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g;
  let m: RegExpExecArray | null;
  while ((m = linkRe.exec(text)) !== null) refs.push({ target: decodeURIComponent(m[2]) });
  if (refs.length > 0) return refs;
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

// Number collisions (two records with one number, e.g. from branches merged together) and their repair:
// the newer record moves to the next free number; its title line and the links to it are edited.
import * as l10n from '@vscode/l10n';
import type { TextEdit } from '../roadmap/model';
import type { DecisionRecord } from './model';
import { padNumber } from './model';
import { makeEdit } from './edits';
import { splitLines, titleLine } from './lines';
import { kebabFromFileName } from './naming';
import { decodeTarget, linksIn, targetId } from './status';

export interface Collision {
  readonly number: number;
  /** The records sharing the number, in file-name order. */
  readonly records: readonly DecisionRecord[];
}

export function detectCollisions(records: readonly DecisionRecord[]): Collision[] {
  const byNumber = new Map<number, DecisionRecord[]>();
  for (const r of records) byNumber.set(r.number, [...(byNumber.get(r.number) ?? []), r]);
  return [...byNumber.entries()]
    .filter(([, rs]) => rs.length > 1)
    .sort(([a], [b]) => a - b)
    .map(([number, rs]) => ({ number, records: [...rs].sort((a, b) => baseName(a.file).localeCompare(baseName(b.file))) }));
}

export interface RenumberFacts {
  /** True when the file is committed in HEAD (it came first). */
  readonly inHead?: (file: string) => boolean;
  /** Modification time of the file, for records without an ISO date. */
  readonly mtimeMs?: (file: string) => number | undefined;
}

export interface RenumberStep {
  readonly from: number;
  readonly to: number;
  /** The record that keeps the number. */
  readonly kept: string;
  /** The record that moves: old and new path. */
  readonly file: string;
  readonly newFile: string;
  readonly message: string;
  /** Text edits per file (the moved record's title line, links to it in every record). Apply before renaming. */
  readonly edits: readonly { readonly file: string; readonly edits: readonly TextEdit[] }[];
}

/** Plans the repair of every collision. `texts` maps each record's `file` to its text. */
export function planRenumber(
  records: readonly DecisionRecord[],
  texts: ReadonlyMap<string, string>,
  facts: RenumberFacts = {},
): RenumberStep[] {
  const used = new Set(records.map((r) => r.number));
  let next = Math.max(0, ...used) + 1;
  const steps: RenumberStep[] = [];
  for (const c of detectCollisions(records)) {
    const ordered = [...c.records].sort((a, b) => compareAge(a, b, facts));
    const kept = ordered[0];
    for (const moving of ordered.slice(1)) {
      while (used.has(next)) next++;
      const to = next;
      used.add(to);
      const oldName = baseName(moving.file);
      const newName = `${padNumber(to)}-${kebabFromFileName(oldName)}.md`;
      const newFile = moving.file.slice(0, moving.file.length - oldName.length) + newName;
      const edits: { file: string; edits: TextEdit[] }[] = [];
      for (const r of records) {
        const text = texts.get(r.file);
        if (text === undefined) continue;
        const e = linkEdits(text, oldName, newName, c.number, to);
        if (r.file === moving.file) e.push(...titleEdits(text, c.number, to));
        if (e.length > 0) edits.push({ file: r.file, edits: e });
      }
      steps.push({
        from: c.number,
        to,
        kept: kept.file,
        file: moving.file,
        newFile,
        message: l10n.t(
          'Decision number {0} is used twice ({1} and {2}). {2} is renumbered to {3} ({4}) because {5}.',
          padNumber(c.number),
          baseName(kept.file),
          oldName,
          padNumber(to),
          newName,
          reason(kept, moving, facts),
        ),
        edits,
      });
    }
  }
  return steps;
}

function compareAge(a: DecisionRecord, b: DecisionRecord, facts: RenumberFacts): number {
  if (facts.inHead) {
    const ha = facts.inHead(a.file);
    const hb = facts.inHead(b.file);
    if (ha !== hb) return ha ? -1 : 1;
  }
  const da = isoDate(a.date);
  const db = isoDate(b.date);
  if (da && db && da !== db) return da < db ? -1 : 1;
  const ma = facts.mtimeMs?.(a.file);
  const mb = facts.mtimeMs?.(b.file);
  if (ma !== undefined && mb !== undefined && ma !== mb) return ma - mb;
  return baseName(a.file).localeCompare(baseName(b.file));
}

function reason(kept: DecisionRecord, moving: DecisionRecord, facts: RenumberFacts): string {
  if (facts.inHead && facts.inHead(kept.file) && !facts.inHead(moving.file)) return l10n.t('{0} is already committed and it is not', baseName(kept.file));
  const dk = isoDate(kept.date);
  const dm = isoDate(moving.date);
  if (dk && dm && dk !== dm) return l10n.t('it is dated later ({0} after {1})', dm, dk);
  return l10n.t('it is the newer file');
}

function isoDate(d: string | undefined): string | undefined {
  return d && /^\d{4}-\d{2}-\d{2}/.test(d) ? d.slice(0, 10) : undefined;
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/**
 * Rewrites the links the reader resolves to the old file (titled, URL-encoded, with `\\` or `/` folders, with or
 * without `.md`) to the new name; a label naming the old number gets the new one.
 */
function linkEdits(text: string, oldName: string, newName: string, from: number, to: number): TextEdit[] {
  const edits: TextEdit[] = [];
  const oldId = targetId(oldName);
  for (const link of linksIn(text)) {
    if (targetId(link.decoded) !== oldId) continue;
    const newLabel = link.label
      .replace(new RegExp(`^${from}\\.`), `${to}.`)
      .replace(new RegExp(`^(ADR[-\\s#]?)${padNumber(from)}\\b`, 'i'), `$1${padNumber(to)}`);
    if (newLabel !== link.label) edits.push(makeEdit(text, link.labelStart, link.label.length, newLabel));
    // The file name is the last path segment of the target before any anchor, as written.
    const filePart = link.target.split('#')[0];
    const nameStart = Math.max(filePart.lastIndexOf('/'), filePart.lastIndexOf('\\')) + 1;
    const written = filePart.slice(nameStart);
    const name = /\.md$/i.test(decodeTarget(written)) ? newName : newName.replace(/\.md$/i, '');
    edits.push(makeEdit(text, link.targetStart + nameStart, written.length, name));
  }
  return edits;
}

/** A Nygard title `# 5. Title` names its number: it follows the file. */
function titleEdits(text: string, from: number, to: number): TextEdit[] {
  const title = titleLine(splitLines(text));
  if (!title) return [];
  const m = /^(#\s+(?:ADR[-\s]?)?)(\d+)(?=\s*(?:[.:)]|\s[-–—]))/i.exec(title.text);
  if (!m || Number(m[2]) !== from) return [];
  return [makeEdit(text, title.offset + m[1].length, m[2].length, String(to).padStart(m[2].length === 4 ? 4 : 1, '0'))];
}

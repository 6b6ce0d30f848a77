// Status changes and supersession as minimal text edits, in the record's own format.
import type { TextEdit } from '../roadmap/model';
import type { DecisionFormat, DecisionStatus } from './model';
import { padNumber } from './model';
import { headerLines, isFenceLine, splitLines, statusSection, stripComments, titleLine, type Line, type MarkdownLines } from './lines';
import { makeEdit } from './edits';
import { statusWord } from './status';
import { stringify } from 'yaml';

/** The record another record links to. */
export interface RecordLink {
  readonly number: number;
  readonly title: string;
  /** Link target relative to the linking record (records share a folder: the file name). */
  readonly fileName: string;
}

export interface StatusOptions {
  /** With status `superseded`: the record that supersedes this one. */
  readonly supersededBy?: RecordLink;
}

const STATUS_BULLET_RE = /^(\s{0,3})([*-])(\s+(?:\*\*)?Status(?:\*\*)?\s*:(?:\*\*)?[ \t]*)(.*)$/i;
const META_BULLET_RE = /^\s{0,3}([*-])\s+(?:\*\*)?(status|date|deciders|decision[- ]makers?|consulted|informed|tags|technical story)\b/i;

/** Edits that set the record's status, touching only the status text (or inserting it where the format puts it). */
export function setStatusEdits(text: string, format: DecisionFormat, status: DecisionStatus, options: StatusOptions = {}): TextEdit[] {
  const md = splitLines(text);
  const value = statusValue(format, status, options.supersededBy);
  switch (format) {
    case 'madr4':
      return madr4Status(text, md, value);
    case 'nygard':
      return nygardStatus(text, md, value);
    case 'madr2-3':
    case 'log4brains':
      return bulletStatus(text, md, value, format === 'log4brains' ? '-' : '*');
  }
}

/** Edits for `supersede`: the old record becomes superseded and links to the new one; the new one says what it supersedes. */
export function supersedeEdits(
  old: { readonly text: string; readonly format: DecisionFormat; readonly link: RecordLink },
  next: { readonly text: string; readonly format: DecisionFormat; readonly link: RecordLink },
): { readonly old: TextEdit[]; readonly next: TextEdit[] } {
  return {
    old: setStatusEdits(old.text, old.format, 'superseded', { supersededBy: next.link }),
    next: supersedesLineEdits(next.text, next.format, old.link),
  };
}

export function statusValue(format: DecisionFormat, status: DecisionStatus, by?: RecordLink): string {
  const capitalised = format === 'nygard';
  if (status !== 'superseded' || !by) return statusWord(status, capitalised);
  return `${statusWord('superseded', capitalised)} by ${linkTo(format, by)}`;
}

function linkTo(format: DecisionFormat, to: RecordLink): string {
  const label =
    format === 'nygard' ? `${to.number}. ${to.title}` : format === 'log4brains' ? to.fileName.replace(/\.md$/i, '') : `ADR-${padNumber(to.number)}`;
  return `[${label.replace(/[[\]]/g, '')}](${to.fileName})`;
}

function lineEnd(l: Line): number {
  return l.offset + l.text.length;
}

function madr4Status(text: string, md: MarkdownLines, value: string): TextEdit[] {
  const yamlValue = stringify(value, { lineWidth: 0 }).trimEnd();
  if (!md.frontMatter) return [makeEdit(text, 0, 0, `---${md.eol}status: ${yamlValue}${md.eol}---${md.eol}`)];
  const fmLines = md.lines.slice(1, md.frontMatter.close);
  const line = fmLines.find((l) => /^status\s*:/.test(l.text));
  if (!line) return [makeEdit(text, md.lines[1].offset, 0, `status: ${yamlValue}${md.eol}`)];
  const m = /^status\s*:[ \t]*/.exec(line.text)!;
  const start = line.offset + m[0].length;
  const end = lineEnd(line);
  const current = text.slice(start, end);
  // Keep a trailing YAML comment.
  const comment = /\s+#.*$/.exec(current.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, (s) => ' '.repeat(s.length)));
  const valueEnd = comment ? start + comment.index : end;
  return replaceIfDifferent(text, start, valueEnd - start, yamlValue);
}

function bulletStatus(text: string, md: MarkdownLines, value: string, defaultMarker: string): TextEdit[] {
  const header = headerLines(md);
  const line = header.find((l) => STATUS_BULLET_RE.test(l.text));
  if (line) {
    const m = STATUS_BULLET_RE.exec(line.text)!;
    const start = line.offset + m[1].length + m[2].length + m[3].length;
    const rest = m[4];
    const comment = /\s*<!--.*-->\s*$/.exec(rest);
    const length = comment ? comment.index : rest.length;
    return replaceIfDifferent(text, start, length, value);
  }
  const firstMeta = header.find((l) => META_BULLET_RE.test(l.text));
  const marker = firstMeta ? META_BULLET_RE.exec(firstMeta.text)![1] : defaultMarker;
  if (firstMeta) return [makeEdit(text, firstMeta.offset, 0, `${marker} Status: ${value}${md.eol}`)];
  const title = titleLine(md);
  if (!title) return [makeEdit(text, 0, 0, `${marker} Status: ${value}${md.eol}${md.eol}`)];
  return [makeEdit(text, lineEnd(title), 0, `${md.eol}${md.eol}${marker} Status: ${value}`)];
}

function nygardStatus(text: string, md: MarkdownLines, value: string): TextEdit[] {
  const section = statusSection(md);
  if (section) {
    const content = section.body.find((l) => !isFenceLine(l.text) && stripComments(l.text).trim() !== '');
    if (content) {
      const indent = /^\s*/.exec(content.text)![0].length;
      return replaceIfDifferent(text, content.offset + indent, content.text.length - indent, value);
    }
    return [makeEdit(text, lineEnd(section.heading), 0, `${md.eol}${md.eol}${value}`)];
  }
  const title = titleLine(md);
  const nextH2 = md.lines.find((l) => (!title || l.index > title.index) && !l.inFence && /^##\s/.test(l.text));
  if (nextH2) return [makeEdit(text, nextH2.offset, 0, `## Status${md.eol}${md.eol}${value}${md.eol}${md.eol}`)];
  const sep = text.endsWith('\n') ? '' : md.eol;
  return [makeEdit(text, text.length, 0, `${sep}${md.eol}## Status${md.eol}${md.eol}${value}${md.eol}`)];
}

/** Edits that add `Supersedes [old](file)` to a record, unless it already links to that file. */
export function supersedesLineEdits(text: string, format: DecisionFormat, old: RecordLink): TextEdit[] {
  const md = splitLines(text);
  const already = md.lines.some(
    (l) => !l.inFence && /^\s*(?:[-*]\s+)?(?:\*\*)?supersedes\b/i.test(l.text) && l.text.includes(`](${old.fileName}`),
  );
  if (already) return [];
  const line = `Supersedes ${linkTo(format, old)}`;
  const title = titleLine(md);
  if (format === 'nygard') {
    const section = statusSection(md);
    const content = section?.body.filter((l) => stripComments(l.text).trim() !== '' && !l.inFence);
    const anchor = content && content.length > 0 ? content[content.length - 1] : section?.heading;
    if (anchor) return [makeEdit(text, lineEnd(anchor), 0, `${md.eol}${md.eol}${line}`)];
  }
  if (format === 'madr2-3' || format === 'log4brains') {
    const meta = headerLines(md).filter((l) => META_BULLET_RE.test(l.text) || /^\s{0,3}[*-]\s+supersedes\b/i.test(l.text));
    if (meta.length > 0) {
      const marker = META_BULLET_RE.exec(meta[0].text)?.[1] ?? (format === 'log4brains' ? '-' : '*');
      return [makeEdit(text, lineEnd(meta[meta.length - 1]), 0, `${md.eol}${marker} ${line}`)];
    }
  }
  if (title) return [makeEdit(text, lineEnd(title), 0, `${md.eol}${md.eol}${line}`)];
  return [makeEdit(text, 0, 0, `${line}${md.eol}${md.eol}`)];
}

function replaceIfDifferent(text: string, offset: number, length: number, value: string): TextEdit[] {
  return text.slice(offset, offset + length) === value ? [] : [makeEdit(text, offset, length, value)];
}

// Minimal text edits of a YAML document, computed from the `yaml` node ranges: a scalar is replaced in place,
// a key or a list item is inserted in the style (block or flow) and indentation the file already uses.
// Nothing outside the changed node moves, so comments, key order and quoting elsewhere stay byte for byte.
import * as l10n from '@vscode/l10n';
import { Document, isCollection, isMap, isScalar, isSeq, parse, Scalar, visit, type Node, type YAMLMap, type YAMLSeq } from 'yaml';

/** An edit as offsets into the original text. */
export interface RawEdit {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
}

export type PlainValue = string | number | boolean;

const DEFAULT_INDENT = 2;

function start(node: Node): number {
  return node.range?.[0] ?? 0;
}
function valueEnd(node: Node): number {
  return node.range?.[1] ?? 0;
}
function nodeEnd(node: Node): number {
  return node.range?.[2] ?? node.range?.[1] ?? 0;
}

export function columnOf(text: string, offset: number): number {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  return offset - lineStart;
}

function lineEndAt(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** The file's line break (\r\n when the file uses it). */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function roundTrips(candidate: string, value: PlainValue, flow: boolean): boolean {
  try {
    const inBlock = (parse(`k: ${candidate}\n`) as { k?: unknown } | null)?.k;
    if (!flow) return inBlock === value;
    const inFlow = (parse(`[${candidate}]\n`) as unknown[] | null)?.[0];
    return inBlock === value && inFlow === value;
  } catch {
    return false;
  }
}

/**
 * A scalar as YAML source; keeps the quoting style of `like` when it can. Valid in flow context too
 * (where `,` `[` `]` `{` `}` need quotes) unless `blockOnly` says it will only be written as a block value.
 */
export function renderScalar(value: PlainValue, like?: Scalar, blockOnly = false): string {
  if (typeof value !== 'string') return String(value);
  const single = `'${value.replace(/'/g, "''")}'`;
  if (like?.type === Scalar.QUOTE_SINGLE && !/[\n\r]/.test(value)) return single;
  if (like?.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  if (value !== '' && !/[\n\r\t]/.test(value) && value.trim() === value && roundTrips(value, value, !blockOnly)) return value;
  return JSON.stringify(value);
}

/** A new collection item or value in flow style: `{ id: x, cost: { effort_days: 1 } }`. */
export function renderFlow(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Map: (_, node) => {
      node.flow = true;
    },
    Seq: (_, node) => {
      node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0 }).replace(/\n$/, '');
}

/** A new value in block style, nested collections in flow style (as in the format's examples); lines without trailing break. */
export function renderBlockLines(value: unknown): string[] {
  const doc = new Document(value);
  visit(doc, {
    Map: (_, node) => {
      if (node !== doc.contents) node.flow = true;
    },
    Seq: (_, node) => {
      if (node !== doc.contents) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0 }).replace(/\n$/, '').split('\n');
}

/** Indentation unit of the file: the column of the first nested block key or item under a top-level key. */
export function indentUnit(text: string, doc: Document): number {
  const root = doc.contents;
  if (!isMap(root)) return DEFAULT_INDENT;
  for (const pair of root.items) {
    const v = pair.value;
    if (isCollection(v) && !v.flow && v.items.length > 0) {
      const col = columnOf(text, start(v as Node));
      if (col > 0) return col;
    }
  }
  return DEFAULT_INDENT;
}

/** Column of the `-` of top-level block lists (0 for unindented `- item` style), or the indent unit. */
function topLevelDashColumn(text: string, doc: Document): number {
  const root = doc.contents;
  if (isMap(root)) {
    for (const pair of root.items) {
      if (isSeq(pair.value) && !pair.value.flow && pair.value.items.length > 0) return columnOf(text, start(pair.value));
    }
  }
  return indentUnit(text, doc);
}

/** Where to insert new lines after a node: offset and whether the insertion must start with a line break. */
function afterNode(text: string, node: Node): { offset: number; leadingBreak: boolean } {
  const end = nodeEnd(node);
  if (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) return { offset: end, leadingBreak: false };
  return { offset: lineEndAt(text, end), leadingBreak: true };
}

function insertLines(text: string, node: Node, lines: readonly string[]): RawEdit {
  const eol = eolOf(text);
  const { offset, leadingBreak } = afterNode(text, node);
  const body = lines.join(eol);
  return { offset, length: 0, newText: leadingBreak ? `${eol}${body}` : `${body}${eol}` };
}

/** Replaces a scalar value (or an empty value) in place. */
export function replaceScalar(text: string, node: Scalar, value: PlainValue): RawEdit {
  const s = start(node);
  const e = valueEnd(node);
  const original = text.slice(s, e);
  if (original === '') return { offset: s, length: 0, newText: ` ${renderScalar(value)}` };
  const keepBreak = /(\r?\n)+$/.exec(original)?.[0] ?? '';
  return { offset: s, length: e - s, newText: renderScalar(value, node) + keepBreak };
}

/** Sets `key` of a mapping: replaces its scalar value, or adds the pair at the end of the mapping. */
export function setMapKey(text: string, map: YAMLMap, key: string, value: PlainValue): RawEdit | string {
  const existing = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  if (existing) {
    const v = existing.value;
    if (v === null || v === undefined) {
      const colon = text.indexOf(':', valueEnd(existing.key as Node));
      return { offset: colon + 1, length: 0, newText: ` ${renderScalar(value)}` };
    }
    if (!isScalar(v)) return isMap(v) ? l10n.t("'{0}' holds a mapping, not a single value", key) : l10n.t("'{0}' holds a list, not a single value", key);
    return replaceScalar(text, v, value);
  }
  return insertPair(text, map, `${key}: ${renderScalar(value, undefined, !map.flow)}`);
}

/**
 * Sets the value at `path` below `map` (e.g. `['cost', 'effort_days']`). Mappings on the way that are absent or
 * empty are written in flow style with the rest of the path (`cost: { effort_days: 5 }`), as in the format's examples.
 */
export function setNestedKey(text: string, map: YAMLMap, path: readonly string[], value: PlainValue): RawEdit | string {
  const [key, ...rest] = path;
  if (rest.length === 0) return setMapKey(text, map, key, value);
  let nested: unknown = value;
  for (const k of [...rest].reverse()) nested = { [k]: nested };
  const existing = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  if (!existing) return insertPair(text, map, `${key}: ${renderFlow(nested)}`);
  const v = existing.value;
  if (isMap(v) && v.items.length > 0) return setNestedKey(text, v, rest, value);
  if (v === null || v === undefined || (isScalar(v) && (v.value === null || v.value === undefined)) || (isMap(v) && v.items.length === 0)) {
    const keyEnd = valueEnd(existing.key as Node);
    const colon = text.indexOf(':', keyEnd);
    const to = v === null || v === undefined ? colon + 1 : valueEnd(v as Node);
    return { offset: colon + 1, length: to - colon - 1, newText: ` ${renderFlow(nested)}` };
  }
  return isScalar(v) ? l10n.t("'{0}' holds a single value, not a mapping", key) : l10n.t("'{0}' holds a list, not a mapping", key);
}

/** Adds `pair` (`key: value`) as the last pair of a mapping, in its style (flow or block). */
function insertPair(text: string, map: YAMLMap, pair: string): RawEdit | string {
  if (map.flow) {
    const last = map.items[map.items.length - 1];
    if (!last) return { offset: start(map), length: valueEnd(map) - start(map), newText: `{ ${pair} }` };
    const lastEnd = valueEnd((last.value ?? last.key) as Node);
    return { offset: lastEnd, length: 0, newText: `, ${pair}` };
  }
  const last = map.items[map.items.length - 1];
  if (!last) return l10n.t('the mapping is empty');
  const indent = ' '.repeat(columnOf(text, start(map.items[0].key as Node)));
  return insertLines(text, (last.value ?? last.key) as Node, [`${indent}${pair}`]);
}

/** Appends an item to a list, in the list's style: flow `[a, b]`, or block with the items' indentation and style. */
export function appendToSeq(text: string, seq: YAMLSeq, item: unknown): RawEdit {
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  if (seq.flow) {
    const rendered = renderFlow(item);
    if (!last) return { offset: start(seq), length: valueEnd(seq) - start(seq), newText: `[ ${rendered} ]` };
    return { offset: valueEnd(last), length: 0, newText: `, ${rendered}` };
  }
  const dash = ' '.repeat(columnOf(text, start(seq)));
  const asFlow = last !== undefined && isCollection(last) && last.flow === true;
  const lines = asFlow || typeof item !== 'object' || item === null ? [renderFlow(item)] : renderBlockLines(item);
  const prefixed = lines.map((l, i) => (i === 0 ? `${dash}- ${l}` : `${dash}  ${l}`));
  return insertLines(text, last ?? seq, prefixed);
}

/**
 * Replaces an empty value (`key:` or `key: ~`) by a block list or mapping written as `lines`, indented under the key.
 * A comment after the empty value stays on the key's line.
 */
function fillEmptyValue(text: string, keyNode: Node, lines: readonly string[]): RawEdit {
  const eol = eolOf(text);
  const keyEnd = valueEnd(keyNode);
  const colon = text.indexOf(':', keyEnd);
  const from = colon >= 0 ? colon + 1 : keyEnd;
  const to = lineEndAt(text, from);
  const rest = text.slice(from, to).replace(/^(\s*)(~|null|Null|NULL)(?=\s|$)/, '$1');
  return { offset: from, length: to - from, newText: `${/^\s*$/.test(rest) ? '' : rest}${eol}${lines.join(eol)}` };
}

/** Appends an item to the top-level list `key`, creating the key (at the end of the file) when absent. */
export function appendToTopLevelList(text: string, doc: Document, key: string, item: unknown): RawEdit | string {
  const root = doc.contents;
  if (!isMap(root)) return l10n.t('the roadmap is not a YAML mapping');
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key);
  const dash = ' '.repeat(topLevelDashColumn(text, doc));
  const itemLines = (typeof item === 'object' && item !== null ? renderBlockLines(item) : [renderFlow(item)]).map((l, i) =>
    i === 0 ? `${dash}- ${l}` : `${dash}  ${l}`,
  );
  if (!pair) return appendTopLevelBlock(text, [`${key}:`, ...itemLines]);
  const value = pair.value;
  if (isSeq(value)) return appendToSeq(text, value, item);
  if (value === null || (isScalar(value) && (value.value === null || value.value === undefined))) {
    return fillEmptyValue(text, pair.key as Node, itemLines);
  }
  return l10n.t("'{0}' is not a list", key);
}

/** Sets `key` of the top-level mapping `section`, creating the section (at the end of the file) when absent. */
export function setSectionKey(text: string, doc: Document, section: string, key: string, value: PlainValue): RawEdit | string {
  const root = doc.contents;
  if (!isMap(root)) return l10n.t('the roadmap is not a YAML mapping');
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === section);
  const indent = ' '.repeat(indentUnit(text, doc));
  const line = `${indent}${key}: ${renderScalar(value, undefined, true)}`;
  if (!pair) return appendTopLevelBlock(text, [`${section}:`, line]);
  const v = pair.value;
  if (isMap(v)) return v.items.length === 0 && !v.flow ? l10n.t("'{0}' is empty", section) : setMapKey(text, v, key, value);
  if (v === null || (isScalar(v) && (v.value === null || v.value === undefined))) {
    return fillEmptyValue(text, pair.key as Node, [line]);
  }
  return l10n.t("'{0}' is not a mapping", section);
}

/** Appends top-level lines at the end of the file. */
export function appendTopLevelBlock(text: string, lines: readonly string[]): RawEdit {
  const eol = eolOf(text);
  const needsBreak = text.length > 0 && !text.endsWith('\n') && !text.endsWith('\r');
  return { offset: text.length, length: 0, newText: `${needsBreak ? eol : ''}${lines.join(eol)}${eol}` };
}

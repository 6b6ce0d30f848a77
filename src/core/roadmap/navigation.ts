// What is at a place in the text of `mlroadmap.yaml`: the path of the key or value under the cursor, whether
// the cursor is on a key or a value, the keys the enclosing mapping already has, and the spec of that place
// (format.ts). Works on half-typed documents: a line holding only a partial key is read as a key of the
// mapping its indentation puts it in. Never throws.
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { ROADMAP_FORMAT, type FieldSpec } from './format';
import { createPositionMap, type PositionMap } from './positions';
import { scalarText } from './scalar-text';

export type PathSegment = string | number;

/** The text of a roadmap with its YAML syntax tree and offset <-> position map, read once and shared. */
export interface RoadmapSource {
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly positions: PositionMap;
}

/**
 * How every roadmap text is read into a YAML tree: parseRoadmap reports the errors these options find (duplicate
 * keys among them); the tree is the same whatever they find, so the language features walk the very same tree.
 */
const READ_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

export function readSource(text: string): RoadmapSource {
  const source = typeof text === 'string' ? text : '';
  return { text: source, doc: parseDocument(source, READ_OPTIONS), positions: createPositionMap(source) };
}

export interface CursorContext {
  /** On a key, on a value (also an empty value being typed), or nowhere the format knows. */
  readonly on: 'key' | 'value' | 'none';
  /**
   * Path of the key or value at the cursor, e.g. ['candidates', 1, 'based_on', 0]. On a key, the path ends in
   * the key (for a key being typed: the text typed so far); a new item of a flow list ends in its index.
   */
  readonly path: readonly PathSegment[];
  /** On a key: the other keys of the enclosing mapping. */
  readonly existingKeys: readonly string[];
  /** Offsets of the word at the cursor: what a completion replaces. */
  readonly wordStart: number;
  readonly wordEnd: number;
  /** The part of the word before the cursor. */
  readonly prefix: string;
  /** Offsets of the scalar at the cursor, when there is one. */
  readonly node?: { readonly start: number; readonly end: number };
  /** Inside a flow collection (`{ ... }` or `[ ... ]`): completions insert no line breaks. */
  readonly flow: boolean;
}

/** The spec of a path and its key pattern, e.g. `candidates[].benefit.expected{}` (as formatKeyPaths writes them). */
export interface PathSpec {
  readonly spec?: FieldSpec;
  readonly pattern: string;
}

export function specAt(path: readonly PathSegment[]): PathSpec {
  let spec: FieldSpec | undefined = ROADMAP_FORMAT;
  let pattern = '';
  for (const segment of path) {
    if (spec?.kind === 'object' && typeof segment === 'string') {
      spec = Object.prototype.hasOwnProperty.call(spec.fields, segment) ? spec.fields[segment] : undefined;
      pattern = pattern ? `${pattern}.${segment}` : segment;
    } else if (spec?.kind === 'array' && typeof segment === 'number') {
      spec = spec.items;
      pattern += '[]';
    } else if (spec?.kind === 'map' && typeof segment === 'string') {
      spec = spec.values;
      pattern += '{}';
    } else {
      spec = undefined;
      pattern += typeof segment === 'number' ? '[]' : `.${segment}`;
    }
  }
  return { spec, pattern };
}

/** The text of a key node, as the model reads it (numbers as written). */
export function keyText(key: unknown): string {
  if (isScalar(key)) return key.value === null || key.value === undefined ? '' : (scalarText(key) ?? String(key.value));
  return key === null || key === undefined ? '' : String(key);
}

interface Hit {
  readonly on: 'key' | 'value';
  readonly path: readonly PathSegment[];
  readonly map?: YAMLMap;
  readonly node?: Node;
  readonly flow: boolean;
}

const within = (range: readonly number[] | null | undefined, offset: number): boolean =>
  !!range && range[0] <= offset && offset <= range[1];

function isCollection(node: unknown): node is YAMLMap | YAMLSeq {
  return isMap(node) || isSeq(node);
}

function locate(text: string, node: unknown, path: readonly PathSegment[], offset: number, flow: boolean): Hit | undefined {
  if (isMap(node)) {
    const inFlow = flow || !!node.flow;
    let emptyValue: Hit | undefined;
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      const name = keyText(key);
      if (key && within(key.range, offset)) return { on: 'key', path: [...path, name], map: node, node: key, flow: inFlow };
      const empty = value === null || (isScalar(value) && value.value === null && !value.source);
      if (!empty && value && within(value.range, offset)) {
        if (isCollection(value)) {
          const inner = locate(text, value, [...path, name], offset, inFlow);
          if (inner) return inner;
        } else return { on: 'value', path: [...path, name], node: value, flow: inFlow };
      }
      const keyEnd = key?.range?.[1];
      if (empty && keyEnd !== undefined && keyEnd < offset && !/[\n\r]/.test(text.slice(keyEnd, offset))) {
        emptyValue = { on: 'value', path: [...path, name], flow: inFlow };
      }
    }
    if (emptyValue) return emptyValue;
    if (node.flow && within(node.range, offset)) return { on: 'key', path: [...path, ''], map: node, flow: true };
    return undefined;
  }
  if (isSeq(node)) {
    const inFlow = flow || !!node.flow;
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i] as Node | null;
      if (!item || !within(item.range, offset)) continue;
      if (isCollection(item)) {
        const inner = locate(text, item, [...path, i], offset, inFlow);
        if (inner) return inner;
      } else return { on: 'value', path: [...path, i], node: item, flow: inFlow };
    }
    if (node.flow && within(node.range, offset)) {
      const before = node.items.filter((item) => ((item as Node | null)?.range?.[0] ?? Infinity) < offset).length;
      return { on: 'value', path: [...path, before], flow: true };
    }
  }
  return undefined;
}

const WORD_CHAR = /[A-Za-z0-9_.$/@+-]/;

function wordAround(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  while (start > 0 && WORD_CHAR.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && WORD_CHAR.test(text[end])) end++;
  return { start, end };
}

/** A line holding only indentation, list dashes and a partial key (or nothing) up to the cursor. */
const KEY_LINE_BEFORE = /^([ \t]*(?:-[ \t]+)*)([A-Za-z0-9_][A-Za-z0-9_.-]*)?$/;
const KEY_LINE_AFTER = /^[A-Za-z0-9_.-]*[ \t]*$/;
const PLACEHOLDER = '__mlroadmap_cursor__';

function keysOf(map: YAMLMap | undefined, except?: unknown): string[] {
  return (map?.items ?? []).filter((p) => p.key !== except).map((p) => keyText(p.key)).filter((k) => k !== PLACEHOLDER);
}

function findPlaceholder(node: unknown, path: readonly PathSegment[]): { path: PathSegment[]; map: YAMLMap } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const name = keyText(pair.key);
      if (name === PLACEHOLDER) return { path: [...path], map: node };
      const inner = findPlaceholder(pair.value, [...path, name]);
      if (inner) return inner;
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const inner = findPlaceholder(node.items[i], [...path, i]);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** A line with only a partial key: parse the text with a placeholder key there and see where it lands. */
function keyLineContext(source: RoadmapSource, offset: number, lineStart: number, word: { start: number; end: number }): CursorContext | undefined {
  const { text } = source;
  const lineEnd = source.positions.lineEnd(source.positions.positionAt(offset).line);
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEnd);
  if (!KEY_LINE_BEFORE.test(before) || !KEY_LINE_AFTER.test(after)) return undefined;
  const patched = `${text.slice(0, word.start)}${PLACEHOLDER}:${text.slice(lineEnd)}`;
  const found = findPlaceholder(parseDocument(patched, { prettyErrors: false, uniqueKeys: false }).contents, []);
  if (!found) return undefined;
  const prefix = text.slice(word.start, offset);
  const base = { wordStart: word.start, wordEnd: word.end, prefix, flow: false };
  const parent = specAt(found.path).spec;
  const existingKeys = keysOf(found.map);
  if (parent && parent.kind !== 'object' && parent.kind !== 'map' && existingKeys.length === 0) {
    // A list item or a block value being typed where the format expects a scalar (e.g. `- lec` in based_on).
    return { ...base, on: 'value', path: found.path, existingKeys: [] };
  }
  return { ...base, on: 'key', path: [...found.path, prefix], existingKeys };
}

/** What is at `offset` in the source. */
export function contextAt(source: RoadmapSource, offset: number): CursorContext {
  const { text, positions } = source;
  const at = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, text.length));
  const word = wordAround(text, at);
  const lineStart = positions.offsetAt({ line: positions.positionAt(at).line, character: 0 });
  try {
    const hit = locate(text, source.doc.contents, [], at, false);
    const hitStart = hit?.node?.range?.[0];
    // A word on its own line continues a multi-line value when its scalar started on an earlier line.
    const continuation = hitStart !== undefined && hitStart < lineStart;
    if (!continuation) {
      const keyLine = keyLineContext(source, at, lineStart, word);
      const range = hit?.node?.range;
      // The word may already be a scalar of its own (e.g. `- lecun98` in a list of strings).
      if (keyLine && range && range[0] === word.start && keyLine.on === 'value') return { ...keyLine, node: { start: range[0], end: range[1] } };
      if (keyLine) return keyLine;
    }
    if (hit) {
      const node = hit.node?.range ? { start: hit.node.range[0], end: hit.node.range[1] } : undefined;
      return {
        on: hit.on,
        path: hit.path,
        existingKeys: hit.on === 'key' ? keysOf(hit.map, hit.node) : [],
        wordStart: word.start,
        wordEnd: word.end,
        prefix: text.slice(word.start, at),
        node,
        flow: hit.flow,
      };
    }
  } catch {
    // A syntax tree the walk does not expect: nothing is known about the place.
  }
  return { on: 'none', path: [], existingKeys: [], wordStart: word.start, wordEnd: word.end, prefix: text.slice(word.start, at), flow: false };
}

/** Called for every scalar key and value, in document order, with its path and the mapping holding it. */
export type ScalarVisitor = (scalar: Scalar, path: readonly PathSegment[], on: 'key' | 'value', parent: YAMLMap | undefined) => void;

export function walkScalars(root: unknown, visit: ScalarVisitor): void {
  const walk = (node: unknown, path: readonly PathSegment[], parent?: YAMLMap): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const name = keyText(pair.key);
        if (isScalar(pair.key)) visit(pair.key, [...path, name], 'key', node);
        walk(pair.value, [...path, name], node);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    } else if (isScalar(node)) {
      visit(node, path, 'value', parent);
    }
  };
  walk(root, []);
}

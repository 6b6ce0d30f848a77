// Reads a YAML node tree against the format description (format.ts): reports schema problems with
// precise ranges and returns the plain values it could read, skipping bad nodes and filling defaults.
import * as l10n from '@vscode/l10n';
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import type { Range, RoadmapDiagnostic, Severity } from './model';
import type { ArraySpec, FieldSpec, MapSpec, ObjectSpec, StringSpec } from './format';
import type { PositionMap } from './positions';
import { scalarText } from './scalar-text';
import { nearest } from './suggest';

export type NodePath = readonly (string | number)[];

/** Where a model object was read from: its YAML mapping and its path in the document. */
export interface SourceRef {
  readonly node: YAMLMap;
  readonly path: NodePath;
}

export interface ReadContext {
  readonly text: string;
  readonly positions: PositionMap;
  readonly doc: Document;
  readonly diagnostics: RoadmapDiagnostic[];
  /** Model object -> the mapping it was read from. */
  readonly sources: WeakMap<object, SourceRef>;
  /** Aliases still allowed to be followed (guards against alias bombs). */
  aliasBudget: number;
}

const ALIAS_LIMIT = 1000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function createReadContext(text: string, positions: PositionMap, doc: Document): ReadContext {
  return { text, positions, doc, diagnostics: [], sources: new WeakMap(), aliasBudget: ALIAS_LIMIT };
}

/** Range of a YAML node in the text (its value, without trailing comments). */
export function nodeRange(ctx: ReadContext, node: unknown): Range {
  const r = (node as Node | undefined)?.range;
  if (!r) return ctx.positions.rangeOf(0, 0);
  return ctx.positions.rangeOf(r[0], r[1]);
}

/** Range from a node's start to the end of that line, or of the node if it ends earlier: a calm underline for a whole mapping. */
export function firstLineRange(ctx: ReadContext, node: unknown): Range {
  const r = (node as Node | undefined)?.range;
  if (!r) return ctx.positions.rangeOf(0, 0);
  const start = ctx.positions.positionAt(r[0]);
  const end = Math.min(r[1], ctx.positions.lineEnd(start.line));
  return ctx.positions.rangeOf(r[0], end);
}

export function report(
  ctx: ReadContext,
  code: string,
  severity: Severity,
  message: string,
  range: Range,
  path: NodePath,
  suggestion?: string,
): void {
  const d: RoadmapDiagnostic = suggestion === undefined ? { code, severity, message, range, path } : { code, severity, message, range, path, suggestion };
  ctx.diagnostics.push(d);
}

/** Follows an alias to its target, within the alias budget. */
export function resolveNode(ctx: ReadContext, node: unknown): unknown {
  if (!isAlias(node)) return node;
  if (ctx.aliasBudget <= 0) {
    if (ctx.aliasBudget === 0) {
      report(ctx, 'yaml/alias-limit', 'error', l10n.t`More than ${ALIAS_LIMIT} aliases: the rest are ignored.`, nodeRange(ctx, node), []);
    }
    ctx.aliasBudget--;
    return undefined;
  }
  ctx.aliasBudget--;
  try {
    return node.resolve(ctx.doc);
  } catch {
    return undefined;
  }
}

/** What a node holds, in words, for "should be X, not Y" (a boolean is shown as written: true or false). */
function describe(node: unknown): string {
  if (isMap(node)) return l10n.t('a mapping');
  if (isSeq(node)) return l10n.t('a list');
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return l10n.t('nothing');
    if (typeof v === 'string') return l10n.t("the text '{0}'", v.length > 40 ? v.slice(0, 40) + '...' : v);
    if (typeof v === 'number' || typeof v === 'bigint') return l10n.t('the number {0}', String(v));
    if (typeof v === 'boolean') return `${String(v)}`;
    if (v instanceof Date) return l10n.t('a date');
  }
  return l10n.t('an unsupported value');
}

/** Stands for the key's name in "'x' is not a valid <key>" when the path names no key. */
const anyKey = (): string => l10n.t({ message: 'value', comment: ["Stands for a key's name in: '{0}' is not a valid {1}"] });

/** The value a kind of spec expects, in words. */
function expected(kind: FieldSpec['kind']): string {
  switch (kind) {
    case 'string':
      return l10n.t('a text');
    case 'number':
      return l10n.t('a number');
    case 'integer':
      return l10n.t('a whole number');
    case 'boolean':
      return l10n.t('true or false');
    case 'array':
      return l10n.t('a list');
    case 'object':
    case 'map':
      return l10n.t('a mapping');
  }
}

function pathText(path: NodePath): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');
}

function typeError(ctx: ReadContext, node: unknown, spec: FieldSpec, path: NodePath): undefined {
  const message =
    path.length > 0
      ? l10n.t("'{0}' should be {1}, not {2}.", pathText(path), expected(spec.kind), describe(node))
      : l10n.t('The file should be {0}, not {1}.', expected(spec.kind), describe(node));
  report(ctx, 'schema/type', 'error', message, nodeRange(ctx, node), path);
  return undefined;
}

/** True when the node stands for "no value" (absent, `~`, `null` or an empty value). */
export function isEmptyNode(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && (node.value === null || node.value === undefined));
}

/**
 * Reads `node` as described by `spec`. Returns undefined for an empty or invalid node (after reporting
 * the problem), or for an object missing a required key when `dropIncomplete` is set.
 */
export function readNode(ctx: ReadContext, rawNode: unknown, spec: FieldSpec, path: NodePath, dropIncomplete = false): unknown {
  const node = resolveNode(ctx, rawNode);
  if (isEmptyNode(node)) return undefined;
  switch (spec.kind) {
    case 'string':
      return readString(ctx, node, spec, path);
    case 'number':
    case 'integer': {
      if (!isScalar(node) || typeof node.value !== 'number' || !Number.isFinite(node.value)) return typeError(ctx, node, spec, path);
      if (spec.kind === 'integer' && !Number.isInteger(node.value)) return typeError(ctx, node, spec, path);
      if (spec.minimum !== undefined && node.value < spec.minimum) {
        report(ctx, 'schema/minimum', 'error', l10n.t("'{0}' must be at least {1}.", pathText(path), spec.minimum), nodeRange(ctx, node), path);
        return undefined;
      }
      return node.value;
    }
    case 'boolean':
      if (!isScalar(node) || typeof node.value !== 'boolean') return typeError(ctx, node, spec, path);
      return node.value;
    case 'array':
      return readArray(ctx, node, spec, path);
    case 'map':
      return readMap(ctx, node, spec, path);
    case 'object':
      return readObject(ctx, node, spec, path, dropIncomplete);
  }
}

function readString(ctx: ReadContext, node: unknown, spec: StringSpec, path: NodePath): string | undefined {
  if (!isScalar(node)) return typeError(ctx, node, spec, path);
  const v = node.value;
  let text: string;
  if (typeof v === 'string') text = v;
  // Keep the number as written (`decision: 0002` stays "0002").
  else if (typeof v === 'number' || typeof v === 'bigint') text = scalarText(node) ?? String(v); else if (v instanceof Date && !Number.isNaN(v.getTime())) text = v.toISOString().slice(0, 10);
  else return typeError(ctx, node, spec, path);
  if (spec.enum && !spec.enum.includes(text)) {
    const suggestion = nearest(text, spec.enum);
    const key = path.length > 0 ? String(path[path.length - 1]) : anyKey();
    const values = spec.enum.join(', ');
    report(
      ctx,
      spec.enumCode ?? 'schema/enum',
      'error',
      suggestion
        ? l10n.t("'{0}' is not a valid {1}: expected one of {2}. Did you mean '{3}'?", text, key, values, suggestion)
        : l10n.t("'{0}' is not a valid {1}: expected one of {2}.", text, key, values),
      nodeRange(ctx, node),
      path,
      suggestion,
    );
    return undefined;
  }
  if (spec.pattern !== undefined && !patternOf(spec.pattern).test(text)) {
    const what = spec.form ?? l10n.t('text matching {0}', spec.pattern);
    const key = [...path].reverse().find((p) => typeof p === 'string') ?? anyKey();
    report(ctx, 'schema/pattern', 'error', l10n.t("'{0}' is not a valid {1}: expected {2}.", shownText(text), key, what), nodeRange(ctx, node), path);
    return undefined;
  }
  if (spec.format === 'date' && !DATE.test(text)) {
    report(ctx, 'schema/format', 'warning', l10n.t("'{0}' is not a date written YYYY-MM-DD.", text), nodeRange(ctx, node), path);
  }
  return text;
}

const patterns = new Map<string, RegExp>();

/** The compiled `pattern` of a spec (with the `u` flag, as JSON Schema validators compile it). */
function patternOf(source: string): RegExp {
  let re = patterns.get(source);
  if (!re) patterns.set(source, (re = new RegExp(source, 'u')));
  return re;
}

/** A value shown in a message: at most 40 characters, control characters and line breaks escaped. */
function shownText(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 40)}...` : text;
  // eslint-disable-next-line no-control-regex
  return short.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function readArray(ctx: ReadContext, node: unknown, spec: ArraySpec, path: NodePath): unknown[] | undefined {
  if (!isSeq(node)) return typeError(ctx, node, spec, path);
  const out: unknown[] = [];
  node.items.forEach((item, i) => {
    if (isEmptyNode(item)) {
      report(ctx, 'schema/type', 'error', l10n.t("'{0}' is empty: expected {1}.", pathText([...path, i]), expected(spec.items.kind)), nodeRange(ctx, item ?? node), [...path, i]);
      return;
    }
    const v = readNode(ctx, item, spec.items, [...path, i], true);
    if (v !== undefined) out.push(v);
  });
  return out;
}

/** The text of a mapping key, or undefined when the key is not a plain scalar. */
export function keyText(key: unknown): string | undefined {
  return scalarText(key);
}

function readMap(ctx: ReadContext, node: unknown, spec: MapSpec, path: NodePath): Record<string, unknown> | undefined {
  if (!isMap(node)) return typeError(ctx, node, spec, path);
  const out: Record<string, unknown> = {};
  for (const pair of node.items) {
    const key = keyText(pair.key);
    if (key === undefined) {
      report(ctx, 'schema/type', 'error', l10n.t("Keys of '{0}' should be plain text.", pathText(path)), nodeRange(ctx, pair.key), path);
      continue;
    }
    const v = readNode(ctx, pair.value, spec.values, [...path, key]);
    if (v !== undefined) Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function readObject(ctx: ReadContext, rawNode: unknown, spec: ObjectSpec, path: NodePath, dropIncomplete: boolean): Record<string, unknown> | undefined {
  if (!isMap(rawNode)) return typeError(ctx, rawNode, spec, path);
  const node: YAMLMap = rawNode;
  const out: Record<string, unknown> = {};
  const seen = new Set<string>();
  const known = Object.keys(spec.fields);
  for (const pair of node.items) {
    const key = keyText(resolveNode(ctx, pair.key));
    if (key === undefined || !Object.prototype.hasOwnProperty.call(spec.fields, key)) {
      const shown = key === undefined ? describe(pair.key) : key.length > 40 ? `${key.slice(0, 40)}...` : key;
      const suggestion = key === undefined ? undefined : nearest(key, known);
      const message =
        path.length > 0
          ? suggestion
            ? l10n.t("Unknown key '{0}' in '{1}'. Did you mean '{2}'?", shown, pathText(path), suggestion)
            : l10n.t("Unknown key '{0}' in '{1}'.", shown, pathText(path))
          : suggestion
            ? l10n.t("Unknown key '{0}'. Did you mean '{1}'?", shown, suggestion)
            : l10n.t("Unknown key '{0}'.", shown);
      report(ctx, 'schema/unknown-key', 'warning', message, nodeRange(ctx, pair.key ?? node), [...path, key ?? '?'], suggestion);
      continue;
    }
    seen.add(key);
    const child = spec.fields[key];
    const v = readNode(ctx, pair.value, child, [...path, key]);
    if (v !== undefined) out[key] = v;
    else if (child.required && isEmptyNode(resolveNode(ctx, pair.value))) {
      report(ctx, 'schema/required', 'error', l10n.t("'{0}' must not be empty.", pathText([...path, key])), nodeRange(ctx, pair.key), [...path, key]);
    }
  }
  let complete = true;
  for (const [key, child] of Object.entries(spec.fields)) {
    if (out[key] !== undefined) continue;
    if (child.required) {
      complete = false;
      if (!seen.has(key)) {
        const message = path.length > 0 ? l10n.t("'{0}' needs the key '{1}'.", pathText(path), key) : l10n.t("The roadmap needs the key '{0}'.", key);
        report(ctx, 'schema/required', 'error', message, firstLineRange(ctx, node), [...path, key]);
      }
    }
    const fallback = defaultOf(ctx, child);
    if (fallback !== undefined) out[key] = fallback;
  }
  if (spec.located) out.range = nodeRange(ctx, node);
  ctx.sources.set(out, { node, path });
  return dropIncomplete && !complete ? undefined : out;
}

/** The value the model holds for an absent key, or undefined. */
export function defaultOf(ctx: ReadContext, spec: FieldSpec): unknown {
  switch (spec.kind) {
    case 'string':
    case 'number':
    case 'integer':
    case 'boolean':
      return spec.default;
    case 'array':
      return spec.emptyWhenAbsent ? [] : undefined;
    case 'object': {
      if (!spec.createWhenAbsent) return undefined;
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(spec.fields)) {
        const v = defaultOf(ctx, child);
        if (v !== undefined) out[key] = v;
      }
      if (spec.located) out.range = ctx.positions.rangeOf(0, 0);
      return out;
    }
    default:
      return undefined;
  }
}

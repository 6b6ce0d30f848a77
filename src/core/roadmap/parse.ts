// parseRoadmap: the text of `mlroadmap.yaml` -> the typed model and its diagnostics. Never throws.
// parseRoadmapText: the same, with the YAML tree and the id index kept beside it, for everything that reads one text.
import * as l10n from '@vscode/l10n';
import { isMap, type YAMLError } from 'yaml';
import type { ParseResult, Roadmap, RoadmapDiagnostic } from './model';
import { ROADMAP_FORMAT } from './format';
import { topLevelKeyRanges } from './keys';
import { readSource, type RoadmapSource } from './navigation';
import type { PositionMap } from './positions';
import { createReadContext, nodeRange, readNode, report, type ReadContext } from './read';
import { checkSemantics } from './semantics';
import { indexSymbols, type SymbolIndex } from './symbols';

export const SUPPORTED_VERSION = 1;

function yamlDiagnostic(positions: PositionMap, e: YAMLError, severity: 'error' | 'warning'): RoadmapDiagnostic {
  const [start, end] = Array.isArray(e.pos) ? e.pos : [0, 0];
  // The YAML library's message, in English (it has no translations); the fallback is ours.
  const message = String(e.message ?? l10n.t('YAML syntax error')).split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return { code: 'yaml/syntax', severity, message, range: positions.rangeOf(start, end), path: [] };
}

function readRoadmap(ctx: ReadContext): Roadmap | undefined {
  const root = ctx.doc.contents;
  if (root === null || root === undefined) {
    report(ctx, 'schema/empty', 'error', l10n.t('The roadmap is empty: start with `version: 1` and a `project`.'), ctx.positions.rangeOf(0, 0), []);
    return undefined;
  }
  if (!isMap(root)) {
    readNode(ctx, root, ROADMAP_FORMAT, []);
    return undefined;
  }
  const roadmap = readNode(ctx, root, ROADMAP_FORMAT, []) as Roadmap | undefined;
  if (!roadmap) return undefined;
  const version = root.get('version', true);
  if (typeof roadmap.version === 'number' && roadmap.version !== SUPPORTED_VERSION) {
    report(
      ctx,
      'schema/version',
      'error',
      l10n.t`Format version ${roadmap.version} is not supported: this extension reads version ${SUPPORTED_VERSION}.`,
      nodeRange(ctx, version),
      ['version'],
    );
  }
  return roadmap;
}

/**
 * Parses the text of a roadmap. Ranges in the result are 0-based (line, character).
 * Never throws: an internal failure becomes an `internal/error` diagnostic (tests assert there are none).
 */
export function parseRoadmap(text: string): ParseResult {
  try {
    return parseSource(readSource(text));
  } catch (e) {
    return internalError(e);
  }
}

/** Parses a text already read into its YAML tree (see `readSource`), which is left as it is. Never throws. */
export function parseRoadmapSource(source: RoadmapSource): ParseResult {
  try {
    return parseSource(source);
  } catch (e) {
    return internalError(e);
  }
}

/** A roadmap text read once: its YAML tree, its model and diagnostics, and its ids (indexed on first use). */
export interface ParsedRoadmap {
  readonly text: string;
  /** The tree the language features walk: the one the model was read from. */
  readonly source: RoadmapSource;
  readonly parse: ParseResult;
  readonly symbols: SymbolIndex;
}

/** Reads a roadmap text once for every reader of it: the model, diagnostics and the language features. */
export function parseRoadmapText(text: string): ParsedRoadmap {
  const source = readSource(text);
  const parse = parseRoadmapSource(source);
  let symbols: SymbolIndex | undefined;
  return {
    text: source.text,
    source,
    parse,
    get symbols() {
      return (symbols ??= indexSymbols(source));
    },
  };
}

function internalError(e: unknown): ParseResult {
  const message = l10n.t('Internal error while reading the roadmap: {0}', e instanceof Error ? e.message : String(e));
  const zero = { line: 0, character: 0 };
  return { diagnostics: [{ code: 'internal/error', severity: 'error', message, range: { start: zero, end: zero }, path: [] }], keys: new Map() };
}

function parseSource({ text, doc, positions }: RoadmapSource): ParseResult {
  const ctx = createReadContext(text, positions, doc);
  for (const e of doc.errors) ctx.diagnostics.push(yamlDiagnostic(positions, e, 'error'));
  for (const w of doc.warnings) ctx.diagnostics.push(yamlDiagnostic(positions, w, 'warning'));
  const roadmap = readRoadmap(ctx);
  if (roadmap) checkSemantics(ctx, roadmap);
  const keys = topLevelKeyRanges({ text, doc, positions });
  return roadmap ? { roadmap, diagnostics: ctx.diagnostics, keys } : { diagnostics: ctx.diagnostics, keys };
}

// parseRoadmap: the text of `mlroadmap.yaml` -> the typed model and its diagnostics. Never throws.
import { isMap, parseDocument, type YAMLError } from 'yaml';
import type { ParseResult, Roadmap, RoadmapDiagnostic } from './model';
import { ROADMAP_FORMAT } from './format';
import { createPositionMap, type PositionMap } from './positions';
import { createReadContext, nodeRange, readNode, report, type ReadContext } from './read';
import { checkSemantics } from './semantics';

export const SUPPORTED_VERSION = 1;

function yamlDiagnostic(positions: PositionMap, e: YAMLError, severity: 'error' | 'warning'): RoadmapDiagnostic {
  const [start, end] = Array.isArray(e.pos) ? e.pos : [0, 0];
  const message = String(e.message ?? 'YAML syntax error').split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return { code: 'yaml/syntax', severity, message, range: positions.rangeOf(start, end), path: [] };
}

function readRoadmap(ctx: ReadContext): Roadmap | undefined {
  const root = ctx.doc.contents;
  if (root === null || root === undefined) {
    report(ctx, 'schema/empty', 'error', 'The roadmap is empty: start with `version: 1` and a `project`.', ctx.positions.rangeOf(0, 0), []);
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
      `Format version ${roadmap.version} is not supported: this extension reads version ${SUPPORTED_VERSION}.`,
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
  const source = typeof text === 'string' ? text : '';
  try {
    return parseText(source);
  } catch (e) {
    const message = `Internal error while reading the roadmap: ${e instanceof Error ? e.message : String(e)}`;
    const zero = { line: 0, character: 0 };
    return { diagnostics: [{ code: 'internal/error', severity: 'error', message, range: { start: zero, end: zero }, path: [] }] };
  }
}

function parseText(source: string): ParseResult {
  const positions = createPositionMap(source);
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true, strict: true });
  const ctx = createReadContext(source, positions, doc);
  for (const e of doc.errors) ctx.diagnostics.push(yamlDiagnostic(positions, e, 'error'));
  for (const w of doc.warnings) ctx.diagnostics.push(yamlDiagnostic(positions, w, 'warning'));
  const roadmap = readRoadmap(ctx);
  if (roadmap) checkSemantics(ctx, roadmap);
  return roadmap ? { roadmap, diagnostics: ctx.diagnostics } : { diagnostics: ctx.diagnostics };
}

// The ids of a roadmap as symbols: where each metric, literature entry, candidate, reality check and step is
// defined, and every place that refers to one (based_on -> literature; a reality check's candidate and
// evaluation.baseline -> candidate; benefit.expected keys -> metric; an acknowledgement's target -> any id).
import { isScalar, type YAMLMap } from 'yaml';
import type { Range } from './model';
import { scalarText } from './scalar-text';
import { keyText, specAt, walkScalars, type PathSegment, type RoadmapSource } from './navigation';

export type SymbolKind = 'metric' | 'literature' | 'candidate' | 'realityCheck' | 'step';

/** Where an id is defined (the `id:` value of its list item). */
export interface IdDefinition {
  readonly kind: SymbolKind;
  readonly id: string;
  /** The id scalar, as offsets and as a range. */
  readonly start: number;
  readonly end: number;
  readonly range: Range;
  /** The whole list item the id names. */
  readonly itemRange: Range;
  readonly path: readonly PathSegment[];
  /** The item's scalar fields as written (title, status, takeaway ...). */
  readonly fields: Readonly<Record<string, string>>;
}

/** A place that names an id defined elsewhere; `any` for an acknowledgement's target, which may name any id. */
export interface IdReference {
  readonly kind: SymbolKind | 'any';
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly range: Range;
  readonly path: readonly PathSegment[];
  /** Whether the id is written as a key (benefit.expected) or as a value. */
  readonly on: 'key' | 'value';
}

/** Key patterns (navigation.specAt) whose value defines an id. */
export const DEFINITION_PATTERNS: Readonly<Record<string, SymbolKind>> = {
  'metrics[].id': 'metric',
  'literature[].id': 'literature',
  'candidates[].id': 'candidate',
  'reality_checks[].id': 'realityCheck',
  'discovery[].steps[].id': 'step',
  'production[].steps[].id': 'step',
};

/** Key patterns whose value (or, for maps, whose key) refers to an id. */
export const REFERENCE_PATTERNS: Readonly<Record<string, { readonly kind: SymbolKind | 'any'; readonly on: 'key' | 'value' }>> = {
  'candidates[].based_on[]': { kind: 'literature', on: 'value' },
  'reality_checks[].candidate': { kind: 'candidate', on: 'value' },
  'evaluation.baseline': { kind: 'candidate', on: 'value' },
  'candidates[].benefit.expected{}': { kind: 'metric', on: 'key' },
  'acknowledged[].target': { kind: 'any', on: 'value' },
};

export interface SymbolIndex {
  readonly definitions: readonly IdDefinition[];
  readonly references: readonly IdReference[];
  /** Definitions of an id (more than one only when the id is duplicated); kind `any` matches every kind. */
  definitionsOf(kind: SymbolKind | 'any', id: string): IdDefinition[];
  /** References that can name this definition. */
  referencesTo(kind: SymbolKind, id: string): IdReference[];
  /** The definition or reference whose id scalar holds the offset (ends included). */
  symbolAt(offset: number): { readonly definition?: IdDefinition; readonly reference?: IdReference } | undefined;
}

function scalarFields(map: YAMLMap): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const pair of map.items) {
    const value = pair.value;
    if (isScalar(value) && value.value !== null && value.value !== undefined) fields[keyText(pair.key)] = scalarText(value) ?? String(value.value);
  }
  return fields;
}

export function indexSymbols(source: RoadmapSource): SymbolIndex {
  const definitions: IdDefinition[] = [];
  const references: IdReference[] = [];
  const { positions } = source;
  walkScalars(source.doc.contents, (scalar, path, on, parent) => {
    if (!scalar.range || scalar.value === null || scalar.value === undefined) return;
    const id = scalarText(scalar) ?? String(scalar.value);
    if (!id) return;
    const [start, end] = scalar.range;
    const { pattern } = specAt(path);
    const defines = on === 'value' ? DEFINITION_PATTERNS[pattern] : undefined;
    if (defines && parent?.range) {
      definitions.push({
        kind: defines,
        id,
        start,
        end,
        range: positions.rangeOf(start, end),
        itemRange: positions.rangeOf(parent.range[0], parent.range[1]),
        path,
        fields: scalarFields(parent),
      });
    }
    const refers = REFERENCE_PATTERNS[pattern];
    if (refers && refers.on === on) references.push({ kind: refers.kind, id, start, end, range: positions.rangeOf(start, end), path, on });
  });
  const definitionsOf = (kind: SymbolKind | 'any', id: string) => definitions.filter((d) => d.id === id && (kind === 'any' || d.kind === kind));
  return {
    definitions,
    references,
    definitionsOf,
    referencesTo: (kind, id) => references.filter((r) => r.id === id && (r.kind === kind || r.kind === 'any')),
    symbolAt: (offset) => {
      const inside = (s: { start: number; end: number }) => s.start <= offset && offset <= s.end;
      const reference = references.find(inside);
      if (reference) return { reference };
      const definition = definitions.find(inside);
      return definition ? { definition } : undefined;
    },
  };
}

/** What the symbol at an offset names: its kind and id, whether it is a definition or a reference. */
export function targetAt(index: SymbolIndex, offset: number): { kind: SymbolKind | 'any'; id: string } | undefined {
  const at = index.symbolAt(offset);
  if (at?.definition) return { kind: at.definition.kind, id: at.definition.id };
  if (at?.reference) return { kind: at.reference.kind, id: at.reference.id };
  return undefined;
}

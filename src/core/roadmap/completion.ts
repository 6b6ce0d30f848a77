// Completion proposals on mlroadmap.yaml, as data: ids where a reference is expected, the allowed values of
// statuses, kinds, verdicts and the other closed sets, and the keys valid at that place (with snippets).
import type { FieldSpec } from './format';
import { definitionMarkdown, specMarkdown, symbolKindName, typeName } from './hover-text';
import { contextAt, specAt, type CursorContext, type PathSegment, type RoadmapSource } from './navigation';
import { indexSymbols, REFERENCE_PATTERNS, type IdDefinition, type SymbolIndex, type SymbolKind } from './symbols';

export interface CompletionProposal {
  readonly label: string;
  readonly kind: 'key' | 'enum' | 'boolean' | 'reference';
  /** For references: what the id names. */
  readonly symbol?: SymbolKind;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly insertText: string;
  /** insertText is a snippet (tab stops, choices; `\t` is one indentation step). */
  readonly snippet: boolean;
  readonly sortText: string;
  /** Offsets of the text the proposal replaces. */
  readonly start: number;
  readonly end: number;
}

const pad = (n: number) => String(n).padStart(3, '0');

function referenceProposals(
  definitions: readonly IdDefinition[],
  context: CursorContext,
  wrap: (id: string) => string,
): CompletionProposal[] {
  return definitions.map((d, i) => ({
    label: d.id,
    kind: 'reference',
    symbol: d.kind,
    detail: [d.fields.title, d.fields.status, d.kind === 'metric' ? d.fields.kind : undefined].filter(Boolean).join(' · ') || symbolKindName(d.kind),
    documentation: definitionMarkdown(d),
    insertText: wrap(d.id),
    snippet: false,
    sortText: pad(i),
    start: context.wordStart,
    end: context.wordEnd,
  }));
}

const samePrefix = (a: readonly PathSegment[], b: readonly PathSegment[], n: number) => a.slice(0, n).every((s, i) => b[i] === s);

/** Ids a reference at this place may name, with the ones that make no sense there left out. */
function referenceTargets(index: SymbolIndex, kind: SymbolKind | 'any', pattern: string, context: CursorContext): IdDefinition[] {
  const unique = (defs: IdDefinition[]) => defs.filter((d, i) => defs.findIndex((e) => e.kind === d.kind && e.id === d.id) === i);
  let targets = unique(kind === 'any' ? [...index.definitions] : index.definitions.filter((d) => d.kind === kind));
  if (pattern === 'evaluation.baseline') targets = targets.filter((d) => d.fields.baseline === 'true');
  if (pattern === 'candidates[].based_on[]' || pattern === 'candidates[].based_on') {
    // Literature the candidate already builds on is not offered again.
    const here = context.node?.start;
    const listed = index.references.filter((r) => r.kind === 'literature' && samePrefix(context.path, r.path, 3) && r.start !== here).map((r) => r.id);
    targets = targets.filter((d) => !listed.includes(d.id));
  }
  if (pattern === 'reality_checks[].candidate') targets.sort((a, b) => Number(a.fields.baseline === 'true') - Number(b.fields.baseline === 'true'));
  return targets;
}

function valueProposals(source: RoadmapSource, index: SymbolIndex, context: CursorContext): CompletionProposal[] {
  const { spec, pattern } = specAt(context.path);
  const reference = REFERENCE_PATTERNS[pattern];
  if (reference?.on === 'value') return referenceProposals(referenceTargets(index, reference.kind, pattern, context), context, (id) => id);
  if (pattern === 'candidates[].based_on' && !context.node) {
    // `based_on: |` with nothing yet: a flow list with one id.
    return referenceProposals(referenceTargets(index, 'literature', pattern, context), context, (id) => `[${id}]`);
  }
  if (!spec) return [];
  const values = spec.kind === 'string' && spec.enum ? spec.enum : spec.kind === 'boolean' ? ['true', 'false'] : [];
  return values.map((value, i) => ({
    label: value,
    kind: spec.kind === 'boolean' ? 'boolean' : 'enum',
    detail: pattern,
    documentation: specMarkdown(pattern, spec, value),
    insertText: value,
    snippet: false,
    sortText: pad(i),
    start: context.wordStart,
    end: context.wordEnd,
  }));
}

/** The snippet for a key and its value: a choice of allowed values, a nested block, a list ... */
export function keySnippet(name: string, spec: FieldSpec, flow: boolean): string {
  const choice = (values: readonly string[]) => `\${1|${values.join(',')}|}`;
  if (spec.kind === 'string' && spec.enum) return `${name}: ${choice(spec.enum)}`;
  if (spec.kind === 'boolean') return `${name}: ${choice(['true', 'false'])}`;
  if (spec.kind === 'array' && spec.items.kind !== 'object') return `${name}: [$0]`;
  if (flow) return spec.kind === 'object' || spec.kind === 'map' ? `${name}: { $0 }` : `${name}: $0`;
  if (spec.kind === 'object' || spec.kind === 'map') return `${name}:\n\t$0`;
  if (spec.kind === 'array' && spec.items.kind === 'object') {
    const first = Object.entries(spec.items.fields).find(([, f]) => f.required)?.[0] ?? Object.keys(spec.items.fields)[0];
    return `${name}:\n\t- ${first}: $0`;
  }
  return `${name}: $0`;
}

function keyProposals(source: RoadmapSource, index: SymbolIndex, context: CursorContext): CompletionProposal[] {
  const parentPath = context.path.slice(0, -1);
  const { spec: parent, pattern: parentPattern } = specAt(parentPath);
  // On a key already followed by its colon, only the name is replaced.
  const hasColon = /^[ \t]*:/.test(source.text.slice(context.wordEnd));
  const base = { start: context.wordStart, end: context.wordEnd };
  if (parent?.kind === 'map') {
    const reference = REFERENCE_PATTERNS[`${parentPattern}{}`];
    if (reference?.on !== 'key' || reference.kind === 'any') return [];
    const targets = index.definitions.filter((d) => d.kind === reference.kind && !context.existingKeys.includes(d.id));
    return referenceProposals(targets, context, (id) => (hasColon ? id : `${id}: `)).map((p) => ({ ...p, ...base }));
  }
  if (parent?.kind !== 'object') return [];
  return Object.entries(parent.fields)
    .filter(([name]) => !context.existingKeys.includes(name))
    .map(([name, spec], i) => ({
      label: name,
      kind: 'key' as const,
      detail: typeName(spec),
      documentation: specMarkdown(parentPattern ? `${parentPattern}.${name}` : name, spec),
      insertText: hasColon ? name : keySnippet(name, spec, context.flow),
      snippet: !hasColon,
      sortText: `${spec.required ? 0 : 1}${pad(i)}`,
      ...base,
    }));
}

/** Completion proposals at an offset; empty where nothing is known. Never throws. */
export function completionsAt(source: RoadmapSource, offset: number, index: SymbolIndex = indexSymbols(source)): CompletionProposal[] {
  const context = contextAt(source, offset);
  if (context.on === 'value') return valueProposals(source, index, context);
  if (context.on === 'key') return keyProposals(source, index, context);
  return [];
}

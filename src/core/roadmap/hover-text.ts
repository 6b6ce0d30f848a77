// Markdown for hovers and completion documentation on mlroadmap.yaml: what a key means (from format.ts) and
// what an id refers to (a literature entry's title and takeaway, a candidate's title and status ...).
import type { FieldSpec } from './format';
import { contextAt, specAt, type RoadmapSource } from './navigation';
import { indexSymbols, type IdDefinition, type SymbolIndex, type SymbolKind } from './symbols';

/** Escapes text from the file so that Markdown shows it as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}

const TYPE_NAMES: Readonly<Record<FieldSpec['kind'], string>> = {
  string: 'text',
  number: 'number',
  integer: 'whole number',
  boolean: 'true or false',
  object: 'mapping',
  array: 'list',
  map: 'mapping',
};

/** A short name of the value a spec expects, e.g. `text`, `list`, `one of idea, shortlisted ...`. */
export function typeName(spec: FieldSpec): string {
  if (spec.kind === 'string' && spec.enum) return `one of ${spec.enum.join(', ')}`;
  if (spec.kind === 'string' && spec.format === 'date') return 'date (YYYY-MM-DD)';
  if (spec.kind === 'string' && spec.format === 'path') return 'path';
  return TYPE_NAMES[spec.kind];
}

/** What a key means: its description, its type, its allowed values (the current one in bold) and its default. */
export function specMarkdown(pattern: string, spec: FieldSpec, current?: string): string {
  const lines = [`\`${pattern}\` — ${escapeMarkdown(typeName(spec))}${spec.required ? ' (required)' : ''}`, '', escapeMarkdown(spec.description)];
  if (spec.kind === 'string' && spec.enum) {
    lines.push('', `Values: ${spec.enum.map((v) => (v === current ? `**\`${v}\`**` : `\`${v}\``)).join(' · ')}`);
  }
  if (spec.kind === 'string' && spec.form) lines.push('', `Form: ${escapeMarkdown(spec.form)}`);
  if (spec.kind === 'array' && spec.items.kind === 'string' && spec.items.form) lines.push('', `Each item: ${escapeMarkdown(spec.items.form)}`);
  if (spec.kind === 'map') lines.push('', `Keys: ${escapeMarkdown(spec.keyDescription)}`);
  if ('default' in spec && spec.default !== undefined) lines.push('', `Default: \`${String(spec.default)}\``);
  if ('minimum' in spec && spec.minimum !== undefined) lines.push('', `Minimum: \`${spec.minimum}\``);
  return lines.join('\n');
}

export const SYMBOL_KIND_NAMES: Readonly<Record<SymbolKind, string>> = {
  metric: 'metric',
  literature: 'literature entry',
  candidate: 'candidate',
  realityCheck: 'reality check',
  step: 'step',
};

function link(url: string): string {
  return /^https?:\/\/[^\s<>]+$/.test(url) ? `<${url}>` : escapeMarkdown(url);
}

/** What an id names, in a few lines: title, status and the fields that matter for its kind. */
export function definitionMarkdown(definition: IdDefinition): string {
  const f = definition.fields;
  const facts: string[] = [];
  const add = (label: string, value: string | undefined) => {
    if (value !== undefined && value !== '') facts.push(`${label} \`${value.replace(/`/g, "'")}\``);
  };
  switch (definition.kind) {
    case 'metric':
      add('kind', f.kind);
      add('goal', f.goal);
      add('target', f.target);
      break;
    case 'candidate':
      if (f.baseline === 'true') facts.push('baseline');
      add('status', f.status);
      break;
    case 'realityCheck':
      add('kind', f.kind);
      add('candidate', f.candidate);
      add('verdict', f.verdict);
      add('date', f.date);
      break;
    case 'step':
      add('status', f.status);
      add('owner', f.owner);
      break;
    default:
      break;
  }
  const head = `**${escapeMarkdown(definition.id)}** — ${SYMBOL_KIND_NAMES[definition.kind]}${facts.length ? ' · ' + facts.join(' · ') : ''}`;
  const lines = [head];
  if (f.title) lines.push('', `*${escapeMarkdown(f.title)}*`);
  const text = f.takeaway ?? f.why ?? f.notes ?? f.novel_because;
  if (text) lines.push('', escapeMarkdown(text));
  if (f.measured_by) lines.push('', `Measured by: ${escapeMarkdown(f.measured_by)}`);
  if (f.url) lines.push('', link(f.url));
  return lines.join('\n');
}

export interface HoverText {
  readonly markdown: string;
  /** Offsets of what the hover is about. */
  readonly start: number;
  readonly end: number;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The hover at an offset: on an id, what it refers to (or, on a definition, how often it is used); on a key,
 * what it means; on a value with a fixed set of values, the key's meaning with the allowed values.
 */
export function hoverAt(source: RoadmapSource, offset: number, index: SymbolIndex = indexSymbols(source)): HoverText | undefined {
  const symbol = index.symbolAt(offset);
  if (symbol?.reference) {
    const { reference } = symbol;
    const targets = index.definitionsOf(reference.kind, reference.id);
    const markdown = targets.length
      ? targets.map(definitionMarkdown).join('\n\n---\n\n')
      : `No ${reference.kind === 'any' ? 'id' : SYMBOL_KIND_NAMES[reference.kind]} \`${reference.id.replace(/`/g, "'")}\` in this roadmap.`;
    return { markdown, start: reference.start, end: reference.end };
  }
  if (symbol?.definition) {
    const { definition } = symbol;
    const uses = index.referencesTo(definition.kind, definition.id).length;
    const markdown = `${definitionMarkdown(definition)}\n\n${plural(uses, 'reference', 'references')} in this roadmap.`;
    return { markdown, start: definition.start, end: definition.end };
  }
  const context = contextAt(source, offset);
  if (context.on === 'none' || !context.node) return undefined;
  const { spec, pattern } = specAt(context.path);
  if (!spec) return undefined;
  if (context.on === 'key') return { markdown: specMarkdown(pattern, spec), start: context.node.start, end: context.node.end };
  if ((spec.kind === 'string' && spec.enum) || spec.kind === 'boolean') {
    const current = source.text.slice(context.node.start, context.node.end).replace(/^["']|["']$/g, '');
    return { markdown: specMarkdown(pattern, spec, current), start: context.node.start, end: context.node.end };
  }
  return undefined;
}

// Markdown for hovers and completion documentation on mlroadmap.yaml: what a key means (from format.ts) and
// what an id refers to (a literature entry's title and takeaway, a candidate's title and status ...).
import * as l10n from '@vscode/l10n';
import type { FieldSpec } from './format';
import { contextAt, specAt, type RoadmapSource } from './navigation';
import { indexSymbols, type IdDefinition, type SymbolIndex, type SymbolKind } from './symbols';

/** Escapes text from the file so that Markdown shows it as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}

/** A short name of the value a spec expects, e.g. `text`, `list`, `one of idea, shortlisted ...`. */
export function typeName(spec: FieldSpec): string {
  switch (spec.kind) {
    case 'string':
      if (spec.enum) return l10n.t('one of {0}', spec.enum.join(', '));
      if (spec.format === 'date') return l10n.t('date (YYYY-MM-DD)');
      if (spec.format === 'path') return l10n.t('path');
      return l10n.t('text');
    case 'number':
      return l10n.t('number');
    case 'integer':
      return l10n.t('whole number');
    case 'boolean':
      return l10n.t('true or false');
    case 'array':
      return l10n.t('list');
    case 'object':
    case 'map':
      return l10n.t('mapping');
  }
}

/** What a key means: its description, its type, its allowed values (the current one in bold) and its default. */
export function specMarkdown(pattern: string, spec: FieldSpec, current?: string): string {
  const type = escapeMarkdown(typeName(spec));
  const lines = [`\`${pattern}\` — ${spec.required ? l10n.t('{0} (required)', type) : type}`, '', escapeMarkdown(spec.description)];
  if (spec.kind === 'string' && spec.enum) {
    lines.push('', l10n.t('Values: {0}', spec.enum.map((v) => (v === current ? `**\`${v}\`**` : `\`${v}\``)).join(' · ')));
  }
  if (spec.kind === 'string' && spec.form) lines.push('', l10n.t('Form: {0}', escapeMarkdown(spec.form)));
  if (spec.kind === 'array' && spec.items.kind === 'string' && spec.items.form) lines.push('', l10n.t('Each item: {0}', escapeMarkdown(spec.items.form)));
  if (spec.kind === 'map') lines.push('', l10n.t('Keys: {0}', escapeMarkdown(spec.keyDescription)));
  if ('default' in spec && spec.default !== undefined) lines.push('', l10n.t('Default: {0}', `\`${String(spec.default)}\``));
  if ('minimum' in spec && spec.minimum !== undefined) lines.push('', l10n.t('Minimum: {0}', `\`${spec.minimum}\``));
  return lines.join('\n');
}

/** What an id of a kind names, in words: "metric", "literature entry" ... */
export function symbolKindName(kind: SymbolKind): string {
  switch (kind) {
    case 'metric':
      return l10n.t('metric');
    case 'literature':
      return l10n.t('literature entry');
    case 'candidate':
      return l10n.t('candidate');
    case 'realityCheck':
      return l10n.t('reality check');
    case 'step':
      return l10n.t('step');
  }
}

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
  const head = `**${escapeMarkdown(definition.id)}** — ${symbolKindName(definition.kind)}${facts.length ? ' · ' + facts.join(' · ') : ''}`;
  const lines = [head];
  if (f.title) lines.push('', `*${escapeMarkdown(f.title)}*`);
  const text = f.takeaway ?? f.why ?? f.notes ?? f.novel_because;
  if (text) lines.push('', escapeMarkdown(text));
  if (f.measured_by) lines.push('', l10n.t('Measured by: {0}', escapeMarkdown(f.measured_by)));
  if (f.url) lines.push('', link(f.url));
  return lines.join('\n');
}

export interface HoverText {
  readonly markdown: string;
  /** Offsets of what the hover is about. */
  readonly start: number;
  readonly end: number;
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
    const shown = `\`${reference.id.replace(/`/g, "'")}\``;
    const markdown = targets.length
      ? targets.map(definitionMarkdown).join('\n\n---\n\n')
      : reference.kind === 'any'
        ? l10n.t('No id {0} in this roadmap.', shown)
        : l10n.t('No {0} {1} in this roadmap.', symbolKindName(reference.kind), shown);
    return { markdown, start: reference.start, end: reference.end };
  }
  if (symbol?.definition) {
    const { definition } = symbol;
    const uses = index.referencesTo(definition.kind, definition.id).length;
    const count = uses === 1 ? l10n.t('1 reference in this roadmap.') : l10n.t('{0} references in this roadmap.', uses);
    const markdown = `${definitionMarkdown(definition)}\n\n${count}`;
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

// The outline of a roadmap: its top-level sections, with metrics, literature, candidates, reality checks,
// Discovery stages and Production tracks (with their steps) as children, for an editor's document symbols.
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { Range } from './model';
import { keyText, type RoadmapSource } from './navigation';

export type OutlineKind = 'section' | 'project' | 'metric' | 'literature' | 'candidate' | 'realityCheck' | 'stage' | 'track' | 'step' | 'evaluation';

export interface OutlineNode {
  readonly name: string;
  readonly detail: string;
  readonly kind: OutlineKind;
  /** The whole node (key and value). */
  readonly range: Range;
  /** What to select when the node is picked: its key or its id. */
  readonly selectionRange: Range;
  readonly children: readonly OutlineNode[];
}

/** Per list section: the kind of its items, the key that names an item, and the fields shown as detail. */
const LISTS: Readonly<Record<string, { kind: OutlineKind; name: string; detail: readonly string[] }>> = {
  metrics: { kind: 'metric', name: 'id', detail: ['kind', 'goal', 'target'] },
  literature: { kind: 'literature', name: 'id', detail: ['title'] },
  candidates: { kind: 'candidate', name: 'id', detail: ['status', 'title'] },
  reality_checks: { kind: 'realityCheck', name: 'id', detail: ['verdict', 'candidate'] },
  discovery: { kind: 'stage', name: 'stage', detail: [] },
  production: { kind: 'track', name: 'track', detail: ['role'] },
};
const STEPS = { kind: 'step' as const, name: 'id', detail: ['status', 'owner'] };

function scalarOf(map: YAMLMap, key: string): Node | undefined {
  const pair = map.items.find((p) => keyText(p.key) === key);
  return isScalar(pair?.value) && pair.value.value !== null && pair.value.value !== undefined ? pair.value : undefined;
}

function textOf(map: YAMLMap, key: string): string | undefined {
  const node = scalarOf(map, key);
  return isScalar(node) ? String(node.value) : undefined;
}

function itemNodes(source: RoadmapSource, list: unknown, spec: { kind: OutlineKind; name: string; detail: readonly string[] }): OutlineNode[] {
  if (!isSeq(list)) return [];
  const { positions } = source;
  const nodes: OutlineNode[] = [];
  for (const item of list.items) {
    if (!isMap(item) || !item.range) continue;
    const named = scalarOf(item, spec.name);
    const name = textOf(item, spec.name);
    if (!name) continue;
    const detail = spec.detail
      .map((k) => textOf(item, k))
      .filter((t) => t !== undefined)
      .join(' · ');
    const steps = item.items.find((p) => keyText(p.key) === 'steps')?.value;
    const range = positions.rangeOf(item.range[0], item.range[1]);
    nodes.push({
      name,
      detail,
      kind: spec.kind,
      range,
      selectionRange: named?.range ? positions.rangeOf(named.range[0], named.range[1]) : range,
      children: spec.kind === 'stage' || spec.kind === 'track' ? itemNodes(source, steps, STEPS) : [],
    });
  }
  return nodes;
}

function sectionKind(key: string): OutlineKind {
  if (key === 'project') return 'project';
  if (key === 'evaluation') return 'evaluation';
  return 'section';
}

/** The outline of the source; empty when it is not a mapping. Never throws. */
export function outlineOf(source: RoadmapSource): OutlineNode[] {
  const root = source.doc.contents;
  if (!isMap(root)) return [];
  const { positions } = source;
  const nodes: OutlineNode[] = [];
  for (const pair of root.items) {
    const key = pair.key as Node | null;
    if (!key?.range) continue;
    const name = keyText(key);
    const value = pair.value as Node | null;
    const end = value?.range ? Math.max(value.range[1], key.range[1]) : key.range[1];
    const list = LISTS[name];
    const children = list ? itemNodes(source, value, list) : [];
    let detail = '';
    if (list) detail = String(children.length);
    else if (isScalar(value) && value.value !== null) detail = String(value.value);
    else if (isMap(value) && name === 'project') detail = [textOf(value, 'name'), textOf(value, 'phase')].filter((t) => t !== undefined).join(' · ');
    nodes.push({
      name,
      detail,
      kind: sectionKind(name),
      range: positions.rangeOf(key.range[0], end),
      selectionRange: positions.rangeOf(key.range[0], key.range[1]),
      children,
    });
  }
  return nodes;
}

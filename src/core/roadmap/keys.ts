// The ranges of the top-level keys of a roadmap, read from its YAML tree: a key written in a comment, inside a block
// scalar or in a nested mapping is no key of the document, and a quoted or flow-style key is one.
import { isMap, isScalar } from 'yaml';
import type { Range } from './model';
import { keyText, type RoadmapSource } from './navigation';

/** Range of each scalar key of the document's top-level mapping, first occurrence only; empty when it is no mapping. */
export function topLevelKeyRanges(source: RoadmapSource): ReadonlyMap<string, Range> {
  const keys = new Map<string, Range>();
  const root = source.doc.contents;
  if (!isMap(root)) return keys;
  for (const pair of root.items) {
    const key = pair.key;
    if (!isScalar(key) || !key.range) continue;
    const name = keyText(key);
    if (!keys.has(name)) keys.set(name, source.positions.rangeOf(key.range[0], key.range[1]));
  }
  return keys;
}

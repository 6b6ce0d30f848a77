// The text of a YAML scalar as the roadmap reads it: strings as they are, numbers and booleans as written in the
// file (`id: 007` is "007", not "7"), so that every reader of the tree names an id the same way.
import { isScalar } from 'yaml';

/** The text of a plain scalar (string, number or boolean) as written, or undefined for any other node. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') {
    return typeof node.source === 'string' && node.source !== '' ? node.source : String(v);
  }
  return undefined;
}

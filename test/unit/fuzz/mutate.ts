// Text mutations shared by the fuzz suites: cuts, splices, byte flips, duplicated lines (duplicated keys), deep
// nesting, huge numbers and wrong types, applied in sequence to a seed text. Deterministic given the generated values.
import fc from 'fast-check';

/** Every fuzz property runs with this seed, so that a failure in CI reproduces locally. */
export const FUZZ_SEED = 20261207;

export type Mutation =
  | { readonly kind: 'cut'; readonly a: number; readonly b: number }
  | { readonly kind: 'splice'; readonly a: number; readonly b: number; readonly at: number }
  | { readonly kind: 'flip'; readonly at: number; readonly bit: number }
  | { readonly kind: 'insert'; readonly at: number; readonly token: string }
  | { readonly kind: 'duplicateLine'; readonly line: number; readonly to: number }
  | { readonly kind: 'nest'; readonly at: number; readonly depth: number; readonly style: 'flow' | 'block' | 'json' }
  | { readonly kind: 'number'; readonly which: number; readonly value: string }
  | { readonly kind: 'retype'; readonly which: number; readonly value: string }
  | { readonly kind: 'truncate'; readonly at: number };

/** Tokens that upset YAML, JSON, CSV and Markdown readers. */
const TOKENS = [
  ' ', '\t', '\n', '\r', '\r\n', ':', ': ', '- ', '[', ']', '{', '}', ',', '#', '&a ', '*a', '!!str ', '|', '>', '"', "'", '%', '@', '`',
  '?', '~', '\\', '\u0000', '\ufeff', '\u2028', '\u00e9', '\u{1F600}', '\ud800', '---\n', '```\n', '## ', '# ', '* ', '<!-- ', ' -->',
  '${candidate}', '../', '/abs', 'null', 'NaN', 'Infinity', '-', 'e', '.', '0x1F', '1e309', '=', ';', '\u202e',
];
const HUGE = ['1e309', '-1e309', '99999999999999999999999999999', '-0', 'NaN', '.nan', '.inf', '-.inf', 'Infinity', '4.9e-324', '0x7fffffff', '1_000', '00012', '1e-400', '12345678901234567890123456789012345678901234567890'];
const WRONG = ['[]', '{}', 'null', '~', 'true', 'false', '"text"', "'x'", '[1, 2, [3]]', '{a: 1}', '{"a": {"b": []}}', '""', '-', '!!binary AAAA', '&x 1', '*x', '|\n  block'];

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('splice' as const), a: fc.nat(), b: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(15) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
  fc.record({ kind: fc.constant('duplicateLine' as const), line: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 300 }), style: fc.constantFrom('flow' as const, 'block' as const, 'json' as const) }),
  fc.record({ kind: fc.constant('number' as const), which: fc.nat(), value: fc.oneof(fc.constantFrom(...HUGE), fc.double().map(String), fc.bigInt().map(String)) }),
  fc.record({ kind: fc.constant('retype' as const), which: fc.nat(), value: fc.constantFrom(...WRONG) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

export const mutations: fc.Arbitrary<readonly Mutation[]> = fc.array(mutation, { minLength: 1, maxLength: 5 });

function nesting(depth: number, style: 'flow' | 'block' | 'json'): string {
  if (style === 'flow') return '['.repeat(depth) + '1' + ']'.repeat(depth);
  if (style === 'json') return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  return Array.from({ length: Math.min(depth, 120) }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n') + ' 1\n';
}

/** The n-th match of `re` in `text` (modulo the count), replaced by `value`; the text unchanged when none match. */
function replaceNth(text: string, re: RegExp, n: number, value: string): string {
  const matches = [...text.matchAll(re)];
  if (matches.length === 0) return text;
  const m = matches[n % matches.length];
  const at = (m.index ?? 0) + (m[1] !== undefined ? m[0].indexOf(m[1]) : 0);
  const len = m[1] !== undefined ? m[1].length : m[0].length;
  return text.slice(0, at) + value + text.slice(at + len);
}

export function applyMutation(text: string, m: Mutation): string {
  const n = text.length;
  const pos = (x: number): number => (n === 0 ? 0 : x % (n + 1));
  switch (m.kind) {
    case 'cut': {
      const [a, b] = [pos(m.a), pos(m.b)].sort((x, y) => x - y);
      return text.slice(0, a) + text.slice(b);
    }
    case 'splice': {
      const [a, b] = [pos(m.a), pos(m.b)].sort((x, y) => x - y);
      const at = pos(m.at);
      return text.slice(0, at) + text.slice(a, Math.min(b, a + 400)) + text.slice(at);
    }
    case 'flip': {
      if (n === 0) return text;
      const at = m.at % n;
      return text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ (1 << m.bit)) + text.slice(at + 1);
    }
    case 'insert': {
      const at = pos(m.at);
      return text.slice(0, at) + m.token + text.slice(at);
    }
    case 'duplicateLine': {
      const lines = text.split('\n');
      const line = lines[m.line % lines.length];
      lines.splice(m.to % (lines.length + 1), 0, line);
      return lines.join('\n');
    }
    case 'nest': {
      const at = pos(m.at);
      return text.slice(0, at) + nesting(m.depth, m.style) + text.slice(at);
    }
    case 'number':
      return replaceNth(text, /-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi, m.which, m.value);
    case 'retype':
      return replaceNth(text, /:\s*([^\s,{}[\]\n][^,{}[\]\n]*)/g, m.which, m.value);
    case 'truncate':
      return text.slice(0, pos(m.at));
  }
}

export function mutate(text: string, ms: readonly Mutation[]): string {
  return ms.reduce(applyMutation, text);
}

/** A seed chosen by index and mutated. */
export function mutatedFrom(seeds: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.nat(seeds.length - 1), mutations).map(([i, ms]) => mutate(seeds[i], ms));
}

/** Heap use after a collection when `--expose-gc` is on; otherwise as it is (the bounds are generous for that). */
export function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  return process.memoryUsage().heapUsed;
}

/** Heap growth allowed over a fuzz batch: retained garbage is at most this, leaks of per-case data grow past it. */
export const HEAP_GROWTH_BOUND = 200 * 1024 * 1024;

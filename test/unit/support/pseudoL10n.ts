// Pseudo-translation for tests: every string the sources hand to l10n (the same extraction as `npm run l10n`) is
// "translated" to itself between ⟦ and ⟧, so a test can run core code and find any user-facing text that did not go
// through l10n (it has no ⟦ at its start). The bundle is reset to English after each use.
import * as l10n from '@vscode/l10n';

export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

type Entry = import('../../../scripts/l10n.mjs', { with: { 'resolution-mode': 'import' } }).L10nEntry;
let extracted: Promise<Record<string, Entry>> | undefined;

/** The strings the sources call for (extracted once per test run: a few seconds). */
export function sourceBundle(): Promise<Record<string, Entry>> {
  extracted ??= import('../../../scripts/l10n.mjs').then((m) => m.extractBundle());
  return extracted;
}

/** The pseudo-translation of every extracted string. */
export async function pseudoBundle(): Promise<Record<string, Entry>> {
  const source = await sourceBundle();
  return Object.fromEntries(
    Object.entries(source).map(([key, v]) => [key, typeof v === 'string' ? `${PSEUDO_OPEN}${v}${PSEUDO_CLOSE}` : { ...v, message: `${PSEUDO_OPEN}${v.message}${PSEUDO_CLOSE}` }]),
  );
}

/** Runs `fn` with the pseudo-translation in place, then back to English. */
export async function withPseudoL10n<T>(fn: () => T | Promise<T>): Promise<T> {
  l10n.config({ contents: await pseudoBundle() });
  try {
    return await fn();
  } finally {
    l10n.config({ contents: {} });
  }
}

/** The texts that were not translated as a whole (they do not begin with the pseudo mark). */
export function untranslated(texts: Iterable<string | undefined>): string[] {
  return [...texts].filter((t): t is string => t !== undefined && t !== '' && !t.startsWith(PSEUDO_OPEN));
}

/** The text outside every translated span (`⟦…⟧`, nested ones included). */
export function outside(text: string): string {
  let t = text;
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  return t;
}

/** The words of the strings and numbers in a value (its keys left out), outside translated spans. */
export function dataWords(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string' || typeof value === 'number') for (const w of outside(String(value)).match(/[A-Za-z]{2,}/g) ?? []) into.add(w);
  else if (Array.isArray(value)) for (const v of value) dataWords(v, into);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) dataWords(v, into);
  return into;
}

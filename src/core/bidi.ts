// Strings from the roadmap, the results and the decision records may hold right-to-left text and bidirectional
// controls (U+202E RIGHT-TO-LEFT OVERRIDE and the like). Put into a message as they are, such a control reorders the
// text after it. `isolateBidi` wraps a string that holds any in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, so
// that its direction ends with it (UAX #9, rule X6a); stray isolate closers inside it are dropped so they cannot
// close the wrapper early. Strings without right-to-left text or controls are returned unchanged.

const BIDI_SENSITIVE = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFE\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\uD802\uD803\uD83A\uD83B]/;

const FSI = '\u2068';
const PDI = '\u2069';

/** True when `text` holds right-to-left characters or bidirectional controls. */
export function hasBidi(text: string): boolean {
  return BIDI_SENSITIVE.test(text);
}

/** `text` as an isolated run when it holds right-to-left characters or bidirectional controls; else `text`. */
export function isolateBidi(text: string): string {
  if (!hasBidi(text)) return text;
  let open = 0;
  let out = '';
  for (const c of text) {
    if (c === '\u2066' || c === '\u2067' || c === '\u2068') open++;
    else if (c === PDI) {
      if (open === 0) continue;
      open--;
    }
    out += c;
  }
  return `${FSI}${out}${PDI}`;
}

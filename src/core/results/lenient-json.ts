// JSON as Python writes it: `json.dumps` emits NaN, Infinity and -Infinity, which JSON.parse rejects.

/** Bare NaN / Infinity / -Infinity in value position (after `:`, `[` or `,`, before `,`, `}` or `]`). */
const NON_FINITE = /([:[,]\s*)(-?Infinity|NaN)(?=\s*[,}\]])/g;

export type JsonParse = { ok: true; value: unknown } | { ok: false; message: string; position?: number };

/** Parse JSON; on failure retry with Python's non-finite literals read as NaN/Infinity numbers. */
export function parseJsonLenient(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    if (text.includes('NaN') || text.includes('Infinity')) {
      try {
        const value: unknown = JSON.parse(text.replace(NON_FINITE, '$1"\\u0000$2"'), (_k, v: unknown) =>
          typeof v === 'string' && v.charCodeAt(0) === 0 ? nonFinite(v.slice(1)) : v,
        );
        return { ok: true, value };
      } catch {
        // fall through to the original message
      }
    }
    const message = e instanceof Error ? e.message : String(e);
    const m = /position (\d+)/.exec(message);
    return m ? { ok: false, message, position: Number(m[1]) } : { ok: false, message };
  }
}

function nonFinite(token: string): number {
  if (token === 'NaN') return NaN;
  return token.startsWith('-') ? -Infinity : Infinity;
}

/** 1-based line number of a character offset. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

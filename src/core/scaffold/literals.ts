// How a variable's value is written into a file: as a Python literal, as plain text, or shell-quoted.

/**
 * A Python literal for a value: numbers and booleans as Python writes them, strings as a
 * double-quoted literal with every character that could end or corrupt the literal escaped
 * (quotes, backslashes, control characters, line and paragraph separators, lone surrogates).
 * Other printable Unicode is kept as is: Python 3 source files are UTF-8.
 */
export function pythonLiteral(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'float("nan")';
    if (!Number.isFinite(value)) return value > 0 ? 'float("inf")' : '-float("inf")';
    return String(value);
  }
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const ch = value[i];
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) out += '\\x' + hex(code, 2);
    else if (code === 0x2028 || code === 0x2029 || code === 0xfeff) out += '\\u' + hex(code, 4);
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += value.slice(i, i + 2); // a well-formed pair: one astral character, kept as is
        i++;
      } else out += '\\u' + hex(code, 4);
    } else if (code >= 0xdc00 && code <= 0xdfff) out += '\\u' + hex(code, 4);
    else out += ch;
  }
  return out + '"';
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}

/** A POSIX shell word for a value: unchanged when it is safe, else single-quoted. */
export function shellQuote(value: string | number | boolean): string {
  const text = String(value);
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(text)) return text;
  return "'" + text.replace(/'/g, `'"'"'`) + "'";
}

// One way to write a metric value or a difference for people, wherever one is shown: the views, the CodeLens and the
// hover, the comparison report, the Testing view, diagnostics and the CLI's human output. Machine output (`--json`)
// keeps full precision and does not come here.

/** Significant digits a value is written with. */
export const SIGNIFICANT_DIGITS = 4;

/** Below this magnitude (and from `LARGE` up) a value is written in exponent form. */
const TINY = 1e-6;
const LARGE = 1e15;
/** From this magnitude up a value keeps its whole integer part: `12346`, not `1.235e+4`. */
const WHOLE = 10 ** SIGNIFICANT_DIGITS;

/** `1.500e+20` → `1.5e+20`. */
function exponent(n: number): string {
  const [mantissa, power] = n.toExponential(SIGNIFICANT_DIGITS - 1).split('e');
  return `${mantissa.replace(/\.?0+$/, '')}e${power}`;
}

/**
 * A value with 4 significant digits and no trailing zeros: `0.9123`, `0.0004`, `12.35`, `12346` (the integer part
 * is kept whole), integers as they are, `1.5e-7` and `1.5e+20` at the extremes, `NaN`, `Infinity`; `—` for no value.
 * A value that is not zero never prints as `0`.
 */
export function formatNumber(n: number | undefined): string {
  if (n === undefined) return '—';
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (abs < TINY || abs >= LARGE) return exponent(n);
  if (Number.isInteger(n)) return String(n);
  if (abs >= WHOLE) return String(Math.round(n));
  return String(Number(n.toPrecision(SIGNIFICANT_DIGITS)));
}

/**
 * A signed difference: always with its sign, `+0.0077`, `−1.2` (a minus sign, not a hyphen), and `±0` only when it
 * is exactly zero; a difference that is not zero never prints as `0`.
 */
export function formatSigned(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  return (n > 0 ? '+' : n < 0 ? '−' : '±') + formatNumber(Math.abs(n));
}

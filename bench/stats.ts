// The statistics every bench file reports with.

/** The median (the mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Rounded to `digits` decimals, for the table. */
export const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

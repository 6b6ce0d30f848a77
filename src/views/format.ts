// Short texts for tree item labels, descriptions and tooltips.
import type { Cost, Benefit } from '../core/roadmap/model';
import { formatSignedWith } from '../core/results/comparisonReport';

/** A number as people read it in a sidebar: at most 4 significant digits, no trailing zeros. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 1 : abs >= 1 ? 3 : Math.min(6, 3 - Math.floor(Math.log10(abs)));
  return String(Number(n.toFixed(digits)));
}

/** A signed difference, as the sidebar writes numbers: `+0.008`, `−1.2`, `±0`. */
export function formatDelta(n: number): string {
  return formatSignedWith(n, formatNumber);
}

/** `2 d, 1 h compute, low risk` */
export function formatCost(cost: Cost | undefined): string | undefined {
  if (!cost) return undefined;
  const parts: string[] = [];
  if (cost.effort_days !== undefined) parts.push(`${formatNumber(cost.effort_days)} d`);
  if (cost.compute_hours !== undefined) parts.push(`${formatNumber(cost.compute_hours)} h compute`);
  if (cost.risk) parts.push(`${cost.risk} risk`);
  return parts.length ? parts.join(', ') : undefined;
}

/** `accuracy 0.99 (medium confidence)` */
export function formatBenefit(benefit: Benefit | undefined): string | undefined {
  if (!benefit) return undefined;
  const expected = Object.entries(benefit.expected ?? {}).map(([metric, value]) => `${metric} ${formatNumber(value)}`);
  const confidence = benefit.confidence ? `${benefit.confidence} confidence` : undefined;
  if (!expected.length) return confidence;
  return confidence ? `${expected.join(', ')} (${confidence})` : expected.join(', ');
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Escapes text for a Markdown tooltip. */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

export function joinDefined(parts: readonly (string | undefined | false)[], separator = ' · '): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join(separator);
}

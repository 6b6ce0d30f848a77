// Short texts for tree item labels, descriptions and tooltips.
import type { Cost, Benefit } from '../core/roadmap/model';
import { formatNumber } from '../core/results/numbers';

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

// Record numbers and file names: the sequence continues, names are `NNNN-kebab-title.md`.
import type { DecisionRecord } from './model';
import { padNumber } from './model';

const MAX_SLUG = 60;

export function nextNumber(records: readonly Pick<DecisionRecord, 'number'>[]): number {
  return records.reduce((max, r) => Math.max(max, r.number), 0) + 1;
}

/** ASCII-folded, lower-case, dash-separated, at most 60 characters, cut at a dash. */
export function kebab(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase();
  let slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG) {
    const cut = slug.slice(0, MAX_SLUG + 1);
    const dash = cut.lastIndexOf('-');
    slug = (dash > MAX_SLUG / 2 ? cut.slice(0, dash) : slug.slice(0, MAX_SLUG)).replace(/-+$/, '');
  }
  return slug === '' ? 'decision' : slug;
}

/**
 * `NNNN-kebab-title.md`; with `date` (YYYY-MM-DD), `YYYYMMDD-kebab-title.md` for folders that name records by
 * date (log4brains), where the number is the position in date order.
 */
export function recordFileName(number: number, title: string, date?: string): string {
  const prefix = date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date.replace(/-/g, '') : padNumber(number);
  return `${prefix}-${kebab(title)}.md`;
}

// Validation of what a user types into the palette flows (ids, URLs, numbers, dates), pure so the
// CLI and tests share it. Each validator returns a message when the text is not acceptable.
import * as l10n from '@vscode/l10n';

/** Ids of roadmap items: lower-case letters, digits, `_` and `-`, starting with a letter or digit. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

/** A new id: well-formed and not already used by another item of the same list. */
export function validateNewId(text: string, existing: Iterable<string>): string | undefined {
  const id = text.trim();
  if (id.length === 0) return l10n.t('Enter an id.');
  if (!ID_PATTERN.test(id)) return l10n.t('Use lower-case letters, digits, "_" and "-", starting with a letter or digit (e.g. small-cnn).');
  for (const other of existing) if (other === id) return l10n.t('"{0}" is already used: pick another id.', id);
  return undefined;
}

/** A non-empty line of text; `what` is what to enter, in words (e.g. "a title"). */
export function validateRequired(text: string, what: string): string | undefined {
  return text.trim().length === 0 ? l10n.t('Enter {0}.', what) : undefined;
}

/** An http(s) URL, or nothing when `optional`. */
export function validateUrl(text: string, optional = true): string | undefined {
  const value = text.trim();
  if (value.length === 0) return optional ? undefined : l10n.t('Enter a URL.');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return l10n.t('Enter a full URL such as https://arxiv.org/abs/1512.03385.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return l10n.t('Only http and https links are accepted.');
  if (!url.hostname) return l10n.t('The URL needs a host name.');
  return undefined;
}

/** A finite number (e.g. a metric target), optionally at least `minimum`; empty is accepted when `optional`. */
export function validateNumber(text: string, options: { optional?: boolean; minimum?: number } = {}): string | undefined {
  const value = text.trim();
  if (value.length === 0) return options.optional ? undefined : l10n.t('Enter a number.');
  const n = Number(value);
  if (!Number.isFinite(n)) return l10n.t('"{0}" is not a number.', value);
  if (options.minimum !== undefined && n < options.minimum) return l10n.t('Enter a number of at least {0}.', options.minimum);
  return undefined;
}

/** The number typed, or undefined for an empty text. Call after `validateNumber`. */
export function parseNumber(text: string): number | undefined {
  const value = text.trim();
  return value.length === 0 ? undefined : Number(value);
}

/** A calendar date written YYYY-MM-DD. */
export function validateDate(text: string): string | undefined {
  const value = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return l10n.t('Enter a date as YYYY-MM-DD.');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return l10n.t('{0} is not a calendar date.', value);
  return undefined;
}

/** Today's date as YYYY-MM-DD in local time. */
export function today(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

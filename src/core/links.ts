// The one rule for links taken from the data (literature URLs): only http(s), and nothing that can disguise what is
// opened. Used by the Compare view model (which entries are drawn as links), the webview contract (which openLink
// messages the host accepts) and the Open Link command (the last check before VS Code's own confirmation).

/** Bidirectional controls (LRM, RLM, ALM, the embeddings, overrides and isolates): they make a URL read as another. */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Whitespace, control and format characters, which no link needs written as is (they are percent-encoded in URLs). */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const HIDDEN = /[\s\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200D\u2060\uFEFF]/;

/** The longest link accepted. */
export const MAX_LINK_LENGTH = 2_000;

/** Why `url` is not a link ML Roadmap opens, or undefined when it is one. */
export function linkProblem(url: string): string | undefined {
  if (url.length > MAX_LINK_LENGTH) return `longer than ${MAX_LINK_LENGTH} characters`;
  if (!/^https?:\/\/[^/?#]/i.test(url)) return 'only http and https links are opened';
  if (BIDI_CONTROLS.test(url)) return 'it holds bidirectional control characters';
  if (HIDDEN.test(url)) return 'it holds whitespace or invisible characters';
  return undefined;
}

/** True when `url` is an http(s) link without bidirectional controls, whitespace or invisible characters. */
export function isFollowableLink(url: string): boolean {
  return linkProblem(url) === undefined;
}

/** Characters a message quoting a link writes as <U+XXXX>: controls, bidirectional and invisible format characters. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNSHOWN = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

/** `text` shortened, with its control, bidirectional and invisible characters written as <U+XXXX>, to quote in a message. */
export function quotable(text: string, max = 200): string {
  const short = text.length > max ? `${text.slice(0, max)}…` : text;
  return short.replace(UNSHOWN, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

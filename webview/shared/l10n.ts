// The webview's translations: the host writes the bundle VS Code loaded for the display language into the page
// (see src/panels/html.ts; none in English). Imported first by every app, before any module that translates, so
// that `l10n.t` (here and in the core modules the apps share) reads it from the start.
import * as l10n from '@vscode/l10n';
import { L10N_BUNDLE_ID } from '../../src/core/html';

const data = document.getElementById(L10N_BUNDLE_ID)?.textContent;
if (data) {
  try {
    l10n.config({ contents: data });
  } catch {
    // A page without a readable bundle speaks English.
  }
}

/**
 * A translated sentence with elements in its placeholders: `message` is the sentence's `l10n.t` called with no
 * arguments (so its `{0}`, `{1}`… are still in it, wherever the translation put them), `parts` what goes in each. A
 * data string goes in as `bidi(text)`, so it stays isolated from the text around it; a string part is text. Strings
 * next to each other are joined into one text node; a placeholder the translation repeats gets a copy of its element.
 */
export function withNodes(message: string, ...parts: readonly (Node | string)[]): (Node | string)[] {
  const out: (Node | string)[] = [];
  const used = new Set<Node>();
  message.split(/\{(\d+)\}/).forEach((piece, i) => {
    let part: Node | string = i % 2 === 0 ? piece : (parts[Number(piece)] ?? `{${piece}}`);
    if (typeof part !== 'string') {
      if (used.has(part)) part = part.cloneNode(true);
      else used.add(part);
    }
    const last = out[out.length - 1];
    if (typeof part === 'string' && typeof last === 'string') out[out.length - 1] = last + part;
    else if (part !== '') out.push(part);
  });
  return out;
}

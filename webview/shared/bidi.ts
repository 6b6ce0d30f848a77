// Every string from the roadmap, the results and the decision records is shown isolated from the UI text around it,
// so that a right-to-left control inside it (U+202E and the like) cannot reorder that text: in the page as a <bdi>
// element (isolated by the element, whatever the string holds), in plain-text places (option labels, tooltips, canvas
// labels) between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE.
import { isolateBidi } from '../../src/core/bidi';

/** A data string as an isolated run of text: `<bdi>` with it as text, never as HTML. */
export function bidi(text: string, className?: string): HTMLElement {
  const node = document.createElement('bdi');
  if (className) node.className = className;
  node.textContent = text;
  return node;
}

/** A data string for a place that takes plain text only, isolated when it holds right-to-left text or controls. */
export const isolate = isolateBidi;

import { ELEMENT_NODE, TEXT_NODE, type DomNode } from './dom.js';
import { normalizeParagraph } from './normalize-text.js';

/** Elements that start a new paragraph; everything else (links, emphasis, spans) flows inline. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TFOOT', 'TR', 'UL',
]);
/** Never text a reader sees. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA']);

/**
 * The paragraphs of extracted article HTML, as a reader sees them: text of inline elements
 * joined in place, a new paragraph at every block boundary (nested blocks included, so a
 * `<li>` holding two `<p>`s gives two paragraphs), a `<br>` read as a space. Whitespace is
 * normalised inside each paragraph and nothing else changes, so every quote stays verbatim.
 *
 * @example collectParagraphs(parseHtmlDocument('<p>A <b>b</b>.</p><p>C.</p>').documentElement) // ['A b.', 'C.']
 */
export function collectParagraphs(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let buffer = '';
  const flush = (): void => {
    const text = normalizeParagraph(buffer);
    if (text !== '') paragraphs.push(text);
    buffer = '';
  };
  const visit = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      buffer += node.textContent ?? '';
      return;
    }
    // Elements Readability creates keep the case they were created with.
    const name = node.nodeName.toUpperCase();
    if (node.nodeType !== ELEMENT_NODE || SKIPPED.has(name)) return;
    if (name === 'BR') {
      buffer += ' ';
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) visit(child);
    if (block) flush();
  };
  visit(root);
  flush();
  return paragraphs;
}

import { createHash } from 'node:crypto';

/**
 * Characters that are invisible in a page yet split words for search ("nego\u00ADtiations"):
 * soft hyphen, zero-width space/joiners, word joiner, BOM — and control characters, which no
 * article means to contain.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** Half of a surrogate pair without the other half: not encodable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * One paragraph's text as stored: invisible characters removed, every run of whitespace
 * (newlines, tabs, no-break spaces) made one space, trimmed. Nothing else changes, so quotes
 * stay verbatim.
 *
 * @example normalizeParagraph('  Hello,\n\u00A0world ') // 'Hello, world'
 */
export function normalizeParagraph(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * sha256 of a body's text with all whitespace collapsed, so the same article stored with other
 * line breaks (or typed in by hand) is recognised as a duplicate.
 *
 * @example bodyHash('A\n\nB') === bodyHash('A B') // true
 */
export function bodyHash(body: string): string {
  return createHash('sha256').update(normalizeParagraph(body.normalize('NFC'))).digest('hex');
}

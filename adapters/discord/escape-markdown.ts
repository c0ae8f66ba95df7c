/**
 * Characters Discord's markdown gives a meaning to, anywhere in a line: emphasis (* _ ~),
 * code (`), spoilers (|), block quotes and headings (> #), lists and subtext (-), masked links
 * ([ ] ( )), mentions, channels, emoji and timestamps (< @ :), and the escape character itself.
 * Discord renders "\X" as X for any ASCII punctuation X, so escaping more than needed is
 * harmless, and escaping every one of these makes the round trip exact.
 */
const SPECIAL = /[\\*_~`|<>#\-[\]()@:]/;
/** Every pair `escapeChar` can produce, including "\." (see there). */
const UNESCAPE = /\\([\\*_~`|<>#\-[\]().@:])/g;

/**
 * The escaped form of one character, given the character before it. "1." starts an ordered
 * list, so a dot after a digit is escaped too; other dots are left alone to keep text readable.
 */
export function escapeChar(char: string, previous: string | undefined): string {
  if (char === '.' && previous !== undefined && previous >= '0' && previous <= '9') return '\\.';
  return SPECIAL.test(char) ? `\\${char}` : char;
}

/**
 * Makes user or document text show literally in Discord: no bold, links, mentions, emoji or
 * headings. Lossless: `unescapeMarkdown(escapeMarkdown(s)) === s`.
 *
 * @example escapeMarkdown('**hi** @everyone') // '\\*\\*hi\\*\\* \\@everyone'
 */
export function escapeMarkdown(text: string): string {
  let out = '';
  let previous: string | undefined;
  for (const char of text) {
    out += escapeChar(char, previous);
    previous = char;
  }
  return out;
}

/** Inverse of `escapeMarkdown` (tests read rendered text back with it). */
export function unescapeMarkdown(text: string): string {
  return text.replace(UNESCAPE, '$1');
}

/**
 * Escapes `text` and cuts it to at most `maxLength` characters, ending with "…" when cut. Never
 * splits an escape pair or a surrogate pair.
 *
 * @example escapeWithin('a*b*c', 4) // 'a\\*…'
 */
export function escapeWithin(text: string, maxLength: number): string {
  const full = escapeMarkdown(text);
  if (full.length <= maxLength) return full;
  let out = '';
  let previous: string | undefined;
  for (const char of text) {
    const piece = escapeChar(char, previous);
    if (out.length + piece.length > maxLength - 1) break;
    out += piece;
    previous = char;
  }
  return `${out}…`;
}

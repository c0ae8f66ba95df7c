import { escapeChar } from './escape-markdown.js';

interface Range {
  start: number;
  end: number;
}

/**
 * Renders a verbatim quote for Discord: the highlighted words in bold, everything else escaped
 * so it shows literally, at most `maxLength` characters (cut with "…", never inside an escape
 * or a bold pair). Highlights may be unsorted, overlapping or out of range; words separated only
 * by spaces are bolded together ("**Steve Witkoff**"), and bold never spans a line break
 * (Discord would not render it). `newline` replaces line breaks, e.g. "\n> " inside a block quote.
 *
 * @example formatQuote('Crimea is Russian', [{ start: 0, end: 6 }], 100) // '**Crimea** is Russian'
 */
export function formatQuote(quote: string, highlights: readonly Range[], maxLength: number, options: { newline?: string } = {}): string {
  const newline = options.newline ?? '\n';
  let out = '';
  let previous: string | undefined;
  for (const segment of segments(quote, normalize(quote, highlights))) {
    const marker = segment.bold ? '**' : '';
    let body = '';
    let cut = false;
    for (const char of segment.text) {
      const piece = char === '\n' ? newline : escapeChar(char, previous);
      // Room for this piece, the closing marker and a possible "…".
      if (out.length + marker.length * 2 + body.length + piece.length + 1 > maxLength) {
        cut = true;
        break;
      }
      body += piece;
      previous = char;
    }
    if (body !== '') out += `${marker}${body}${marker}`;
    if (cut) return `${out}…`;
  }
  return out;
}

/** Sorted, merged ranges inside the quote, trimmed of whitespace, split at line breaks, on code-point boundaries. */
function normalize(quote: string, highlights: readonly Range[]): Range[] {
  const clamp = (n: number): number => {
    const i = Math.max(0, Math.min(quote.length, Math.trunc(Number.isFinite(n) ? n : 0)));
    // Never start or end between the two halves of a surrogate pair.
    return i > 0 && i < quote.length && isLowSurrogate(quote.charCodeAt(i)) ? i - 1 : i;
  };
  const ranges = highlights
    .map((h) => ({ start: clamp(h.start), end: clamp(h.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    // Overlapping, touching, or apart only by spaces: one bold run.
    if (last && /^ *$/.test(quote.slice(last.end, r.start))) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged.flatMap((r) => splitLines(quote, r)).flatMap((r) => trim(quote, r));
}

function splitLines(quote: string, range: Range): Range[] {
  const parts: Range[] = [];
  let start = range.start;
  for (let i = range.start; i < range.end; i++) {
    if (quote[i] === '\n' || quote[i] === '\r') {
      parts.push({ start, end: i });
      start = i + 1;
    }
  }
  parts.push({ start, end: range.end });
  return parts;
}

/** "** word**" does not render as bold in Discord: bold text must not start or end with whitespace. */
function trim(quote: string, range: Range): Range[] {
  let { start, end } = range;
  while (start < end && /\s/.test(quote[start] ?? '')) start++;
  while (end > start && /\s/.test(quote[end - 1] ?? '')) end--;
  return end > start ? [{ start, end }] : [];
}

function* segments(quote: string, ranges: readonly Range[]): Generator<{ text: string; bold: boolean }> {
  let at = 0;
  for (const r of ranges) {
    if (r.start < at) continue;
    if (r.start > at) yield { text: quote.slice(at, r.start), bold: false };
    yield { text: quote.slice(r.start, r.end), bold: true };
    at = r.end;
  }
  if (at < quote.length) yield { text: quote.slice(at), bold: false };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

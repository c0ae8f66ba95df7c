import { unescapeMarkdown } from '../../../adapters/discord/escape-markdown.js';

/** Removes the bold markers the formatter added (an escaped "\*" is text, not a marker). */
export function stripBold(rendered: string): string {
  let out = '';
  for (let i = 0; i < rendered.length; i++) {
    if (rendered[i] === '\\') {
      out += rendered.slice(i, i + 2);
      i++;
    } else if (rendered.startsWith('**', i)) i++;
    else out += rendered[i] ?? '';
  }
  return out;
}

/**
 * The text of the first block quote in a description, as a reader sees it: bold markers removed,
 * escapes undone, and a trailing "…" (the mark of a cut quote) dropped.
 */
export function readBlockQuote(description: string): { text: string; cut: boolean } {
  const lines = description.split('\n');
  const start = lines.findIndex((l) => l.startsWith('> '));
  if (start < 0) return { text: '', cut: false };
  const block: string[] = [];
  for (const line of lines.slice(start)) {
    if (!line.startsWith('> ')) break;
    block.push(line.slice(2));
  }
  const rendered = block.join('\n');
  // "…" is never escaped, so a trailing one may be the cut mark or the quote's own: callers treat
  // a cut text as a prefix only.
  const cut = rendered.endsWith('…');
  return { text: unescapeMarkdown(stripBold(cut ? rendered.slice(0, -1) : rendered)), cut };
}

/** The words shown in bold (unescaped). */
export function boldWords(rendered: string): string[] {
  const words: string[] = [];
  let current: string | undefined;
  for (let i = 0; i < rendered.length; i++) {
    if (rendered[i] === '\\') {
      if (current !== undefined) current += rendered.slice(i, i + 2);
      i++;
    } else if (rendered.startsWith('**', i)) {
      if (current === undefined) current = '';
      else {
        words.push(unescapeMarkdown(current));
        current = undefined;
      }
      i++;
    } else if (current !== undefined) current += rendered[i] ?? '';
  }
  return words;
}

import type { Citation, DocumentRef } from '../../src/answer/result.js';
import { escapeWithin } from './escape-markdown.js';

/** A source line is never longer than this (its parts are cut to fit), so callers can budget for it. */
export const SOURCE_LINE_MAX = 600;
const URL_MAX = 256;

/**
 * The source line under a quote: title, publisher, date, paragraph, and a link when the document
 * has one; "also in N more documents" when others carry the claim, unless `others: false` (the
 * answer names them on a line of its own).
 *
 * @example formatSource(citation) // '*Putin reportedly approves…* · paragraph 3'
 */
export function formatSource(citation: Pick<Citation, 'document' | 'location' | 'sources'>, options: { others?: boolean } = {}): string {
  const others = options.others === false ? 0 : citation.sources.length - 1;
  return [
    ...documentParts(citation.document),
    `paragraph ${citation.location.paragraph}`,
    ...(others > 0 ? [`also in ${others} more document${others === 1 ? '' : 's'}`] : []),
    ...linkPart(citation.document.url),
  ].join(' · ');
}

/** Title (italic), publisher and date, each escaped and cut to its share of the line. */
export function documentParts(document: DocumentRef): string[] {
  return [
    `*${escapeWithin(document.title, 120)}*`,
    ...(document.publisher ? [escapeWithin(document.publisher, 80)] : []),
    ...(document.published ? [escapeWithin(document.published, 40)] : []),
  ];
}

/** A masked link, only for a well-formed http(s) URL short enough to budget for. */
export function linkPart(raw: string | undefined): string[] {
  const url = safeUrl(raw);
  return url ? [`[link](${url})`] : [];
}

function safeUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    // Parentheses and spaces would end the masked link early.
    const href = url.href.replace(/[()\s]/g, (c) => encodeURIComponent(c).replace('(', '%28').replace(')', '%29'));
    return href.length <= URL_MAX ? href : undefined;
  } catch {
    return undefined;
  }
}

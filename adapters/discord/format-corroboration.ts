import { claimLabel } from '../../src/answer/claim-label.js';
import type { Citation, DocumentRef, Location } from '../../src/answer/result.js';
import { escapeWithin } from './escape-markdown.js';
import { formatQuote } from './format-quote.js';
import { linkPart } from './format-source.js';

// Who else says it, and who denies it: the "Reported by N sources" line, the "⚠️ Disputed"
// fields and the other documents' own wordings. Every piece has a fixed maximum length (below),
// so the callers can prove their messages fit.

/** Longest `briefSource`: *title (≤ 120)* · paragraph N (≤ 17) · [link](≤ 256). */
export const BRIEF_SOURCE_MAX = 122 + 3 + 17 + 3 + 8 + 256;
/** Longest `sourcesLine`. */
export const SOURCES_LINE_MAX = 300;
/** Longest `disputeLine`. */
export const DISPUTE_LINE_MAX = 120;
/** Longest field name and value of `disputeFields` and `wordingFields` (proved in their comments). */
export const DETAIL_FIELD_MAX = { name: 16 + 100 + 25, value: 1000 } as const;

const LABEL_MAX = 150;
const COUNTER_QUOTE_MAX = 360;
const WORDING_QUOTE_MAX = 380;

type Source = Citation['sources'][number];

/**
 * A document as readers name it: its publisher, else its title in italics, with its date.
 * At most `nameMax + 25` characters.
 *
 * @example sourceLabel({ id: 'a', title: 'Truce', publisher: 'Alpha Wire', published: '2025-08-18' }, 60) // 'Alpha Wire (2025-08-18)'
 */
export function sourceLabel(document: DocumentRef, nameMax: number): string {
  const publisher = oneLine(document.publisher ?? '');
  const name = publisher !== '' ? escapeWithin(publisher, nameMax) : `*${escapeWithin(oneLine(document.title) || 'untitled', nameMax - 2)}*`;
  const date = shortDate(document.published);
  return date === undefined ? name : `${name} (${date})`;
}

/** "2025-08-18T10:00:00Z" → "2025-08-18"; anything else escaped, at most 20 characters. */
export function shortDate(published: string | undefined): string | undefined {
  if (published === undefined || published.trim() === '') return undefined;
  const iso = /^\d{4}-\d{2}-\d{2}(?=$|[T ])/.exec(published.trim());
  return iso ? iso[0] : escapeWithin(oneLine(published), 20);
}

/**
 * "Reported by 3 sources: Beta Times (2025-08-19), Alpha Wire (2025-08-18), *Truce* (2025-08-20)",
 * in the engine's order (the cited document first); undefined for a single source. At most
 * SOURCES_LINE_MAX characters: names that do not fit become ", and N more".
 */
export function sourcesLine(citation: Pick<Citation, 'sources'>): string | undefined {
  if (citation.sources.length < 2) return undefined;
  return joinWithin(
    `Reported by ${citation.sources.length} sources: `,
    citation.sources.map((s) => sourceLabel(s.document, 60)),
    SOURCES_LINE_MAX,
  );
}

/** "⚠️ Disputed by Gamma News (2025-08-20)": the compact form under a secondary citation; undefined when none disputes it. */
export function disputeLine(citation: Pick<Citation, 'counterClaims'>): string | undefined {
  if (citation.counterClaims.length === 0) return undefined;
  return joinWithin(
    '⚠️ Disputed by ',
    citation.counterClaims.map((c) => sourceLabel(c.document, 40)),
    DISPUTE_LINE_MAX,
  );
}

/**
 * One "⚠️ Disputed — Gamma News (2025-08-20)" field per counter-claim (at most `limit`): the
 * denying passage verbatim, who says it, and where. The last field says how many more there are.
 * Name ≤ 14 + 125; value ≤ 3 + 360 + 1 + 5 + 150 + 2 + 1 + BRIEF_SOURCE_MAX (409) + 46 = 977.
 */
export function disputeFields(citation: Pick<Citation, 'counterClaims'>, limit: number): { name: string; value: string }[] {
  const shown = citation.counterClaims.slice(0, limit);
  const more = citation.counterClaims.length - shown.length;
  return shown.map((counter, i) => ({
    name: `⚠️ Disputed — ${sourceLabel(counter.document, 100)}`,
    value: [
      `> “${formatQuote(counter.quote, [], COUNTER_QUOTE_MAX, { newline: '\n> ' })}”`,
      `— **${escapeWithin(claimLabel(counter.claim), LABEL_MAX)}**`,
      briefSource(counter.document, counter.location),
      ...(i === shown.length - 1 && more > 0 ? [`_…and ${more} more document${more === 1 ? '' : 's'} dispute it._`] : []),
    ].join('\n'),
  }));
}

/**
 * "Also reported — Alpha Wire (2025-08-18)": the other documents that state the claim in their
 * own words (sources with a `quote`), at most `limit`, the wording verbatim.
 * Name ≤ 16 + 125; value ≤ 2 + 380 + 1 + BRIEF_SOURCE_MAX (409) + 49 = 841.
 */
export function wordingFields(citation: Pick<Citation, 'sources'>, limit: number): { name: string; value: string }[] {
  const worded = citation.sources.filter((s): s is Source & { quote: string } => s.quote !== undefined);
  const shown = worded.slice(0, limit);
  const more = worded.length - shown.length;
  return shown.map((source, i) => ({
    name: `Also reported — ${sourceLabel(source.document, 100)}`,
    value: [
      `> ${formatQuote(source.quote, [], WORDING_QUOTE_MAX, { newline: '\n> ' })}`,
      briefSource(source.document, source.location),
      ...(i === shown.length - 1 && more > 0 ? [`_…and ${more} more document${more === 1 ? '' : 's'} in other words._`] : []),
    ].join('\n'),
  }));
}

/** Where a passage sits, briefly (the field name already gives publisher and date): at most BRIEF_SOURCE_MAX. */
export function briefSource(document: DocumentRef, location: Pick<Location, 'paragraph'>): string {
  return [`*${escapeWithin(oneLine(document.title) || 'untitled', 120)}*`, `paragraph ${location.paragraph}`, ...linkPart(document.url)].join(' · ');
}

/**
 * `prefix` and as many `parts` as fit in `maxLength`, joined with ", ", then ", and N more".
 * Callers choose budgets in which the prefix, the first part and the "more" note always fit.
 */
function joinWithin(prefix: string, parts: readonly string[], maxLength: number): string {
  let out = prefix;
  for (const [i, part] of parts.entries()) {
    const rest = parts.length - i - 1;
    const piece = `${i === 0 ? '' : ', '}${part}`;
    const reserve = rest > 0 ? `, and ${rest} more`.length : 0;
    if (out.length + piece.length + reserve > maxLength) return `${out}${i === 0 ? '' : ', '}and ${parts.length - i} more`;
    out += piece;
  }
  return out;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

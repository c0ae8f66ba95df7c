import type { DomDocument } from './dom.js';
import { readArticleLd } from './json-ld.js';

/** What the page's head says about the article, before any clean-up. Every field optional. */
export interface PageMetadata {
  title?: string;
  publisher?: string;
  author?: string;
  published?: string;
  /** As written in the page (maybe relative); resolved and checked by the caller. */
  canonical?: string;
  language?: string;
}

/**
 * Reads title, publisher, author, publication date, canonical URL and language from meta tags
 * and JSON-LD, in the order newsrooms fill them most reliably. Call it before Readability,
 * which removes `<script>` elements (and with them the JSON-LD) from the document.
 *
 * @example readMetadata(parseHtmlDocument(html)).publisher // 'The Meridian'
 */
export function readMetadata(document: DomDocument): PageMetadata {
  const ld = readArticleLd(document);
  const meta = (selector: string): string | undefined => nonEmpty(document.querySelector(selector)?.getAttribute('content'));
  // `article:author` and sometimes `author` hold a profile URL, which is no one's name.
  const personName = (value: string | undefined): string | undefined => (value === undefined || /^https?:\/\//i.test(value) ? undefined : value);
  const publisher = meta('meta[property="og:site_name"]') ?? nonEmpty(ld?.publisher);
  const fields: Record<keyof PageMetadata, string | undefined> = {
    // og:title and JSON-LD's headline are the headline alone; <title> usually adds " | Site".
    title: meta('meta[property="og:title"]') ?? nonEmpty(ld?.headline) ?? withoutSiteName(nonEmpty(document.title), publisher),
    publisher,
    author: personName(meta('meta[name="author"]')) ?? nonEmpty(ld?.authors.join(', ')) ?? personName(meta('meta[property="article:author"]')),
    published: meta('meta[property="article:published_time"]') ?? nonEmpty(ld?.datePublished) ?? meta('meta[itemprop="datePublished"]'),
    canonical: nonEmpty(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? meta('meta[property="og:url"]') ?? nonEmpty(ld?.url),
    language: nonEmpty(document.documentElement?.getAttribute('lang')) ?? meta('meta[http-equiv="content-language"]'),
  };
  const result: PageMetadata = {};
  for (const [key, value] of Object.entries(fields) as [keyof PageMetadata, string | undefined][]) if (value !== undefined) result[key] = value;
  return result;
}

/** "Deal agreed - The Meridian" → "Deal agreed", when the suffix is the publisher's name. */
function withoutSiteName(title: string | undefined, publisher: string | undefined): string | undefined {
  if (title === undefined || publisher === undefined) return title;
  const suffix = ` ${publisher}`.toLowerCase();
  const lower = title.toLowerCase();
  if (!lower.endsWith(suffix)) return title;
  const stripped = title.slice(0, -suffix.length).replace(/\s*[|\-–—:·•]\s*$/, '');
  // Only a separator before the name makes it a suffix ("News of the World" keeps "World").
  return stripped !== title.slice(0, -suffix.length) && stripped.trim() !== '' ? stripped.trim() : title;
}

function nonEmpty(value: string | null | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

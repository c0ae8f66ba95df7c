import { Readability } from '@mozilla/readability';
import type { Article } from './article.js';
import { cleanUrl } from './clean-url.js';
import { collectParagraphs } from './collect-paragraphs.js';
import { parseHtmlDocument, type DomNode } from './dom.js';
import { readMetadata } from './read-metadata.js';

/**
 * Extracts the article from an HTML page with Readability (which drops navigation, ads,
 * related links and footers), plus the metadata of the page's head. `pageUrl` is where the
 * page came from, if anywhere: it resolves a relative canonical link and is the `url` when the
 * page names none. Paragraphs may be empty; the caller decides what is too little.
 *
 * @example extractHtml(html, 'https://news.example/amp/deal').url // the page's canonical URL
 */
export function extractHtml(html: string, pageUrl?: string): Article {
  const document = parseHtmlDocument(html);
  const meta = readMetadata(document);
  // Serialise to the DOM node itself: walking it keeps paragraph boundaries that the
  // flattened `textContent` loses.
  const parsed = new Readability<DomNode>(document, { serializer: (node: DomNode) => node }).parse();
  const paragraphs = dropRepeats(parsed?.content ? collectParagraphs(parsed.content) : []);
  const url = (meta.canonical !== undefined ? cleanUrl(meta.canonical, pageUrl) : undefined) ?? (pageUrl !== undefined ? cleanUrl(pageUrl) : undefined);
  const title = meta.title ?? text(parsed?.title);
  const publisher = meta.publisher ?? text(parsed?.siteName);
  const author = meta.author ?? text(parsed?.byline);
  const published = meta.published ?? text(parsed?.publishedTime);
  const language = meta.language ?? text(parsed?.lang);
  return {
    paragraphs,
    ...(title !== undefined && { title }),
    ...(publisher !== undefined && { publisher }),
    ...(author !== undefined && { author }),
    ...(published !== undefined && { published }),
    ...(url !== undefined && { url }),
    ...(language !== undefined && { language }),
  };
}

/**
 * Drops a paragraph that repeats an earlier one, or a part of one: pull quotes ("This is not
 * peace…" set large beside the story) and repeated standfirsts. Kept, they would be indexed
 * twice and cited as if the page said it twice. Short lines ("Yes.") may legitimately recur,
 * so only repeats of 25 letters and digits or more go.
 */
export function dropRepeats(paragraphs: readonly string[]): string[] {
  // Compared by letters and digits only: a pull quote often ends in "." where the story has ",".
  const bare = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const kept: string[] = [];
  const seen: string[] = [];
  for (const paragraph of paragraphs) {
    const key = bare(paragraph);
    if (key.length >= 25 && seen.some((earlier) => earlier.includes(key))) continue;
    kept.push(paragraph);
    seen.push(key);
  }
  return kept;
}

function text(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

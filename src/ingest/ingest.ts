import { join } from 'node:path';
import type { Article } from './article.js';
import { buildFrontMatter } from './build-front-matter.js';
import { extractHtml } from './extract-html.js';
import { extractText } from './extract-text.js';
import { fail, type IngestFailure } from './ingest-failure.js';
import { DEFAULT_INGEST_LIMITS, type IngestLimits } from './ingest-options.js';
import type { KnownDocuments } from './known-documents.js';
import { normalizeParagraph } from './normalize-text.js';
import { readSource, type Source } from './read-source.js';
import { renderDocument } from './render-document.js';
import { slugify, uniqueSlug } from './slugify.js';
import { writeNewFile } from './write-document.js';

export interface IngestOptions {
  /** The target folder's documents; updated when a document is written. */
  known: KnownDocuments;
  /** Use this title instead of the page's (or the text file's first line). */
  title?: string;
  /** Overrides of {@link DEFAULT_INGEST_LIMITS} (tests use a short timeout). */
  limits?: Partial<IngestLimits>;
  /** The clock, for the notes' date. */
  now?: () => Date;
}

/** What was written, for the operator to check. */
export interface Ingested {
  ok: true;
  /** Absolute path of the new file. */
  path: string;
  /** File name inside the knowledge folder, e.g. `putin-approves-deal.md`. */
  file: string;
  title: string;
  publisher?: string;
  author?: string;
  published?: string;
  url?: string;
  paragraphs: number;
}

/**
 * Adds one article to the knowledge folder: reads the URL or file, extracts the text and its
 * metadata, refuses a duplicate (same URL or same text as any document), and writes
 * `<slug>.md` under a free name. Expected failures return a value and write nothing; only bugs
 * and an unusable folder throw.
 *
 * @example
 * const known = KnownDocuments.read('knowledge');
 * const result = await ingest('https://news.example/deal', { known });
 * console.log(result.ok ? `wrote ${result.path}` : result.message);
 */
export async function ingest(input: string, options: IngestOptions): Promise<Ingested | IngestFailure> {
  const limits = { ...DEFAULT_INGEST_LIMITS, ...options.limits };
  const { known } = options;
  if (/^https?:/i.test(input)) {
    const earlier = known.withUrl([input]);
    if (earlier !== undefined) return fail('duplicate', `${input} is already in the knowledge folder as ${earlier.file}; not fetched again.`);
  }
  const source = await readSource(input, limits);
  if (!source.ok) return source;
  const extracted = extract(source, options.title);
  const checked = check(extracted, source, limits);
  if (!checked.ok) return checked;
  const article = checked.article;
  const body = article.paragraphs.join('\n\n');
  const urls = [article.url, source.fetchedUrl].filter((u): u is string => u !== undefined);
  const sameUrl = known.withUrl(urls);
  if (sameUrl !== undefined) return fail('duplicate', `${source.origin} is already in the knowledge folder as ${sameUrl.file} (same URL ${sameUrl.url}); nothing written.`);
  const sameText = known.withText(body);
  if (sameText !== undefined) return fail('duplicate', `${source.origin} has the same text as ${sameText}; nothing written.`);

  const frontMatter = buildFrontMatter(article, source.origin, (options.now ?? (() => new Date()))());
  const file = write(known, slugify(frontMatter.title), (name) => renderDocument(name, frontMatter, article.paragraphs));
  known.add({ file, id: file.replace(/\.md$/, ''), body, ...(frontMatter.url !== undefined && { url: frontMatter.url }) });
  return {
    ok: true,
    path: join(known.dir, file),
    file,
    title: frontMatter.title,
    paragraphs: article.paragraphs.length,
    ...(frontMatter.publisher !== undefined && { publisher: frontMatter.publisher }),
    ...(frontMatter.author !== undefined && { author: frontMatter.author }),
    ...(frontMatter.published !== undefined && { published: frontMatter.published }),
    ...(frontMatter.url !== undefined && { url: frontMatter.url }),
  };
}

function extract(source: Source, title: string | undefined): Article {
  const given = title === undefined ? undefined : normalizeParagraph(title);
  const textOptions = { ...(given !== undefined && { title: given }), ...(source.fetchedUrl !== undefined && { url: source.fetchedUrl }) };
  const article = source.kind === 'html' ? extractHtml(source.text, source.fetchedUrl) : extractText(source.text, textOptions);
  return given !== undefined && given !== '' ? { ...article, title: given } : article;
}

function check(article: Article, source: Source, limits: IngestLimits): { ok: true; article: Article & { title: string } } | IngestFailure {
  const chars = article.paragraphs.reduce((n, p) => n + p.length, 0);
  // Only pages get the minimum: a short text file is what the operator chose to write.
  if (chars === 0 || (source.kind === 'html' && chars < limits.minHtmlChars)) {
    return fail('empty', `${source.origin}: empty extraction (${chars} characters of article text${source.kind === 'html' ? `, fewer than ${limits.minHtmlChars}` : ''}). A paywall, cookie wall or script-only page? Save the article's text as a .txt file and ingest that.`);
  }
  const { title } = article;
  if (title === undefined || title.trim() === '') return fail('no_title', `${source.origin} has no title. Give one with --title "…".`);
  return { ok: true, article: { ...article, title } };
}

/** Tries `slug`, `slug-2`, … until a name is free, also against files created meanwhile. */
function write(known: KnownDocuments, slug: string, render: (file: string) => string): string {
  const taken = new Set(known.taken);
  for (;;) {
    const stem = uniqueSlug(slug, taken);
    const file = `${stem}.md`;
    if (writeNewFile(known.dir, stem, render(file))) return file;
    taken.add(stem);
  }
}

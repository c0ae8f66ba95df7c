import { FrontMatterSchema, type FrontMatter } from '../knowledge/schemas.js';
import type { Article } from './article.js';
import { normalizeDate } from './normalize-date.js';
import { normalizeParagraph } from './normalize-text.js';

/** Longest title or name kept; page titles beyond this are SEO stuffing, not headlines. */
const MAX_FIELD = 300;

/**
 * The front-matter for an article with a title: each field trimmed to one line, the date made
 * ISO (or dropped), the language tag tidied (or dropped), and a note saying where and when the
 * text came from. Fields the schema would reject are left out rather than failing the article.
 *
 * @example buildFrontMatter({ title: 'Deal', paragraphs: ['…'] }, 'https://news.example/deal', new Date())
 * // { title: 'Deal', notes: 'Ingested by "dealdesk ingest" from https://news.example/deal on 2025-08-18.' }
 */
export function buildFrontMatter(article: Article & { title: string }, origin: string, now: Date): FrontMatter {
  const candidate: Record<string, string | undefined> = {
    title: field(article.title),
    publisher: field(article.publisher),
    author: field(article.author),
    url: article.url,
    published: normalizeDate(article.published),
    language: languageTag(article.language),
    notes: `Ingested by "dealdesk ingest" from ${normalizeParagraph(origin)} on ${now.toISOString().slice(0, 10)}.`,
  };
  const shape = FrontMatterSchema.shape;
  const frontMatter: Record<string, string> = {};
  for (const [key, value] of Object.entries(candidate)) {
    if (value === undefined) continue;
    const schema = shape[key as keyof typeof shape];
    if (key === 'title' || schema.safeParse(value).success) frontMatter[key] = value;
  }
  return FrontMatterSchema.parse(frontMatter);
}

function field(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = normalizeParagraph(value);
  if (text === '') return undefined;
  return text.length <= MAX_FIELD ? text : `${text.slice(0, MAX_FIELD - 1).trimEnd()}…`;
}

/** `EN_us` → `en-us`; the schema then accepts or rejects it. */
function languageTag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const [primary = '', ...rest] = value.trim().replace(/_/g, '-').split('-');
  return [primary.toLowerCase(), ...rest].join('-');
}

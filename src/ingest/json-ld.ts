import { z } from 'zod';
import type { DomDocument } from './dom.js';

/** A name, or an object carrying one (`{"@type": "Person", "name": "…"}`), or a list of either. */
const NamedSchema = z.union([z.string(), z.looseObject({ name: z.string() })]);
const NamesSchema = z.union([NamedSchema, z.array(z.unknown())]);

/**
 * The JSON-LD fields ingest reads. Loose: real pages carry dozens of other properties, and a
 * field of an unexpected shape is ignored rather than failing the page.
 */
const ArticleLdSchema = z.looseObject({
  '@type': z.union([z.string(), z.array(z.string())]).optional().catch(undefined),
  headline: z.string().optional().catch(undefined),
  name: z.string().optional().catch(undefined),
  datePublished: z.string().optional().catch(undefined),
  author: NamesSchema.optional().catch(undefined),
  publisher: NamesSchema.optional().catch(undefined),
  url: z.string().optional().catch(undefined),
  mainEntityOfPage: z.union([z.string(), z.looseObject({ '@id': z.string() })]).optional().catch(undefined),
});

export interface ArticleLd {
  headline?: string;
  datePublished?: string;
  authors: string[];
  publisher?: string;
  url?: string;
}

const ARTICLE_TYPES = /^(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|WebPage)$/;

/**
 * The article described by a page's `<script type="application/ld+json">` blocks: the first
 * object typed as an article (looking inside arrays and `@graph`), else the first with a
 * `datePublished`. Blocks that are not valid JSON are skipped — pages often ship broken ones.
 *
 * @example readArticleLd(document)?.datePublished // '2025-08-18T09:30:00+02:00'
 */
export function readArticleLd(document: DomDocument): ArticleLd | undefined {
  const candidates: z.infer<typeof ArticleLdSchema>[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    collect(data, candidates, 0);
  }
  const isArticle = (c: (typeof candidates)[number]): boolean => [c['@type'] ?? []].flat().some((t) => ARTICLE_TYPES.test(t));
  const best = candidates.find(isArticle) ?? candidates.find((c) => c.datePublished !== undefined);
  if (best === undefined) return undefined;
  const mainEntity = typeof best.mainEntityOfPage === 'string' ? best.mainEntityOfPage : best.mainEntityOfPage?.['@id'];
  const publisher = names(best.publisher)[0];
  const headline = best.headline ?? best.name;
  const url = best.url ?? mainEntity;
  return {
    authors: names(best.author),
    ...(headline !== undefined && { headline }),
    ...(best.datePublished !== undefined && { datePublished: best.datePublished }),
    ...(publisher !== undefined && { publisher }),
    ...(url !== undefined && { url }),
  };
}

function collect(data: unknown, out: z.infer<typeof ArticleLdSchema>[], depth: number): void {
  // Bounded: JSON-LD nests, but an article is never deep; this also stops pathological input.
  if (depth > 4) return;
  if (Array.isArray(data)) {
    for (const item of data) collect(item, out, depth + 1);
    return;
  }
  const parsed = ArticleLdSchema.safeParse(data);
  if (!parsed.success) return;
  out.push(parsed.data);
  const graph = (data as { '@graph'?: unknown })['@graph'];
  if (graph !== undefined) collect(graph, out, depth + 1);
}

function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.flatMap((item) => {
    const parsed = NamedSchema.safeParse(item);
    if (!parsed.success) return [];
    const name = (typeof parsed.data === 'string' ? parsed.data : parsed.data.name).trim();
    return name === '' ? [] : [name];
  });
}

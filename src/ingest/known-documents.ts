import { readdirSync } from 'node:fs';
import { inspectKnowledge } from '../knowledge/load-knowledge.js';
import { urlKey } from './clean-url.js';
import { bodyHash } from './normalize-text.js';

/**
 * What a knowledge folder already holds, for refusing duplicates and picking a free name. It is
 * read once per run and updated after each write, so two inputs of one run that are the same
 * article are caught too.
 */
export class KnownDocuments {
  private readonly urls = new Map<string, string>();
  private readonly hashes = new Map<string, string>();
  private readonly names = new Set<string>();

  private constructor(readonly dir: string) {}

  /**
   * Reads every valid document of `dir` (invalid ones are `dealdesk check`'s business, but their
   * file names still count as taken). Throws a DealdeskError when the folder does not exist.
   *
   * @example const known = KnownDocuments.read('knowledge'); known.withUrl(['https://news.example/deal'])?.file // 'deal.md' or undefined
   */
  static read(dir: string): KnownDocuments {
    const { knowledge } = inspectKnowledge(dir);
    const known = new KnownDocuments(knowledge.dir);
    for (const file of readdirSync(knowledge.dir)) known.names.add(file.replace(/\.md$/i, '').toLowerCase());
    for (const document of knowledge.documents) {
      known.add({ file: document.file, id: document.id, body: document.body, ...(document.url !== undefined && { url: document.url }) });
    }
    return known;
  }

  /** File-name stems and document ids in use, lower-cased: a new file must differ from all. */
  get taken(): ReadonlySet<string> {
    return this.names;
  }

  /**
   * The file already holding any of these URLs (compared by {@link urlKey}), and the URL that
   * matched, if any.
   *
   * @example known.withUrl(['http://www.news.example/deal/']) // { file: 'deal.md', url: 'http://www.news.example/deal/' }
   */
  withUrl(urls: readonly string[]): { file: string; url: string } | undefined {
    for (const url of urls) {
      const file = this.urls.get(urlKey(url) ?? url);
      if (file !== undefined) return { file, url };
    }
    return undefined;
  }

  /**
   * The file already holding this text (compared by {@link bodyHash}), if any.
   *
   * @example known.withText('Same words,\nother line breaks.') // 'deal.md'
   */
  withText(body: string): string | undefined {
    return this.hashes.get(bodyHash(body));
  }

  /**
   * Records a document (after writing it), so later inputs of the run see it.
   *
   * @example known.add({ file: 'deal.md', id: 'deal', body: 'Text.', url: 'https://news.example/deal' })
   */
  add(document: { file: string; id: string; body: string; url?: string }): void {
    if (document.url !== undefined) this.urls.set(urlKey(document.url) ?? document.url, document.file);
    this.hashes.set(bodyHash(document.body), document.file);
    this.names.add(document.file.replace(/\.md$/i, '').toLowerCase());
    this.names.add(document.id.toLowerCase());
  }
}

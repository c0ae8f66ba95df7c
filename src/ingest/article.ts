/** An extracted article, before it becomes a knowledge document. Text is as extracted. */
export interface Article {
  title?: string;
  publisher?: string;
  author?: string;
  /** As found in the page; normalised (or dropped) when the front-matter is built. */
  published?: string;
  /** Absolute http(s) URL: canonical, else where the page was fetched from. */
  url?: string;
  language?: string;
  /** Normalised paragraphs, none empty. */
  paragraphs: string[];
}

/** Limits for fetching and reading one input; every default in one place. */
export interface IngestLimits {
  /** Whole fetch of one URL, redirects and body included (ms). */
  timeoutMs: number;
  /** Largest page or file read, in bytes; larger ones are refused, not truncated. */
  maxBytes: number;
  /** Redirects followed before giving up. */
  maxRedirects: number;
  /**
   * Fewest characters of article text an HTML page must yield. Paywall stubs and cookie walls
   * extract to a teaser of a sentence or two; storing those would add a "source" that says
   * nothing, so they count as an empty extraction.
   */
  minHtmlChars: number;
}

export const DEFAULT_INGEST_LIMITS: IngestLimits = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  minHtmlChars: 280,
};

/** Longest file name stem (without `.md`) ingest writes. */
export const MAX_SLUG_LENGTH = 80;

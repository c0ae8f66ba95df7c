import { fail, type IngestFailure } from './ingest-failure.js';
import { DEFAULT_INGEST_LIMITS, type IngestLimits } from './ingest-options.js';
import { cleanUrl } from './clean-url.js';
import { decodeText } from './decode-text.js';
import { readCapped } from './read-capped.js';

/** The media types ingest reads, and how each is extracted. */
const MEDIA_TYPES: Record<string, 'html' | 'text'> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
};

/** A fetched page: its decoded text, what kind it is, and the URL it finally came from. */
export interface FetchedPage {
  ok: true;
  kind: 'html' | 'text';
  text: string;
  /** After redirects; the fallback for the document's `url`. */
  finalUrl: string;
}

/**
 * Fetches one http(s) page within `limits`: redirects followed by hand (so each hop is checked
 * for scheme, loops and count), one deadline for the whole exchange, the body streamed and
 * abandoned as soon as it passes the size cap. Every expected failure is a value.
 *
 * @example
 * const page = await fetchPage('https://news.example/deal');
 * if (page.ok) console.log(page.finalUrl, page.text.length); else console.error(page.message);
 */
export async function fetchPage(url: string, limits: IngestLimits = DEFAULT_INGEST_LIMITS): Promise<FetchedPage | IngestFailure> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    return await follow(url, limits, signal);
  } catch (error) {
    if (signal.aborted || (error instanceof Error && error.name === 'TimeoutError')) {
      return fail('timeout', `no complete answer from ${url} within ${limits.timeoutMs / 1000} s. Try again later, or save the page and ingest the file.`);
    }
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
    const code = cause !== undefined && 'code' in cause ? ` (${String(cause.code)})` : '';
    return fail('unreachable', `could not fetch ${url}${code}. Check the address and your connection.`);
  }
}

async function follow(start: string, limits: IngestLimits, signal: AbortSignal): Promise<FetchedPage | IngestFailure> {
  const seen = new Set<string>();
  let current = cleanUrl(start) ?? start;
  for (let hop = 0; ; hop++) {
    seen.add(current);
    const response = await fetch(current, {
      redirect: 'manual',
      signal,
      headers: { accept: 'text/html,application/xhtml+xml,text/plain;q=0.9', 'user-agent': 'dealdesk-ingest/0.1' },
    });
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      await response.body?.cancel();
      const location = response.headers.get('location');
      if (location === null) return fail('http_error', `HTTP ${response.status} from ${current} without a Location header.`);
      const next = cleanUrl(location, current);
      if (next === undefined) return fail('bad_url', `${current} redirects to "${location}", which is not an http(s) URL; not followed.`);
      if (seen.has(next)) return fail('redirect_loop', `${start} redirects in a loop (back to ${next}).`);
      if (hop + 1 > limits.maxRedirects) return fail('too_many_redirects', `${start} redirects more than ${limits.maxRedirects} times; ingest the final address instead.`);
      current = next;
      continue;
    }
    return read(response, current, limits);
  }
}

async function read(response: Response, url: string, limits: IngestLimits): Promise<FetchedPage | IngestFailure> {
  if (!response.ok) {
    await response.body?.cancel();
    const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return response.status === 404 || response.status === 410
      ? fail('not_found', `${status} from ${url}: the page does not exist (any more). Check the address.`)
      : fail('http_error', `${status} from ${url}.`);
  }
  const contentType = response.headers.get('content-type') ?? undefined;
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  const kind = MEDIA_TYPES[mediaType];
  if (kind === undefined) {
    await response.body?.cancel();
    return fail('not_html', `${url} is ${mediaType === '' ? 'of no stated type' : `"${mediaType}"`}, not an HTML or plain-text page. Save the article's text as a .txt file and ingest that.`);
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    await response.body?.cancel();
    return tooLarge(url, limits);
  }
  const bytes = await readCapped(response.body, limits.maxBytes);
  if (bytes === undefined) return tooLarge(url, limits);
  return { ok: true, kind, text: decodeText(bytes, contentType), finalUrl: cleanUrl(url) ?? url };
}

function tooLarge(url: string, limits: IngestLimits): IngestFailure {
  return fail('too_large', `${url} is larger than ${limits.maxBytes / (1024 * 1024)} MB; not read. Save the article's text as a .txt file and ingest that.`);
}

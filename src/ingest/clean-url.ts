/** Query parameters that only track the click; two links differing in these are the same page. */
const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|at_medium|at_campaign)$/i;

/**
 * Parses an absolute http(s) URL (or one relative to `base`), dropping the fragment and tracking
 * parameters. Undefined for anything else (other schemes, user names in the URL, garbage), so
 * a page's `<link rel=canonical href="javascript:…">` is simply ignored.
 *
 * @example cleanUrl('https://News.example/a?utm_source=x#top') // 'https://news.example/a'
 */
export function cleanUrl(raw: string, base?: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // Credentials would end up in the front-matter `url` and in every citation.
  if (url.username !== '' || url.password !== '') return undefined;
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) if (TRACKING.test(name)) url.searchParams.delete(name);
  return url.href;
}

/**
 * A comparison key for "is this the same page": scheme, `www.` and a trailing slash ignored.
 *
 * @example urlKey('http://www.news.example/a/') === urlKey('https://news.example/a') // true
 */
export function urlKey(raw: string): string | undefined {
  const clean = cleanUrl(raw);
  if (clean === undefined) return undefined;
  const url = new URL(clean);
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.host.replace(/^www\./, '')}${path}${url.search}`;
}

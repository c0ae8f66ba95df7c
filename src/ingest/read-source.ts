import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { cleanUrl } from './clean-url.js';
import { decodeText } from './decode-text.js';
import { fetchPage } from './fetch-page.js';
import { fail, type IngestFailure } from './ingest-failure.js';
import type { IngestLimits } from './ingest-options.js';

/** One input's raw text, before extraction. */
export interface Source {
  ok: true;
  kind: 'html' | 'text';
  text: string;
  /** Where it was fetched from, after redirects (URLs only). */
  fetchedUrl?: string;
  /** For the document's notes: the URL asked for, or the file's name (never a local path). */
  origin: string;
}

const FILE_KINDS: Record<string, 'html' | 'text'> = { '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.txt': 'text', '.text': 'text' };

/**
 * Decides whether `input` is a URL (it has a scheme) or a file, and reads it within `limits`.
 *
 * @example await readSource('https://news.example/deal', DEFAULT_INGEST_LIMITS)
 * @example await readSource('saved/article.html', DEFAULT_INGEST_LIMITS)
 */
export async function readSource(input: string, limits: IngestLimits): Promise<Source | IngestFailure> {
  if (isUrlLike(input)) {
    const url = cleanUrl(input);
    if (url === undefined) return fail('bad_url', `"${input}" is not an http(s) URL without a user name or password. Give an address such as https://news.example/article.`);
    const page = await fetchPage(url, limits);
    return page.ok ? { ok: true, kind: page.kind, text: page.text, fetchedUrl: page.finalUrl, origin: url } : page;
  }
  return readFile(input, limits);
}

/**
 * Whether an input is a URL: it has a scheme ("https://…", but also "ftp://…" or
 * "javascript:…", which are then refused rather than looked up as files). A Windows drive
 * letter ("C:\\…") is one character, never a scheme.
 *
 * @example isUrlLike('ftp://x/y') // true
 */
export function isUrlLike(input: string): boolean {
  return /^[a-z][a-z0-9+.-]+:/i.test(input.trim());
}

function readFile(path: string, limits: IngestLimits): Source | IngestFailure {
  if (!existsSync(path)) {
    // "news.example/article" is a URL without its scheme more often than a missing file.
    const hint = /^[\w-]+(\.[\w-]+)+\//.test(path) ? ` For a web page, write the address with https:// in front.` : '';
    return fail('unreadable', `no such file: ${path}.${hint}`);
  }
  const kind = FILE_KINDS[extname(path).toLowerCase()];
  if (kind === undefined) return fail('not_html', `${path} is not a .html, .htm or .txt file. Save the article as HTML or plain text.`);
  const stat = statSync(path);
  if (!stat.isFile()) return fail('unreadable', `${path} is not a file.`);
  if (stat.size > limits.maxBytes) return fail('too_large', `${path} is larger than ${limits.maxBytes / (1024 * 1024)} MB; not read.`);
  const bytes = readFileSync(path);
  const text = decodeText(bytes, kind === 'text' ? 'text/plain; charset=utf-8' : undefined);
  return { ok: true, kind, text, origin: basename(path) };
}

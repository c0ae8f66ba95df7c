import { describe, expect, it } from 'vitest';
import { cleanUrl, urlKey } from '../../src/ingest/clean-url.js';

describe('cleanUrl', () => {
  it('keeps http(s) URLs, dropping the fragment and tracking parameters', () => {
    expect(cleanUrl('https://News.example/a?id=7&utm_source=x&fbclid=y#top')).toBe('https://news.example/a?id=7');
    expect(cleanUrl('/world/a', 'http://127.0.0.1:8080/amp/a')).toBe('http://127.0.0.1:8080/world/a');
  });

  it.each(['ftp://news.example/a', 'file:///etc/passwd', 'javascript:alert(1)', 'http://', 'not a url', 'https://user:pw@news.example/a'])('refuses %j', (raw) => {
    expect(cleanUrl(raw)).toBeUndefined();
  });
});

describe('urlKey', () => {
  it('treats scheme, www. and a trailing slash as the same page', () => {
    expect(urlKey('http://www.news.example/a/')).toBe(urlKey('https://news.example/a'));
    expect(urlKey('https://news.example/a?page=2')).not.toBe(urlKey('https://news.example/a'));
  });
});

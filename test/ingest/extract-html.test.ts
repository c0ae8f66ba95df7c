import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dropRepeats, extractHtml } from '../../src/ingest/extract-html.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url), 'utf8');
const PARAGRAPHS = `<article>${'<p>A paragraph of ordinary reporting, long enough for Readability to keep it as the article.</p>'.repeat(6)}</article>`;
const page = (head: string, body = PARAGRAPHS): string => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('extractHtml', () => {
  it('takes each field from the most reliable place in a real article page', () => {
    const article = extractHtml(fixture('news-article.html'), 'http://127.0.0.1/x');
    expect({ ...article, paragraphs: article.paragraphs.length }).toEqual({
      title: 'Envoys agree ceasefire framework after three days of Geneva talks',
      publisher: 'The Meridian',
      // meta author beats JSON-LD's list; article:author (a Facebook URL) is no name.
      author: 'Clara Voss',
      published: '2025-08-18T09:30:00+02:00',
      url: 'https://meridian.example/world/2025/08/18/envoys-agree-ceasefire-framework',
      language: 'en-GB',
      paragraphs: 7,
    });
  });

  it('falls back to JSON-LD (inside @graph, after a broken block), then <title> without the site name', () => {
    const head = `<title>Talks resume — Wire Service</title><meta property="og:site_name" content="Wire Service">
      <script type="application/ld+json">{ broken json,</script>
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Wire"},
        {"@type":"ReportageNewsArticle","datePublished":"Tue, 19 Aug 2025 10:00:00 GMT","author":{"@type":"Person","name":"Ana Ruiz"},"url":"https://wire.example/talks"}]}</script>`;
    const article = extractHtml(page(head));
    expect(article).toMatchObject({ title: 'Talks resume', publisher: 'Wire Service', author: 'Ana Ruiz', published: 'Tue, 19 Aug 2025 10:00:00 GMT', url: 'https://wire.example/talks' });
  });

  it('keeps a <title> whose end only looks like the site name', () => {
    const article = extractHtml(page('<title>News of the World</title><meta property="og:site_name" content="World">'));
    expect(article.title).toBe('News of the World');
  });

  it('ignores a canonical link that is not http(s), using the address fetched', () => {
    const article = extractHtml(page('<title>T</title><link rel="canonical" href="javascript:alert(1)">'), 'https://news.example/a?utm_source=x');
    expect(article.url).toBe('https://news.example/a');
  });

  it('keeps inline markup inside a paragraph and splits at blocks, list items included', () => {
    const body = `<article><p>${'Long enough sentence for the extractor to consider it content. '.repeat(4)}</p>
      <p>The <a href="/x">envoy</a> said it was <em>“game-changing”</em>.<br>Then he left.</p>
      <ul><li>First point of the deal, as read out by the mediator.</li><li>Second point of the deal, also read out.</li></ul></article>`;
    const { paragraphs } = extractHtml(page('<title>T</title>', body));
    expect(paragraphs.slice(1)).toEqual(['The envoy said it was “game-changing”. Then he left.', 'First point of the deal, as read out by the mediator.', 'Second point of the deal, also read out.']);
  });
});

describe('dropRepeats', () => {
  it('drops pull quotes and repeated paragraphs, but not short recurring lines', () => {
    const story = '“This is not peace, but it is the first step toward it,” said the mediator.';
    expect(dropRepeats([story, 'This is not peace, but it is the first step toward it.', 'Yes.', 'Yes.', story])).toEqual([story, 'Yes.', 'Yes.']);
  });
});

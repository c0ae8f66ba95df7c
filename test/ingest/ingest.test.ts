import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/answer/engine.js';
import { ingest } from '../../src/ingest/ingest.js';
import { KnownDocuments } from '../../src/ingest/known-documents.js';
import { inspectKnowledge } from '../../src/knowledge/load-knowledge.js';
import { doc, tempKnowledge } from '../helpers.js';
import { startPageServer, type PageServer } from './page-server.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/ingest');
const NOW = new Date('2025-08-20T12:00:00Z');

let server: PageServer;
beforeAll(async () => {
  server = await startPageServer();
});
afterAll(() => server.close());

let folder = tempKnowledge({});
afterEach(() => folder.cleanup());
/** A fresh knowledge folder holding `files`. */
function knowledge(files: Record<string, string> = {}): string {
  folder = tempKnowledge(files);
  return folder.dir;
}
const run = (dir: string, input: string, options: { title?: string } = {}) =>
  ingest(input, { known: KnownDocuments.read(dir), now: () => NOW, limits: { timeoutMs: 500 }, ...options });
/** Every file in the folder, hidden ones included (a leftover temp file would show here). */
const listing = (dir: string): string[] => readdirSync(dir).sort();

describe('ingest a news article page', () => {
  it('writes the article text with its metadata; the file passes the knowledge check and answers questions', async () => {
    const dir = knowledge();
    const result = await run(dir, server.url('/world/ceasefire-framework'));
    const file = 'envoys-agree-ceasefire-framework-after-three-days-of-geneva-talks.md';
    expect(result).toEqual({
      ok: true,
      path: join(dir, file),
      file,
      // og:title beats the <title> with its " | The Meridian" and the JSON-LD headline.
      title: 'Envoys agree ceasefire framework after three days of Geneva talks',
      publisher: 'The Meridian',
      author: 'Clara Voss',
      // article:published_time beats JSON-LD's datePublished (the same instant, in UTC).
      published: '2025-08-18T09:30:00+02:00',
      // The canonical link, not the address it was fetched from.
      url: 'https://meridian.example/world/2025/08/18/envoys-agree-ceasefire-framework',
      paragraphs: 7,
    });
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text.split('\n---\n')[0]).toBe(
      [
        '---',
        'title: "Envoys agree ceasefire framework after three days of Geneva talks"',
        'publisher: "The Meridian"',
        'author: "Clara Voss"',
        'url: "https://meridian.example/world/2025/08/18/envoys-agree-ceasefire-framework"',
        'published: "2025-08-18T09:30:00+02:00"',
        'language: "en-GB"',
        `notes: "Ingested by \\"dealdesk ingest\\" from ${server.url('/world/ceasefire-framework')} on 2025-08-20."`,
      ].join('\n'),
    );
    const { knowledge: loaded, problems } = inspectKnowledge(dir);
    expect(problems).toEqual([]);
    const body = loaded.documents[0]?.body ?? '';
    expect(body.split('\n\n')[0]).toBe('Negotiators from both sides signed a framework for a ceasefire on Monday after three days of talks in Geneva, according to two officials who were present at the signing.');
    // Soft hyphen and no-break space normalised; the pull quote (a repeat) left out.
    expect(body).toContain('The negotiators are due to meet again on 9 September.');
    expect(body.match(/This is not peace/g)).toHaveLength(1);
    for (const chrome of ['cookies', 'Related', 'Morning Briefing', '©', 'Share on X', 'Subscribe', 'dataLayer']) expect(body).not.toContain(chrome);

    const answer = Engine.open({ knowledgeDir: dir }).ask('How many observers would verify the withdrawal?');
    expect(answer.status).toBe('answered');
    expect(answer.citations[0]?.quote).toContain('A monitoring mission of 400 observers would verify the withdrawal.');
  });

  it('reads an AMP page: metadata from JSON-LD, the canonical URL, the headline without the site name', async () => {
    const dir = knowledge();
    const result = await run(dir, server.url('/amp/world/ceasefire-framework'));
    expect(result).toMatchObject({
      ok: true,
      file: 'envoys-agree-ceasefire-framework-in-geneva.md',
      title: 'Envoys agree ceasefire framework in Geneva',
      publisher: 'The Meridian',
      author: 'Clara Voss, Idris Halloran',
      published: '2025-08-18T09:30:00+02:00',
      url: 'https://meridian.example/world/2025/08/18/envoys-agree-ceasefire-framework',
    });
    expect(inspectKnowledge(dir).problems).toEqual([]);
  });

  it('refuses the AMP version of an article already ingested (same canonical URL)', async () => {
    const dir = knowledge();
    expect((await run(dir, server.url('/world/ceasefire-framework'))).ok).toBe(true);
    const before = listing(dir);
    const again = await run(dir, server.url('/amp/world/ceasefire-framework'));
    expect(again).toEqual({
      ok: false,
      code: 'duplicate',
      message: `${server.url('/amp/world/ceasefire-framework')} is already in the knowledge folder as envoys-agree-ceasefire-framework-after-three-days-of-geneva-talks.md (same URL https://meridian.example/world/2025/08/18/envoys-agree-ceasefire-framework); nothing written.`,
    });
    expect(listing(dir)).toEqual(before);
  });
});

describe('ingest failures write nothing', () => {
  it.each([
    ['/ledger/river-ports', 'empty'],
    ['/files/report.pdf', 'not_html'],
    ['/img/chart.png', 'not_html'],
    ['/gone', 'not_found'],
    ['/broken', 'http_error'],
    ['/huge', 'too_large'],
    ['/huge-chunked', 'too_large'],
    ['/slow-headers', 'timeout'],
    ['/slow-body', 'timeout'],
    ['/loop/a', 'redirect_loop'],
    ['/hops/0', 'too_many_redirects'],
    ['/to-file', 'bad_url'],
  ])('%s → %s', async (path, code) => {
    const dir = knowledge({ 'existing.md': doc('Existing', 'Some text.') });
    const result = await run(dir, server.url(path));
    expect(result).toMatchObject({ ok: false, code });
    expect(listing(dir)).toEqual(['existing.md']);
  });

  it('says what an empty extraction (a paywall stub) is and what to do', async () => {
    const result = await run(knowledge(), server.url('/ledger/river-ports'));
    expect(!result.ok && result.message).toBe(
      `${server.url('/ledger/river-ports')}: empty extraction (144 characters of article text, fewer than 280). A paywall, cookie wall or script-only page? Save the article's text as a .txt file and ingest that.`,
    );
  });

  it.each([
    ['ftp://news.example/a', 'bad_url'],
    ['javascript:alert(1)', 'bad_url'],
    ['https://user:secret@news.example/a', 'bad_url'],
    ['http://', 'bad_url'],
    ['no/such/file.html', 'unreadable'],
    ['news.example/world/article', 'unreadable'],
  ])('refuses %j (%s) without any request', async (input, code) => {
    const before = server.requests.length;
    const result = await run(knowledge(), input);
    expect(result).toMatchObject({ ok: false, code });
    expect(server.requests.length).toBe(before);
  });

  it('hints at https:// for an address typed without it', async () => {
    const result = await run(knowledge(), 'news.example/world/article');
    expect(!result.ok && result.message).toBe('no such file: news.example/world/article. For a web page, write the address with https:// in front.');
  });
});

describe('file names', () => {
  it('makes a path-like title a safe name inside the folder, keeping the title itself', async () => {
    const dir = knowledge();
    const result = await run(dir, server.url('/notes/path-title'));
    // The relative canonical link resolves against the page's address.
    expect(result).toMatchObject({ ok: true, file: 'etc-passwd.md', path: join(dir, 'etc-passwd.md'), title: '../../etc/passwd', url: server.url('/notes/path-title') });
    expect(listing(dir)).toEqual(['etc-passwd.md']);
    expect(inspectKnowledge(dir).problems).toEqual([]);
  });

  it('never overwrites: a taken name (file or document id) gets -2, -3 …', async () => {
    const dir = knowledge({
      'observers-to-begin-patrols-next-week.md': doc('Another story', 'Different text.'),
      'other.md': doc('Yet another', 'More different text.', 'id: observers-to-begin-patrols-next-week-2\n'),
    });
    const result = await run(dir, server.url('/wire/observers'));
    expect(result).toMatchObject({ ok: true, file: 'observers-to-begin-patrols-next-week-3.md' });
    expect(readFileSync(join(dir, 'observers-to-begin-patrols-next-week.md'), 'utf8')).toContain('Different text.');
    expect(inspectKnowledge(dir).problems).toEqual([]);
  });
});

describe('duplicates', () => {
  it('refuses a URL already ingested, without fetching it again', async () => {
    const dir = knowledge();
    expect((await run(dir, server.url('/wire/observers'))).ok).toBe(true);
    const fetched = server.requests.length;
    const again = await run(dir, `${server.url('/wire/observers')}?utm_campaign=share#comments`);
    expect(again).toMatchObject({ ok: false, code: 'duplicate', message: expect.stringContaining('as observers-to-begin-patrols-next-week.md; not fetched again') });
    expect(server.requests.length).toBe(fetched);
  });

  it('refuses the same text under another URL', async () => {
    const dir = knowledge();
    expect((await run(dir, server.url('/wire/observers'))).ok).toBe(true);
    const copy = await run(dir, server.url('/partner/observers-copy'));
    expect(copy).toEqual({ ok: false, code: 'duplicate', message: `${server.url('/partner/observers-copy')} has the same text as observers-to-begin-patrols-next-week.md; nothing written.` });
  });

  it('refuses a text already in the folder with other line breaks', async () => {
    const dir = knowledge({
      'by-hand.md': doc(
        'Typed in by hand',
        'Each side will release 250 detainees in the first month of the ceasefire, officials from both delegations said on Tuesday, with the Red Cross supervising the hand-over.\n\nThe crossing point for the exchange has not been agreed.\nOfficials said two sites on the northern front were under discussion.\n\nFamilies of detainees gathered outside the Red Cross office in the capital on Tuesday morning.',
      ),
    });
    const result = await run(dir, join(FIXTURES, 'plain-article.txt'));
    expect(result).toMatchObject({ ok: false, code: 'duplicate', message: 'plain-article.txt has the same text as by-hand.md; nothing written.' });
  });
});

describe('other inputs', () => {
  it('ingests a .txt file: first line the title, wrapped lines joined, blank lines between paragraphs', async () => {
    const dir = knowledge();
    const result = await run(dir, join(FIXTURES, 'plain-article.txt'));
    expect(result).toMatchObject({ ok: true, file: 'prisoner-exchange-to-start-within-a-month-officials-say.md', title: 'Prisoner exchange to start within a month, officials say', paragraphs: 3 });
    const written = readFileSync(join(dir, 'prisoner-exchange-to-start-within-a-month-officials-say.md'), 'utf8');
    expect(written).toBe(
      '---\ntitle: "Prisoner exchange to start within a month, officials say"\nnotes: "Ingested by \\"dealdesk ingest\\" from plain-article.txt on 2025-08-20."\n---\n\n' +
        'Each side will release 250 detainees in the first month of the ceasefire, officials from both delegations said on Tuesday, with the Red Cross supervising the hand-over.\n\n' +
        'The crossing point for the exchange has not been agreed. Officials said two sites on the northern front were under discussion.\n\n' +
        'Families of detainees gathered outside the Red Cross office in the capital on Tuesday morning.\n',
    );
    expect(inspectKnowledge(dir).problems).toEqual([]);
  });

  it('uses --title instead, keeping the first line as text', async () => {
    const result = await run(knowledge(), join(FIXTURES, 'plain-article.txt'), { title: '  Exchange:\nthe plan ' });
    expect(result).toMatchObject({ ok: true, file: 'exchange-the-plan.md', title: 'Exchange: the plan', paragraphs: 4 });
  });

  it('ingests a saved .html file, its URL from the canonical link', async () => {
    const dir = knowledge();
    const result = await run(dir, join(FIXTURES, 'news-article.html'));
    expect(result).toMatchObject({ ok: true, url: 'https://meridian.example/world/2025/08/18/envoys-agree-ceasefire-framework', paragraphs: 7 });
    expect(readFileSync(join(dir, result.ok ? result.file : ''), 'utf8')).toContain('from news-article.html on 2025-08-20');
  });

  it('ingests a text/plain URL, its URL the address fetched', async () => {
    const result = await run(knowledge(), server.url('/text/prisoners.txt'));
    expect(result).toMatchObject({ ok: true, url: server.url('/text/prisoners.txt'), paragraphs: 3 });
  });

  it('refuses a file of another type, and a page without any title', async () => {
    const dir = knowledge();
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, '%PDF-1.4');
    expect(await run(dir, pdf)).toMatchObject({ ok: false, code: 'not_html' });
    const untitled = join(dir, 'untitled.html');
    writeFileSync(untitled, `<html><body><article><p>${'A paragraph of plain reporting with no headline anywhere. '.repeat(8)}</p></article></body></html>`);
    expect(await run(dir, untitled)).toMatchObject({ ok: false, code: 'no_title', message: 'untitled.html has no title. Give one with --title "…".' });
    expect(await run(dir, untitled, { title: 'Given title' })).toMatchObject({ ok: true, file: 'given-title.md' });
  });
});

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPage } from '../../src/ingest/fetch-page.js';
import { DEFAULT_INGEST_LIMITS } from '../../src/ingest/ingest-options.js';
import { startPageServer, type PageServer } from './page-server.js';

let server: PageServer;
beforeAll(async () => {
  server = await startPageServer();
});
afterAll(() => server.close());

const limits = { ...DEFAULT_INGEST_LIMITS, timeoutMs: 3_000 };
const get = (path: string, overrides: Partial<typeof limits> = {}) => fetchPage(server.url(path), { ...limits, ...overrides });

describe('fetchPage', () => {
  it('reads an HTML page and a plain-text page', async () => {
    const page = await get('/world/ceasefire-framework');
    expect(page).toMatchObject({ ok: true, kind: 'html', finalUrl: server.url('/world/ceasefire-framework') });
    expect(page.ok && page.text).toContain('Envoys agree ceasefire framework');
    expect(await get('/text/prisoners.txt')).toMatchObject({ ok: true, kind: 'text' });
  });

  it('decodes the charset the server declares', async () => {
    const page = await get('/latin1');
    expect(page.ok && page.text).toContain('Café talks resume');
  });

  it.each([
    ['/files/report.pdf', /"application\/pdf", not an HTML or plain-text page/],
    ['/img/chart.png', /"image\/png", not an HTML/],
    ['/untyped', /of no stated type/],
  ])('refuses %s as not_html', async (path, message) => {
    const result = await get(path);
    expect(result).toMatchObject({ ok: false, code: 'not_html' });
    expect(!result.ok && result.message).toMatch(message);
  });

  it('reports a 404 as not_found and other errors as http_error, whatever the error page says', async () => {
    const gone = await get('/gone');
    expect(gone).toMatchObject({ ok: false, code: 'not_found' });
    expect(!gone.ok && gone.message).toBe(`HTTP 404 Not Found from ${server.url('/gone')}: the page does not exist (any more). Check the address.`);
    expect(await get('/broken')).toMatchObject({ ok: false, code: 'http_error', message: `HTTP 503 Service Unavailable from ${server.url('/broken')}.` });
  });

  it('refuses a page over the size cap, by its Content-Length or while it streams', async () => {
    const declared = await get('/huge');
    expect(declared).toMatchObject({ ok: false, code: 'too_large' });
    expect(!declared.ok && declared.message).toContain('larger than 5 MB');
    const started = Date.now();
    expect(await get('/huge-chunked')).toMatchObject({ ok: false, code: 'too_large' });
    // The transfer is abandoned at the cap, not read to its 12 MB end.
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('follows a redirect chain (relative, absolute, 301/302/307) and returns the final URL without tracking or fragment', async () => {
    const page = await get('/r/1');
    expect(page).toMatchObject({ ok: true, finalUrl: server.url('/world/ceasefire-framework') });
  });

  it('stops at a redirect loop, too many redirects, a non-http target and a redirect without Location', async () => {
    expect(await get('/loop/a')).toMatchObject({ ok: false, code: 'redirect_loop', message: `${server.url('/loop/a')} redirects in a loop (back to ${server.url('/loop/a')}).` });
    expect(await get('/hops/0')).toMatchObject({ ok: false, code: 'too_many_redirects' });
    // Five redirects are followed (/hops/0 … /hops/5), the sixth is not.
    expect(server.requests.filter((r) => r.startsWith('/hops/'))).toHaveLength(6);
    expect(await get('/hops/0', { maxRedirects: 0 })).toMatchObject({ ok: false, code: 'too_many_redirects' });
    expect(await get('/to-file')).toMatchObject({ ok: false, code: 'bad_url', message: expect.stringContaining('"file:///etc/passwd", which is not an http(s) URL') });
    expect(await get('/no-location')).toMatchObject({ ok: false, code: 'http_error' });
  });

  it('times out when the headers or the body do not arrive in time', async () => {
    const started = Date.now();
    const headers = await get('/slow-headers', { timeoutMs: 300 });
    expect(headers).toMatchObject({ ok: false, code: 'timeout' });
    expect(!headers.ok && headers.message).toBe(`no complete answer from ${server.url('/slow-headers')} within 0.3 s. Try again later, or save the page and ingest the file.`);
    expect(await get('/slow-body', { timeoutMs: 300 })).toMatchObject({ ok: false, code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reports a refused connection as unreachable', async () => {
    // A port that was free a moment ago: nothing listens there now.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const result = await fetchPage(`http://127.0.0.1:${port}/`, limits);
    expect(result).toMatchObject({ ok: false, code: 'unreachable', message: `could not fetch http://127.0.0.1:${port}/ (ECONNREFUSED). Check the address and your connection.` });
  });
});

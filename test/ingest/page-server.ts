import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url));
const html = 'text/html; charset=utf-8';

/** Bytes of a small real PNG (1×1) and the start of a real PDF, as servers send them. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Over the default 5 MB cap: a page padded with a (realistic) giant inline script. */
export const HUGE_BYTES = 6 * 1024 * 1024;
const huge = (): Buffer => Buffer.from(`<html><head><title>Huge</title><script>var data="${'x'.repeat(HUGE_BYTES)}";</script></head><body><p>Text.</p></body></html>`);

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const send = (status: number, type: string | undefined, body: Buffer | string, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(status, { ...(type !== undefined && { 'content-type': type }), ...headers });
  res.end(body);
};
const redirect = (status: number, location: string): Handler => (_req, res) => {
  res.writeHead(status, { location });
  res.end();
};

/**
 * The routes of a loopback web server speaking plain HTTP: the pages of
 * `test/fixtures/ingest/` and the misbehaviours ingest must survive. `origin` is the server's
 * own, for absolute redirects. Nothing in the ingest tests reaches the internet.
 */
const routes = (origin: string): Record<string, Handler> => ({
  '/world/ceasefire-framework': send(200, html, fixture('news-article.html')),
  '/amp/world/ceasefire-framework': send(200, html, fixture('amp-article.html')),
  '/ledger/river-ports': send(200, html, fixture('paywall.html')),
  '/notes/path-title': send(200, html, fixture('path-title.html')),
  '/wire/observers': send(200, html, fixture('syndicated.html')),
  '/partner/observers-copy': send(200, html, fixture('syndicated.html')),
  '/text/prisoners.txt': send(200, 'text/plain; charset=utf-8', fixture('plain-article.txt')),
  '/files/report.pdf': send(200, 'application/pdf', PDF),
  '/img/chart.png': send(200, 'image/png', PNG),
  '/untyped': send(200, undefined, fixture('syndicated.html')),
  '/gone': send(404, html, fixture('not-found.html')),
  '/broken': send(503, html, '<html><body><h1>Service Unavailable</h1></body></html>'),
  '/latin1': send(
    200,
    'text/html; charset=iso-8859-1',
    Buffer.from(`<html><head><title>Caf\u00e9 talks resume</title></head><body><article><p>${'Envoys met again at the caf\u00e9 by the lake, where the first round had ended without agreement. '.repeat(5)}</p></article></body></html>`, 'latin1'),
  ),
  '/huge': send(200, html, huge()),
  '/huge-chunked': (_req, res) => {
    // No Content-Length: the cap has to be enforced while the body streams in.
    res.writeHead(200, { 'content-type': html, 'transfer-encoding': 'chunked' });
    const chunk = Buffer.alloc(256 * 1024, 0x61);
    let sent = 0;
    const pump = (): void => {
      while (sent < HUGE_BYTES * 2 && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  },
  '/r/1': redirect(301, '/r/2'),
  '/r/2': redirect(302, `${origin}/r/3`),
  '/r/3': redirect(307, '/world/ceasefire-framework?utm_source=newsletter#top'),
  '/loop/a': redirect(302, '/loop/b'),
  '/loop/b': redirect(302, '/loop/a'),
  '/to-file': redirect(302, 'file:///etc/passwd'),
  '/no-location': (_req, res) => {
    res.writeHead(302);
    res.end();
  },
  '/slow-headers': (_req, res) => {
    const timer = setTimeout(() => send(200, html, fixture('news-article.html'))(_req, res), 5_000);
    res.on('close', () => clearTimeout(timer));
  },
  '/slow-body': (_req, res) => {
    // Headers at once, then half the page, then nothing: a stalled transfer.
    res.writeHead(200, { 'content-type': html });
    res.write(fixture('news-article.html').subarray(0, 2000));
  },
});

export interface PageServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  url(path: string): string;
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Starts the server on a free loopback port. */
export async function startPageServer(): Promise<PageServer> {
  const requests: string[] = [];
  let table: Record<string, Handler> = {};
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push(req.url ?? '/');
    const many = /^\/hops\/(\d+)$/.exec(path);
    if (many) return redirect(302, `/hops/${Number(many[1]) + 1}`)(req, res);
    (table[path] ?? send(404, html, fixture('not-found.html')))(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Routes are built once the port is known, before any request can arrive.
  table = routes(origin);
  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

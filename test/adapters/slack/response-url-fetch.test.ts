import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseUrlFetch } from '../../../adapters/slack/response-url-fetch.js';

let server: Server;
let origin: string;
const seen: { url: string; method: string; contentType: string | undefined; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', method: req.method ?? '', contentType: req.headers['content-type'], body });
      if (req.url === '/gone') res.writeHead(404, { 'x-why': 'expired' }).end('no');
      else if (req.url === '/empty') res.writeHead(204).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('responseUrlFetch', () => {
  it('posts a response_url body itself and returns a real Response (status only, on success)', async () => {
    const calls: string[] = [];
    const fetch = responseUrlFetch(`${origin}/api/`, async (input) => (calls.push(String(input)), new Response('fallback')));
    const res = await fetch(`${origin}/commands/1`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"text":"hi"}' });
    expect([res.ok, res.status, await res.text()]).toEqual([true, 200, '']);
    expect(seen.at(-1)).toEqual({ url: '/commands/1', method: 'POST', contentType: 'application/json', body: '{"text":"hi"}' });
    expect(calls).toEqual([]);
  });

  it('keeps the status, headers and body of a failure (Bolt turns a 404 into a RespondError)', async () => {
    const fetch = responseUrlFetch(`${origin}/api/`);
    const gone = await fetch(`${origin}/gone`, { method: 'POST', body: '{}' });
    expect([gone.ok, gone.status, gone.headers.get('x-why'), await gone.text()]).toEqual([false, 404, 'expired', 'no']);
    expect((await fetch(`${origin}/empty`, { method: 'POST', body: '{}' })).status).toBe(204);
  });

  it('leaves Web API calls and anything unusual to the fallback fetch', async () => {
    const calls: string[] = [];
    const fetch = responseUrlFetch(`${origin}/api/`, async (input) => (calls.push(String(input)), new Response('fallback')));
    await fetch(`${origin}/api/chat.postMessage`, { method: 'POST', body: 'a=1' });
    await fetch(`${origin}/x`, { method: 'GET' });
    await fetch(`${origin}/x`, { method: 'POST', body: new URLSearchParams({ a: '1' }) });
    await fetch(`${origin}/x`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(1000) });
    expect(calls).toEqual([`${origin}/api/chat.postMessage`, `${origin}/x`, `${origin}/x`, `${origin}/x`]);
  });

  it('rejects when the host cannot be reached', async () => {
    const fetch = responseUrlFetch('https://slack.com/api/');
    await expect(fetch('http://127.0.0.1:1/commands/1', { method: 'POST', body: '{}' })).rejects.toThrow(/ECONNREFUSED/);
  });
});

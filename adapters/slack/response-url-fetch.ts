import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

type Fetch = typeof globalThis.fetch;

// Keep-alive pools, so consecutive answers reuse connections to Slack's response_url host.
const agents = { 'http:': new HttpAgent({ keepAlive: true, maxSockets: 64 }), 'https:': new HttpsAgent({ keepAlive: true, maxSockets: 64 }) };
const TIMEOUT_MS = 10_000;

/**
 * The `fetch` Bolt is given. Web API calls (to `apiBase`) use the global fetch, as Bolt expects;
 * `respond()`'s POSTs to a response_url — one per /ask answer and button click — go through
 * node:http with keep-alive instead, which costs a fraction of the CPU of undici's fetch on a
 * busy HTTP instance (measured with `npm run bench:slack`). Bolt reads only the status of these
 * responses, so a success comes back without a body or headers (no stream to build); a failure
 * keeps both, for the error message. Anything unusual falls back to the global fetch.
 *
 * @example new App({ clientOptions: { fetch: responseUrlFetch('https://slack.com/api/') } })
 */
export function responseUrlFetch(apiBase: string, fallback: Fetch = globalThis.fetch): Fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : undefined;
    const body = init?.body;
    if (url === undefined || url.startsWith(apiBase) || init?.method !== 'POST' || typeof body !== 'string' || init.signal != null) return fallback(input, init);
    return post(new URL(url), plainHeaders(init.headers), body);
  };
}

function post(url: URL, headers: Record<string, string>, body: string): Promise<Response> {
  const protocol = url.protocol === 'https:' ? 'https:' : 'http:';
  const send = protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'POST', agent: agents[protocol], headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, timeout: TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        const statusText = res.statusMessage ?? '';
        const nullBody = status < 300 || status === 304;
        resolve(nullBody ? new Response(null, { status, statusText }) : new Response(Buffer.concat(chunks), { status, statusText, headers: responseHeaders(res.headers) }));
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`response_url did not answer within ${TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

function plainHeaders(headers: RequestInit['headers']): Record<string, string> {
  // Bolt passes a plain object; node:http takes it as is (header names are case-insensitive).
  if (headers !== undefined && !Array.isArray(headers) && !(headers instanceof Headers)) return headers as Record<string, string>;
  return Object.fromEntries(new Headers(headers).entries());
}

function responseHeaders(headers: IncomingHttpHeaders): Headers {
  const out = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) for (const v of value) out.append(name, v);
    else if (value !== undefined) out.set(name, value);
  }
  return out;
}

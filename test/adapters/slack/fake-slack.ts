import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

/** One Web API call as the fake received it: method, the bearer token, and the arguments (JSON fields decoded). */
export interface ApiCall {
  method: string;
  token: string | undefined;
  args: Record<string, unknown>;
}

/** One POST to a `response_url` the fake handed out. */
export interface ResponsePost {
  id: string;
  body: Record<string, unknown>;
}

/** A message in the fake's channels, as `conversations.replies`/`history` return it. */
export interface StoredMessage {
  type: 'message';
  channel: string;
  ts: string;
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  text: string;
  blocks?: unknown;
  metadata?: unknown;
}

/** What the fake acknowledges with over the socket: Slack's `{ envelope_id, payload? }`. */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export interface FakeSlackOptions {
  botToken: string;
  appToken?: string;
  teamId?: string;
  botUserId?: string;
  botId?: string;
}

/**
 * A loopback Slack for the real Bolt app: the Web API methods dealdesk calls, `response_url`
 * sinks, and a Socket Mode WebSocket speaking Slack's envelope format. Everything it receives is
 * recorded, and `waitFor` resolves when a recorded thing appears. Nothing leaves 127.0.0.1.
 *
 * Covers: auth.test, chat.postMessage, chat.postEphemeral, conversations.replies (with
 * include_all_metadata), conversations.history, apps.connections.open (single-use socket URLs),
 * the hello message, envelopes with retry_attempt, acks, dropping the socket.
 */
export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponsePost[] = [];
  readonly messages: StoredMessage[] = [];
  readonly acks: SocketAck[] = [];
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  /** WebSocket connections opened so far. */
  socketConnections = 0;

  private readonly events = new EventEmitter();
  private readonly failures = new Map<string, string>();
  private readonly tickets = new Set<string>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private socket: WebSocket | undefined;
  private tsCounter = 0;
  private responseCounter = 0;

  private constructor(
    private readonly server: Server,
    private readonly options: FakeSlackOptions,
  ) {
    this.teamId = options.teamId ?? 'T0FAKE';
    this.botUserId = options.botUserId ?? 'U0BOT';
    this.botId = options.botId ?? 'B0BOT';
    this.events.setMaxListeners(100);
  }

  /** Starts the fake on a free loopback port. */
  static async start(options: FakeSlackOptions): Promise<FakeSlack> {
    const server = createServer();
    const fake = new FakeSlack(server, options);
    server.on('request', (req, res) => void fake.onRequest(req, res));
    server.on('upgrade', (req, socket, head) => fake.onUpgrade(req, socket, head));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The Web API base for SLACK_API_URL (with the trailing slash the WebClient expects). */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  /** A fresh `response_url`; posts to it are recorded under the returned id. */
  newResponseUrl(): { id: string; url: string } {
    const id = `r${++this.responseCounter}`;
    return { id, url: `${this.origin}/response/${id}` };
  }

  /** A message someone posted (say, the question that starts a thread); returns it with its ts. */
  addMessage(message: Omit<StoredMessage, 'type' | 'ts'> & { ts?: string }): StoredMessage {
    const stored: StoredMessage = { type: 'message', ...message, ts: message.ts ?? this.nextTs() };
    this.messages.push(stored);
    return stored;
  }

  /** Makes the next call of `method` answer `{ ok: false, error }`. */
  failNext(method: string, error: string): void {
    this.failures.set(method, error);
  }

  /** A message ts later than any so far. */
  nextTs(): string {
    return `${1_760_000_000 + ++this.tsCounter}.000100`;
  }

  /** Web API calls of one method. */
  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with `find()`'s first defined result, checking on every recorded call, response and ack. */
  waitFor<T>(find: () => T | undefined, what: string, timeoutMs = 8000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = find();
        if (found === undefined) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake Slack: timed out waiting for ${what}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.events.off('record', check);
      };
      if (!check()) this.events.on('record', check);
    });
  }

  /**
   * Sends one Socket Mode envelope (Slack's format) on the open socket and resolves with the
   * app's ack. `retryAttempt` > 0 marks a redelivery, as Slack does for events.
   */
  async sendEnvelope(type: 'slash_commands' | 'events_api' | 'interactive', payload: Record<string, unknown>, retryAttempt = 0): Promise<SocketAck> {
    const socket = this.socket;
    if (!socket || socket.readyState !== socket.OPEN) throw new Error('fake Slack: no open Socket Mode connection');
    const envelopeId = randomUUID();
    const envelope =
      type === 'events_api'
        ? { envelope_id: envelopeId, type, payload, accepts_response_payload: false, retry_attempt: retryAttempt, retry_reason: retryAttempt > 0 ? 'timeout' : '' }
        : { envelope_id: envelopeId, type, payload, accepts_response_payload: true };
    socket.send(JSON.stringify(envelope));
    return this.waitFor(() => this.acks.find((a) => a.envelope_id === envelopeId), `the ack of envelope ${type}`);
  }

  /** Sends a raw message on the socket, e.g. Slack's `{ type: 'disconnect', reason: 'refresh_requested' }`. */
  sendRaw(message: Record<string, unknown>): void {
    this.socket?.send(JSON.stringify(message));
  }

  /** Kills the socket without a close handshake, as a network drop would. */
  dropSocket(): void {
    this.socket?.terminate();
  }

  /** Waits until `n` connections have been opened and the latest is open. */
  waitForConnection(n: number): Promise<WebSocket> {
    return this.waitFor(() => (this.socketConnections >= n && this.socket?.readyState === this.socket?.OPEN ? this.socket : undefined), `socket connection #${n}`);
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private record(): void {
    this.events.emit('record');
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', this.origin);
    if (req.method === 'POST' && url.pathname.startsWith('/response/')) {
      this.responses.push({ id: url.pathname.slice('/response/'.length), body: JSON.parse(body) as Record<string, unknown> });
      json(res, { ok: true });
      this.record();
      return;
    }
    if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
      const method = url.pathname.slice('/api/'.length);
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const args = parseArgs(body, req.headers['content-type']);
      this.calls.push({ method, token, args });
      json(res, this.api(method, token, args));
      this.record();
      return;
    }
    res.writeHead(404).end();
  }

  /** The Web API: documented response shapes, only the fields the app reads. */
  private api(method: string, token: string | undefined, args: Record<string, unknown>): Record<string, unknown> {
    const failure = this.failures.get(method);
    if (failure !== undefined) {
      this.failures.delete(method);
      return { ok: false, error: failure };
    }
    if (method === 'apps.connections.open') {
      if (token === undefined || token !== this.options.appToken) return { ok: false, error: 'invalid_auth' };
      const ticket = randomUUID();
      this.tickets.add(ticket);
      return { ok: true, url: `${this.origin.replace('http:', 'ws:')}/link/?ticket=${ticket}&app_id=A0FAKE` };
    }
    if (token !== this.options.botToken) return { ok: false, error: 'invalid_auth' };
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'dealdesk', team_id: this.teamId, user_id: this.botUserId, bot_id: this.botId, is_enterprise_install: false };
      case 'chat.postMessage': {
        const message = this.addMessage({
          channel: String(args['channel']),
          text: String(args['text'] ?? ''),
          user: this.botUserId,
          bot_id: this.botId,
          ...(args['thread_ts'] !== undefined && { thread_ts: String(args['thread_ts']) }),
          ...(args['blocks'] !== undefined && { blocks: args['blocks'] }),
          ...(args['metadata'] !== undefined && { metadata: args['metadata'] }),
        });
        return { ok: true, channel: message.channel, ts: message.ts, message };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'conversations.replies': {
        const ts = String(args['ts']);
        const thread = this.messages.filter((m) => m.channel === args['channel'] && (m.ts === ts || m.thread_ts === ts));
        return { ok: true, messages: thread.map((m) => withMetadata(m, args['include_all_metadata'])), has_more: false };
      }
      case 'conversations.history': {
        const latest = args['latest'] === undefined ? Infinity : Number(args['latest']);
        const limit = Number(args['limit'] ?? 100);
        const top = this.messages
          .filter((m) => m.channel === args['channel'] && (m.thread_ts === undefined || m.thread_ts === m.ts) && Number(m.ts) < latest)
          .sort((a, b) => Number(b.ts) - Number(a.ts))
          .slice(0, limit);
        return { ok: true, messages: top.map((m) => withMetadata(m, args['include_all_metadata'])), has_more: false };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', this.origin);
    const ticket = url.searchParams.get('ticket') ?? '';
    // Socket URLs from apps.connections.open are single-use, as Slack's are.
    if (url.pathname !== '/link/' || !this.tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.socket = ws;
      this.socketConnections += 1;
      ws.on('message', (data) => {
        this.acks.push(JSON.parse(String(data)) as SocketAck);
        this.record();
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake-slack', build_number: 1, approximate_connection_time: 18060 }, connection_info: { app_id: 'A0FAKE' } }));
      this.record();
    });
  }
}

function withMetadata(message: StoredMessage, include: unknown): StoredMessage {
  // Slack returns metadata only when asked for it.
  if (include === true || include === 'true') return message;
  const { metadata: _metadata, ...rest } = message;
  return rest;
}

function parseArgs(body: string, contentType: string | undefined): Record<string, unknown> {
  if (body === '') return {};
  if (contentType?.includes('application/json')) return JSON.parse(body) as Record<string, unknown>;
  // The WebClient sends form fields; objects (blocks, metadata) arrive as JSON strings.
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function json(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

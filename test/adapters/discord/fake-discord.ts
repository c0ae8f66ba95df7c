import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { APP_ID, BOT_USER, GUILD_ID, guildCreate, messagePayload, snowflake } from './discord-fixtures.js';

/** One REST request the bot made. */
export interface RecordedCall {
  method: string;
  /** Path after `/api/v10`, e.g. `/interactions/1/abc/callback`. */
  route: string;
  query: URLSearchParams;
  body: unknown;
  /** The Authorization header was `Bot <the fake's token>`. */
  authorized: boolean;
}

interface Session {
  id: string;
  shard: [number, number];
  seq: number;
  socket: WebSocket | undefined;
  events: { op: 0; t: string; s: number; d: unknown }[];
}

export interface FakeDiscordOptions {
  /** The token the fake accepts (REST 401 and gateway close 4004 for any other). */
  token?: string;
  /** Accept the token on REST but close the gateway with 4004 after IDENTIFY. */
  rejectIdentify?: boolean;
  /** HELLO's heartbeat interval (Discord's is 41,250 ms). */
  heartbeatIntervalMs?: number;
  /** Shard count recommended by GET /gateway/bot. */
  shards?: number;
  /** Guilds the bot is in (each gets GUILD_CREATE on its shard). */
  guilds?: string[];
}

/**
 * A loopback Discord: an HTTP server for `/api/v10/...` and, on the same port, a WebSocket
 * gateway speaking the documented protocol (HELLO, IDENTIFY → READY + GUILD_CREATE, RESUME →
 * replay + RESUMED, heartbeats → ACK, dispatches with sequence numbers). It records every REST
 * call and gateway payload the real discord.js client sends, so tests assert on the wire.
 *
 * @example
 * const fake = await FakeDiscord.start();
 * // start the bot with DISCORD_API_URL=fake.apiUrl and DISCORD_TOKEN=fake.token
 * fake.dispatch('INTERACTION_CREATE', commandInteraction('about', {}, person()));
 */
export class FakeDiscord {
  readonly calls: RecordedCall[] = [];
  readonly identifies: { token: string; intents: number; shard: [number, number] }[] = [];
  readonly resumes: { session_id: string; seq: number; token: string }[] = [];
  heartbeats = 0;
  readonly token: string;
  /** Messages by channel, as the bot and the tests created them. */
  readonly messages = new Map<string, Map<string, Record<string, unknown>>>();
  private readonly originals = new Map<string, Record<string, unknown>>();
  private readonly interactionChannels = new Map<string, string>();
  private readonly sessions = new Map<string, Session>();
  private readonly events = new EventEmitter();
  private readonly wss: WebSocketServer;

  private constructor(
    private readonly server: Server,
    private readonly options: FakeDiscordOptions,
  ) {
    this.token = options.token ?? 'fake-token.for-tests_only';
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket) => this.onConnection(socket));
    server.on('request', (req, res) => void this.onRequest(req, res));
    this.events.setMaxListeners(100);
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    const fake = new FakeDiscord(server, options);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The value for DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Sends a dispatch on the shard's session (buffered for replay if the socket is down). */
  dispatch(t: string, d: unknown, shard = 0): void {
    const session = this.sessionOf(shard);
    const event = { op: 0 as const, t, s: ++session.seq, d };
    session.events.push(event);
    if (session.socket?.readyState === 1) session.socket.send(JSON.stringify(event));
  }

  /** Dispatches INTERACTION_CREATE on the shard that owns its guild (DMs: shard 0). */
  interact(interaction: Record<string, unknown>): void {
    this.interactionChannels.set(String(interaction['token']), String(interaction['channel_id']));
    this.dispatch('INTERACTION_CREATE', interaction, this.shardFor(interaction['guild_id']));
  }

  /** Dispatches MESSAGE_CREATE for a person's message (and keeps it, for history fetches). */
  post(message: Record<string, unknown>): void {
    this.store(message);
    this.dispatch('MESSAGE_CREATE', message, this.shardFor(message['guild_id']));
  }

  /** Discord's rule: shard = (guild_id >> 22) % shard count; DMs go to shard 0. */
  shardFor(guildId: unknown): number {
    const count = this.identifies[this.identifies.length - 1]?.shard[1] ?? 1;
    return typeof guildId === 'string' ? Number((BigInt(guildId) >> 22n) % BigInt(count)) : 0;
  }

  /** Drops the shard's gateway connection with `code` (4000: unknown error, the client resumes). */
  drop(code = 4000, shard = 0): void {
    this.sessionOf(shard).socket?.close(code, 'dropped by the fake');
  }

  /** Stores a message as if it had been sent earlier (e.g. by the bot before a restart). */
  seedMessage(message: Record<string, unknown>): void {
    this.store(message);
  }

  /** Resolves with the first call (from index `since`) matching `predicate`. */
  waitForCall(predicate: (call: RecordedCall) => boolean, since = 0, timeoutMs = 5000): Promise<RecordedCall> {
    return this.waitFor(() => this.calls.slice(since).find(predicate), timeoutMs, 'REST call');
  }

  /** Resolves when `check` returns a value; re-checked after every REST call and gateway payload. */
  waitFor<T>(check: () => T | undefined, timeoutMs = 5000, what = 'condition'): Promise<T> {
    return new Promise((resolve, reject) => {
      const attempt = (): boolean => {
        const value = check();
        if (value === undefined) return false;
        cleanup();
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake Discord: timed out after ${timeoutMs} ms waiting for a ${what}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.events.off('activity', attempt);
      };
      this.events.on('activity', attempt);
      attempt();
    });
  }

  async close(): Promise<void> {
    for (const socket of this.wss.clients) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private sessionOf(shard: number): Session {
    const session = [...this.sessions.values()].reverse().find((s) => s.shard[0] === shard);
    if (!session) throw new Error(`fake Discord: shard ${shard} has not identified`);
    return session;
  }

  private guildsOf(shard: [number, number]): string[] {
    return (this.options.guilds ?? [GUILD_ID]).filter((id) => Number((BigInt(id) >> 22n) % BigInt(shard[1])) === shard[0]);
  }

  // Gateway ------------------------------------------------------------------------------------

  private onConnection(socket: WebSocket): void {
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 41_250 } }));
    socket.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> };
      if (payload.op === 1) this.onHeartbeat(socket);
      else if (payload.op === 2) this.onIdentify(socket, payload.d);
      else if (payload.op === 6) this.onResume(socket, payload.d);
      this.events.emit('activity');
    });
  }

  private onHeartbeat(socket: WebSocket): void {
    this.heartbeats++;
    socket.send(JSON.stringify({ op: 11 }));
  }

  private onIdentify(socket: WebSocket, d: Record<string, unknown>): void {
    const shard = (d['shard'] as [number, number] | undefined) ?? [0, 1];
    this.identifies.push({ token: String(d['token']), intents: Number(d['intents']), shard });
    if (d['token'] !== this.token || this.options.rejectIdentify) {
      socket.close(4004, 'Authentication failed.');
      return;
    }
    const session: Session = { id: snowflake(), shard, seq: 0, socket, events: [] };
    this.sessions.set(session.id, session);
    const guilds = this.guildsOf(shard);
    this.dispatch(
      'READY',
      {
        v: 10,
        user: BOT_USER,
        guilds: guilds.map((id) => ({ id, unavailable: true })),
        session_id: session.id,
        resume_gateway_url: this.gatewayUrl,
        shard,
        application: { id: APP_ID, flags: 0 },
        private_channels: [],
        relationships: [],
        user_settings: {},
        presences: [],
        geo_ordered_rtc_regions: [],
        guild_join_requests: [],
      },
      shard[0],
    );
    for (const id of guilds) this.dispatch('GUILD_CREATE', guildCreate(id), shard[0]);
  }

  private onResume(socket: WebSocket, d: Record<string, unknown>): void {
    this.resumes.push({ session_id: String(d['session_id']), seq: Number(d['seq']), token: String(d['token']) });
    const session = this.sessions.get(String(d['session_id']));
    if (!session || d['token'] !== this.token) {
      socket.send(JSON.stringify({ op: 9, d: false }));
      return;
    }
    session.socket = socket;
    for (const event of session.events.filter((e) => e.s > Number(d['seq']))) socket.send(JSON.stringify(event));
    this.dispatch('RESUMED', {}, session.shard[0]);
  }

  // REST ---------------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const call: RecordedCall = {
      method: req.method ?? 'GET',
      route: decodeURIComponent(url.pathname).replace(/^\/api\/v10/, ''),
      query: url.searchParams,
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
      authorized: req.headers.authorization === `Bot ${this.token}`,
    };
    this.calls.push(call);
    const [status, body] = this.route(call);
    if (body === undefined) res.writeHead(status).end();
    else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    this.events.emit('activity');
  }

  private route(call: RecordedCall): [number, unknown] {
    const { method, route } = call;
    const body = (call.body ?? {}) as Record<string, unknown>;
    const needsBot = /^\/(gateway\/bot|channels|applications|users)/.test(route);
    if (needsBot && !call.authorized) return [401, { message: '401: Unauthorized', code: 0 }];
    let m: RegExpExecArray | null;
    if (method === 'GET' && route === '/gateway/bot') {
      return [200, { url: this.gatewayUrl, shards: this.options.shards ?? 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } }];
    }
    if (method === 'GET' && route === '/users/@me') return [200, BOT_USER];
    if (method === 'POST' && (m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(route))) {
      const data = (body['data'] ?? {}) as Record<string, unknown>;
      const token = m[2] ?? '';
      if (body['type'] === 4 || body['type'] === 5) this.originals.set(token, this.botMessage(data, this.interactionChannels.get(token)));
      return [200, {}];
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/.exec(route))) {
      const token = m[2] ?? '';
      if (method === 'DELETE') {
        this.originals.delete(token);
        return [204, undefined];
      }
      const original = { ...(this.originals.get(token) ?? this.botMessage({}, this.interactionChannels.get(token))), ...(method === 'PATCH' ? body : {}) };
      this.originals.set(token, original);
      return [200, original];
    }
    if (method === 'POST' && (m = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(route))) return [200, this.botMessage(body, this.interactionChannels.get(m[2] ?? ''))];
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(route))) {
      const channelId = m[1] ?? '';
      if (method === 'POST') return [200, this.store(this.botMessage(body, channelId))];
      const before = call.query.get('before');
      const limit = Number(call.query.get('limit') ?? 50);
      const list = [...(this.messages.get(channelId)?.values() ?? [])]
        .filter((msg) => before === null || BigInt(String(msg['id'])) < BigInt(before))
        .sort((a, b) => (BigInt(String(b['id'])) > BigInt(String(a['id'])) ? 1 : -1))
        .slice(0, limit);
      return [200, list];
    }
    if (method === 'GET' && (m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(route))) {
      const found = this.messages.get(m[1] ?? '')?.get(m[2] ?? '');
      return found ? [200, found] : [404, { message: 'Unknown Message', code: 10008 }];
    }
    if (method === 'POST' && /^\/channels\/\d+\/typing$/.test(route)) return [204, undefined];
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(route)) {
      return [200, (call.body as Record<string, unknown>[]).map((c) => ({ ...c, id: snowflake(), application_id: APP_ID, version: snowflake() }))];
    }
    return [404, { message: '404: Not Found', code: 0 }];
  }

  /** A message authored by the bot from a send/edit body. */
  private botMessage(body: Record<string, unknown>, channelId: string | undefined): Record<string, unknown> {
    const reference = body['message_reference'] as { message_id?: string } | undefined;
    return {
      ...messagePayload({
        channelId: channelId ?? '0',
        author: BOT_USER,
        content: typeof body['content'] === 'string' ? body['content'] : '',
        embeds: (body['embeds'] as unknown[] | undefined) ?? [],
        components: (body['components'] as unknown[] | undefined) ?? [],
        flags: typeof body['flags'] === 'number' ? body['flags'] : 0,
        ...(reference?.message_id !== undefined && { reference: { messageId: reference.message_id, channelId: channelId ?? '0' } }),
      }),
      application_id: APP_ID,
    };
  }

  private store(message: Record<string, unknown>): Record<string, unknown> {
    const channelId = String(message['channel_id']);
    const channel = this.messages.get(channelId) ?? new Map<string, Record<string, unknown>>();
    channel.set(String(message['id']), message);
    this.messages.set(channelId, channel);
    return message;
  }
}

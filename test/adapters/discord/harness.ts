import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pino, type Logger } from 'pino';
import { startServers, type Servers } from '../../../adapters/start.js';
import { Engine } from '../../../src/answer/engine.js';
import { FakeDiscord, type FakeDiscordOptions, type RecordedCall } from './fake-discord.js';

let engine: Engine | undefined;

/**
 * The real knowledge folder's engine, once per test file. The snapshot cache in the system temp
 * folder makes every open after the first one fast.
 */
export function testEngine(): Engine {
  engine ??= Engine.open({ knowledgeDir: resolve('knowledge'), cacheDir: join(tmpdir(), 'dealdesk-cache') });
  return engine;
}

/** A pino logger at `trace` that keeps every line, to assert on logs (and on what they never hold). */
export function captureLog(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) }), lines };
}

export interface Harness {
  fake: FakeDiscord;
  servers: Servers;
  lines: string[];
  dataDir: string;
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: NodeJS.ProcessEnv;
  /** The engine to serve (may be a wrapper, for fault injection); the real knowledge folder's by default. */
  engine?: Engine;
  /**
   * Serve this folder instead, through the EngineHost `startServers` opens itself (no file
   * watching, a private snapshot cache), so `/dealdesk reload` really rebuilds it.
   */
  knowledgeDir?: string;
  fake?: FakeDiscordOptions;
}

/**
 * Starts a fake Discord and the real bot through the real entry point (`startServers`), with
 * DISCORD_API_URL pointing at the fake.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await FakeDiscord.start(options.fake);
  const { log, lines } = captureLog();
  const dataDir = mkdtempSync(join(tmpdir(), 'dealdesk-discord-'));
  const env: NodeJS.ProcessEnv = {
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DEALDESK_DATA_DIR: dataDir,
    ...(options.knowledgeDir !== undefined && { DEALDESK_KNOWLEDGE_DIR: options.knowledgeDir, DEALDESK_WATCH: 'off', DEALDESK_CACHE_DIR: join(dataDir, 'cache') }),
    ...options.env,
  };
  try {
    const servers = await startServers(env, options.knowledgeDir !== undefined ? { log } : { log, engine: options.engine ?? testEngine() });
    return {
      fake,
      servers,
      lines,
      dataDir,
      close: async () => {
        await servers.stop();
        await fake.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await fake.close();
    throw error;
  }
}

/** What the person who asked finally sees for an interaction: the immediate reply (type 4), or the edit after a deferral (type 5). */
export interface InteractionReply {
  /** 4 (reply) or 5 (deferred, then edited). */
  callbackType: number;
  ephemeral: boolean;
  message: OutgoingBody;
  calls: RecordedCall[];
}

/** A message body as the bot sent it on the wire. */
export interface OutgoingBody {
  content?: string;
  embeds?: { description?: string; title?: string; fields?: { name: string; value: string }[]; footer?: { text: string } }[];
  components?: { components: { custom_id: string; label?: string; emoji?: { name: string } }[] }[];
  allowed_mentions?: { parse?: string[]; replied_user?: boolean };
  flags?: number;
}

/** Waits for the bot's answer to one interaction. */
export async function replyOf(fake: FakeDiscord, interaction: Record<string, unknown>): Promise<InteractionReply> {
  const id = String(interaction['id']);
  const token = String(interaction['token']);
  const callback = await fake.waitForCall((c) => c.route === `/interactions/${id}/${token}/callback`);
  const body = callback.body as { type: number; data?: OutgoingBody };
  const ephemeral = ((body.data?.flags ?? 0) & 64) === 64;
  if (body.type !== 5) return { callbackType: body.type, ephemeral, message: body.data ?? {}, calls: [callback] };
  const edit = await fake.waitForCall((c) => c.method === 'PATCH' && c.route === `/webhooks/${String(interaction['application_id'])}/${token}/messages/@original`);
  return { callbackType: 5, ephemeral, message: edit.body as OutgoingBody, calls: [callback, edit] };
}

/** Waits for the bot's channel message replying to `messageId`. */
export async function channelReplyTo(fake: FakeDiscord, channelId: string, messageId: string): Promise<OutgoingBody> {
  const call = await fake.waitForCall(
    (c) => c.method === 'POST' && c.route === `/channels/${channelId}/messages` && (c.body as { message_reference?: { message_id?: string } }).message_reference?.message_id === messageId,
  );
  return call.body as OutgoingBody;
}

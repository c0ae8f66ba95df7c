import { Events, type Client } from 'discord.js';
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { ReloadResult } from '../../src/answer/engine-host.js';
import type { RunningPlatform } from '../platform.js';
import { createClient } from './client.js';
import type { AnswerEngine, BotDeps } from './deps.js';
import { describeError } from './describe-error.js';
import type { DiscordConfig } from './env.js';
import { GapStore } from '../../src/gaps/gap-store.js';
import { gapSettings } from '../../src/gaps/data-dir.js';
import { FeedbackLog } from './feedback.js';
import { onInteraction } from './handle-interaction.js';
import { loginError } from './login-error.js';
import { onMessage } from './on-message.js';
import { RateLimiter } from './rate-limit.js';

export interface StartBotOptions {
  config: DiscordConfig;
  engine: AnswerEngine;
  log: Logger;
  /** Rebuilds the index (`/dealdesk reload`): the PlatformContext's, or a shard's own EngineHost. */
  reload: (trigger: string) => Promise<ReloadResult>;
  /** The environment, for the question log's DEALDESK_LOG_USERS (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Clock for feedback records and the rate limit (tests). */
  now?: () => Date;
  /** How long `stop()` waits for answers in progress (default 5 s). */
  stopTimeoutMs?: number;
}

/**
 * Connects one discord.js client (one process; with sharding, one shard's process), answers
 * commands, buttons, mentions and DMs, and resolves once the bot is ready. A rejected token or
 * bad setting rejects with a DealdeskError. discord.js reconnects and RESUMEs by itself after a
 * gateway drop; the bot only logs it.
 *
 * @example const bot = await startBot({ config: parseDiscordEnv(process.env, 'serve'), engine, log, reload }); await bot.stop();
 */
export async function startBot(options: StartBotOptions): Promise<RunningPlatform> {
  const { config } = options;
  const log = options.log.child({ platform: 'discord' });
  const now = options.now ?? (() => new Date());
  const deps: BotDeps = {
    engine: options.engine,
    config,
    log,
    limiter: new RateLimiter(config.rateLimit, () => now().getTime()),
    feedback: new FeedbackLog(config.dataDir),
    gaps: new GapStore({ dataDir: config.dataDir, logUsers: gapSettings(undefined, options.env ?? process.env).logUsers }),
    now,
    reload: options.reload,
  };
  const client = createClient(config);
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  // Handlers never throw (each has its error boundary); the catch is a last line of defence.
  const track = (work: () => Promise<void>): void => {
    if (stopping) return;
    const task: Promise<void> = work()
      .catch((error: unknown) => log.error({ error: describeError(error, config.token) }, 'discord handler escaped its boundary'))
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  };
  client.on(Events.InteractionCreate, (interaction) => track(() => onInteraction(interaction, deps)));
  client.on(Events.MessageCreate, (message) => track(() => onMessage(message, deps)));
  watchConnection(client, log, config);

  await login(client, config);
  log.info({ user: client.user?.id, guilds: client.guilds.cache.size, shards: client.ws.shards.size }, 'discord bot ready');
  if (config.applicationId !== undefined && client.application?.id !== config.applicationId) {
    log.warn({ expected: config.applicationId, actual: client.application?.id }, 'DISCORD_APPLICATION_ID differs from the application of DISCORD_TOKEN');
  }

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      stopping = true;
      // Let answers in progress finish, but never hang shutdown on one.
      await Promise.race([Promise.allSettled([...inFlight]), delay(options.stopTimeoutMs ?? 5000, undefined, { ref: false })]);
      await client.destroy();
      log.info('discord bot stopped');
    })());
  return { name: 'discord', stop };
}

async function login(client: Client, config: DiscordConfig): Promise<void> {
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(config.token.reveal());
  } catch (error) {
    await client.destroy().catch(() => undefined);
    throw loginError(error, config);
  }
  await ready;
}

/** Connection events, logged; an 'error' event without a listener would crash the process. */
function watchConnection(client: Client, log: Logger, config: DiscordConfig): void {
  client.on(Events.Error, (error) => log.error({ error: describeError(error, config.token) }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ message: config.token.scrub(message) }, 'discord client warning'));
  client.on(Events.ShardError, (error, shard) => log.warn({ shard, error: describeError(error, config.token) }, 'discord gateway error'));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ shard, code: event.code }, 'discord gateway closed for good'));
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, 'discord gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'discord gateway resumed'));
}

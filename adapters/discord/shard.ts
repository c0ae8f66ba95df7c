import { once } from 'node:events';
import { dirname, extname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult, type Shard } from 'discord.js';
import type { Logger } from 'pino';
import type { RunningPlatform } from '../platform.js';
import { describeError } from './describe-error.js';
import type { DiscordConfig } from './env.js';
import { loginError } from './login-error.js';
import { readReloadRequest, reloadRequest, type ReloadRequest } from './shard-reload.js';

export interface ShardManagerOptions {
  config: DiscordConfig;
  /** The environment the shard processes get (DISCORD_API_URL, knowledge folder, …). */
  env: NodeJS.ProcessEnv;
  log: Logger;
  /** Pause between shard starts; Discord allows one IDENTIFY per 5 s per bucket (default 5.5 s). */
  spawnDelayMs?: number;
  /** How long one shard may take to become ready (default 60 s). */
  readyTimeoutMs?: number;
}

/** Variables discord.js sets for each shard process; ours must not overwrite them. */
const SHARD_KEYS = ['SHARDING_MANAGER', 'SHARDS', 'SHARD_COUNT', 'DISCORD_TOKEN'] as const;

/**
 * DISCORD_SHARDS=auto|N: a discord.js ShardingManager runs one process per shard, each a full
 * bot (shard-process.ts) with its own engine. Handlers keep no state (buttons carry theirs in
 * `custom_id`, follow-ups read the topic from Discord), so shards share nothing. The token and
 * the shard count are checked against GET /gateway/bot first, so a bad token fails here with
 * one line instead of in every child; "auto" uses Discord's recommended count.
 *
 * @example await startShardManager({ config: { ...config, shards: 'auto' }, env: process.env, log })
 */
export async function startShardManager(options: ShardManagerOptions): Promise<RunningPlatform> {
  const { config } = options;
  const log = options.log.child({ platform: 'discord' });
  const gateway = await fetchGateway(config);
  const total = config.shards === 'auto' || config.shards === undefined ? gateway.shards : config.shards;
  if (total < gateway.shards) log.warn({ shards: total, recommended: gateway.shards }, 'DISCORD_SHARDS is below the count Discord recommends');

  const { file, execArgv } = shardScript();
  let stopping = false;
  const manager = new ShardingManager(file, { token: config.token.reveal(), totalShards: total, mode: 'process', respawn: true, execArgv });
  manager.on('shardCreate', (shard) => {
    shard.env = shardEnv(shard, options.env);
    shard.on('ready', () => log.info({ shard: shard.id, of: total }, 'discord shard ready'));
    shard.on('death', () => (stopping ? log.info({ shard: shard.id }, 'discord shard process exited') : log.warn({ shard: shard.id }, 'discord shard process exited; restarting it')));
    shard.on('message', (message: unknown) => relayReload(manager, shard, message, log));
  });
  const stopAll = stopper(manager, log);
  const stop = (): Promise<void> => {
    stopping = true;
    return stopAll();
  };
  try {
    // Shards are started `delay` apart (Discord's IDENTIFY pacing) without waiting for each to be
    // ready before starting the next; then all must become ready in time.
    await manager.spawn({ amount: total, delay: options.spawnDelayMs ?? 5500, timeout: -1 });
    await allReady([...manager.shards.values()], options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await stop();
    throw new Error(`a Discord shard did not start (${describeError(error, config.token).message}); its own log line above says why`);
  }
  log.info({ shards: total }, 'discord shards ready');
  // SIGHUP or an admin command in this process: every shard reloads its own index.
  const reload = (trigger: string): void => {
    log.info({ to: [...manager.shards.keys()], trigger }, 'discord reload passed on to every shard');
    askToReload([...manager.shards.values()], reloadRequest(trigger), log);
  };
  return { name: 'discord', stop, reload };
}

/** `/dealdesk reload` on one shard: ask every other shard to reload its own index too. */
function relayReload(manager: ShardingManager, from: Shard, message: unknown, log: Logger): void {
  const request = readReloadRequest(message);
  if (!request) return;
  const others = [...manager.shards.values()].filter((s) => s !== from);
  log.info({ from: from.id, to: others.map((s) => s.id), trigger: request.trigger }, 'discord reload passed on to the other shards');
  askToReload(others, request, log);
}

function askToReload(shards: readonly Shard[], request: ReloadRequest, log: Logger): void {
  for (const shard of shards) {
    shard.send(request).catch((error: unknown) => log.warn({ shard: shard.id, error: describeError(error) }, 'discord shard could not be asked to reload'));
  }
}

/** Resolves when every shard's client is ready; rejects when one dies first or time runs out. */
async function allReady(shards: readonly Shard[], timeoutMs: number): Promise<void> {
  const controller = new AbortController();
  const ready = (shard: Shard): Promise<void> =>
    shard.ready
      ? Promise.resolve()
      : Promise.race([
          once(shard, 'ready', { signal: controller.signal }).then(() => undefined),
          once(shard, 'death', { signal: controller.signal }).then(() => Promise.reject(new Error(`shard ${shard.id} exited before it was ready`))),
        ]);
  try {
    await Promise.race([
      Promise.all(shards.map(ready)),
      delay(timeoutMs, undefined, { signal: controller.signal, ref: false }).then(() => Promise.reject(new Error(`shards not ready after ${timeoutMs} ms`))),
    ]);
  } finally {
    controller.abort();
  }
}

async function fetchGateway(config: DiscordConfig): Promise<RESTGetAPIGatewayBotResult> {
  const rest = new REST(config.apiUrl === undefined ? {} : { api: config.apiUrl }).setToken(config.token.reveal());
  try {
    return (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  } catch (error) {
    throw loginError((error as { status?: unknown }).status === 401 ? Object.assign(new Error('401'), { code: 'TokenInvalid' }) : error, config);
  }
}

/**
 * The shard script next to this file: `.js` when built; `.ts` when running from source
 * (tsx, vitest), which the child then loads through tsx.
 */
function shardScript(): { file: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  const ext = extname(here);
  return { file: join(dirname(here), `shard-process${ext}`), execArgv: ext === '.ts' ? ['--import', 'tsx'] : [] };
}

function shardEnv(shard: Shard, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const own = shard.env as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...own, ...env };
  for (const key of SHARD_KEYS) merged[key] = own[key];
  // A shard is one bot, never a manager of its own.
  delete merged['DISCORD_SHARDS'];
  return merged;
}

/** Stops every shard process: SIGTERM lets each finish its answers; SIGKILL after 10 s. Idempotent. */
function stopper(manager: ShardingManager, log: Logger): () => Promise<void> {
  let stopped: Promise<void> | undefined;
  return () =>
    (stopped ??= (async () => {
      manager.respawn = false;
      await Promise.all(
        [...manager.shards.values()].map(async (shard) => {
          const child = shard.process;
          if (!child || child.exitCode !== null || child.signalCode !== null) return;
          const exited = once(child, 'exit');
          child.kill('SIGTERM');
          await Promise.race([exited, delay(10_000, undefined, { ref: false })]);
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        }),
      );
      log.info('discord shards stopped');
    })());
}

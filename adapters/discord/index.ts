import type { StartPlatform } from '../platform.js';
import { startBot } from './bot.js';
import { parseDiscordEnv } from './env.js';
import { startShardManager } from './shard.js';

/**
 * The Discord adapter, as `npm start` runs it when DISCORD_TOKEN is set: one bot in this
 * process, or — with DISCORD_SHARDS=auto|N — a ShardingManager with one process per shard.
 * Resolves once the bot is ready; a bad environment or a rejected token rejects with a
 * DealdeskError (CONFIG_INVALID) that never contains the token.
 *
 * @example const discord = await startDiscord({ env: process.env, engine, log, reload }); await discord.stop();
 */
export const startDiscord: StartPlatform = async ({ env, engine, log, reload }) => {
  const config = parseDiscordEnv(env, 'serve');
  // Sharded, each shard process serves (and reloads) its own index; this process's engine is unused.
  return config.shards === undefined ? startBot({ config, engine, log, reload, env }) : startShardManager({ config, env, log });
};

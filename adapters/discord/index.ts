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
 * @example const discord = await startDiscord({ env: process.env, engine, log }); await discord.stop();
 */
export const startDiscord: StartPlatform = async ({ env, engine, log }) => {
  const config = parseDiscordEnv(env, 'serve');
  return config.shards === undefined ? startBot({ config, engine, log }) : startShardManager({ config, env, log });
};

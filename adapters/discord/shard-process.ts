/**
 * One shard of the sharded bot, started by the ShardingManager in shard.ts (DISCORD_SHARDS).
 * discord.js reads this shard's id and the shard count from SHARDS and SHARD_COUNT. Stops
 * gracefully on SIGTERM/SIGINT and when the manager process goes away. `/dealdesk reload` here
 * reloads this shard's index and, through the manager, every other shard's.
 */
import { EngineHost } from '../../src/answer/engine-host.js';
import { useServingHeap } from '../../src/answer/serving-heap.js';
import { DealdeskError } from '../../src/errors.js';
import { resolveKnowledgeDir } from '../../src/knowledge/resolve-knowledge-dir.js';
import { defaultCacheDir } from '../../src/search/snapshot.js';
import { createLogger } from '../logger.js';
import { startBot } from './bot.js';
import { parseDiscordEnv } from './env.js';
import { readReloadRequest, reloadRequest } from './shard-reload.js';

async function main(): Promise<void> {
  const log = createLogger().child({ shard: process.env['SHARDS'] });
  const config = parseDiscordEnv(process.env, 'serve');
  // Each shard serves its own copy of the index and reloads it when the folder changes.
  const engine = EngineHost.open({
    knowledgeDir: resolveKnowledgeDir(undefined, process.env),
    cacheDir: defaultCacheDir(process.env),
    watch: process.env['DEALDESK_WATCH'] !== 'off',
    log: (m) => log.info(m),
    onReload: (result, trigger) => (result.ok ? log.info({ trigger, ...result }, 'knowledge reloaded') : log.error({ trigger, problems: result.problems }, 'knowledge reload failed')),
  });
  const reload = (trigger: string): ReturnType<EngineHost['reload']> => {
    // The other shards rebuild at the same time; their results are in their own log lines.
    process.send?.(reloadRequest(trigger));
    return engine.reload(trigger);
  };
  // A reload another shard asked for: only this shard's index, never passed on again.
  process.on('message', (message) => {
    const request = readReloadRequest(message);
    if (request) void engine.reload(request.trigger);
  });
  const bot = await startBot({ config, engine, log, reload });
  const shutdown = (): void => void bot.stop().then(() => (engine.close(), process.exit(0)));
  process.on('SIGHUP', () => void engine.reload('SIGHUP'));
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  process.once('disconnect', shutdown);
}

useServingHeap();
main().catch((error: unknown) => {
  const message = error instanceof DealdeskError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`dealdesk (discord shard ${process.env['SHARDS'] ?? '?'}): ${message}\n`);
  process.exit(1);
});

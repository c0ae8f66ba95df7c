import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDiscordEnv } from '../../../adapters/discord/env.js';
import { startShardManager } from '../../../adapters/discord/shard.js';
import type { RunningPlatform } from '../../../adapters/platform.js';
import { commandInteraction, GUILD_ID, person } from './discord-fixtures.js';
import { FakeDiscord } from './fake-discord.js';
import { captureLog, replyOf } from './harness.js';

// DISCORD_SHARDS=auto with two shards recommended: the ShardingManager forks one process per
// shard (from source, through tsx); each identifies with its shard id and answers the guild
// Discord routes to it. Slower than the other files (two child processes), so one scenario.

/** A guild id that Discord routes to the other shard of two: shard = (id >> 22) % 2. */
const OTHER_GUILD = (BigInt(GUILD_ID) + (1n << 22n)).toString();
const SHARDING_KEYS = ['SHARDING_MANAGER', 'SHARDING_MANAGER_MODE', 'DISCORD_TOKEN'] as const;
const savedEnv = Object.fromEntries(SHARDING_KEYS.map((k) => [k, process.env[k]]));
let fake: FakeDiscord;
let running: RunningPlatform | undefined;

beforeAll(async () => {
  fake = await FakeDiscord.start({ shards: 2, guilds: [GUILD_ID, OTHER_GUILD] });
  const env = { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_SHARDS: 'auto', LOG_LEVEL: 'silent' };
  running = await startShardManager({ config: parseDiscordEnv(env, 'serve'), env, log: captureLog().log, spawnDelayMs: 0, readyTimeoutMs: 20_000 });
}, 30_000);

afterAll(async () => {
  await running?.stop();
  await fake?.close();
  // The ShardingManager writes these into the parent's environment; leave it as it was.
  for (const key of SHARDING_KEYS) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

describe('ShardingManager (DISCORD_SHARDS)', () => {
  it('starts one process per recommended shard, each identifying as its shard', () => {
    expect(fake.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it('answers on both shards (handlers share no state)', async () => {
    const shards = [GUILD_ID, OTHER_GUILD].map((g) => fake.shardFor(g));
    expect(new Set(shards).size).toBe(2);
    for (const guildId of [GUILD_ID, OTHER_GUILD]) {
      const interaction = commandInteraction('ask', { question: 'What did Witkoff say about Article 5?' }, person(), { guildId, channel: { id: '1200000000000000009', type: 0 } });
      fake.interact(interaction);
      expect((await replyOf(fake, interaction)).message.embeds?.[0]?.footer?.text).toBe('Topic: What did Witkoff say about Article 5?');
    }
  });
});

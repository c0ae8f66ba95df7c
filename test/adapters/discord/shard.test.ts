import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../src/answer/engine.js';
import { parseDiscordEnv } from '../../../adapters/discord/env.js';
import { startShardManager } from '../../../adapters/discord/shard.js';
import type { RunningPlatform } from '../../../adapters/platform.js';
import { commandInteraction, GUILD_ID, MANAGE_GUILD, person, type Place } from './discord-fixtures.js';
import { FakeDiscord } from './fake-discord.js';
import { captureLog, replyOf } from './harness.js';
import { readBlockQuote } from './read-rendered.js';

// DISCORD_SHARDS=auto with two shards recommended: the ShardingManager forks one process per
// shard (from source, through tsx); each identifies with its shard id and answers the guild
// Discord routes to it. Slower than the other files (two child processes), so one scenario.
// The shards serve a copy of the knowledge folder without file watching, so only
// `/dealdesk reload` changes what they answer.

/** A guild id that Discord routes to the other shard of two: shard = (id >> 22) % 2. */
const OTHER_GUILD = (BigInt(GUILD_ID) + (1n << 22n)).toString();
const SHARDING_KEYS = ['SHARDING_MANAGER', 'SHARDING_MANAGER_MODE', 'DISCORD_TOKEN'] as const;
const savedEnv = Object.fromEntries(SHARDING_KEYS.map((k) => [k, process.env[k]]));
let fake: FakeDiscord;
let running: RunningPlatform | undefined;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dealdesk-shards-'));
  cpSync('knowledge', join(dir, 'knowledge'), { recursive: true });
  // Index snapshot and word-vector digest built once here, as a first start leaves them: two
  // shards building them at once from cold took over 20 s on a slow hour of this 2-core machine.
  Engine.open({ knowledgeDir: join(dir, 'knowledge'), cacheDir: join(dir, 'cache') });
  fake = await FakeDiscord.start({ shards: 2, guilds: [GUILD_ID, OTHER_GUILD] });
  const env = {
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_SHARDS: 'auto',
    DISCORD_RATE_LIMIT: 'off',
    LOG_LEVEL: 'silent',
    DEALDESK_KNOWLEDGE_DIR: join(dir, 'knowledge'),
    DEALDESK_CACHE_DIR: join(dir, 'cache'),
    DEALDESK_DATA_DIR: join(dir, 'data'),
    DEALDESK_WATCH: 'off',
  };
  running = await startShardManager({ config: parseDiscordEnv(env, 'serve'), env, log: captureLog().log, spawnDelayMs: 0, readyTimeoutMs: 45_000 });
}, 90_000);

afterAll(async () => {
  await running?.stop();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
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

describe('/dealdesk reload with shards', () => {
  const inGuild = (guildId: string): Place => ({ guildId, channel: { id: '1200000000000000009', type: 0 } });
  const QUESTION = 'When will negotiators meet in Odesa about the harbour?';
  const QUOTE = 'Negotiators will meet in Odesa on Thursday to discuss reopening the harbour to grain ships.';
  async function ask(guildId: string): Promise<string> {
    const interaction = commandInteraction('ask', { question: QUESTION }, person(), inGuild(guildId));
    fake.interact(interaction);
    return readBlockQuote((await replyOf(fake, interaction)).message.embeds?.[0]?.description ?? '').text;
  }

  it('reloads every shard, not only the one that got the command', async () => {
    writeFileSync(
      join(dir, 'knowledge', 'delta.md'),
      `---\ntitle: "Harbour talks to resume in Odesa"\npublisher: Delta Post\npublished: 2025-08-21\nnotes: Synthetic, for tests.\n---\n\n${QUOTE}\n`,
    );
    expect(await ask(OTHER_GUILD)).not.toBe(QUOTE);
    const reload = commandInteraction('dealdesk', {}, person(), inGuild(GUILD_ID), { subcommand: 'reload', permissions: MANAGE_GUILD });
    fake.interact(reload);
    expect((await replyOf(fake, reload)).message.content).toMatch(/^Reloaded: 2 documents, \d+ sentences \(changed\) in \d+ ms$/);
    // The other shard rebuilds at the same time, in its own process: wait until it answers.
    const deadline = Date.now() + 15_000;
    let answer = await ask(OTHER_GUILD);
    while (answer !== QUOTE && Date.now() < deadline) answer = await ask(OTHER_GUILD);
    expect(answer).toBe(QUOTE);
  }, 30_000);

  it('reloads every shard when the managing process is asked (SIGHUP)', async () => {
    const quote = 'Negotiators will meet in Odesa on Friday instead, to discuss reopening the harbour to grain ships.';
    writeFileSync(join(dir, 'knowledge', 'delta.md'), `---\ntitle: "Harbour talks moved"\npublisher: Delta Post\npublished: 2025-08-22\nnotes: Synthetic, for tests.\n---\n\n${quote}\n`);
    expect(running?.reload).toBeTypeOf('function');
    running?.reload?.('SIGHUP');
    const deadline = Date.now() + 20_000;
    const answers = async (): Promise<string[]> => Promise.all([GUILD_ID, OTHER_GUILD].map((g) => ask(g)));
    let got = await answers();
    while (got.some((a) => a !== quote) && Date.now() < deadline) got = await answers();
    expect(got).toEqual([quote, quote]);
  }, 40_000);
});

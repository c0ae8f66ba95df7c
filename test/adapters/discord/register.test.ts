import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommands } from '../../../adapters/discord/register.js';
import { DealdeskError } from '../../../src/errors.js';
import { APP_ID, GUILD_ID } from './discord-fixtures.js';
import { FakeDiscord } from './fake-discord.js';

// `npm run discord:register` against the fake: one bulk-overwrite PUT per run.

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake?.close();
});

const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, ...extra });

describe('registerCommands', () => {
  it('puts the commands in the guild with DISCORD_GUILD_ID, idempotently (the same PUT each run)', async () => {
    const since = fake.calls.length;
    expect(await registerCommands(env({ DISCORD_GUILD_ID: GUILD_ID }))).toEqual({ scope: 'guild', guildId: GUILD_ID, names: ['ask', 'sources', 'about', 'dealdesk'] });
    await registerCommands(env({ DISCORD_GUILD_ID: GUILD_ID }));
    const puts = fake.calls.slice(since);
    expect(puts.map((c) => `${c.method} ${c.route}`)).toEqual([`PUT /applications/${APP_ID}/guilds/${GUILD_ID}/commands`, `PUT /applications/${APP_ID}/guilds/${GUILD_ID}/commands`]);
    expect(puts[0]?.body).toEqual(puts[1]?.body);
    expect(puts[0]?.authorized).toBe(true);
    expect(puts[0]?.body).toEqual([
      {
        type: 1,
        name: 'ask',
        description: 'Ask about the documents; the answer quotes its source and says who claims it',
        options: [
          { type: 3, name: 'question', description: 'Your question, e.g. "What did Witkoff say about Article 5?"', required: true, max_length: 300 },
          { type: 5, name: 'private', description: 'Only you see the answer', required: false },
        ],
      },
      { type: 1, name: 'sources', description: 'List the documents I answer from: title, publisher, date and link' },
      { type: 1, name: 'about', description: 'What this bot is, and what each claim label means' },
      {
        type: 1,
        name: 'dealdesk',
        description: 'Operate the bot (Manage Server only)',
        // Manage Server (1 << 5): Discord shows the command only to members who have it.
        default_member_permissions: '32',
        options: [{ type: 1, name: 'reload', description: 'Re-read the knowledge folder now; the current documents keep answering if it fails' }],
      },
    ]);
  });

  it('registers globally without DISCORD_GUILD_ID, usable in servers and the bot’s DMs (/dealdesk in servers only)', async () => {
    const since = fake.calls.length;
    expect((await registerCommands(env())).scope).toBe('global');
    const put = fake.calls[since];
    expect(put?.route).toBe(`/applications/${APP_ID}/commands`);
    const commands = put?.body as { name: string; contexts: number[]; integration_types: number[]; default_member_permissions?: string; dm_permission?: boolean }[];
    for (const command of commands) {
      expect(command.contexts).toEqual(command.name === 'dealdesk' ? [0] : [0, 1]);
      expect(command.integration_types).toEqual([0]);
    }
    expect(commands.find((c) => c.name === 'dealdesk')).toMatchObject({ default_member_permissions: '32', dm_permission: false });
  });

  it('needs DISCORD_APPLICATION_ID, and explains a rejected token without showing it', async () => {
    await expect(registerCommands({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl })).rejects.toThrow('DISCORD_APPLICATION_ID is required to register commands');
    const error = await registerCommands(env({ DISCORD_TOKEN: 'wrong.token-value' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DealdeskError);
    expect((error as Error).message).toMatch(/^Discord rejected DISCORD_TOKEN \(REST 401 Unauthorized\)/);
    expect((error as Error).message).not.toContain('wrong.token-value');
  });
});

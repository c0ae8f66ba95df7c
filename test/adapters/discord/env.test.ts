import { describe, expect, it } from 'vitest';
import { parseDiscordEnv } from '../../../adapters/discord/env.js';
import { DealdeskError } from '../../../src/errors.js';

const TOKEN = 'MTIz.secret-value_xyz';

function problems(env: NodeJS.ProcessEnv, purpose: 'serve' | 'register' = 'serve'): string {
  try {
    parseDiscordEnv(env, purpose);
  } catch (error) {
    expect(error).toBeInstanceOf(DealdeskError);
    expect((error as DealdeskError).code).toBe('CONFIG_INVALID');
    return (error as DealdeskError).message;
  }
  throw new Error('expected the environment to be rejected');
}

describe('parseDiscordEnv', () => {
  it('applies the documented defaults', () => {
    const config = parseDiscordEnv({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: '' }, 'serve');
    expect(config).toMatchObject({ applicationId: undefined, guildId: undefined, apiUrl: undefined, allowedChannels: undefined, feedback: true, rateLimit: { limit: 5, windowMs: 30_000 }, shards: undefined });
    expect(config.dataDir).toMatch(/data$/);
    expect(config.token.reveal()).toBe(TOKEN);
  });

  it('reads every variable', () => {
    const config = parseDiscordEnv(
      {
        DISCORD_TOKEN: `Bot ${TOKEN}`,
        DISCORD_APPLICATION_ID: '1000000000000000001',
        DISCORD_GUILD_ID: '1100000000000000001',
        DISCORD_API_URL: 'http://127.0.0.1:9/api/',
        DISCORD_ALLOWED_CHANNELS: '1200000000000000001, 1200000000000000002',
        DISCORD_FEEDBACK: 'off',
        DISCORD_RATE_LIMIT: '20/10m',
        DISCORD_SHARDS: 'auto',
        DEALDESK_DATA_DIR: '/tmp/dd',
      },
      'register',
    );
    expect(config).toMatchObject({ applicationId: '1000000000000000001', guildId: '1100000000000000001', apiUrl: 'http://127.0.0.1:9/api', feedback: false, rateLimit: { limit: 20, windowMs: 600_000 }, shards: 'auto', dataDir: '/tmp/dd' });
    expect([...(config.allowedChannels ?? [])]).toEqual(['1200000000000000001', '1200000000000000002']);
    expect(config.token.reveal()).toBe(TOKEN);
    expect(parseDiscordEnv({ DISCORD_TOKEN: TOKEN, DISCORD_RATE_LIMIT: 'off', DISCORD_SHARDS: '4' }, 'serve')).toMatchObject({ rateLimit: null, shards: 4 });
  });

  it('lists every problem in one message, each naming the variable and the fix', () => {
    const message = problems({
      DISCORD_GUILD_ID: 'my-server',
      DISCORD_API_URL: 'discord.com',
      DISCORD_ALLOWED_CHANNELS: '1200000000000000001,general',
      DISCORD_FEEDBACK: 'maybe',
      DISCORD_RATE_LIMIT: 'lots',
      DISCORD_SHARDS: 'many',
    });
    expect(message.split('\n')).toEqual([
      'Discord settings are invalid (npm start); fix these variables, e.g. in .env:',
      '  - DISCORD_TOKEN is required: the bot token from the Discord Developer Portal (your application → Bot → Reset Token)',
      '  - DISCORD_GUILD_ID must be a server (guild) id (17–20 digits; Developer Mode → right-click → Copy ID)',
      '  - DISCORD_API_URL must be an http(s) URL such as https://discord.com/api',
      '  - DISCORD_ALLOWED_CHANNELS holds "general", which is not a channel id (17–20 digits, comma-separated)',
      '  - DISCORD_FEEDBACK must be "on" or "off"',
      '  - DISCORD_RATE_LIMIT must be QUESTIONS/WINDOW such as "5/30s" or "20/10m" (at least 1 question per 1s), or "off"; got "lots"',
      '  - DISCORD_SHARDS must be "auto" or a whole number of shards (1 or more); got "many"',
    ]);
  });

  it('needs DISCORD_APPLICATION_ID to register, and rejects a versioned API URL', () => {
    expect(problems({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: 'https://discord.com/api/v10' }, 'register')).toBe(
      [
        'Discord settings are invalid (npm run discord:register); fix these variables, e.g. in .env:',
        '  - DISCORD_API_URL must not end with the API version (write https://discord.com/api, not …/api/v10)',
        '  - DISCORD_APPLICATION_ID is required to register commands: copy the Application ID from the Developer Portal (General Information).',
      ].join('\n'),
    );
  });

  it('never echoes the token, even a malformed one, and never shows it when logged', () => {
    const bad = 'abc def"ghi';
    expect(problems({ DISCORD_TOKEN: bad })).not.toContain('ghi');
    const config = parseDiscordEnv({ DISCORD_TOKEN: TOKEN }, 'serve');
    expect(JSON.stringify(config)).not.toContain(TOKEN);
    expect(`${String(config.token)}`).toBe('[redacted]');
  });
});

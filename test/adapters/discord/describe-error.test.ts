import { describe, expect, it } from 'vitest';
import { channelAllowed } from '../../../adapters/discord/channel-policy.js';
import { describeError } from '../../../adapters/discord/describe-error.js';
import { Secret } from '../../../adapters/discord/secret.js';

describe('describeError', () => {
  it('scrubs the bot token and interaction tokens from messages and stacks', () => {
    const secret = new Secret('bot.token-value');
    const error = Object.assign(new Error('PATCH /webhooks/123/aW50ZXJhY3Rpb24.tok-en/messages/@original failed for bot.token-value'), { status: 404, code: 10062 });
    const summary = describeError(error, secret);
    expect(summary).toMatchObject({ type: 'Error', status: 404, code: 10062, message: 'PATCH /webhooks/123/[redacted]/messages/@original failed for [redacted]' });
    expect(summary.stack).not.toContain('bot.token-value');
    expect(describeError('POST /interactions/1/abc/callback')).toEqual({ type: 'string', message: 'POST /interactions/1/[redacted]/callback' });
  });
});

describe('channelAllowed (DISCORD_ALLOWED_CHANNELS)', () => {
  const allowed = new Set(['1200000000000000001']);
  it('allows listed channels, their threads, and DMs; everything without a list', () => {
    expect(channelAllowed(allowed, { guildId: 'g', channelId: '1200000000000000001' })).toBe(true);
    expect(channelAllowed(allowed, { guildId: 'g', channelId: 'thread', parentId: '1200000000000000001' })).toBe(true);
    expect(channelAllowed(allowed, { guildId: null, channelId: 'dm' })).toBe(true);
    expect(channelAllowed(allowed, { guildId: 'g', channelId: '1200000000000000002' })).toBe(false);
    expect(channelAllowed(undefined, { guildId: 'g', channelId: 'any' })).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { needsIndexHere } from '../../adapters/start.js';

describe('needsIndexHere', () => {
  it('opens no index in a process that only manages Discord shards (each shard opens its own)', () => {
    expect(needsIndexHere({ DISCORD_TOKEN: 't', DISCORD_SHARDS: 'auto' })).toBe(false);
    expect(needsIndexHere({ DISCORD_TOKEN: 't', DISCORD_SHARDS: '4' })).toBe(false);
  });

  it('opens one when a platform answers in this process', () => {
    expect(needsIndexHere({ DISCORD_TOKEN: 't' })).toBe(true);
    expect(needsIndexHere({ DISCORD_TOKEN: 't', DISCORD_SHARDS: ' ' })).toBe(true);
    expect(needsIndexHere({ SLACK_BOT_TOKEN: 'xoxb' })).toBe(true);
    expect(needsIndexHere({ DISCORD_TOKEN: 't', DISCORD_SHARDS: 'auto', SLACK_BOT_TOKEN: 'xoxb' })).toBe(true);
  });

  it('needs none when nothing is served', () => {
    expect(needsIndexHere({})).toBe(false);
  });
});

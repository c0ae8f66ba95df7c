import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServers } from '../../../adapters/start.js';
import { DealdeskError } from '../../../src/errors.js';
import { commandInteraction, person } from './discord-fixtures.js';
import { FakeDiscord } from './fake-discord.js';
import { captureLog, replyOf, startHarness, testEngine, type Harness } from './harness.js';

// The gateway connection: intents, heartbeats, RESUME after a drop, and start-up failures that
// must be one clear line without the token.

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAy.Gx9Zzz.s3cr3t-t0ken_value';
/** Every log line of this file, to check the token never appears in any. */
const allLines: string[] = [];
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ fake: { token: TOKEN, heartbeatIntervalMs: 100 } });
});
afterAll(async () => {
  await h?.close();
});

/** Starts the real entry point against `fake` with `env`, expecting a DealdeskError. */
async function startFailure(fake: FakeDiscord | undefined, env: NodeJS.ProcessEnv): Promise<DealdeskError> {
  const { log, lines } = captureLog();
  try {
    await startServers({ DISCORD_API_URL: fake?.apiUrl ?? 'http://127.0.0.1:9/api', ...env }, { log, engine: testEngine() });
  } catch (error) {
    allLines.push(...lines);
    expect(error).toBeInstanceOf(DealdeskError);
    return error as DealdeskError;
  }
  throw new Error('expected start-up to fail');
}

describe('gateway', () => {
  it('identifies with Guilds, GuildMessages and DirectMessages only: no privileged intent', () => {
    const intents = h.fake.identifies[0]?.intents ?? 0;
    expect(intents).toBe((1 << 0) | (1 << 9) | (1 << 12));
    for (const privileged of [1 << 1, 1 << 8, 1 << 15]) expect(intents & privileged).toBe(0);
  });

  it('heartbeats, and the fake acknowledges them', async () => {
    await h.fake.waitFor(() => (h.fake.heartbeats >= 3 ? true : undefined), 5000, 'three heartbeats');
  });

  it('resumes after a drop (close 4000) and gets the events it missed', async () => {
    const session = h.fake.identifies.length;
    h.fake.drop(4000);
    // Sent while the bot is disconnected: the fake keeps it and replays it after RESUME.
    const interaction = commandInteraction('about', {}, person());
    h.fake.interact(interaction);
    const resume = await h.fake.waitFor(() => h.fake.resumes[0], 5000, 'RESUME');
    expect(resume.seq).toBeGreaterThan(0);
    expect(h.fake.identifies.length).toBe(session);
    expect((await replyOf(h.fake, interaction)).message.embeds?.[0]?.title).toBe('About dealdesk');
    await h.fake.waitFor(() => h.lines.find((l) => l.includes('discord gateway resumed')), 5000, 'log line');
  });
});

describe('start-up failures', () => {
  it('a token the gateway rejects (close 4004) is one clear line, without the token', async () => {
    const fake = await FakeDiscord.start({ token: TOKEN, rejectIdentify: true });
    try {
      const error = await startFailure(fake, { DISCORD_TOKEN: TOKEN });
      expect(error.code).toBe('CONFIG_INVALID');
      expect(error.message).toBe(
        'Discord rejected DISCORD_TOKEN (gateway close 4004, authentication failed). Copy the bot token again from the Developer Portal (your application → Bot → Reset Token) and set DISCORD_TOKEN; it is the Bot token, not the client secret or the public key.',
      );
      expect(fake.identifies.map((i) => i.token)).toEqual([TOKEN]);
    } finally {
      await fake.close();
    }
  });

  it('a token REST rejects (401) is one clear line, without the token', async () => {
    const fake = await FakeDiscord.start({ token: TOKEN });
    try {
      const error = await startFailure(fake, { DISCORD_TOKEN: `${TOKEN}x` });
      expect(error.message).toMatch(/^Discord rejected DISCORD_TOKEN \(REST 401 Unauthorized\)\./);
      expect(error.message).not.toContain(TOKEN);
    } finally {
      await fake.close();
    }
  });

  it('an unreachable DISCORD_API_URL names the variable', async () => {
    const error = await startFailure(undefined, { DISCORD_TOKEN: TOKEN });
    expect(error.message).toBe("Could not reach Discord at http://127.0.0.1:9/api (ECONNREFUSED). Check the network, or unset DISCORD_API_URL to use Discord's own.");
  });

  it('a bad environment lists every problem, without the token', async () => {
    const error = await startFailure(undefined, { DISCORD_TOKEN: `${TOKEN} oops`, DISCORD_SHARDS: 'many', DISCORD_FEEDBACK: 'yes' });
    expect(error.problems).toEqual([
      'DISCORD_TOKEN is not a bot token (it should hold only letters, digits, "-", "_" and "."; copy it again from Bot → Reset Token)',
      'DISCORD_FEEDBACK must be "on" or "off"',
      'DISCORD_SHARDS must be "auto" or a whole number of shards (1 or more); got "many"',
    ]);
    expect(error.message).not.toContain('s3cr3t');
  });
});

describe('secrets', () => {
  // Runs last: every log line of this file (trace level, start-ups that failed, a gateway drop).
  it('never logs the token', () => {
    const lines = [...allLines, ...h.lines];
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain('s3cr3t');
    }
  });
});

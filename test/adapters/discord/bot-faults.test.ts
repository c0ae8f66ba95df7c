import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/answer/engine.js';
import { BOT_ID, BOT_USER, CHANNEL_ID, commandInteraction, GUILD_ID, messagePayload, person } from './discord-fixtures.js';
import { channelReplyTo, replyOf, startHarness, testEngine, type Harness } from './harness.js';

// A handler fault must never end the process: the person gets a short apology naming a request
// id, the log gets the same id. The engine is wrapped so that some questions throw.

const BOOM = 'make the engine throw';
let h: Harness;

beforeAll(async () => {
  const real = testEngine();
  const faulty = Object.assign(Object.create(real) as Engine, {
    ask: (question: string) => {
      if (question.includes(BOOM)) throw new Error('engine exploded (test fault)');
      return real.ask(question);
    },
  });
  h = await startHarness({ engine: faulty, env: { DISCORD_FEEDBACK: 'off', DISCORD_RATE_LIMIT: 'off' } });
});
afterAll(async () => {
  await h?.close();
});

/** The log line for a failed handler, by its request id. */
function failureLog(requestId: string): Record<string, unknown> | undefined {
  return h.lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l['msg'] === 'discord handler failed' && l['requestId'] === requestId);
}

describe('error boundary', () => {
  it('/ask: the public "thinking…" is removed and an ephemeral apology with a request id follows; the log has the id', async () => {
    const interaction = commandInteraction('ask', { question: BOOM }, person());
    h.fake.interact(interaction);
    const token = String(interaction['token']);
    const followUp = await h.fake.waitForCall((c) => c.method === 'POST' && c.route === `/webhooks/${String(interaction['application_id'])}/${token}`);
    expect(h.fake.calls.some((c) => c.method === 'DELETE' && c.route.endsWith(`/${token}/messages/@original`))).toBe(true);
    const body = followUp.body as { content: string; flags: number; allowed_mentions: unknown };
    expect(body.flags & 64).toBe(64);
    const requestId = /\(ref ([0-9a-f]{8})\)/.exec(body.content)?.[1] ?? '';
    expect(body.content).toBe(`Sorry, something went wrong on my side (ref ${requestId}). Please try again in a moment.`);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(failureLog(requestId)).toMatchObject({ level: 50, handler: 'interaction', command: 'ask', error: { message: 'engine exploded (test fault)' } });
  });

  it('a mention: the reply is the apology', async () => {
    const message = messagePayload({ channelId: CHANNEL_ID, guildId: GUILD_ID, author: person(), content: `<@${BOT_ID}> ${BOOM}`, mentions: [BOT_USER] });
    h.fake.post(message);
    const reply = await channelReplyTo(h.fake, CHANNEL_ID, String(message['id']));
    const requestId = /\(ref ([0-9a-f]{8})\)/.exec(reply.content ?? '')?.[1] ?? '';
    expect(failureLog(requestId)).toMatchObject({ handler: 'message' });
  });

  it('keeps serving after faults', async () => {
    const interaction = commandInteraction('ask', { question: 'What did Witkoff say about Article 5?' }, person());
    h.fake.interact(interaction);
    expect((await replyOf(h.fake, interaction)).message.embeds?.length).toBe(1);
  });

  it('shows no 👍/👎 with DISCORD_FEEDBACK=off', async () => {
    const interaction = commandInteraction('ask', { question: 'What did Witkoff say about Article 5?' }, person());
    h.fake.interact(interaction);
    const ids = (await replyOf(h.fake, interaction)).message.components?.[0]?.components.map((b) => b.custom_id.split(':')[1]);
    expect(ids).toEqual(['more', 'ctx']);
  });
});

describe('graceful stop', () => {
  it('closes the gateway and ignores events after stop(); stop() is idempotent', async () => {
    const running = h.servers.running[0];
    if (!running) throw new Error('discord is not running');
    expect(running.name).toBe('discord');
    await Promise.all([running.stop(), running.stop()]);
    const calls = h.fake.calls.length;
    expect(() => h.fake.interact(commandInteraction('about', {}, person()))).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.fake.calls.length).toBe(calls);
    expect(h.lines.some((l) => l.includes('discord bot stopped'))).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskOptions, Engine } from '../../../src/answer/engine.js';
import { BOT_ID, BOT_USER, CHANNEL_ID, GUILD_ID, messagePayload, person, snowflake, THREAD_ID, type User } from './discord-fixtures.js';
import { channelReplyTo, startHarness, testEngine, type Harness } from './harness.js';
import { readBlockQuote } from './read-rendered.js';

// Mentions, DMs and follow-ups, driven through the real entry point against the fake Discord.

const QUESTION = 'What did Witkoff say about Article 5?';
/** Every engine.ask call, to see which earlier question a follow-up was given. */
const asked: { question: string; previous: string | undefined }[] = [];
let h: Harness;

beforeAll(async () => {
  const real = testEngine();
  // The real engine, with ask() recorded: methods and fields come from the prototype.
  const spy = Object.assign(Object.create(real) as Engine, {
    ask: (question: string, options?: AskOptions) => {
      asked.push({ question, previous: options?.previous });
      return real.ask(question, options);
    },
  });
  h = await startHarness({ engine: spy });
});
afterAll(async () => {
  await h?.close();
});

/** A person's message in the guild that mentions the bot (Discord lists the bot in `mentions`). */
function mention(author: User, text: string, options: { channelId?: string; replyTo?: string } = {}) {
  const channelId = options.channelId ?? CHANNEL_ID;
  return messagePayload({
    channelId,
    guildId: GUILD_ID,
    author,
    content: `<@${BOT_ID}> ${text}`,
    mentions: [BOT_USER],
    ...(options.replyTo !== undefined && { reference: { messageId: options.replyTo, channelId, guildId: GUILD_ID } }),
  });
}

/** A bot answer sent before this process started (so not in discord.js's cache). */
function earlierAnswer(channelId: string, topic: string, guildId: string | undefined = GUILD_ID) {
  const message = messagePayload({ channelId, guildId, author: BOT_USER, embeds: [{ description: `**Q:** ${topic}`, footer: { text: `Topic: ${topic}` } }] });
  h.fake.seedMessage(message);
  return message;
}

function previousFor(question: string): string | undefined {
  return asked.findLast((a) => a.question.includes(question))?.previous;
}

describe('mentions in a guild channel', () => {
  it('answers with a reply to the message, pinging nobody', async () => {
    const message = mention(person(), QUESTION);
    h.fake.post(message);
    const reply = await channelReplyTo(h.fake, CHANNEL_ID, String(message['id']));
    expect(reply.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(readBlockQuote(reply.embeds?.[0]?.description ?? '').text).not.toBe('');
    expect(reply.embeds?.[0]?.footer?.text).toBe(`Topic: ${QUESTION}`);
  });

  it('ignores messages that do not mention it, @everyone, and bots', async () => {
    const quiet = messagePayload({ channelId: CHANNEL_ID, guildId: GUILD_ID, author: person(), content: '' });
    const everyone: Record<string, unknown> = { ...messagePayload({ channelId: CHANNEL_ID, guildId: GUILD_ID, author: person(), content: '@everyone hi' }), mention_everyone: true };
    const bot = mention({ ...person(), bot: true }, QUESTION);
    for (const m of [quiet, everyone, bot]) h.fake.post(m);
    // Events are handled in order: once a later mention is answered, the earlier ones were seen.
    const later = mention(person(), QUESTION);
    h.fake.post(later);
    await channelReplyTo(h.fake, CHANNEL_ID, String(later['id']));
    const repliedTo = h.fake.calls.map((c) => (c.body as { message_reference?: { message_id: string } } | undefined)?.message_reference?.message_id);
    for (const m of [quiet, everyone, bot]) expect(repliedTo).not.toContain(m['id']);
  });

  it('escapes the echo of a hostile question and pings nobody', async () => {
    const message = mention(person(), '@everyone <@&123456789012345678> __what__ about `Crimea`?');
    h.fake.post(message);
    const reply = await channelReplyTo(h.fake, CHANNEL_ID, String(message['id']));
    expect(reply.embeds?.[0]?.description?.split('\n')[0]).toBe(String.raw`**Q:** \_\_what\_\_ about \`Crimea\`?`);
    expect(reply.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('declines a 5,000-character question within the limits', async () => {
    const message = mention(person(), 'a'.repeat(5000));
    h.fake.post(message);
    const reply = await channelReplyTo(h.fake, CHANNEL_ID, String(message['id']));
    expect(reply.embeds?.[0]?.description).toContain('questions are limited to 500');
    expect(reply.embeds?.[0]?.description?.length ?? 0).toBeLessThanOrEqual(4096);
  });

  it('rate-limits mentions: one notice per burst, then silence', async () => {
    const user = person();
    const messages = Array.from({ length: 7 }, () => mention(user, QUESTION));
    for (const m of messages) h.fake.post(m);
    const replies = await Promise.all(messages.slice(0, 6).map((m) => channelReplyTo(h.fake, CHANNEL_ID, String(m['id']))));
    expect(replies.slice(0, 5).every((r) => r.embeds?.length === 1)).toBe(true);
    expect(replies[5]?.content).toMatch(/^You are asking faster than I can answer/);
    await h.fake.waitFor(() => h.lines.find((l) => l.includes(user.id) && l.includes('"noticed":false')), 5000, 'log line');
    expect(h.fake.calls.some((c) => (c.body as { message_reference?: { message_id: string } } | undefined)?.message_reference?.message_id === messages[6]?.['id'])).toBe(false);
  });
});

describe('DMs', () => {
  it('answers a direct message', async () => {
    const user = person();
    const channelId = snowflake();
    const message = messagePayload({ channelId, author: user, content: QUESTION });
    h.fake.post(message);
    const reply = await channelReplyTo(h.fake, channelId, String(message['id']));
    expect(reply.embeds?.[0]?.footer?.text).toBe(`Topic: ${QUESTION}`);
  });

  it('reads a short follow-up in the context of its last answer in the DM', async () => {
    const user = person();
    const channelId = snowflake();
    earlierAnswer(channelId, QUESTION, undefined);
    const message = messagePayload({ channelId, author: user, content: 'what about the US?' });
    h.fake.post(message);
    const reply = await channelReplyTo(h.fake, channelId, String(message['id']));
    expect(previousFor('what about the US?')).toBe(QUESTION);
    expect(reply.embeds?.[0]?.footer?.text).toBe(`Topic: ${QUESTION}`);
  });
});

describe('follow-ups (the earlier question is read back from Discord, not memory)', () => {
  it('a reply to an answer sent before a restart uses that answer’s topic', async () => {
    const answer = earlierAnswer(CHANNEL_ID, QUESTION);
    const message = mention(person(), 'what about Crimea?', { replyTo: String(answer['id']) });
    h.fake.post(message);
    const reply = await channelReplyTo(h.fake, CHANNEL_ID, String(message['id']));
    expect(h.fake.calls.some((c) => c.method === 'GET' && c.route === `/channels/${CHANNEL_ID}/messages/${String(answer['id'])}`)).toBe(true);
    expect(previousFor('what about Crimea?')).toBe(QUESTION);
    // The follow-up's answer keeps the original topic, so the next follow-up has it too.
    expect(reply.embeds?.[0]?.footer?.text).toBe(`Topic: ${QUESTION}`);
  });

  it('a mention in a thread uses the bot’s latest answer in that thread', async () => {
    earlierAnswer(THREAD_ID, 'What did Zelensky request from European leaders?');
    const message = mention(person(), 'and the US?', { channelId: THREAD_ID });
    h.fake.post(message);
    await channelReplyTo(h.fake, THREAD_ID, String(message['id']));
    expect(h.fake.calls.some((c) => c.route === `/channels/${THREAD_ID}/messages` && c.query.get('before') === message['id'])).toBe(true);
    expect(previousFor('and the US?')).toBe('What did Zelensky request from European leaders?');
  });

  it('a full question, or a reply to someone else, gets no earlier context', async () => {
    const answer = earlierAnswer(CHANNEL_ID, QUESTION);
    const full = mention(person(), 'What did Western diplomats tell Reuters about sanctions relief?', { replyTo: String(answer['id']) });
    const other = messagePayload({ channelId: CHANNEL_ID, guildId: GUILD_ID, author: person(), content: 'hello' });
    h.fake.seedMessage(other);
    const toOther = mention(person(), 'what about Donetsk?', { replyTo: String(other['id']) });
    for (const m of [full, toOther]) h.fake.post(m);
    await Promise.all([full, toOther].map((m) => channelReplyTo(h.fake, CHANNEL_ID, String(m['id']))));
    expect(previousFor('Western diplomats')).toBeUndefined();
    expect(previousFor('what about Donetsk?')).toBeUndefined();
  });

  it('a reply to a deleted answer is still answered, without context', async () => {
    const message = mention(person(), 'what about Luhansk?', { replyTo: snowflake() });
    h.fake.post(message);
    const reply = await channelReplyTo(h.fake, CHANNEL_ID, String(message['id']));
    expect(reply.embeds?.length).toBe(1);
    expect(previousFor('what about Luhansk?')).toBeUndefined();
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../../adapters/discord/escape-markdown.js';
import { FeedbackRecordSchema } from '../../../adapters/discord/feedback.js';
import { claimLabel, CLAIM_STATUS_MEANING } from '../../../src/answer/claim-label.js';
import { APP_ID, BOT_USER, buttonInteraction, CHANNEL_ID, commandInteraction, inChannel, inDm, inThread, messagePayload, OTHER_CHANNEL_ID, person } from './discord-fixtures.js';
import { replyOf, startHarness, testEngine, type Harness, type OutgoingBody } from './harness.js';
import { readBlockQuote } from './read-rendered.js';

// Slash commands and buttons, driven through the real entry point against the fake Discord.
// DISCORD_ALLOWED_CHANNELS lists the main channel, so its thread is allowed and the other
// channel is not.

const BODY = readFileSync('knowledge/putin-peace-deal-security-guarantees.md', 'utf8');
const QUESTION = 'What did Witkoff say about Article 5?';
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ env: { DISCORD_ALLOWED_CHANNELS: CHANNEL_ID } });
});
afterAll(async () => {
  await h?.close();
});

async function ask(question: string, options: { private?: boolean; place?: ReturnType<typeof inChannel> } = {}) {
  const interaction = commandInteraction('ask', { question, ...(options.private !== undefined && { private: options.private }) }, person(), options.place ?? inChannel());
  h.fake.interact(interaction);
  return replyOf(h.fake, interaction);
}

/** Every message body the bot sent so far allowed no mention at all. */
function expectNoMentionsAllowedAnywhere(): void {
  const bodies = h.fake.calls.map((c) => c.body as { type?: number; data?: OutgoingBody } & OutgoingBody).filter((b) => b !== undefined);
  const messages = bodies.flatMap((b) => (b.type !== undefined ? (b.data?.content !== undefined || b.data?.embeds ? [b.data] : []) : b.content !== undefined || b.embeds ? [b] : []));
  expect(messages.length).toBeGreaterThan(0);
  for (const message of messages) expect(message?.allowed_mentions).toEqual({ parse: [], replied_user: false });
}

describe('/ask', () => {
  it('defers, then edits in an embed with the verbatim quote, its claim label and source, and the buttons', async () => {
    const reply = await ask(QUESTION);
    expect(reply.callbackType).toBe(5);
    expect(reply.ephemeral).toBe(false);
    const result = testEngine().ask(QUESTION);
    if (result.status !== 'answered') throw new Error('the knowledge base answers this');
    const best = result.citations[0];
    const embed = reply.message.embeds?.[0];
    const description = embed?.description ?? '';
    // The quote is the engine's, word for word, and sits in the knowledge file as is.
    expect(readBlockQuote(description)).toEqual({ text: best?.quote, cut: false });
    expect(BODY).toContain(readBlockQuote(description).text);
    expect(description).toContain(escapeMarkdown(claimLabel(best?.claim ?? { status: 'article', source: null, conditional: false })));
    expect(description).toContain('*Putin reportedly approves peace deal with new security assurances for Ukraine* · paragraph');
    expect(embed?.footer?.text).toBe(`Topic: ${QUESTION}`);
    expect(reply.message.components?.[0]?.components.map((b) => b.custom_id)).toEqual([`dd:more:${best?.key}`, `dd:ctx:${best?.key}`, `dd:fb:up:${best?.key}`, `dd:fb:down:${best?.key}`]);
    expect(reply.message.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('answers privately (ephemeral) with private:true', async () => {
    const reply = await ask(QUESTION, { private: true });
    expect(reply).toMatchObject({ callbackType: 5, ephemeral: true });
    expect(reply.message.embeds?.[0]?.description).toContain('**Q:**');
  });

  it('declines an off-topic question with example questions and no quote', async () => {
    const reply = await ask('What is the best pizza in Naples?');
    const description = reply.message.embeds?.[0]?.description ?? '';
    expect(description).toContain("The documents don't say.");
    expect(description).toContain('Questions I can answer, for example:');
    expect(description).not.toMatch(/^> /m);
    expect(reply.message.components ?? []).toEqual([]);
  });

  it('never lets a question ping anyone, and shows its markdown literally', async () => {
    const reply = await ask('@everyone @here <@&123456789012345678> <@1400000000000000009> <!channel> **bold** [x](https://evil.example) what about Crimea?');
    const description = reply.message.embeds?.[0]?.description ?? '';
    const echo = description.split('\n')[0] ?? '';
    expect(echo).toBe(String.raw`**Q:** \*\*bold\*\* \[x\]\(https\://evil.example\) what about Crimea?`);
    expect(description).not.toMatch(/@everyone|@here|<@&|<@\d|<!channel>/);
    expect(reply.message.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('copes with a 5,000-character question (Discord caps /ask at 300, the bot does not rely on it)', async () => {
    const reply = await ask(`${'Witkoff Article 5 '.repeat(300)}?`.slice(0, 5000));
    const embed = reply.message.embeds?.[0];
    expect(embed?.description).toContain('questions are limited to 500');
    expect(embed?.description?.length ?? 0).toBeLessThanOrEqual(4096);
  });

  it('answers in a thread of an allowed channel and in a DM, but not in another channel', async () => {
    expect((await ask(QUESTION, { place: inThread() })).callbackType).toBe(5);
    const user = person();
    const dm = commandInteraction('ask', { question: QUESTION }, user, inDm(user));
    h.fake.interact(dm);
    expect((await replyOf(h.fake, dm)).callbackType).toBe(5);
    const elsewhere = await ask(QUESTION, { place: inChannel(OTHER_CHANNEL_ID) });
    expect(elsewhere).toMatchObject({ callbackType: 4, ephemeral: true });
    expect(elsewhere.message.content).toBe(`I only answer in <#${CHANNEL_ID}>, and in direct messages.`);
  });

  it('limits each person to 5 questions per 30 s, with an ephemeral notice', async () => {
    const user = person();
    const replies = [];
    for (let i = 0; i < 6; i++) {
      const interaction = commandInteraction('ask', { question: QUESTION }, user);
      h.fake.interact(interaction);
      replies.push(await replyOf(h.fake, interaction));
    }
    expect(replies.map((r) => r.callbackType)).toEqual([5, 5, 5, 5, 5, 4]);
    expect(replies[5]?.ephemeral).toBe(true);
    expect(replies[5]?.message.content).toMatch(/^You are asking faster than I can answer: please wait \d+ s, then ask again\.$/);
    // Someone else is not affected.
    expect((await ask(QUESTION)).callbackType).toBe(5);
  });

  it('sets allowed_mentions to nobody on every message it sent', () => {
    expectNoMentionsAllowedAnywhere();
  });
});

describe('/sources and /about', () => {
  it('/sources lists the documents (ephemeral)', async () => {
    const interaction = commandInteraction('sources', {}, person());
    h.fake.interact(interaction);
    const reply = await replyOf(h.fake, interaction);
    expect(reply).toMatchObject({ callbackType: 4, ephemeral: true });
    expect(reply.message.embeds?.[0]).toMatchObject({ title: 'Sources', description: '• *Putin reportedly approves peace deal with new security assurances for Ukraine*' });
  });

  it('/about explains every claim label from the one table', async () => {
    const interaction = commandInteraction('about', {}, person());
    h.fake.interact(interaction);
    const fields = (await replyOf(h.fake, interaction)).message.embeds?.[0]?.fields ?? [];
    for (const [status, meaning] of Object.entries(CLAIM_STATUS_MEANING)) {
      expect(fields).toContainEqual({ name: claimLabel({ status: status as keyof typeof CLAIM_STATUS_MEANING, source: null, conditional: false }), value: meaning });
    }
  });
});

describe('buttons (state in custom_id: they work on answers this process never sent)', () => {
  const key = (): string => {
    const result = testEngine().ask(QUESTION);
    return result.citations[0]?.key ?? '';
  };
  /** An answer as the bot sent it, possibly before a restart. */
  const answerMessage = () =>
    messagePayload({ channelId: CHANNEL_ID, guildId: '1100000000000000001', author: BOT_USER, embeds: [{ description: '**Q:** …', footer: { text: `Topic: ${QUESTION}` } }] });

  async function click(customId: string) {
    const interaction = buttonInteraction(customId, answerMessage(), person());
    h.fake.interact(interaction);
    return replyOf(h.fake, interaction);
  }

  it('"More sources" answers ephemerally with other passages', async () => {
    const reply = await click(`dd:more:${key()}`);
    expect(reply).toMatchObject({ callbackType: 5, ephemeral: true });
    const similar = testEngine().similar(key(), 4);
    if (similar.length === 0) expect(reply.message.content).toBe('No other passage in the documents is close to this one.');
    else expect(reply.message.embeds?.[0]?.fields?.length).toBe(similar.length);
  });

  it('"Show context" shows the paragraph ephemerally, the quote in bold', async () => {
    const reply = await click(`dd:ctx:${key()}`);
    expect(reply).toMatchObject({ callbackType: 4, ephemeral: true });
    const context = testEngine().context(key());
    expect(readBlockQuote(reply.message.embeds?.[0]?.description ?? '').text).toBe(context?.paragraph);
    expect(reply.message.embeds?.[0]?.description).toContain(`paragraph ${context?.location.paragraph}`);
  });

  it('👍 and 👎 are saved as JSON lines under the data folder', async () => {
    expect((await click(`dd:fb:up:${key()}`)).message.content).toBe('Thanks, glad it helped.');
    expect((await click(`dd:fb:down:${key()}`)).ephemeral).toBe(true);
    const records = readFileSync(join(h.dataDir, 'discord-feedback.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => FeedbackRecordSchema.parse(JSON.parse(line)));
    expect(records.map((r) => [r.vote, r.key, r.topic, r.channel])).toEqual([
      ['up', key(), QUESTION, CHANNEL_ID],
      ['down', key(), QUESTION, CHANNEL_ID],
    ]);
  });

  it('says so when a passage is gone (documents updated) or a button is unknown', async () => {
    expect((await click('dd:ctx:ffffffffffff')).message.content).toBe('That passage is no longer in the documents (they have been updated). Ask again for a fresh answer.');
    expect((await click('someone-else:button')).message.content).toBe('That button is from an older version of the bot; ask again for a fresh answer.');
  });

  it('uses the application id Discord gave in READY for webhook edits', () => {
    expect(h.fake.calls.some((c) => c.route.startsWith(`/webhooks/${APP_ID}/`))).toBe(true);
  });
});

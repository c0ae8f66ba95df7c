import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSlack } from '../../../adapters/slack/index.js';
import { SlackMessageSchema } from '../../../adapters/slack/limits.js';
import { startServers, type Servers } from '../../../adapters/start.js';
import { Engine } from '../../../src/answer/engine.js';
import { DealdeskError } from '../../../src/errors.js';
import { captureLog } from './capture-log.js';
import { FakeSlack, type ApiCall } from './fake-slack.js';
import { appMention, buttonClick, CHANNEL, directMessage, eventCallback, httpBody, postSigned, slashCommand } from './slack-payloads.js';

// Shaped like real credentials so the redactor's patterns are exercised, but made up.
const BOT_TOKEN = 'xoxb-1111111111-2222222222-httpModeBotTokenValue';
const SIGNING_SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const ARTICLE_5 = 'What did Witkoff say about Article 5?';
const INJECTION = '<!channel> <!here> <@U0VICTIM> <!subteam^S0TEAM|@team> <#C0OTHER>';
/** Any live mention or channel link: what must never come out of the app. */
const LIVE_MENTION = /<[!@#]/;

let fake: FakeSlack;
let servers: Servers;
let engine: Engine;
let events: string;
let dataDir: string;
const logs = captureLog();

function env(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    PORT: '0',
    SLACK_API_URL: fake.apiUrl,
    DEALDESK_DATA_DIR: dataDir,
    SLACK_RATE_LIMIT_PER_MINUTE: '4',
    ...overrides,
  };
}

function slackOf(s: Servers): RunningSlack {
  const slack = s.running.find((p) => p.name === 'slack');
  if (!slack) throw new Error('slack is not running');
  return slack as RunningSlack;
}

/** /ask as Slack sends it; resolves with the ack and the response posted to response_url. */
async function ask(text: string, user = 'U0ASKER', url = events): Promise<{ ack: { status: number; text: string; ms: number }; body: Record<string, unknown> }> {
  const sink = fake.newResponseUrl();
  const ack = await postSigned(url, httpBody.command(slashCommand({ text, user_id: user, response_url: sink.url })), SIGNING_SECRET);
  const posted = await fake.waitFor(() => fake.responses.find((r) => r.id === sink.id), `the response to /ask ${text}`);
  return { ack, body: posted.body };
}

/** Sends an Events API event; resolves with the ack. */
function sendEvent(event: Record<string, unknown>, headers: Record<string, string> = {}): ReturnType<typeof postSigned> {
  return postSigned(events, httpBody.event(eventCallback(event)), SIGNING_SECRET, { headers });
}

function postedIn(channel: string, threadTs?: string): () => ApiCall | undefined {
  return () => fake.callsOf('chat.postMessage').find((c) => c.args['channel'] === channel && (threadTs === undefined || c.args['thread_ts'] === threadTs));
}

function sectionTexts(message: Record<string, unknown>): string[] {
  const blocks = (message['blocks'] ?? []) as { type: string; text?: { text: string } }[];
  return blocks.filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dealdesk-slack-'));
  fake = await FakeSlack.start({ botToken: BOT_TOKEN });
  engine = Engine.open({ knowledgeDir: 'knowledge', cacheDir: null });
  servers = await startServers(env(), { log: logs.log, engine });
  events = `http://127.0.0.1:${slackOf(servers).port}/slack/events`;
});

afterAll(async () => {
  await servers?.stop();
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('HTTP mode: transport', () => {
  it('serves GET /healthz for load balancers', async () => {
    const res = await fetch(events.replace('/slack/events', '/healthz'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, mode: 'http', documents: 1 });
  });

  it('answers the Events API url_verification challenge', async () => {
    const res = await postSigned(events, httpBody.event({ token: 't', challenge: 'challenge-42', type: 'url_verification' }), SIGNING_SECRET);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ challenge: 'challenge-42' });
  });

  it('rejects a forged signature with 401 and answers nothing', async () => {
    const sink = fake.newResponseUrl();
    const res = await postSigned(events, httpBody.command(slashCommand({ text: ARTICLE_5, response_url: sink.url })), 'not-the-signing-secret');
    expect(res.status).toBe(401);
    const tampered = await postSigned(events, httpBody.command(slashCommand({ text: ARTICLE_5, response_url: sink.url })), SIGNING_SECRET, { signature: `v0=${'0'.repeat(64)}` });
    expect(tampered.status).toBe(401);
    const unsigned = await fetch(events, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(unsigned.status).toBe(401);
    expect(fake.responses.some((r) => r.id === sink.id)).toBe(false);
  });

  it('rejects a correctly signed request older than five minutes (replay) with 401', async () => {
    const sink = fake.newResponseUrl();
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await postSigned(events, httpBody.command(slashCommand({ text: ARTICLE_5, response_url: sink.url })), SIGNING_SECRET, { nowSec: sixMinutesAgo });
    expect(res.status).toBe(401);
    // Four minutes is inside the window.
    const fresh = await postSigned(events, httpBody.command(slashCommand({ text: ARTICLE_5, user_id: 'U0WINDOW', response_url: sink.url })), SIGNING_SECRET, { nowSec: sixMinutesAgo + 120 });
    expect(fresh.status).toBe(200);
  });
});

describe('HTTP mode: /ask', () => {
  it('acks at once with an empty body, then answers in the channel with the quote, bold matches, source and claim label', async () => {
    const { ack, body } = await ask(ARTICLE_5);
    expect(ack.status).toBe(200);
    expect(ack.text).toBe('');
    expect(ack.ms).toBeLessThan(3000);
    expect(body['response_type']).toBe('in_channel');
    const { response_type: _type, ...message } = body;
    const parsed = SlackMessageSchema.parse(message);
    const [quote] = sectionTexts(parsed);
    expect(quote).toBe('> “The *US* might offer protection similar to *Article 5* – a key reason Ukraine seeks NATO membership.”');
    const context = JSON.stringify(parsed.blocks);
    expect(context).toContain('Putin reportedly approves peace deal with new security assurances for Ukraine · paragraph 3');
    expect(context).toContain('*On record: Steve Witkoff · hypothetical (might/could/would/if)*');
    expect(parsed.text).toMatch(/^“The US might offer protection similar to Article 5/);
    const buttons = parsed.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => e.action_id) : []));
    expect(buttons).toEqual(['dealdesk_more_sources', 'dealdesk_show_context', 'dealdesk_feedback_up', 'dealdesk_feedback_down']);
  });

  it('declines an off-topic question privately, with example questions and no quote', async () => {
    const { body } = await ask('What is the weather in Paris tomorrow?', 'U0OFFTOPIC');
    expect(body['response_type']).toBe('ephemeral');
    const [text] = sectionTexts(body);
    expect(text).toContain("The documents don't say.");
    expect(text).toContain('*You could ask:*\n• What did Steve Witkoff say?');
    expect(text).not.toContain('“');
    expect(JSON.stringify(body)).not.toContain('"actions"');
  });

  it('never turns mention syntax in a question into a live mention', async () => {
    const answered = await ask(`${INJECTION} ${ARTICLE_5}`, 'U0INJECT');
    expect(JSON.stringify(answered.body)).not.toMatch(LIVE_MENTION);
    expect(sectionTexts(answered.body)[0]).toContain('*Article 5*');
    const declined = await ask(`${INJECTION} & <script>`, 'U0INJECT');
    expect(JSON.stringify(declined.body)).not.toMatch(LIVE_MENTION);
  });

  it("reads Slack's escaped text (&amp; &lt; &gt;) as the user typed it, and escapes it once on the way out", async () => {
    const { body } = await ask('Article 5 &amp; NATO &lt;!here&gt;', 'U0AMPERSAND');
    const question = JSON.stringify((body['blocks'] as unknown[])[0]);
    expect(question).toContain('*Q:* Article 5 &amp; NATO');
    expect(question).not.toContain('&amp;amp;');
    expect(JSON.stringify(body)).not.toMatch(LIVE_MENTION);
  });

  it('limits questions per user, with a private notice', async () => {
    for (let i = 0; i < 4; i++) expect((await ask('Crimea', 'U0HASTY')).body['response_type']).toBe('in_channel');
    const { body } = await ask('Crimea', 'U0HASTY');
    expect(body['response_type']).toBe('ephemeral');
    expect(body['text']).toMatch(/^You are asking faster than I can answer: please wait \d+ s, then ask again\.$/);
    // Someone else is not affected.
    expect((await ask('Crimea', 'U0CALM')).body['response_type']).toBe('in_channel');
  });
});

describe('HTTP mode: mentions, DMs and follow-ups', () => {
  it('answers an app_mention in a new thread under the message, with metadata for follow-ups', async () => {
    const ts = fake.nextTs();
    const ack = await sendEvent(appMention({ text: `<@${fake.botUserId}> ${ARTICLE_5}`, ts, user: 'U0MENTION' }));
    expect(ack.status).toBe(200);
    const post = await fake.waitFor(postedIn(CHANNEL, ts), 'the answer in the thread');
    expect(post.token).toBe(BOT_TOKEN);
    expect(post.args['unfurl_links']).toBe('false');
    expect(post.args['metadata']).toEqual({ event_type: 'dealdesk_answer', event_payload: { question: ARTICLE_5, anchor: ARTICLE_5 } });
    expect(SlackMessageSchema.parse({ text: post.args['text'], blocks: post.args['blocks'] }).blocks[1]).toMatchObject({ type: 'section' });
  });

  it('reads "what about Crimea?" in a thread with the question answered earlier in that thread', async () => {
    const root = fake.addMessage({ channel: 'C0THREADS', user: 'U0FOLLOW', text: `<@${fake.botUserId}> ${ARTICLE_5}` });
    await sendEvent(appMention({ text: root.text, ts: root.ts, user: 'U0FOLLOW', channel: 'C0THREADS' }));
    await fake.waitFor(postedIn('C0THREADS', root.ts), 'the first answer');
    const followUp = fake.addMessage({ channel: 'C0THREADS', user: 'U0FOLLOW', thread_ts: root.ts, text: `<@${fake.botUserId}> what about Crimea?` });
    await sendEvent(appMention({ text: followUp.text, ts: followUp.ts, thread_ts: root.ts, user: 'U0FOLLOW', channel: 'C0THREADS' }));
    const answer = await fake.waitFor(
      () => fake.callsOf('chat.postMessage').filter((c) => c.args['channel'] === 'C0THREADS' && c.args['thread_ts'] === root.ts)[1],
      'the follow-up answer',
    );
    const replies = fake.callsOf('conversations.replies').at(-1);
    expect(replies?.args).toMatchObject({ channel: 'C0THREADS', ts: root.ts, include_all_metadata: 'true' });
    expect(JSON.stringify(answer.args['blocks'])).toContain(`*Q:* what about Crimea? _(follow-up to “${ARTICLE_5}”)_`);
    expect(sectionTexts(answer.args)[0]).toContain('*Crimea*');
    // The follow-up's answer keeps the original question as the anchor for the next one.
    expect(answer.args['metadata']).toMatchObject({ event_payload: { anchor: ARTICLE_5 } });
  });

  it('answers a DM in the DM, and a DM follow-up from the DM history', async () => {
    const first = fake.addMessage({ channel: 'D0DIRECT', user: 'U0DM', text: 'Who offered security guarantees?' });
    await sendEvent(directMessage({ text: first.text, ts: first.ts, channel: 'D0DIRECT', user: 'U0DM' }));
    const answer = await fake.waitFor(postedIn('D0DIRECT'), 'the DM answer');
    expect(answer.args['thread_ts']).toBeUndefined();
    const second = fake.addMessage({ channel: 'D0DIRECT', user: 'U0DM', text: 'what about Crimea?' });
    await sendEvent(directMessage({ text: second.text, ts: second.ts, channel: 'D0DIRECT', user: 'U0DM' }));
    const followUp = await fake.waitFor(() => fake.callsOf('chat.postMessage').filter((c) => c.args['channel'] === 'D0DIRECT')[1], 'the DM follow-up');
    expect(fake.callsOf('conversations.history').at(-1)?.args).toMatchObject({ channel: 'D0DIRECT', latest: second.ts, include_all_metadata: 'true' });
    expect(JSON.stringify(followUp.args['blocks'])).toContain('(follow-up to “Who offered security guarantees?”)');
  });

  it('ignores message edits and bot posts in DMs', async () => {
    const ts = fake.nextTs();
    await sendEvent({ ...directMessage({ text: ARTICLE_5, ts, channel: 'D0QUIET' }), bot_id: 'B0OTHER' });
    await sendEvent({ ...directMessage({ text: ARTICLE_5, ts: fake.nextTs(), channel: 'D0QUIET' }), subtype: 'message_changed' });
    const marker = fake.nextTs();
    await sendEvent(directMessage({ text: ARTICLE_5, ts: marker, channel: 'D0QUIET2' }));
    await fake.waitFor(postedIn('D0QUIET2'), 'the marker answer');
    expect(fake.callsOf('chat.postMessage').filter((c) => c.args['channel'] === 'D0QUIET')).toEqual([]);
  });

  it('never turns mention syntax in a mention into a live mention', async () => {
    const ts = fake.nextTs();
    await sendEvent(appMention({ text: `<@${fake.botUserId}> ${INJECTION} ${ARTICLE_5}`, ts, channel: 'C0INJECT', user: 'U0INJECT2' }));
    const post = await fake.waitFor(postedIn('C0INJECT', ts), 'the answer');
    expect(JSON.stringify(post.args)).not.toMatch(LIVE_MENTION);
  });

  it('acks a retry (x-slack-retry-num) and does not answer twice', async () => {
    const ts = fake.nextTs();
    const ack = await sendEvent(appMention({ text: `<@${fake.botUserId}> ${ARTICLE_5}`, ts, channel: 'C0RETRY' }), { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(ack.status).toBe(200);
    await fake.waitFor(() => logs.entries().find((e) => e['msg'] === 'slack: retry skipped' && e['retryNum'] === 1), 'the retry log line');
    // A later, first delivery in the same channel is answered; the retry never was.
    const later = fake.nextTs();
    await sendEvent(appMention({ text: `<@${fake.botUserId}> Crimea`, ts: later, channel: 'C0RETRY' }));
    await fake.waitFor(postedIn('C0RETRY', later), 'the later answer');
    expect(fake.callsOf('chat.postMessage').filter((c) => c.args['thread_ts'] === ts)).toEqual([]);
  });

  it('apologises with a request id when answering fails, and logs the same id', async () => {
    fake.failNext('chat.postMessage', 'channel_not_found');
    const ts = fake.nextTs();
    await sendEvent(appMention({ text: `<@${fake.botUserId}> ${ARTICLE_5}`, ts, channel: 'C0BROKEN', user: 'U0UNLUCKY' }));
    const apology = await fake.waitFor(() => fake.callsOf('chat.postEphemeral').find((c) => c.args['channel'] === 'C0BROKEN'), 'the apology');
    expect(apology.args).toMatchObject({ user: 'U0UNLUCKY', thread_ts: ts });
    const ref = /\(ref ([0-9a-f]{8})\)$/.exec(String(apology.args['text']))?.[1];
    expect(ref).toBeDefined();
    const logged = logs.entries().find((e) => e['msg'] === 'slack: handler failed' && e['requestId'] === ref);
    expect(logged).toMatchObject({ kind: 'mention', user: 'U0UNLUCKY', err: { message: expect.stringContaining('channel_not_found') } });
  });
});

describe('HTTP mode: buttons', () => {
  let key: string;
  let feedback: string;

  beforeAll(async () => {
    const { body } = await ask(ARTICLE_5, 'U0BUTTONS');
    const actions = (body['blocks'] as { type: string; elements?: { action_id: string; value: string }[] }[]).find((b) => b.type === 'actions');
    key = actions?.elements?.find((e) => e.action_id === 'dealdesk_more_sources')?.value ?? '';
    feedback = actions?.elements?.find((e) => e.action_id === 'dealdesk_feedback_up')?.value ?? '';
  });

  async function click(actionId: string, value: string, threadTs?: string): Promise<Record<string, unknown>> {
    const sink = fake.newResponseUrl();
    const payload = buttonClick({ action_id: actionId, value, response_url: sink.url, ...(threadTs !== undefined && { thread_ts: threadTs }) });
    const ack = await postSigned(events, httpBody.interactive(payload), SIGNING_SECRET);
    expect(ack.status).toBe(200);
    return (await fake.waitFor(() => fake.responses.find((r) => r.id === sink.id), `the reply to ${actionId}`)).body;
  }

  it('"More sources" shows other quotes privately, in the thread, leaving the answer alone', async () => {
    const body = await click('dealdesk_more_sources', key, '1760000000.000200');
    expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: false, thread_ts: '1760000000.000200' });
    const { response_type: _t, replace_original: _r, thread_ts: _ts, ...message } = body;
    const parsed = SlackMessageSchema.parse(message);
    expect(JSON.stringify(parsed.blocks[0])).toContain('More sources like “The US might offer protection');
    expect(sectionTexts(parsed).length).toBeGreaterThan(0);
  });

  it('"Show context" shows the paragraph with the quote in bold', async () => {
    const body = await click('dealdesk_show_context', key);
    const [text] = sectionTexts(body);
    expect(text).toMatch(/^\*Context from\* Putin reportedly approves peace deal with new security assurances for Ukraine, paragraph 3:\n> /);
    expect(text).toContain('*The US might offer protection similar to Article 5 – a key reason Ukraine seeks NATO membership.*');
  });

  it('records 👍 as a JSON line under DEALDESK_DATA_DIR and thanks the user', async () => {
    const body = await click('dealdesk_feedback_up', feedback);
    expect(body['text']).toBe('Thanks, your feedback is noted.');
    const lines = readFileSync(join(dataDir, 'slack-feedback.jsonl'), 'utf8').trim().split('\n');
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ platform: 'slack', vote: 'up', key, question: ARTICLE_5, team: 'T0FAKE', user: 'U0CLICKER', channel: CHANNEL });
  });

  it('says so when a button points at a quote that is gone', async () => {
    const body = await click('dealdesk_show_context', 'ffffffffffff');
    expect(body['text']).toMatch(/no longer in the knowledge base/);
  });
});

describe('HTTP mode: start-up and stop', () => {
  it('lists every bad variable in one error, without echoing values', async () => {
    const leaked = 'xoxp-9999-personal-token-pasted-by-mistake';
    const error = await startServers(env({ SLACK_BOT_TOKEN: leaked, SLACK_SIGNING_SECRET: '', PORT: 'eighty', SLACK_ASK_VISIBILITY: 'everyone' }), { log: logs.log, engine }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DealdeskError);
    const { code, problems, message } = error as DealdeskError;
    expect(code).toBe('CONFIG_INVALID');
    expect(problems).toEqual([
      'SLACK_BOT_TOKEN must be a bot token starting with "xoxb-" (copy it from "OAuth & Permissions").',
      'PORT must be a whole number from 0 to 65535.',
      'SLACK_ASK_VISIBILITY must be "in_channel" (everyone sees /ask answers) or "ephemeral" (only the asker does).',
      'Set SLACK_APP_TOKEN (xapp-…) to run in Socket Mode, or SLACK_SIGNING_SECRET ("Basic Information → Signing Secret") to run in HTTP mode.',
    ]);
    expect(message).not.toContain(leaked);
  });

  it('turns a token Slack rejects into a configuration error that names the variable, not the token', async () => {
    const wrong = 'xoxb-0000-0000-revokedTokenValue';
    const error = await startServers(env({ SLACK_BOT_TOKEN: wrong }), { log: logs.log, engine }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DealdeskError);
    expect((error as Error).message).toBe(
      'Slack rejected SLACK_BOT_TOKEN (invalid_auth). Copy the Bot User OAuth Token (xoxb-…) from "OAuth & Permissions" into SLACK_BOT_TOKEN, then start again.',
    );
    expect(logs.text()).not.toContain(wrong);
  });

  it('says which PORT is taken', async () => {
    const port = String(slackOf(servers).port);
    await expect(startServers(env({ PORT: port }), { log: logs.log, engine })).rejects.toThrow(`PORT ${port} cannot be used (EADDRINUSE)`);
  });

  it('hides 👍/👎 with SLACK_FEEDBACK=off, answers privately with SLACK_ASK_VISIBILITY=ephemeral, and finishes answers in progress on stop', async () => {
    const other = await startServers(env({ SLACK_FEEDBACK: 'off', SLACK_ASK_VISIBILITY: 'ephemeral' }), { log: logs.log, engine });
    const url = `http://127.0.0.1:${slackOf(other).port}/slack/events`;
    const sink = fake.newResponseUrl();
    const ack = await postSigned(url, httpBody.command(slashCommand({ text: ARTICLE_5, response_url: sink.url })), SIGNING_SECRET);
    expect(ack.status).toBe(200);
    // Stop right after the ack: the answer already promised must still arrive.
    await other.stop();
    const posted = fake.responses.find((r) => r.id === sink.id);
    expect(posted?.body['response_type']).toBe('ephemeral');
    expect(JSON.stringify(posted?.body)).not.toContain('dealdesk_feedback');
    await expect(fetch(url.replace('/slack/events', '/healthz'))).rejects.toThrow();
  });

  it('never logs a token or the signing secret', () => {
    const text = logs.text();
    expect(text.length).toBeGreaterThan(1000);
    expect(text).not.toContain(BOT_TOKEN);
    expect(text).not.toContain(SIGNING_SECRET);
    expect(text).not.toMatch(/xox[abposr]-/);
  });
});

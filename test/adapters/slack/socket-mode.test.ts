import { mkdtempSync, rmSync } from 'node:fs';
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
import { appMention, buttonClick, eventCallback, slashCommand } from './slack-payloads.js';

const BOT_TOKEN = 'xoxb-3333333333-4444444444-socketModeBotToken';
const APP_TOKEN = 'xapp-1-A0FAKE-5555555555-socketModeAppTokenValue';
const ARTICLE_5 = 'What did Witkoff say about Article 5?';

let fake: FakeSlack;
let servers: Servers;
let engine: Engine;
let dataDir: string;
const logs = captureLog();

function env(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    // Short, so the reconnect tests wait a second, not five.
    SLACK_SOCKET_PING_TIMEOUT_MS: '1000',
    SLACK_FEEDBACK: 'off',
    SLACK_ADMIN_USERS: 'U0ADMIN',
    // The question log is written after every answer; keep it out of the working tree.
    DEALDESK_DATA_DIR: dataDir,
    ...overrides,
  };
}

function postedIn(channel: string, threadTs: string): () => ApiCall | undefined {
  return () => fake.callsOf('chat.postMessage').find((c) => c.args['channel'] === channel && c.args['thread_ts'] === threadTs);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dealdesk-slack-socket-'));
  fake = await FakeSlack.start({ botToken: BOT_TOKEN, appToken: APP_TOKEN });
  engine = Engine.open({ knowledgeDir: 'knowledge', cacheDir: null });
  servers = await startServers(env(), { log: logs.log, engine });
});

afterAll(async () => {
  await servers?.stop();
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Socket Mode', () => {
  it('verifies the bot token, then connects where apps.connections.open says, with the app token', () => {
    const slack = servers.running.find((p) => p.name === 'slack') as RunningSlack;
    expect(slack).toMatchObject({ name: 'slack', mode: 'socket', port: undefined });
    expect(fake.callsOf('auth.test')[0]?.token).toBe(BOT_TOKEN);
    expect(fake.callsOf('apps.connections.open')[0]?.token).toBe(APP_TOKEN);
    expect(fake.socketConnections).toBe(1);
  });

  it('acks a slash_commands envelope, then answers through response_url', async () => {
    const sink = fake.newResponseUrl();
    const ack = await fake.sendEnvelope('slash_commands', slashCommand({ text: ARTICLE_5, response_url: sink.url }));
    // An empty ack: the answer follows through response_url, not in the ack.
    expect(ack).toEqual({ envelope_id: expect.any(String), payload: {} });
    const { body } = await fake.waitFor(() => fake.responses.find((r) => r.id === sink.id), 'the answer');
    const { response_type: responseType, ...message } = body;
    expect(responseType).toBe('in_channel');
    expect(JSON.stringify(SlackMessageSchema.parse(message).blocks)).toContain('*Article 5*');
    // SLACK_FEEDBACK=off: no 👍/👎.
    expect(JSON.stringify(message)).not.toContain('dealdesk_feedback');
  });

  it('runs /dealdesk reload for an admin over the socket, and says why an engine that cannot reload did not', async () => {
    const sink = fake.newResponseUrl();
    const ack = await fake.sendEnvelope('slash_commands', slashCommand({ command: '/dealdesk', text: 'reload', user_id: 'U0ADMIN', response_url: sink.url }));
    expect(ack).toEqual({ envelope_id: expect.any(String), payload: {} });
    const { body } = await fake.waitFor(() => fake.responses.find((r) => r.id === sink.id), 'the reload reply');
    // These tests hand startServers a plain Engine, which has nothing to reload from.
    expect(body).toMatchObject({ response_type: 'ephemeral', text: 'Reload failed; the previous index keeps serving: this engine cannot reload' });
  });

  it('acks an events_api envelope (app_mention) and answers in the thread', async () => {
    const ts = fake.nextTs();
    const ack = await fake.sendEnvelope('events_api', eventCallback(appMention({ text: `<@${fake.botUserId}> Crimea`, ts, channel: 'C0SOCKET' })));
    expect(ack).toEqual({ envelope_id: expect.any(String), payload: {} });
    const post = await fake.waitFor(postedIn('C0SOCKET', ts), 'the threaded answer');
    expect(JSON.stringify(post.args['blocks'])).toContain('*Crimea*');
  });

  it('acks an interactive envelope (a button) and replies privately', async () => {
    const sink = fake.newResponseUrl();
    const key = engine.ask(ARTICLE_5).citations[0]?.key ?? '';
    await fake.sendEnvelope('interactive', buttonClick({ action_id: 'dealdesk_show_context', value: key, response_url: sink.url }));
    const { body } = await fake.waitFor(() => fake.responses.find((r) => r.id === sink.id), 'the context');
    expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(body['text'])).toMatch(/^Context from Putin reportedly approves/);
  });

  it('acks a redelivered event (retry_attempt 1) without answering it again', async () => {
    const ts = fake.nextTs();
    await fake.sendEnvelope('events_api', eventCallback(appMention({ text: `<@${fake.botUserId}> Crimea`, ts, channel: 'C0SOCKRETRY' })), 1);
    await fake.waitFor(() => logs.entries().find((e) => e['msg'] === 'slack: retry skipped' && e['retryNum'] === 1), 'the retry log line');
    const later = fake.nextTs();
    await fake.sendEnvelope('events_api', eventCallback(appMention({ text: `<@${fake.botUserId}> Crimea`, ts: later, channel: 'C0SOCKRETRY' })));
    await fake.waitFor(postedIn('C0SOCKRETRY', later), 'the first-delivery answer');
    expect(fake.callsOf('chat.postMessage').filter((c) => c.args['thread_ts'] === ts)).toEqual([]);
  });

  it('reconnects after the socket drops, with a fresh URL, and answers on the new socket', async () => {
    const opened = fake.callsOf('apps.connections.open').length;
    fake.dropSocket();
    await fake.waitForConnection(2);
    expect(fake.callsOf('apps.connections.open').length).toBe(opened + 1);
    const ts = fake.nextTs();
    await fake.sendEnvelope('events_api', eventCallback(appMention({ text: `<@${fake.botUserId}> ${ARTICLE_5}`, ts, channel: 'C0AFTERDROP' })));
    await fake.waitFor(postedIn('C0AFTERDROP', ts), 'an answer after the reconnect');
  });

  it('reconnects when Slack asks it to (disconnect: refresh_requested)', async () => {
    fake.sendRaw({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'fake-slack' } });
    await fake.waitForConnection(3);
    const sink = fake.newResponseUrl();
    await fake.sendEnvelope('slash_commands', slashCommand({ text: 'Crimea', user_id: 'U0REFRESH', response_url: sink.url }));
    await fake.waitFor(() => fake.responses.find((r) => r.id === sink.id), 'an answer after the refresh');
  });

  it('names SLACK_APP_TOKEN, not its value, when Slack rejects it', async () => {
    const wrong = 'xapp-1-A0FAKE-0000-rejectedAppTokenValue';
    const error = await startServers(env({ SLACK_APP_TOKEN: wrong }), { log: logs.log, engine }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DealdeskError);
    expect((error as Error).message).toMatch(/^Slack rejected SLACK_APP_TOKEN \(invalid_auth\)\./);
    expect(logs.text()).not.toContain(wrong);
  });

  it('stops gracefully: closes the socket and does not reconnect', async () => {
    const extra = await startServers(env(), { log: logs.log, engine });
    const connections = fake.socketConnections;
    await extra.stop();
    await extra.stop(); // idempotent
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(fake.socketConnections).toBe(connections);
  });

  it('never logs either token', () => {
    const text = logs.text();
    expect(text).not.toContain(BOT_TOKEN);
    expect(text).not.toContain(APP_TOKEN);
    expect(text).not.toMatch(/xox[abposr]-|xapp-/);
  });
});

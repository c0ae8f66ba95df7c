import type { RunningSlack } from '../../../adapters/slack/index.js';
import { startServers, type Servers } from '../../../adapters/start.js';
import type { AnswerEngine } from '../../../src/answer/engine-host.js';
import { captureLog } from './capture-log.js';
import { FakeSlack } from './fake-slack.js';
import { eventCallback, httpBody, postSigned, slashCommand } from './slack-payloads.js';

// Shaped like real credentials, but made up.
export const HARNESS_BOT_TOKEN = 'xoxb-7777777777-8888888888-harnessBotTokenValue';
export const HARNESS_SIGNING_SECRET = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';

/** The real app in HTTP mode (`startServers`), its fake Slack, and helpers to drive it as Slack would. */
export interface HttpSlack {
  fake: FakeSlack;
  servers: Servers;
  logs: ReturnType<typeof captureLog>;
  /** The app's POST /slack/events URL. */
  events: string;
  /**
   * Sends a slash command (signed, form-encoded) and resolves with the ack and the one response
   * posted to its response_url.
   */
  command(command: string, text: string, user?: string): Promise<{ ack: { status: number; text: string }; body: Record<string, unknown> }>;
  /** Sends an Events API event (signed JSON); resolves with the ack. */
  event(event: Record<string, unknown>): Promise<{ status: number; text: string }>;
  stop(): Promise<void>;
}

/**
 * Starts a fake Slack and the real entry point pointed at it, in HTTP mode. Without `engine`,
 * `startServers` opens a real EngineHost on DEALDESK_KNOWLEDGE_DIR (so `/dealdesk reload` works).
 * DEALDESK_DATA_DIR is required: every answer writes the question log there, never into the checkout.
 *
 * @example
 * const slack = await startHttpSlack({ DEALDESK_DATA_DIR: dir });
 * const { body } = await slack.command('/ask', 'Crimea');
 * await slack.stop();
 */
export async function startHttpSlack(env: Record<string, string> & { DEALDESK_DATA_DIR: string }, options: { engine?: AnswerEngine } = {}): Promise<HttpSlack> {
  const fake = await FakeSlack.start({ botToken: HARNESS_BOT_TOKEN });
  const logs = captureLog();
  const servers = await startServers(
    { SLACK_BOT_TOKEN: HARNESS_BOT_TOKEN, SLACK_SIGNING_SECRET: HARNESS_SIGNING_SECRET, PORT: '0', SLACK_API_URL: fake.apiUrl, SLACK_RATE_LIMIT_PER_MINUTE: '0', ...env },
    { log: logs.log, ...(options.engine !== undefined && { engine: options.engine }) },
  ).catch(async (error: unknown) => {
    await fake.close();
    throw error;
  });
  const slack = servers.running.find((p) => p.name === 'slack') as RunningSlack | undefined;
  const events = `http://127.0.0.1:${slack?.port ?? 0}/slack/events`;
  return {
    fake,
    servers,
    logs,
    events,
    async command(command, text, user = 'U0ASKER') {
      const sink = fake.newResponseUrl();
      const ack = await postSigned(events, httpBody.command(slashCommand({ command, text, user_id: user, response_url: sink.url })), HARNESS_SIGNING_SECRET);
      if (ack.status !== 200) return { ack, body: {} };
      const posted = await fake.waitFor(() => fake.responses.find((r) => r.id === sink.id), `the response to ${command} ${text}`);
      return { ack, body: posted.body };
    },
    event(event) {
      return postSigned(events, httpBody.event(eventCallback(event)), HARNESS_SIGNING_SECRET);
    },
    async stop() {
      await servers.stop();
      await fake.close();
    },
  };
}

/** The text of every section block of a message. */
export function sectionTexts(message: Record<string, unknown>): string[] {
  const blocks = (message['blocks'] ?? []) as { type: string; text?: { text: string } }[];
  return blocks.filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');
}

import { randomUUID } from 'node:crypto';
import { signedHeaders } from '../../../adapters/slack/sign-request.js';

/** Slack payload factories in the documented formats, each taking overrides. */

export const TEAM = 'T0FAKE';
export const CHANNEL = 'C0GENERAL';

/** A slash command as Slack sends it (form fields; in Socket Mode the same fields as JSON). */
export function slashCommand(overrides: Partial<Record<string, string>> & { text: string; response_url: string }): Record<string, string> {
  return {
    token: 'verification-token-unused',
    team_id: TEAM,
    team_domain: 'fake',
    channel_id: CHANNEL,
    channel_name: 'general',
    user_id: 'U0ASKER',
    user_name: 'asker',
    command: '/ask',
    api_app_id: 'A0FAKE',
    is_enterprise_install: 'false',
    trigger_id: `${Date.now()}.1.abc`,
    ...overrides,
  } as Record<string, string>;
}

/** An Events API `event_callback` wrapping `event`. */
export function eventCallback(event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: 'verification-token-unused',
    team_id: TEAM,
    api_app_id: 'A0FAKE',
    event: { event_ts: event['ts'], ...event },
    type: 'event_callback',
    event_id: `Ev${randomUUID().slice(0, 8)}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

/** An `app_mention` event. */
export function appMention(overrides: { text: string; ts: string; user?: string; channel?: string; thread_ts?: string }): Record<string, unknown> {
  return { type: 'app_mention', user: 'U0ASKER', team: TEAM, channel: CHANNEL, ...overrides };
}

/** A `message.im` event (a DM to the app). */
export function directMessage(overrides: { text: string; ts: string; channel: string; user?: string; thread_ts?: string }): Record<string, unknown> {
  return { type: 'message', channel_type: 'im', user: 'U0ASKER', team: TEAM, ...overrides };
}

/** A `block_actions` payload for one button click on a message. */
export function buttonClick(overrides: { action_id: string; value: string; response_url: string; user?: string; channel?: string; message_ts?: string; thread_ts?: string }): Record<string, unknown> {
  const channel = overrides.channel ?? CHANNEL;
  const messageTs = overrides.message_ts ?? '1760000000.000100';
  return {
    type: 'block_actions',
    user: { id: overrides.user ?? 'U0CLICKER', username: 'clicker', team_id: TEAM },
    api_app_id: 'A0FAKE',
    token: 'verification-token-unused',
    container: { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: false, ...(overrides.thread_ts !== undefined && { thread_ts: overrides.thread_ts }) },
    trigger_id: `${Date.now()}.1.def`,
    team: { id: TEAM, domain: 'fake' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: 'general' },
    message: { type: 'message', ts: messageTs, text: 'answer', ...(overrides.thread_ts !== undefined && { thread_ts: overrides.thread_ts }) },
    response_url: overrides.response_url,
    actions: [{ action_id: overrides.action_id, block_id: 'b1', text: { type: 'plain_text', text: 'x', emoji: true }, value: overrides.value, type: 'button', action_ts: `${Date.now() / 1000}` }],
  };
}

/** Bodies as Slack's HTTP requests carry them. */
export const httpBody = {
  command: (fields: Record<string, string>) => ({ body: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' }),
  event: (callback: Record<string, unknown>) => ({ body: JSON.stringify(callback), contentType: 'application/json' }),
  interactive: (payload: Record<string, unknown>) => ({ body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: 'application/x-www-form-urlencoded' }),
};

/** POSTs to the app's /slack/events as Slack does: signed with `secret` at `nowSec`, plus any extra headers (retries). */
export async function postSigned(
  url: string,
  request: { body: string; contentType: string },
  secret: string,
  options: { nowSec?: number; headers?: Record<string, string>; signature?: string } = {},
): Promise<{ status: number; text: string; ms: number }> {
  const headers: Record<string, string> = { 'content-type': request.contentType, ...signedHeaders(secret, request.body, options.nowSec), ...options.headers };
  if (options.signature !== undefined) headers['x-slack-signature'] = options.signature;
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers, body: request.body });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started };
}

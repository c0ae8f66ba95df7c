import { createHmac } from 'node:crypto';

/**
 * Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}` keyed with
 * the signing secret. Bolt verifies it on every request; the tests and `npm run bench:slack`
 * sign with this to play Slack's part.
 *
 * @example slackSignature('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, 'token=…') // 'v0=a2114d57…'
 */
export function slackSignature(signingSecret: string, timestampSec: number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestampSec}:${rawBody}`).digest('hex')}`;
}

/** The two headers Slack adds to a request it signs at `nowSec`. */
export function signedHeaders(signingSecret: string, rawBody: string, nowSec = Math.floor(Date.now() / 1000)): Record<'x-slack-request-timestamp' | 'x-slack-signature', string> {
  return { 'x-slack-request-timestamp': String(nowSec), 'x-slack-signature': slackSignature(signingSecret, nowSec, rawBody) };
}

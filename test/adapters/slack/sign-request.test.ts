import { verifySlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { signedHeaders, slackSignature } from '../../../adapters/slack/sign-request.js';

// Slack's published example ("Verifying requests from Slack", step-by-step walk-through).
const DOC = {
  signingSecret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: 1531420618,
  body: 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};

function boltVerifies(signature: string, body: string, nowSec: number): boolean {
  try {
    verifySlackRequest({
      signingSecret: DOC.signingSecret,
      body,
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': DOC.timestamp },
      nowMilliseconds: nowSec * 1000,
    });
    return true;
  } catch {
    return false;
  }
}

describe("Slack's request-signing test vector", () => {
  it('our signer computes the documented signature', () => {
    expect(slackSignature(DOC.signingSecret, DOC.timestamp, DOC.body)).toBe(DOC.signature);
    expect(signedHeaders(DOC.signingSecret, DOC.body, DOC.timestamp)).toEqual({ 'x-slack-request-timestamp': '1531420618', 'x-slack-signature': DOC.signature });
  });

  it("Bolt's verifier (the one the app runs) accepts it at the time it was made", () => {
    expect(boltVerifies(DOC.signature, DOC.body, DOC.timestamp)).toBe(true);
    expect(boltVerifies(DOC.signature, DOC.body, DOC.timestamp + 299)).toBe(true);
  });

  it('and rejects it once stale, with a changed body, or with another signature', () => {
    expect(boltVerifies(DOC.signature, DOC.body, DOC.timestamp + 301)).toBe(false);
    expect(boltVerifies(DOC.signature, `${DOC.body}&text=x`, DOC.timestamp)).toBe(false);
    expect(boltVerifies(`v0=${'0'.repeat(64)}`, DOC.body, DOC.timestamp)).toBe(false);
    expect(boltVerifies(DOC.signature.replace('v0=', 'v1='), DOC.body, DOC.timestamp)).toBe(false);
  });
});

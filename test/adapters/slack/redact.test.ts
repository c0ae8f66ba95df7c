import { describe, expect, it } from 'vitest';
import { errorForLog, makeRedactor } from '../../../adapters/slack/redact.js';

describe('makeRedactor', () => {
  it('hides given secrets and anything shaped like a Slack token', () => {
    const redact = makeRedactor(['sig-secret-123']);
    expect(redact('secret sig-secret-123, bot xoxb-1-2-abc, app xapp-1-A-2-def, user xoxp-9')).toBe('secret [redacted], bot [redacted], app [redacted], user [redacted]');
    expect(errorForLog(Object.assign(new Error('failed with xoxb-1-2-abc'), { code: 'slack_webapi_platform_error' }), redact)).toEqual({ name: 'Error', message: 'failed with [redacted]', code: 'slack_webapi_platform_error' });
  });
});

import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseSlackEnv } from '../../../adapters/slack/env.js';
import { DealdeskError } from '../../../src/errors.js';

const BOT = 'xoxb-1-2-envTestBotToken';
const APP = 'xapp-1-A1-2-envTestAppToken';

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    parseSlackEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(DealdeskError);
    expect((error as DealdeskError).code).toBe('CONFIG_INVALID');
    return (error as DealdeskError).problems;
  }
  throw new Error('expected the environment to be rejected');
}

describe('parseSlackEnv', () => {
  it('chooses HTTP mode with a signing secret, with documented defaults', () => {
    const config = parseSlackEnv({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 'secret' });
    expect(config).toMatchObject({ mode: 'http', port: 3000, apiUrl: undefined, askVisibility: 'in_channel', feedback: true, ratePerMinute: 10, socketPingTimeoutMs: 5000, adminUsers: [], logUsers: false });
    expect(config.dataDir).toMatch(/[/\\]data$/);
  });

  it('chooses Socket Mode when SLACK_APP_TOKEN is set, and reads every option', () => {
    const config = parseSlackEnv({
      SLACK_BOT_TOKEN: ` ${BOT} `,
      SLACK_APP_TOKEN: APP,
      PORT: '8080',
      SLACK_API_URL: 'http://127.0.0.1:9/api',
      SLACK_ASK_VISIBILITY: 'Ephemeral',
      SLACK_FEEDBACK: 'off',
      DEALDESK_DATA_DIR: '/tmp/dd',
      SLACK_RATE_LIMIT_PER_MINUTE: '0',
      SLACK_SOCKET_PING_TIMEOUT_MS: '250',
      SLACK_ADMIN_USERS: 'U012AB3CD',
      DEALDESK_LOG_USERS: 'ON',
    });
    expect(config).toMatchObject({ mode: 'socket', port: 8080, apiUrl: 'http://127.0.0.1:9/api/', askVisibility: 'ephemeral', feedback: false, dataDir: '/tmp/dd', ratePerMinute: 0, socketPingTimeoutMs: 250, adminUsers: ['U012AB3CD'], logUsers: true });
    expect(config.secrets.botToken).toBe(BOT);
    expect(config.secrets.appToken).toBe(APP);
  });

  it('treats empty variables as unset', () => {
    expect(parseSlackEnv({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 's', SLACK_APP_TOKEN: '  ', PORT: '', SLACK_API_URL: '' })).toMatchObject({ mode: 'http', port: 3000, apiUrl: undefined });
  });

  it('lists every problem at once, each naming its variable and the fix', () => {
    expect(problemsOf({ SLACK_APP_TOKEN: 'xoxb-wrong-kind', SLACK_API_URL: 'ftp://x', SLACK_FEEDBACK: 'maybe', SLACK_RATE_LIMIT_PER_MINUTE: '-1', SLACK_SOCKET_PING_TIMEOUT_MS: '5', PORT: '70000' })).toEqual([
      'SLACK_BOT_TOKEN is missing: set it to the Bot User OAuth Token (xoxb-…) from "OAuth & Permissions".',
      'SLACK_APP_TOKEN must be an app-level token starting with "xapp-" (Basic Information → App-Level Tokens, scope connections:write); unset it to use HTTP mode.',
      'PORT must be a whole number from 0 to 65535.',
      'SLACK_API_URL must be an http(s) URL such as https://slack.com/api/ (or unset).',
      'SLACK_FEEDBACK must be "on" or "off".',
      'SLACK_RATE_LIMIT_PER_MINUTE must be 0 or more (0 turns the limit off).',
      'SLACK_SOCKET_PING_TIMEOUT_MS must be a whole number of milliseconds from 100 to 60000.',
    ]);
    expect(problemsOf({ SLACK_BOT_TOKEN: BOT })).toEqual([
      'Set SLACK_APP_TOKEN (xapp-…) to run in Socket Mode, or SLACK_SIGNING_SECRET ("Basic Information → Signing Secret") to run in HTTP mode.',
    ]);
  });

  it('reads SLACK_ADMIN_USERS as user ids separated by commas and/or spaces; empty means nobody', () => {
    const admins = (value: string): readonly string[] => parseSlackEnv({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 's', SLACK_ADMIN_USERS: value }).adminUsers;
    expect(admins(' U012AB3CD,W0GRID42  U0THIRD,\n,U012AB3CD ')).toEqual(['U012AB3CD', 'W0GRID42', 'U0THIRD']);
    expect(admins('')).toEqual([]);
    expect(admins(' , ')).toEqual([]);
    expect(Object.isFrozen(admins('U012AB3CD'))).toBe(true);
  });

  it('names the SLACK_ADMIN_USERS entries that are not user ids, by position, beside every other problem', () => {
    const admin = (entries: string): string =>
      `SLACK_ADMIN_USERS must list Slack user ids (like U012AB3CD: a profile's "⋮ → Copy member ID"), separated by commas or spaces; ${entries}.`;
    expect(problemsOf({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 's', SLACK_ADMIN_USERS: '@alice' })).toEqual([admin('entry 1 is not one')]);
    // Lower case, a channel id and a display name are the usual mistakes.
    expect(problemsOf({ SLACK_BOT_TOKEN: BOT, SLACK_ADMIN_USERS: 'U012AB3CD u012ab3cd C0CHANNEL alice', DEALDESK_LOG_USERS: 'maybe' })).toEqual([
      admin('entries 2, 3 and 4 are not'),
      'DEALDESK_LOG_USERS must be "on" or "off" (got "maybe"). Fix it in .env or unset it.',
      'Set SLACK_APP_TOKEN (xapp-…) to run in Socket Mode, or SLACK_SIGNING_SECRET ("Basic Information → Signing Secret") to run in HTTP mode.',
    ]);
  });

  it('never puts a value in a message', () => {
    const pasted = 'xoxp-personal-token-in-the-wrong-place';
    const error = (() => {
      try {
        return parseSlackEnv({ SLACK_BOT_TOKEN: pasted, SLACK_APP_TOKEN: pasted, SLACK_SIGNING_SECRET: pasted });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(String((error as Error).message)).not.toContain(pasted);
  });

  it('keeps secrets out of JSON, inspection and enumeration', () => {
    const config = parseSlackEnv({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: 'sig-secret-value' });
    const shown = [JSON.stringify(config), inspect(config, { depth: 5, showHidden: false }), Object.keys(config.secrets).join()];
    for (const text of shown) {
      expect(text).not.toContain(BOT);
      expect(text).not.toContain(APP);
      expect(text).not.toContain('sig-secret-value');
    }
    expect(config.secrets.all).toEqual([BOT, APP, 'sig-secret-value']);
  });
});

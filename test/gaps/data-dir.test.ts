import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gapSettings } from '../../src/gaps/data-dir.js';
import { DealdeskError } from '../../src/errors.js';

describe('gapSettings', () => {
  it('takes --data, then DEALDESK_DATA_DIR, then ./data; user logging off unless "on"', () => {
    expect(gapSettings(undefined, {})).toEqual({ dataDir: resolve('data'), logUsers: false });
    expect(gapSettings(undefined, { DEALDESK_DATA_DIR: '/srv/dd', DEALDESK_LOG_USERS: 'ON ' })).toEqual({ dataDir: '/srv/dd', logUsers: true });
    expect(gapSettings('/flag', { DEALDESK_DATA_DIR: '/srv/dd', DEALDESK_LOG_USERS: 'off' })).toEqual({ dataDir: '/flag', logUsers: false });
    expect(gapSettings(undefined, { DEALDESK_DATA_DIR: '  ', DEALDESK_LOG_USERS: '' })).toEqual({ dataDir: resolve('data'), logUsers: false });
  });

  it('fails with the variable, the value and the fix for anything but on/off', () => {
    const attempt = (): unknown => gapSettings(undefined, { DEALDESK_LOG_USERS: 'yes' });
    expect(attempt).toThrow(DealdeskError);
    expect(attempt).toThrow('DEALDESK_LOG_USERS must be "on" or "off" (got "yes"). Fix it in .env or unset it.');
  });
});

import { DealdeskError } from '../../src/errors.js';
import type { SlackConfig } from './env.js';

/** Slack's answers to a token it will not accept. */
const REJECTED_TOKEN = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type', 'missing_scope']);

/**
 * Turns a failure to start into a message that says what to fix: a rejected token or a busy
 * port is configuration (DealdeskError CONFIG_INVALID, printed as one line by `npm start`);
 * anything else is passed on, its message redacted. `token` is the one the failed call used.
 */
export function startError(error: unknown, config: SlackConfig, redact: (text: string) => string, token: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN'): Error {
  const slackCode = platformErrorCode(error);
  if (slackCode !== undefined && REJECTED_TOKEN.has(slackCode)) {
    const where = token === 'SLACK_BOT_TOKEN' ? 'the Bot User OAuth Token (xoxb-…) from "OAuth & Permissions"' : 'an app-level token (xapp-…, scope connections:write) from "Basic Information → App-Level Tokens"';
    return new DealdeskError('CONFIG_INVALID', `Slack rejected ${token} (${slackCode}). Copy ${where} into ${token}, then start again.`);
  }
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    return new DealdeskError('CONFIG_INVALID', `PORT ${config.port} cannot be used (${code}); set PORT to a free port, or stop what is listening there.`);
  }
  if (code === 'slack_webapi_request_error') {
    return new DealdeskError('CONFIG_INVALID', `Could not reach the Slack Web API${config.apiUrl !== undefined ? ` at SLACK_API_URL (${config.apiUrl})` : ''}: ${redact((error as Error).message)}. Check the network, or SLACK_API_URL.`);
  }
  if (error instanceof Error) {
    error.message = redact(error.message);
    return error;
  }
  return new Error(redact(String(error)));
}

function platformErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, data } = error as { code?: unknown; data?: { error?: unknown } };
  return code === 'slack_webapi_platform_error' && typeof data?.error === 'string' ? data.error : undefined;
}

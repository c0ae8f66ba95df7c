import { DealdeskError } from '../../src/errors.js';
import type { DiscordConfig } from './env.js';

const REJECTED =
  'Discord rejected DISCORD_TOKEN (%s). Copy the bot token again from the Developer Portal (your application → Bot → Reset Token) and set DISCORD_TOKEN; it is the Bot token, not the client secret or the public key.';

/**
 * Turns a failed login into one clear line: a DealdeskError (CONFIG_INVALID) for a rejected
 * token (REST 401 or gateway close 4004), for intents Discord refuses, and for an unreachable
 * DISCORD_API_URL; never with the token in it.
 */
export function loginError(error: unknown, config: DiscordConfig): Error {
  const message = error instanceof Error ? config.token.scrub(error.message) : config.token.scrub(String(error));
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'TokenInvalid') return new DealdeskError('CONFIG_INVALID', REJECTED.replace('%s', 'REST 401 Unauthorized'));
  if (message === 'Authentication failed') return new DealdeskError('CONFIG_INVALID', REJECTED.replace('%s', 'gateway close 4004, authentication failed'));
  if (/disallowed intents|invalid intents/i.test(message)) {
    return new DealdeskError('CONFIG_INVALID', `Discord refused the gateway intents (${message}). The bot uses only Guilds, GuildMessages and DirectMessages; check the application's settings.`);
  }
  if (typeof code === 'string' && /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT)$/.test(code)) {
    return new DealdeskError('CONFIG_INVALID', `Could not reach Discord at ${config.apiUrl ?? 'https://discord.com/api'} (${code}). Check the network, or unset DISCORD_API_URL to use Discord's own.`);
  }
  const wrapped = new Error(`Discord login failed: ${message}`);
  if (error instanceof Error && error.stack) wrapped.stack = config.token.scrub(error.stack);
  return wrapped;
}

import { Client, GatewayIntentBits, Partials } from 'discord.js';
import type { DiscordConfig } from './env.js';
import { NO_MENTIONS } from './limits.js';

/**
 * Only the intents the bot needs, none privileged: Guilds (channels and threads for
 * interactions), GuildMessages (mentions), DirectMessages. Mentions, replies that ping the bot,
 * and DMs arrive with their content without MessageContent. DM channels are not cached before
 * their first message, hence Partials.Channel.
 */
export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages] as const;

/** A discord.js client for `config`; REST goes to DISCORD_API_URL when set (tests point it at a fake). */
export function createClient(config: DiscordConfig): Client {
  return new Client({
    intents: [...INTENTS],
    partials: [Partials.Channel],
    // A default for every message; each message also sets it explicitly.
    allowedMentions: NO_MENTIONS,
    ...(config.apiUrl !== undefined && { rest: { api: config.apiUrl } }),
  });
}

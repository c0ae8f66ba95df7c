#!/usr/bin/env node
/**
 * `npm run discord:register`: puts the slash commands on Discord. With DISCORD_GUILD_ID they go
 * to that one server (updated instantly, good while developing); without, globally (every
 * server and DMs). One bulk-overwrite PUT replaces the whole list, so running it again is
 * harmless and commands removed from the code disappear from Discord.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import { DealdeskError } from '../../src/errors.js';
import { commandsFor } from './commands.js';
import { parseDiscordEnv } from './env.js';
import { loginError } from './login-error.js';

export interface Registration {
  scope: 'guild' | 'global';
  guildId?: string;
  /** The commands Discord now has, by name. */
  names: string[];
}

/**
 * Registers the commands for the application in `env`; throws a DealdeskError for bad settings
 * or a rejected token.
 *
 * @example await registerCommands({ DISCORD_TOKEN: '…', DISCORD_APPLICATION_ID: '…', DISCORD_GUILD_ID: '…' }) // { scope: 'guild', names: ['ask', 'sources', 'about', 'dealdesk'] }
 */
export async function registerCommands(env: NodeJS.ProcessEnv): Promise<Registration> {
  const config = parseDiscordEnv(env, 'register');
  const applicationId = config.applicationId ?? '';
  const rest = new REST(config.apiUrl === undefined ? {} : { api: config.apiUrl }).setToken(config.token.reveal());
  const scope = config.guildId === undefined ? 'global' : 'guild';
  const route = config.guildId === undefined ? Routes.applicationCommands(applicationId) : Routes.applicationGuildCommands(applicationId, config.guildId);
  try {
    const saved = (await rest.put(route, { body: commandsFor(scope) })) as { name: string }[];
    return { scope, ...(config.guildId !== undefined && { guildId: config.guildId }), names: saved.map((c) => c.name) };
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 401) throw loginError(Object.assign(new Error('401'), { code: 'TokenInvalid' }), config);
    if (status === 403 || status === 404) {
      throw new DealdeskError(
        'CONFIG_INVALID',
        `Discord refused to register commands (${String(status)}): check that DISCORD_APPLICATION_ID is the application of DISCORD_TOKEN${config.guildId ? ', and that the bot was invited to DISCORD_GUILD_ID with the applications.commands scope' : ''}.`,
      );
    }
    throw loginError(error, config);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (existsSync('.env')) process.loadEnvFile('.env');
  registerCommands(process.env).then(
    ({ guildId, names }) => {
      const where = guildId !== undefined ? `in server ${guildId} (available now)` : 'globally (Discord may take a few minutes to show them everywhere)';
      process.stdout.write(`dealdesk: registered ${names.map((n) => `/${n}`).join(', ')} ${where}\n`);
    },
    (error: unknown) => {
      const message = error instanceof DealdeskError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`dealdesk: ${message}\n`);
      process.exit(1);
    },
  );
}

import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { ADMIN_PERMISSION } from './commands.js';
import type { BotDeps } from './deps.js';
import { notice } from './format-reference.js';
import { formatReload } from './format-reload.js';
import { WORDING } from './wording.js';

/**
 * `/dealdesk reload`: rebuilds the index from the knowledge folder. Discord hides the command
 * from members without Manage Server, but server admins can change that under Integrations, so
 * the permission is checked here again. Deferred first: a rebuild may take seconds. Replies are
 * ephemeral: only the operator sees them.
 */
export async function handleDealdesk(interaction: ChatInputCommandInteraction, deps: BotDeps, requestId: string): Promise<void> {
  const subcommand = interaction.options.getSubcommand(false);
  if (subcommand !== 'reload') {
    await interaction.reply({ ...notice(WORDING.unknownAction), flags: MessageFlags.Ephemeral });
    return;
  }
  const who = { requestId, command: 'dealdesk reload', user: interaction.user.id, guild: interaction.guildId };
  // Null outside a server (a DM): nobody there may operate the bot.
  if (interaction.memberPermissions?.has(ADMIN_PERMISSION) !== true) {
    await interaction.reply({ ...notice(WORDING.reloadRefused), flags: MessageFlags.Ephemeral });
    deps.log.warn(who, 'discord reload refused: the member lacks Manage Server');
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const result = await deps.reload(`discord /dealdesk reload by user ${interaction.user.id}`);
  await interaction.editReply(formatReload(result));
  if (result.ok) deps.log.info({ ...who, ...result }, 'discord reload done');
  else deps.log.warn({ ...who, ok: false, problems: result.problems }, 'discord reload failed; the previous index keeps serving');
}

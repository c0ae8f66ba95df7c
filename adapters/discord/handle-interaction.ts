import { MessageFlags, type Interaction, type RepliableInteraction } from 'discord.js';
import { channelAllowed } from './channel-policy.js';
import type { BotDeps } from './deps.js';
import { withErrorBoundary } from './error-boundary.js';
import { notice } from './format-reference.js';
import { handleButton } from './handle-button.js';
import { handleCommand } from './handle-command.js';
import { WORDING } from './wording.js';

/**
 * Routes slash commands and buttons, each under the error boundary. Other interactions are
 * ignored. DISCORD_ALLOWED_CHANNELS keeps questions out of other channels; the operators'
 * `/dealdesk` works anywhere in the server (its replies are ephemeral, so they add nothing to a channel).
 */
export async function onInteraction(interaction: Interaction, deps: BotDeps): Promise<void> {
  if (!interaction.isChatInputCommand() && !interaction.isButton()) return;
  const isAdmin = interaction.isChatInputCommand() && interaction.commandName === 'dealdesk';
  const context = {
    handler: 'interaction' as const,
    command: interaction.isChatInputCommand() ? [interaction.commandName, interaction.options.getSubcommand(false)].filter(Boolean).join(' ') : 'button',
    user: interaction.user.id,
    guild: interaction.guildId,
    channel: interaction.channelId,
  };
  await withErrorBoundary(
    { log: deps.log, secret: deps.config.token },
    context,
    async (requestId) => {
      const channel = interaction.channel;
      const place = { guildId: interaction.guildId, channelId: interaction.channelId, parentId: channel?.isThread() ? channel.parentId : null };
      if (!isAdmin && !channelAllowed(deps.config.allowedChannels, place)) {
        await interaction.reply({ ...notice(WORDING.channelNotAllowed([...(deps.config.allowedChannels ?? [])])), flags: MessageFlags.Ephemeral });
        return;
      }
      if (interaction.isChatInputCommand()) await handleCommand(interaction, deps, requestId);
      else await handleButton(interaction, deps, requestId);
    },
    (text) => apologize(interaction, text),
  );
}

/**
 * The apology is ephemeral however far the handler got: a public "thinking…" placeholder is
 * removed and the apology sent as an ephemeral follow-up.
 */
async function apologize(interaction: RepliableInteraction, text: string): Promise<unknown> {
  const message = { ...notice(text), flags: MessageFlags.Ephemeral } as const;
  if (interaction.deferred && !interaction.replied) {
    if (interaction.ephemeral) return interaction.editReply(notice(text));
    await interaction.deleteReply().catch(() => undefined);
    return interaction.followUp(message);
  }
  if (interaction.replied) return interaction.followUp(message);
  return interaction.reply(message);
}

import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { decodeButton } from './buttons.js';
import type { BotDeps } from './deps.js';
import { formatContext, formatMoreSources, notice } from './format-reference.js';
import { readTopic } from './topic.js';
import { WORDING } from './wording.js';

const EPHEMERAL = MessageFlags.Ephemeral;
const MORE_SOURCES = 4;

/**
 * "More sources", "Show context" and 👍/👎. Replies are ephemeral: they answer the person who
 * clicked, not the channel. All state comes from the `custom_id`, so buttons on answers sent
 * before a restart still work.
 */
export async function handleButton(interaction: ButtonInteraction, deps: BotDeps, requestId: string): Promise<void> {
  const action = decodeButton(interaction.customId);
  if (!action) {
    await interaction.reply({ ...notice(WORDING.unknownAction), flags: EPHEMERAL });
    return;
  }
  const citation = deps.engine.citation(action.key);
  switch (action.kind) {
    case 'more': {
      // A search over the whole index: acknowledge first.
      await interaction.deferReply({ flags: EPHEMERAL });
      await interaction.editReply(citation ? formatMoreSources(deps.engine.similar(action.key, MORE_SOURCES)) : notice(WORDING.stalePassage));
      break;
    }
    case 'context': {
      const context = deps.engine.context(action.key);
      await interaction.reply({ ...(context ? formatContext(context, citation) : notice(WORDING.stalePassage)), flags: EPHEMERAL });
      break;
    }
    case 'feedback': {
      if (!deps.config.feedback) {
        await interaction.reply({ ...notice(WORDING.feedbackOff), flags: EPHEMERAL });
        break;
      }
      await deps.feedback.record({
        at: deps.now().toISOString(),
        platform: 'discord',
        vote: action.vote,
        key: action.key,
        passage: citation?.id ?? null,
        topic: readTopic(interaction.message.embeds) ?? null,
        user: interaction.user.id,
        guild: interaction.guildId,
        channel: interaction.channelId,
        message: interaction.message.id,
      });
      await interaction.reply({ ...notice(WORDING.feedbackThanks[action.vote]), flags: EPHEMERAL });
      break;
    }
  }
  deps.log.info({ requestId, button: action.kind, found: citation !== undefined }, 'discord button handled');
}

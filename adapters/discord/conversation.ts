import type { Message } from 'discord.js';
import type { Logger } from 'pino';
import { describeError } from './describe-error.js';
import { readTopic } from './topic.js';

/** How far back to look in a thread or DM for the bot's last answer. */
const HISTORY = 20;

/**
 * The topic of the conversation a follow-up belongs to, read statelessly from Discord:
 * - a reply to one of the bot's answers → that answer's topic footer;
 * - a mention in a thread or a DM → the topic of the bot's latest answer there;
 * - anything else (a plain channel, where many conversations interleave) → none.
 * A message that cannot be fetched (deleted, no Read Message History) means no topic, not an error.
 */
export async function findTopic(message: Message, botId: string, log: Logger): Promise<string | undefined> {
  try {
    if (message.reference?.messageId) {
      const referenced = await message.fetchReference();
      return referenced.author.id === botId ? readTopic(referenced.embeds) : undefined;
    }
    if (!message.channel.isThread() && !message.channel.isDMBased()) return undefined;
    const recent = await message.channel.messages.fetch({ limit: HISTORY, before: message.id });
    // Newest first, as Discord returns them.
    for (const earlier of recent.values()) {
      const topic = earlier.author.id === botId ? readTopic(earlier.embeds) : undefined;
      if (topic !== undefined) return topic;
    }
    return undefined;
  } catch (error) {
    log.warn({ channel: message.channelId, error: describeError(error) }, 'discord follow-up context unavailable');
    return undefined;
  }
}

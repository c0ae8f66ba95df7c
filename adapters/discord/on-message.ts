import type { Message } from 'discord.js';
import type { BotDeps } from './deps.js';
import { withErrorBoundary } from './error-boundary.js';
import { notice } from './format-reference.js';
import { handleMessage, shouldAnswer } from './handle-message.js';

/** Answers mentions and DMs under the error boundary; ignores every other message. */
export async function onMessage(message: Message, deps: BotDeps): Promise<void> {
  await withErrorBoundary(
    { log: deps.log, secret: deps.config.token },
    { handler: 'message', user: message.author.id, guild: message.guildId, channel: message.channelId },
    async (requestId) => {
      if (!shouldAnswer(message, message.client.user.id, deps.config.allowedChannels)) return;
      await handleMessage(message, deps, requestId);
    },
    (text) => message.reply(notice(text)),
  );
}

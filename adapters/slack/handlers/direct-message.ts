import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { guarded } from '../error-boundary.js';
import { notice } from '../format-blocks.js';
import { requestIdOf } from '../middleware.js';
import { answerInConversation } from './answer-in-conversation.js';

/**
 * A direct message to the app (`message.im`): answered in the DM, in the same thread when the
 * message was in one. A short follow-up continues the last answer in the thread or the DM.
 */
export function registerDirectMessage(app: App, deps: SlackDeps): void {
  app.event('message', async ({ event, client, context, body }) => {
    if (event.channel_type !== 'im') return;
    // Edits, deletions, joins and bot posts (ours included) are not questions.
    if (event.subtype !== undefined || event.bot_id !== undefined) return;
    const { user, channel, ts } = event;
    const requestId = requestIdOf(context);
    const replyThreadTs = event.thread_ts;
    const thread = replyThreadTs !== undefined ? { thread_ts: replyThreadTs } : {};
    await guarded(
      deps,
      { kind: 'dm', requestId, user, channel },
      () =>
        answerInConversation(deps, client, {
          requestId,
          team: event.team ?? body.team_id,
          user,
          channel,
          text: event.text ?? '',
          ts,
          replyThreadTs,
          context: replyThreadTs !== undefined ? { threadTs: replyThreadTs } : 'dm-history',
          botId: context.botId,
        }),
      (text) => client.chat.postMessage({ channel, ...thread, ...notice(text) }),
    );
  });
}

import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { guarded } from '../error-boundary.js';
import { notice } from '../format-blocks.js';
import { requestIdOf } from '../middleware.js';
import { answerInConversation } from './answer-in-conversation.js';

/**
 * `@dealdesk question` in a channel: answered in the message's thread (a new thread under a
 * top-level mention). A mention inside a thread may be a follow-up to an earlier answer there.
 */
export function registerAppMention(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, client, context, body }) => {
    // Another bot mentioning us could start a loop of bots answering bots.
    if (event.bot_id !== undefined || event.user === undefined) return;
    const user = event.user;
    const requestId = requestIdOf(context);
    const replyThreadTs = event.thread_ts ?? event.ts;
    await guarded(
      deps,
      { kind: 'mention', requestId, user, channel: event.channel },
      () =>
        answerInConversation(deps, client, {
          requestId,
          team: event.team ?? body.team_id,
          user,
          channel: event.channel,
          text: event.text,
          ts: event.ts,
          replyThreadTs,
          context: event.thread_ts !== undefined ? { threadTs: event.thread_ts } : 'none',
          botId: context.botId,
        }),
      (text) => client.chat.postEphemeral({ channel: event.channel, user, thread_ts: replyThreadTs, ...notice(text) }),
    );
  });
}

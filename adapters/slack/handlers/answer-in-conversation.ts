import type { webApi } from '@slack/bolt';
import { isFollowUp } from '../../../src/answer/follow-up.js';
import { sanitizeQuestion } from '../../../src/answer/sanitize-question.js';
import type { SlackDeps } from '../deps.js';
import { errorForLog } from '../redact.js';
import { notice } from '../format-blocks.js';
import { unescapeSlackText } from '../mrkdwn.js';
import { previousQuestion } from '../follow-up-context.js';
import { logQuestion } from '../question-log.js';
import { WORDING } from '../wording.js';

/** A question asked in a conversation (a mention or a DM), and where its answer goes. */
export interface ConversationQuestion {
  requestId: string;
  team: string | undefined;
  user: string;
  channel: string;
  /** The message text as Slack sends it (with &amp; &lt; &gt;). */
  text: string;
  /** The question's own ts. */
  ts: string;
  /** The thread to answer in; undefined answers at the top level (a DM). */
  replyThreadTs: string | undefined;
  /** Where an earlier answer may be: the thread, the DM's history, or nowhere (a new top-level mention). */
  context: { threadTs: string } | 'dm-history' | 'none';
  botId: string | undefined;
}

/**
 * Answers a mention or a DM with `chat.postMessage`: rate limit first, then — for a short
 * follow-up — the earlier question from the conversation, then the engine; after the reply, the
 * question log. Returns the outcome for the log line.
 */
export async function answerInConversation(deps: SlackDeps, client: webApi.WebClient, q: ConversationQuestion): Promise<string> {
  const thread = q.replyThreadTs !== undefined ? { thread_ts: q.replyThreadTs } : {};
  const allowed = deps.limiter.take(`${q.team ?? '-'}:${q.user}`);
  if (!allowed.ok) {
    await client.chat.postEphemeral({ channel: q.channel, user: q.user, ...thread, ...notice(WORDING.rateLimited(Math.ceil(allowed.retryAfterMs / 1000))) });
    return 'rate_limited';
  }
  const question = unescapeSlackText(q.text);
  const previous = isFollowUp(sanitizeQuestion(question)) ? await earlierQuestion(deps, client, q) : undefined;
  const { result, message, metadata } = deps.answer(question, previous);
  await client.chat.postMessage({
    channel: q.channel,
    ...thread,
    ...message,
    ...(metadata !== undefined && { metadata }),
    // A source URL in an answer must not unfold into a preview card under every quote.
    unfurl_links: false,
    unfurl_media: false,
  });
  await logQuestion(deps, q.requestId, result, q.user);
  return previous !== undefined ? `${result.status} (follow-up)` : result.status;
}

/** The earlier question, or undefined; a failed look-up (say, a missing scope) answers without context rather than not at all. */
async function earlierQuestion(deps: SlackDeps, client: webApi.WebClient, q: ConversationQuestion): Promise<string | undefined> {
  if (q.context === 'none') return undefined;
  try {
    return await previousQuestion(client, {
      channel: q.channel,
      threadTs: q.context === 'dm-history' ? undefined : q.context.threadTs,
      beforeTs: q.ts,
      botId: q.botId,
    });
  } catch (error) {
    deps.log.warn({ requestId: q.requestId, err: errorForLog(error, deps.redact) }, 'slack: could not read the conversation for a follow-up; answering without context');
    return undefined;
  }
}

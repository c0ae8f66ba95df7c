import type { Message } from 'discord.js';
import { isFollowUp } from '../../src/answer/follow-up.js';
import { sanitizeQuestion } from '../../src/answer/sanitize-question.js';
import { channelAllowed } from './channel-policy.js';
import { findTopic } from './conversation.js';
import type { BotDeps } from './deps.js';
import { logQuestion } from './log-question.js';
import { formatAnswer } from './format-answer.js';
import { notice } from './format-reference.js';
import { WORDING } from './wording.js';

/**
 * Should this message get an answer? DMs from people, and guild messages that mention the bot
 * (a reply to the bot that pings it counts) in an allowed channel. Never bots (no loops, no
 * bot-to-bot spam). Without the MessageContent intent Discord sends content only for exactly
 * these messages, so nothing else could be answered anyway.
 */
export function shouldAnswer(message: Message, botId: string, allowed: ReadonlySet<string> | undefined): boolean {
  if (message.author.bot || message.system) return false;
  if (!message.inGuild()) return true;
  if (!message.mentions.users.has(botId)) return false;
  const channel = message.channel;
  return channelAllowed(allowed, { guildId: message.guildId, channelId: channel.id, parentId: channel.isThread() ? channel.parentId : null });
}

/**
 * Answers a mention or DM as a reply to the message. A reply, not a new thread: it needs no
 * thread permissions, works the same in channels, threads and DMs, keeps the answer beside the
 * question without adding a thread per question to the channel list, and people continue the
 * conversation by replying to it (which is how follow-ups find their topic).
 */
export async function handleMessage(message: Message, deps: BotDeps, requestId: string): Promise<void> {
  const botId = message.client.user.id;
  const decision = deps.limiter.take(message.author.id);
  if (!decision.ok) {
    // One notice per burst: answering every refused mention would let a user make the bot spam.
    if (decision.firstRefusal) await message.reply(notice(WORDING.rateLimited(decision.retryAfterMs)));
    deps.log.info({ requestId, handler: 'message', user: message.author.id, noticed: decision.firstRefusal }, 'discord rate limit reached');
    return;
  }
  const text = sanitizeQuestion(message.content);
  const topic = text !== '' && isFollowUp(text) ? await findTopic(message, botId, deps.log) : undefined;
  const started = performance.now();
  const result = deps.engine.ask(message.content, topic === undefined ? {} : { previous: topic });
  await message.reply(formatAnswer(result, { feedback: deps.config.feedback, ...(topic !== undefined && { topic }) }));
  await logQuestion(deps, result, message.author.id, requestId);
  deps.log.info(
    { requestId, handler: 'message', dm: !message.inGuild(), followUp: topic !== undefined, status: result.status, ms: Math.round(performance.now() - started) },
    'discord question answered',
  );
}

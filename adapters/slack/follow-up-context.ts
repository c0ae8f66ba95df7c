import type { webApi } from '@slack/bolt';
import { z } from 'zod';

/** The `event_type` of the metadata on every answer we post; it is how a later follow-up finds its context. */
export const ANSWER_EVENT_TYPE = 'dealdesk_answer';

/** Metadata on an answer: the question as searched, and the standalone question a follow-up should be read with. */
export interface AnswerMetadata {
  event_type: typeof ANSWER_EVENT_TYPE;
  event_payload: { question: string; anchor: string };
}

const MessagesSchema = z.object({
  messages: z
    .array(
      z.object({
        ts: z.string(),
        bot_id: z.string().optional(),
        metadata: z.object({ event_type: z.string(), event_payload: z.object({ anchor: z.string().min(1) }).optional() }).optional(),
      }),
    )
    .default([]),
});

/** Where a follow-up was asked: a thread (`threadTs`), or the top level of a DM. */
export interface FollowUpPlace {
  channel: string;
  threadTs: string | undefined;
  /** The follow-up's own ts: only answers before it count. */
  beforeTs: string;
  /** Our bot id (from auth.test), so another app's look-alike metadata is ignored. */
  botId: string | undefined;
}

/**
 * Finds the question a follow-up ("what about Crimea?") continues, statelessly: the newest
 * earlier answer of ours in the thread (or in the DM) carries it in its message metadata, so
 * any instance can answer any follow-up. Undefined when there is none.
 *
 * @example await previousQuestion(client, { channel: 'C1', threadTs: '1.0', beforeTs: '3.0', botId: 'B1' }) // 'What did Witkoff say about Article 5?'
 */
export async function previousQuestion(client: webApi.WebClient, place: FollowUpPlace): Promise<string | undefined> {
  const raw =
    place.threadTs !== undefined
      ? await client.conversations.replies({ channel: place.channel, ts: place.threadTs, include_all_metadata: true, limit: 200 })
      : await client.conversations.history({ channel: place.channel, latest: place.beforeTs, inclusive: false, include_all_metadata: true, limit: 20 });
  const parsed = MessagesSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const earlier = parsed.data.messages
    .filter((m) => Number(m.ts) < Number(place.beforeTs))
    .filter((m) => m.metadata?.event_type === ANSWER_EVENT_TYPE && (place.botId === undefined || m.bot_id === place.botId))
    .sort((a, b) => Number(b.ts) - Number(a.ts));
  return earlier[0]?.metadata?.event_payload?.anchor;
}

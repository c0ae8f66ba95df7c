/**
 * The conversation's topic travels in the answer's embed footer, so a follow-up ("what about
 * Crimea?") finds the earlier question by reading the bot's own message — no memory, nothing
 * lost on restart, nothing shared between shards. Footers show plain text (no markdown, no
 * mentions), so the question is stored as is and reads back exactly.
 */
const TOPIC_PREFIX = 'Topic: ';
/** The engine declines questions longer than 500 characters, so a topic is never longer. */
const TOPIC_MAX = 500;

/**
 * The footer that records `topic` on an answer: at most 7 + 500 characters (UTF-16 units, as the
 * engine and the limits count them; a surrogate pair is never split), which the answer's budget
 * relies on.
 */
export function topicFooter(topic: string): { text: string } {
  let kept = '';
  for (const char of topic) {
    if (kept.length + char.length > TOPIC_MAX) break;
    kept += char;
  }
  return { text: `${TOPIC_PREFIX}${kept}` };
}

/**
 * The topic recorded on a bot message's embeds, if any.
 *
 * @example readTopic([{ footer: { text: 'Topic: What did Witkoff say?' } }]) // 'What did Witkoff say?'
 */
export function readTopic(embeds: readonly { readonly footer?: { readonly text: string } | null | undefined }[]): string | undefined {
  const text = embeds[0]?.footer?.text;
  if (text === undefined || !text.startsWith(TOPIC_PREFIX)) return undefined;
  const topic = text.slice(TOPIC_PREFIX.length).trim();
  return topic === '' ? undefined : topic;
}

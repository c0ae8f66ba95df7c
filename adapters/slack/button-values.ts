import { z } from 'zod';
import { SLACK_LIMITS } from './limits.js';

/** The action_id of each button; handlers register on these. */
export const ACTION_IDS = {
  moreSources: 'dealdesk_more_sources',
  showContext: 'dealdesk_show_context',
  feedbackUp: 'dealdesk_feedback_up',
  feedbackDown: 'dealdesk_feedback_down',
} as const;

/**
 * Buttons carry their own state (HTTP mode is stateless, so no instance remembers an answer):
 * "More sources" and "Show context" carry the citation key; 👍/👎 carry the key and the question.
 */
const FeedbackValueSchema = z.strictObject({ k: z.string().min(1).max(64), q: z.string().max(SLACK_LIMITS.buttonValue) });
export type FeedbackValue = { key: string; question: string };

/** A citation key as a button value (keys are 12 hex characters; anything longer is cut, never sent oversized). */
export function keyValue(key: string): string {
  return key.slice(0, 64) || '-';
}

/**
 * The 👍/👎 value: JSON of the key and as much of the question as fits in Slack's 2,000 characters.
 *
 * @example feedbackValue('7b76657a69b8', 'Article 5?') // '{"k":"7b76657a69b8","q":"Article 5?"}'
 */
export function feedbackValue(key: string, question: string): string {
  let q = question;
  for (;;) {
    const value = JSON.stringify({ k: keyValue(key), q });
    if (value.length <= SLACK_LIMITS.buttonValue) return value;
    // JSON escapes can make a character up to six long; halve until it fits.
    q = [...q].slice(0, Math.floor([...q].length / 2)).join('');
  }
}

/** Reads a 👍/👎 value back; undefined for anything not written by `feedbackValue`. */
export function parseFeedbackValue(value: string | undefined): FeedbackValue | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = FeedbackValueSchema.safeParse(JSON.parse(value));
    return parsed.success ? { key: parsed.data.k, question: parsed.data.q } : undefined;
  } catch {
    return undefined;
  }
}

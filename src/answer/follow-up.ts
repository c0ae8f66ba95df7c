import { terms } from '../text/analyze.js';

const FOLLOW_UP_OPENER = /^(and|also|but|so|what about|how about|and what about|what of|same for|what else)\b/i;

/**
 * Is this a short follow-up ("what about Crimea?", "and the US?") that should be read in the
 * context of the conversation's previous question?
 *
 * @example isFollowUp('what about Crimea?') // true
 */
export function isFollowUp(question: string): boolean {
  const trimmed = question.trim();
  if (trimmed === '') return false;
  return FOLLOW_UP_OPENER.test(trimmed) || (terms(trimmed).length <= 2 && trimmed.length < 40);
}

import type { AnswerResult } from '../../src/answer/result.js';
import { recordQuestion } from '../../src/gaps/gap-store.js';
import type { SlackDeps } from './deps.js';
import { errorForLog } from './redact.js';

/** The platform name written in `questions.jsonl`. */
export const PLATFORM = 'slack';

/**
 * Adds an answered or declined question to the question log (`<DEALDESK_DATA_DIR>/questions.jsonl`,
 * the coverage-gap report's input); the core decides what is kept, and keeps the user id only
 * with DEALDESK_LOG_USERS=on. Called after the reply: a log that cannot be written (full disk,
 * read-only volume) is logged here and never reaches the user, who already has the answer.
 *
 * @example await logQuestion(deps, requestId, result, command.user_id)
 */
export async function logQuestion(deps: SlackDeps, requestId: string, result: AnswerResult, user: string): Promise<void> {
  try {
    await recordQuestion(deps.gaps, { platform: PLATFORM, result, user });
  } catch (error) {
    deps.log.warn({ requestId, err: errorForLog(error, deps.redact) }, 'slack: could not write the question log; the answer was sent');
  }
}

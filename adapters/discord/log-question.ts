import type { AnswerResult } from '../../src/answer/result.js';
import { recordQuestion } from '../../src/gaps/gap-store.js';
import type { BotDeps } from './deps.js';

/**
 * Adds the question to the log behind `npm run report`. A failed write is logged and otherwise
 * ignored: the person already has their answer.
 */
export async function logQuestion(deps: Pick<BotDeps, 'gaps' | 'log'>, result: AnswerResult, user: string, requestId: string): Promise<void> {
  try {
    await recordQuestion(deps.gaps, { platform: 'discord', result, user });
  } catch (error) {
    deps.log.warn({ requestId, error: (error as Error).message }, 'could not record the question for the coverage report');
  }
}

import type { AnswerEngine } from '../../src/answer/engine-host.js';
import type { AnswerResult } from '../../src/answer/result.js';
import { ANSWER_EVENT_TYPE, type AnswerMetadata } from './follow-up-context.js';
import { formatResult } from './format-blocks.js';
import type { SlackMessage } from './limits.js';

/** One question turned into the engine's result, its Slack message, and the metadata a later follow-up reads. */
export interface SlackAnswer {
  result: AnswerResult;
  message: SlackMessage;
  /** Present when a follow-up to this message has something to continue. */
  metadata: AnswerMetadata | undefined;
}

/** Answers a question, optionally as a follow-up to `previous`. */
export type Answerer = (question: string, previous?: string) => SlackAnswer;

/** Answers kept per process; each is a few kilobytes. */
export const ANSWER_CACHE_SIZE = 500;

/**
 * The question-to-message step every handler shares: asks the engine (with the earlier
 * question for a follow-up) and formats the outcome. Answers are deterministic for a given
 * knowledge base, so the latest are kept (least recently used dropped first) while `version()`
 * — the knowledge's content hash — stays the same: a question asked again costs no search, and
 * a reloaded knowledge base empties the cache. Without a version nothing is cached. The engine
 * itself strips mention syntax and invisible characters from the question.
 *
 * @example
 * const answer = createAnswerer(engine, { feedback: true, version: () => engine.contentHash });
 * answer('what about Crimea?', 'What did Witkoff say?').result.status // 'answered'
 */
export function createAnswerer(engine: AnswerEngine, options: { feedback: boolean; version?: () => string | undefined; cacheSize?: number }): Answerer {
  const cache = new Map<string, SlackAnswer>();
  const max = options.cacheSize ?? ANSWER_CACHE_SIZE;
  let cachedVersion: string | undefined;
  return (question, previous) => {
    const version = options.version?.();
    if (version === undefined || version === '') return answerOnce(engine, question, previous, options.feedback);
    if (version !== cachedVersion) {
      cache.clear();
      cachedVersion = version;
    }
    const key = `${previous ?? ''}\u0000${question}`;
    const cached = cache.get(key);
    if (cached !== undefined) {
      // Re-insert: a Map iterates in insertion order, so the oldest key is the least recently used.
      cache.delete(key);
      cache.set(key, cached);
      return cached;
    }
    const answer = answerOnce(engine, question, previous, options.feedback);
    cache.set(key, answer);
    if (cache.size > max) cache.delete(cache.keys().next().value as string);
    return answer;
  };
}

function answerOnce(engine: AnswerEngine, question: string, previous: string | undefined, feedback: boolean): SlackAnswer {
  const result = engine.ask(question, previous !== undefined ? { previous } : {});
  const message = formatResult(result, { feedback, previous });
  // A follow-up continues the last standalone question answered; a declined question is no context.
  const anchor = previous ?? (result.status === 'answered' ? result.question : undefined);
  const metadata: AnswerMetadata | undefined = anchor === undefined ? undefined : { event_type: ANSWER_EVENT_TYPE, event_payload: { question: result.question, anchor } };
  return { result, message, metadata };
}

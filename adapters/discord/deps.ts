import type { Logger } from 'pino';
import type { Engine } from '../../src/answer/engine.js';
import type { DiscordConfig } from './env.js';
import type { FeedbackLog } from './feedback.js';
import type { RateLimiter } from './rate-limit.js';

/** The engine calls the bot makes: one per question or button. A narrow type, so tests can wrap it. */
export type AnswerEngine = Pick<Engine, 'ask' | 'citation' | 'similar' | 'context' | 'documents'>;

/** Everything a handler needs; handlers keep no other state, so shards share nothing. */
export interface BotDeps {
  engine: AnswerEngine;
  config: DiscordConfig;
  log: Logger;
  limiter: RateLimiter;
  feedback: FeedbackLog;
  now: () => Date;
}

import type { Logger } from 'pino';
import type { ReloadResult } from '../../src/answer/engine-host.js';
import type { Engine } from '../../src/answer/engine.js';
import type { DiscordConfig } from './env.js';
import type { FeedbackLog } from './feedback.js';
import type { RateLimiter } from './rate-limit.js';
import type { GapStore } from '../../src/gaps/gap-store.js';

/** The engine calls the bot makes: one per question or button. A narrow type, so tests can wrap it. */
export type AnswerEngine = Pick<Engine, 'ask' | 'citation' | 'similar' | 'context' | 'documents'>;

/** Everything a handler needs; handlers keep no other state, so shards share nothing. */
export interface BotDeps {
  /** The question log behind `npm run report` (declined and low-confidence questions). */
  gaps: GapStore;
  engine: AnswerEngine;
  config: DiscordConfig;
  log: Logger;
  limiter: RateLimiter;
  feedback: FeedbackLog;
  now: () => Date;
  /** Rebuilds the index from the knowledge folder (`/dealdesk reload`); never throws for bad files. */
  reload: (trigger: string) => Promise<ReloadResult>;
}

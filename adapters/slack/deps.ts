import type { Logger } from 'pino';
import type { AnswerEngine, ReloadResult } from '../../src/answer/engine-host.js';
import type { GapStore } from '../../src/gaps/gap-store.js';
import type { Answerer } from './answer-question.js';
import type { SlackConfig } from './env.js';
import type { FeedbackSink } from './feedback.js';
import type { InFlight } from './in-flight.js';
import type { RateLimiter } from './rate-limit.js';

/** What every handler needs, built once in `startSlack`. */
export interface SlackDeps {
  /** An Engine, or an EngineHost that swaps in a rebuilt index when the knowledge changes. */
  engine: AnswerEngine;
  /** Question to Slack message, cached; the engine itself serves the buttons. */
  answer: Answerer;
  config: SlackConfig;
  log: Logger;
  redact: (text: string) => string;
  limiter: RateLimiter;
  feedback: FeedbackSink;
  inFlight: InFlight;
  /** The question log (answered and declined questions, for the coverage-gap report). */
  gaps: GapStore;
  /** Rebuilds the index from the knowledge folder (`/dealdesk reload`); never throws for bad files. */
  reload: (trigger: string) => Promise<ReloadResult>;
}

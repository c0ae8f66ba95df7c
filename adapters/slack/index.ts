import type { AnswerEngine } from '../../src/answer/engine-host.js';
import { GapStore } from '../../src/gaps/gap-store.js';
import type { RunningPlatform, StartPlatform } from '../platform.js';
import { createAnswerer } from './answer-question.js';
import { createSlackApp } from './app.js';
import type { SlackDeps } from './deps.js';
import { parseSlackEnv } from './env.js';
import { jsonLinesFeedback } from './feedback.js';
import { InFlight } from './in-flight.js';
import { RateLimiter } from './rate-limit.js';
import { makeRedactor } from './redact.js';

/** The Slack app while it serves: its mode and, in HTTP mode, the port it listens on. */
export interface RunningSlack extends RunningPlatform {
  readonly name: 'slack';
  readonly mode: 'socket' | 'http';
  /** HTTP mode's port (useful with PORT=0); undefined in Socket Mode. */
  readonly port: number | undefined;
}

/**
 * Serves Slack (called by `npm start` when SLACK_BOT_TOKEN is set): Socket Mode with
 * SLACK_APP_TOKEN, otherwise HTTP on PORT. Resolves once connected or listening. Throws a
 * DealdeskError (CONFIG_INVALID) naming every bad variable, or a token Slack rejected.
 *
 * @example
 * const slack = await startSlack({ env: process.env, engine, log, reload: (trigger) => host.reload(trigger) });
 * await slack.stop();
 */
export const startSlack: StartPlatform = async ({ env, engine, log, reload }): Promise<RunningSlack> => {
  const config = parseSlackEnv(env);
  const slackLog = log.child({ platform: 'slack' });
  const deps: SlackDeps = {
    engine,
    answer: createAnswerer(engine, { feedback: config.feedback, version: knowledgeVersion(engine) }),
    config,
    log: slackLog,
    redact: makeRedactor(config.secrets.all),
    limiter: new RateLimiter(config.ratePerMinute),
    feedback: jsonLinesFeedback(config.dataDir),
    inFlight: new InFlight(),
    gaps: new GapStore({ dataDir: config.dataDir, logUsers: config.logUsers }),
    reload,
  };
  const app = createSlackApp(deps);
  // A half-started app (say, a socket waiting to reconnect) must not keep the process alive.
  const { port } = await app.start().catch(async (error: unknown) => {
    await app.stop().catch(() => undefined);
    throw error;
  });
  slackLog.info(
    { mode: config.mode, port, askVisibility: config.askVisibility, feedback: config.feedback, ratePerMinute: config.ratePerMinute, admins: config.adminUsers.length, questionLog: deps.gaps.path, logUsers: config.logUsers },
    'slack: serving',
  );
  return { name: 'slack', mode: config.mode, port, stop: () => app.stop() };
};

/** The content hash of the knowledge answering now (it changes on reload), for the answer cache. */
function knowledgeVersion(engine: AnswerEngine): () => string | undefined {
  return () => engine.contentHash || undefined;
}

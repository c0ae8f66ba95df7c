import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, type HTTPReceiver, type SocketModeReceiver } from '@slack/bolt';
import { boltLogger } from './bolt-logger.js';
import type { SlackDeps } from './deps.js';
import { registerAppMention } from './handlers/app-mention.js';
import { registerAskCommand } from './handlers/ask-command.js';
import { registerButtons } from './handlers/buttons.js';
import { registerDealdeskCommand } from './handlers/dealdesk-command.js';
import { registerDirectMessage } from './handlers/direct-message.js';
import { requestIdMiddleware, skipRetries } from './middleware.js';
import { httpReceiver, socketReceiver } from './receivers.js';
import { errorForLog } from './redact.js';
import { responseUrlFetch } from './response-url-fetch.js';
import { startError } from './start-error.js';

/** The Bolt app with its transport, behind three methods (as Bolt's receivers are). */
export interface SlackApp {
  readonly mode: 'socket' | 'http';
  /** Verifies the bot token (auth.test), then connects (Socket Mode) or listens (HTTP). Resolves to the HTTP port, if any. */
  start(): Promise<{ port: number | undefined }>;
  /** Stops taking requests, then lets running handlers finish (each step at most 5 s). Idempotent. */
  stop(): Promise<void>;
}

/** The Web API base Bolt uses when SLACK_API_URL is unset. */
const SLACK_API_BASE = 'https://slack.com/api/';

/** How long a stop waits for the transport to close, and then for answers in progress. */
const STOP_TIMEOUT_MS = 5000;

/**
 * Builds the Bolt app for the configured mode: handlers for /ask, /dealdesk, mentions, DMs and buttons;
 * request ids; retries dropped; a last-resort error handler. Nothing connects until `start`.
 *
 * @example
 * const slack = createSlackApp(deps);
 * const { port } = await slack.start();
 * await slack.stop();
 */
export function createSlackApp(deps: SlackDeps): SlackApp {
  const { config, log, redact } = deps;
  const logger = boltLogger(log, redact);
  let stopping: Promise<void> | undefined;
  let listening = false;
  const receiver: HTTPReceiver | SocketModeReceiver =
    config.mode === 'http'
      ? httpReceiver(config, logger, () => ({ ok: stopping === undefined, body: { ok: stopping === undefined, mode: config.mode, documents: deps.engine.documents.length } }))
      : socketReceiver(config, logger);
  const app = new App({
    token: config.secrets.botToken,
    receiver,
    logger,
    // auth.test runs in start(), where a rejected token becomes a clear start-up error.
    deferInitialization: true,
    // No conversation store: state lives in Slack (button values, message metadata), so HTTP instances are interchangeable.
    convoStore: false,
    clientOptions: {
      ...(config.apiUrl !== undefined && { slackApiUrl: config.apiUrl }),
      fetch: responseUrlFetch(config.apiUrl ?? SLACK_API_BASE),
      timeout: 10_000,
      // A late answer is worth little; retry briefly rather than for Bolt's default half hour.
      retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2000 },
    },
  });
  app.use(requestIdMiddleware());
  app.use(skipRetries(log));
  registerAskCommand(app, deps);
  registerDealdeskCommand(app, deps);
  registerAppMention(app, deps);
  registerDirectMessage(app, deps);
  registerButtons(app, deps);
  // Handlers have their own boundary; this catches what escapes one (middleware, acks).
  app.error(async (error) => {
    log.error({ err: errorForLog(error, redact) }, 'slack: unhandled error');
  });

  return {
    mode: config.mode,
    async start() {
      // auth.test uses the bot token; in Socket Mode, start() calls apps.connections.open with the app token.
      await app.init().catch((error: unknown) => Promise.reject(startError(error, config, redact, 'SLACK_BOT_TOKEN')));
      try {
        if (config.mode === 'http') {
          const server = (await app.start(config.port)) as Server;
          listening = true;
          return { port: (server.address() as AddressInfo).port };
        }
        // Marked first: a socket that fails to connect may still be retrying, and stop() must end that.
        listening = true;
        await app.start();
        return { port: undefined };
      } catch (error) {
        throw startError(error, config, redact, 'SLACK_APP_TOKEN');
      }
    },
    stop() {
      stopping ??= (async () => {
        if (listening) await withTimeout(closeTransport(receiver), STOP_TIMEOUT_MS).catch((error: unknown) => log.warn({ err: errorForLog(error, redact) }, 'slack: transport did not close cleanly'));
        const drained = await deps.inFlight.drain(STOP_TIMEOUT_MS);
        log.info({ mode: config.mode, drained, running: deps.inFlight.size }, 'slack: stopped');
      })();
      return stopping;
    },
  };
}

function closeTransport(receiver: HTTPReceiver | SocketModeReceiver): Promise<unknown> {
  // Bolt's SocketModeReceiver.stop() does not wait for the socket to close; its client's disconnect() does.
  return 'client' in receiver ? receiver.client.disconnect() : receiver.stop();
}

async function withTimeout(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([work, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

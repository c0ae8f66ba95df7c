import type { SlackDeps } from './deps.js';
import { errorForLog } from './redact.js';
import { WORDING } from './wording.js';

/** What a handler is doing, for its log line. */
export interface HandlerMeta {
  kind: 'command' | 'mention' | 'dm' | 'action';
  /** The slash command, for kind `command`. */
  command?: string;
  requestId: string;
  user: string | undefined;
  channel: string | undefined;
}

/**
 * Runs one handler's work under the error boundary every handler shares: logs one line with
 * the request id and outcome; on failure logs the (redacted) error and tells the user a short
 * apology carrying the same id, so a report can be matched to the log. Never rejects.
 *
 * @example await guarded(deps, meta, async () => 'answered', (text) => respond(text));
 */
export async function guarded(deps: SlackDeps, meta: HandlerMeta, work: () => Promise<string>, apologize: (text: string) => Promise<unknown>): Promise<void> {
  const started = performance.now();
  const run = async (): Promise<void> => {
    try {
      const outcome = await work();
      deps.log.info({ ...meta, outcome, ms: Math.round(performance.now() - started) }, 'slack: handled');
    } catch (error) {
      deps.log.error({ ...meta, err: errorForLog(error, deps.redact), ms: Math.round(performance.now() - started) }, 'slack: handler failed');
      try {
        await apologize(WORDING.apology(meta.requestId));
      } catch (apologyError) {
        deps.log.warn({ ...meta, err: errorForLog(apologyError, deps.redact) }, 'slack: could not send the apology');
      }
    }
  };
  await deps.inFlight.track(run());
}

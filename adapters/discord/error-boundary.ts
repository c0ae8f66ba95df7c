import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { describeError } from './describe-error.js';
import type { Secret } from './secret.js';
import { WORDING } from './wording.js';

/** What a log line says about the event that failed (ids only, never message text). */
export interface BoundaryContext {
  handler: 'interaction' | 'message';
  command?: string;
  user?: string;
  guild?: string | null;
  channel?: string | null;
}

/**
 * The one error boundary around every handler: runs `handle` with a fresh request id; on any
 * error logs it (with the id and context) and sends the user a short apology naming the id.
 * Never rethrows, so no handler error can end the process; a failing apology is only logged.
 *
 * @example await withErrorBoundary({ log, secret }, { handler: 'message' }, async (id) => reply(), (text) => message.reply(text))
 */
export async function withErrorBoundary(
  deps: { log: Logger; secret?: Secret },
  context: BoundaryContext,
  handle: (requestId: string) => Promise<void>,
  apologize: (text: string) => Promise<unknown>,
): Promise<void> {
  const requestId = randomUUID().slice(0, 8);
  try {
    await handle(requestId);
  } catch (error) {
    deps.log.error({ requestId, ...context, error: describeError(error, deps.secret) }, 'discord handler failed');
    try {
      await apologize(WORDING.apology(requestId));
    } catch (apologyError) {
      deps.log.warn({ requestId, error: describeError(apologyError, deps.secret) }, 'discord apology could not be sent');
    }
  }
}

import { randomUUID } from 'node:crypto';
import type { AnyMiddlewareArgs, Context, Middleware } from '@slack/bolt';
import type { Logger } from 'pino';

/** Gives every incoming request a short id, used in its log lines and in any apology the user sees. */
export function requestIdMiddleware(): Middleware<AnyMiddlewareArgs> {
  return async ({ context, next }) => {
    // randomUUID draws from a cached entropy pool: far cheaper per request than randomBytes.
    context['requestId'] = randomUUID().slice(0, 8);
    await next();
  };
}

/** The request id `requestIdMiddleware` set ("-" outside a request). */
export function requestIdOf(context: Context): string {
  const id = context['requestId'];
  return typeof id === 'string' ? id : '-';
}

/**
 * Slack re-delivers an event it thinks was not acknowledged in time (HTTP header
 * `x-slack-retry-num`, Socket Mode `retry_attempt`). The first delivery is already being
 * answered, so a retry is acknowledged and dropped: one question, one answer. Stateless, so it
 * holds across instances too.
 */
export function skipRetries(log: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const retryNum = args.context.retryNum ?? 0;
    if (retryNum <= 0) {
      await args.next();
      return;
    }
    // Events are acknowledged by Bolt before middleware runs; anything else needs it here.
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
    log.info({ requestId: requestIdOf(args.context), retryNum, retryReason: args.context.retryReason }, 'slack: retry skipped');
  };
}

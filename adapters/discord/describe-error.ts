import type { Secret } from './secret.js';

/** Interaction and webhook tokens sit in REST paths; they are short-lived secrets, so logs never show them. */
const TOKEN_IN_PATH = /(\/(?:webhooks|interactions)\/\d+\/)[\w.-]+/g;

/** A loggable summary of an error: no token, no interaction token, no request body. */
export interface ErrorSummary {
  type: string;
  message: string;
  code?: string | number;
  status?: number;
  stack?: string;
}

/**
 * Summarises `error` for a log line, scrubbing the bot token (when given) and interaction tokens.
 *
 * @example describeError(new Error('PATCH /webhooks/1/abc/messages/@original failed')).message // 'PATCH /webhooks/1/[redacted]/messages/@original failed'
 */
export function describeError(error: unknown, secret?: Secret): ErrorSummary {
  const scrub = (text: string): string => (secret ? secret.scrub(text) : text).replace(TOKEN_IN_PATH, '$1[redacted]');
  if (!(error instanceof Error)) return { type: typeof error, message: scrub(String(error)) };
  const extra = error as Error & { code?: unknown; status?: unknown };
  return {
    type: error.name,
    message: scrub(error.message),
    ...(typeof extra.code === 'string' || typeof extra.code === 'number' ? { code: extra.code } : {}),
    ...(typeof extra.status === 'number' ? { status: extra.status } : {}),
    ...(error.stack !== undefined ? { stack: scrub(error.stack) } : {}),
  };
}

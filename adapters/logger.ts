import { pino, type Logger } from 'pino';

/**
 * The servers' logger: JSON lines on stderr. Anything that looks like a token is redacted by
 * path, and adapters never put secrets in log fields to begin with.
 */
export function createLogger(level = process.env['LOG_LEVEL'] ?? 'info'): Logger {
  return pino(
    {
      level,
      base: { app: 'dealdesk' },
      redact: { paths: ['token', '*.token', 'authorization', '*.authorization', 'headers.authorization', 'signingSecret', '*.signingSecret'], censor: '[redacted]' },
    },
    pino.destination(2),
  );
}

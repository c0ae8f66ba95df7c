import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

/**
 * Bolt's logger interface over our pino logger: Bolt's own lines go to the same JSON log,
 * tagged `component: "bolt"`, each passed through the redactor first (Bolt logs error objects
 * whose text could carry a token).
 */
export function boltLogger(log: Logger, redact: (text: string) => string): BoltLogger {
  const child = log.child({ component: 'bolt' });
  const line = (args: unknown[]): string => redact(args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : safeJson(a))).join(' '));
  let level: LogLevel = levelOf(log.level);
  // Bolt logs several debug lines per request; build (and redact) a line only when it will be written.
  return {
    debug: (...args) => void (child.isLevelEnabled('debug') && child.debug(line(args))),
    info: (...args) => void (child.isLevelEnabled('info') && child.info(line(args))),
    warn: (...args) => void (child.isLevelEnabled('warn') && child.warn(line(args))),
    error: (...args) => child.error(line(args)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

function levelOf(pinoLevel: string): LogLevel {
  if (pinoLevel === 'debug' || pinoLevel === 'trace') return LogLevel.DEBUG;
  if (pinoLevel === 'warn') return LogLevel.WARN;
  if (pinoLevel === 'error' || pinoLevel === 'fatal' || pinoLevel === 'silent') return LogLevel.ERROR;
  return LogLevel.INFO;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

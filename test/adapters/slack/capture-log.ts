import { pino, type Logger } from 'pino';

/** A pino logger that keeps its JSON lines in memory, for asserting what was (and was not) logged. */
export function captureLog(level = 'debug'): { log: Logger; text: () => string; entries: () => Record<string, unknown>[] } {
  const lines: string[] = [];
  const log = pino({ level, base: { app: 'dealdesk' } }, { write: (line: string) => void lines.push(line) });
  return {
    log,
    text: () => lines.join(''),
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

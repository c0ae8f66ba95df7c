import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/** One 👍/👎 click, as a JSON line. */
export interface FeedbackEntry {
  at: string;
  platform: 'slack';
  vote: 'up' | 'down';
  /** Citation key of the quote voted on. */
  key: string;
  question: string;
  team: string | undefined;
  user: string;
  channel: string | undefined;
}

/** Where feedback goes; a file in production, anything in tests. */
export interface FeedbackSink {
  record(entry: FeedbackEntry): Promise<void>;
}

/**
 * Appends feedback as JSON lines to `<dataDir>/slack-feedback.jsonl`, creating the folder on
 * first use. Appends of one line are atomic enough for several processes on one volume.
 *
 * @example await jsonLinesFeedback('data').record({ at: new Date().toISOString(), platform: 'slack', vote: 'up', key: '7b76657a69b8', question: 'Article 5?', team: 'T1', user: 'U1', channel: 'C1' })
 */
export function jsonLinesFeedback(dataDir: string): FeedbackSink & { path: string } {
  const path = join(dataDir, 'slack-feedback.jsonl');
  let ready: Promise<unknown> | undefined;
  return {
    path,
    async record(entry) {
      // Forget a failed mkdir, so a folder created later (or fixed permissions) is picked up.
      ready ??= mkdir(dataDir, { recursive: true }).catch((error: unknown) => {
        ready = undefined;
        throw error;
      });
      await ready;
      await appendFile(path, `${JSON.stringify(entry)}\n`, 'utf8');
    },
  };
}

import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** One 👍/👎 vote, one JSON line in `<DEALDESK_DATA_DIR>/discord-feedback.jsonl`. */
export const FeedbackRecordSchema = z.object({
  at: z.iso.datetime(),
  platform: z.literal('discord'),
  vote: z.enum(['up', 'down']),
  /** The cited passage's key, as in the button. */
  key: z.string(),
  /** Its stable id (`<document>#p<paragraph>s<sentence>`) when the passage still exists. */
  passage: z.string().nullable(),
  /** The conversation's question, from the answer's topic footer. */
  topic: z.string().nullable(),
  user: z.string(),
  guild: z.string().nullable(),
  channel: z.string().nullable(),
  message: z.string().nullable(),
});
export type FeedbackRecord = z.infer<typeof FeedbackRecordSchema>;

export const FEEDBACK_FILE = 'discord-feedback.jsonl';

/**
 * Appends votes as JSON lines. Each record is one `appendFile` write of a single line, which
 * the OS appends whole, so several shards may share the file.
 *
 * @example await new FeedbackLog('data').record({ ...vote })
 */
export class FeedbackLog {
  readonly path: string;

  constructor(private readonly dataDir: string) {
    this.path = join(dataDir, FEEDBACK_FILE);
  }

  async record(record: FeedbackRecord): Promise<void> {
    const line = `${JSON.stringify(FeedbackRecordSchema.parse(record))}\n`;
    await mkdir(this.dataDir, { recursive: true });
    await appendFile(this.path, line, 'utf8');
  }
}

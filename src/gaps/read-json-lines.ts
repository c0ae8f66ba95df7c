import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { z } from 'zod';

/** The valid records of a JSON-lines file, and how many lines were not. */
export interface JsonLines<T> {
  path: string;
  records: T[];
  /** Lines that were not JSON or did not match the schema (a torn last line after a crash, a hand edit). */
  skipped: number;
  /** The file does not exist (yet): nothing recorded, not an error. */
  missing: boolean;
}

/**
 * Reads a JSON-lines log line by line (streamed, so a large log is never one string), keeping
 * the lines that parse and match `schema` and counting the rest. Blank lines are ignored.
 *
 * @example const { records, skipped } = await readJsonLines('data/questions.jsonl', QuestionRecordSchema)
 */
export async function readJsonLines<S extends z.ZodType>(path: string, schema: S): Promise<JsonLines<z.output<S>>> {
  if (!existsSync(path)) return { path, records: [], skipped: 0, missing: true };
  const records: z.output<S>[] = [];
  let skipped = 0;
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      skipped++;
      continue;
    }
    const parsed = schema.safeParse(data);
    if (parsed.success) records.push(parsed.data);
    else skipped++;
  }
  return { path, records, skipped, missing: false };
}

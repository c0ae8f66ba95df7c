import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnswerResult } from '../answer/result.js';
import { QuestionRecordSchema, type QuestionRecord } from './question-record.js';

/*
 * Why JSON lines and not SQLite: better-sqlite3 needs a native build (node-gyp and a compiler,
 * or a prebuilt binary matching this Node), which this deployment does not have; JSON lines
 * need nothing. The log is append-only, each record is one `appendFile` of one line (appended
 * whole by the OS, so several bot processes can share the file, and a crash loses at most the
 * line being written, which the reader then skips), and it stays greppable:
 * `grep '"kind":"declined"' data/questions.jsonl`. The report reads it in one pass, which is
 * fine for the volumes a Q&A bot sees (a million lines is ~200 MB, a few seconds).
 */

export const QUESTIONS_FILE = 'questions.jsonl';

/**
 * An answer whose best quote covers less than this share of the question counts as low
 * confidence and is recorded as a likely gap. The engine declines below 0.5 (INDEX_OPTIONS
 * .minCoverage); between the two it answers, but a reader probably got only part of it.
 */
export const LOW_CONFIDENCE_COVERAGE = 0.7;

export interface GapStoreOptions {
  /** Folder holding `questions.jsonl` (created on first write). */
  dataDir: string;
  /** Keep user ids (`DEALDESK_LOG_USERS=on`); otherwise they are never written. */
  logUsers?: boolean;
  /** The clock (tests drive it). */
  now?: () => Date;
}

/**
 * The append-only log of questions the knowledge did not answer well.
 *
 * @example
 * const store = new GapStore({ ...gapSettings(undefined) });
 * await recordQuestion(store, { platform: 'slack', result, user: 'U123' });
 */
export class GapStore {
  readonly path: string;
  readonly logUsers: boolean;
  private readonly dataDir: string;
  private readonly clock: () => Date;

  constructor(options: GapStoreOptions) {
    this.dataDir = options.dataDir;
    this.path = join(options.dataDir, QUESTIONS_FILE);
    this.logUsers = options.logUsers ?? false;
    this.clock = options.now ?? (() => new Date());
  }

  now(): Date {
    return this.clock();
  }

  /**
   * Appends one validated record as one line (adapters call {@link recordQuestion} instead).
   *
   * @example await store.append({ at: new Date().toISOString(), platform: 'cli', kind: 'declined', question: 'Who won?', reason: 'not_covered' })
   */
  async append(record: QuestionRecord): Promise<void> {
    const line = `${JSON.stringify(QuestionRecordSchema.parse(record))}\n`;
    await mkdir(this.dataDir, { recursive: true });
    await appendFile(this.path, line, 'utf8');
  }
}

/** What an adapter knows after answering: where, the engine's result, and who asked. */
export interface AskedQuestion {
  platform: string;
  result: AnswerResult;
  /** Platform user id; stored only when the store's `logUsers` is on. */
  user?: string | undefined;
}

/**
 * Records one answered or declined question, deciding what is worth keeping:
 * - declined because the documents do not cover it (`not_covered`) → `declined`, with the
 *   question. Empty, over-long and content-free questions ("hi", "🙂") are not recorded:
 *   they say nothing about which documents are missing;
 * - answered with top coverage below {@link LOW_CONFIDENCE_COVERAGE} → `low_confidence`;
 * - answered otherwise → `cited` (passage keys and document ids only).
 *
 * The question stored is `result.question`: sanitised by the engine (mentions and control
 * characters removed), so raw platform markup never reaches the log. Returns the record
 * written, or undefined. Rejects only if the file cannot be written — call it after replying,
 * under the adapter's error boundary, so a full disk never costs a reader their answer.
 *
 * @example
 * const result = engine.ask(text);
 * await reply(result);
 * await recordQuestion(gaps, { platform: 'discord', result, user: interaction.user.id });
 */
export async function recordQuestion(store: GapStore, asked: AskedQuestion): Promise<QuestionRecord | undefined> {
  const record = toRecord(asked, store.now(), store.logUsers);
  if (record !== undefined) await store.append(record);
  return record;
}

/**
 * The record for a question, or undefined when it is not recorded (pure; see {@link recordQuestion}).
 *
 * @example toRecord({ platform: 'cli', result: engine.ask('Who won the Super Bowl?') }, new Date(), false)?.kind // 'declined'
 */
export function toRecord({ platform, result, user }: AskedQuestion, now: Date, logUsers: boolean): QuestionRecord | undefined {
  const at = now.toISOString();
  const who = logUsers && user !== undefined && user !== '' ? { user } : {};
  if (result.status === 'no_answer') {
    if (result.reason !== 'not_covered' || result.question.trim() === '') return undefined;
    return { at, platform, kind: 'declined', question: result.question, reason: result.reason, ...who };
  }
  const [top] = result.citations;
  // The schema guarantees a citation; zod's `nonempty()` type does not carry that.
  if (top === undefined) return undefined;
  const cited = {
    coverage: top.coverage,
    topKey: top.key,
    keys: result.citations.map((c) => c.key),
    documents: [...new Set(result.citations.map((c) => c.document.id))],
  };
  if (top.coverage < LOW_CONFIDENCE_COVERAGE) return { at, platform, kind: 'low_confidence', question: result.question, ...cited, ...who };
  return { at, platform, kind: 'cited', ...cited };
}

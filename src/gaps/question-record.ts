import { z } from 'zod';
import { NoAnswerReasonSchema } from '../answer/result.js';

const Base = {
  at: z.iso.datetime(),
  /** Where the question was asked: `discord`, `slack`, `cli`, … */
  platform: z.string().min(1).max(40),
};
const Question = z.string().min(1).max(2000);
const Key = z.string().min(1).max(100);

/**
 * One line of `<data>/questions.jsonl`. Three kinds:
 * - `declined`: the bot had no answer; the question is kept, it shows a gap;
 * - `low_confidence`: answered, but the best quote covers less than the threshold of the
 *   question; kept too, a likely gap;
 * - `cited`: answered with confidence. Only which passages and documents were cited is kept —
 *   no question text, no user — so the report can tell which documents are never cited.
 *
 * `user` is present only when `DEALDESK_LOG_USERS=on`. Unknown fields are dropped on reading,
 * so older readers accept lines from newer writers.
 */
export const QuestionRecordSchema = z.discriminatedUnion('kind', [
  z.object({ ...Base, kind: z.literal('declined'), question: Question, reason: NoAnswerReasonSchema, user: z.string().optional() }),
  z.object({
    ...Base,
    kind: z.literal('low_confidence'),
    question: Question,
    /** Coverage of the top citation, 0..1. */
    coverage: z.number().min(0).max(1),
    /** Key of the top citation (`Engine.citation(key)`). */
    topKey: Key,
    /** Keys of every citation given, top first. */
    keys: z.array(Key).min(1),
    /** Ids of the documents cited, in citation order. */
    documents: z.array(z.string()),
    user: z.string().optional(),
  }),
  z.object({
    ...Base,
    kind: z.literal('cited'),
    coverage: z.number().min(0).max(1),
    topKey: Key,
    keys: z.array(Key).min(1),
    documents: z.array(z.string()),
  }),
]);
export type QuestionRecord = z.infer<typeof QuestionRecordSchema>;
export type GapRecord = Extract<QuestionRecord, { kind: 'declined' | 'low_confidence' }>;
